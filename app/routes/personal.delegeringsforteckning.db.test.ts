/**
 * The admin's delegeringsförteckning page (issue #6): who gets in (the admin of the PUA's kommun
 * only), and that saving, changing and removing a point changes who may decide — audited.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, pua } from '../../db/schema/index';
import { A, addMatrixPeople, args, D, kindOf, L, type Who } from '../../tests/access-matrix';
import { addResident } from '../../tests/cases';
import { useTestDatabase } from '../../tests/db';
import { delegationPointFor } from '~/domain/delegation';
import { delegationIn } from '~/models/decisions.server';
import { action, loader } from './personal.delegeringsforteckning';

const t = useTestDatabase();

const world = {} as { people: Awaited<ReturnType<typeof addMatrixPeople>>['people']; sn: string; bun: string; granasaSn: string };

beforeAll(async () => {
  const resident = await addResident(t.handle, '198001019804', 'Anna Andersson');
  Object.assign(world, await addMatrixPeople(t.handle, resident.id));
  const all = await t.handle.db.select({ id: pua.id, code: pua.code, name: pua.name }).from(pua);
  world.granasaSn = all.find((p) => p.code === 'SN' && p.id !== world.sn)!.id;
});

const who = (label: string): Who => world.people[label]!;
const page = (w: Who, query: Record<string, string>) => loader(args(w, `/personal/delegeringsforteckning?${new URLSearchParams(query)}`, {}));
const post = (w: Who, query: Record<string, string>, form: Record<string, string | string[]>) => {
  const body = new URLSearchParams({ csrf: w.csrf });
  for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
  return action({
    request: new Request(`http://localhost/personal/delegeringsforteckning?${new URLSearchParams(query)}`, { method: 'POST', headers: { Cookie: w.cookie, 'Content-Type': 'application/x-www-form-urlencoded' }, body }),
    params: {},
    context: { cspNonce: 'test', clientIp: '127.0.0.1' },
  });
};
const point = (over: Record<string, string | string[]> = {}) => ({ number: '7.6', decisionTypes: ['avslag', 'delvis_bifall'], role: '', staffUserId: who('handläggare SN, assigned').staffId!, remark: 'Under semesterperioden.', ...over });
const errorsOf = async (r: unknown) => {
  expect(r).toBeInstanceOf(Response);
  const res = r as Response;
  expect(res.status).toBe(400);
  return ((await res.json()) as { errors: Record<string, string> }).errors;
};

describe('who may see and edit a förteckning', () => {
  const roles = ['samordnare SN', 'samordnare BUN', 'handläggare SN, assigned', 'systemägare SN', 'registrator SN', 'reception', 'kontaktcenter', 'dataskyddsombud', 'admin', 'resident'];
  const expected: Record<string, string> = { admin: A, resident: L };

  it.each(roles)('%s: the page, and saving a point', async (label) => {
    expect(await kindOf(() => page(who(label), { pua: world.sn }))).toBe(expected[label] ?? D);
    // A refused save (no decision type) is past the guard: 400 counts as let in.
    expect(await kindOf(() => post(who(label), { pua: world.sn }, point({ decisionTypes: [] })))).toBe(expected[label] ?? D);
  });

  it('the admin of Sjöbacka gets 404 for a PUA of Granåsa, and for a point that does not exist', async () => {
    expect(await kindOf(() => page(who('admin'), { pua: world.granasaSn }))).toBe(D);
    expect(await kindOf(() => post(who('admin'), { pua: world.granasaSn }, point()))).toBe(D);
    expect(await kindOf(() => page(who('admin'), { pua: world.sn, punkt: '99.9' }))).toBe(D);
  });
});

describe('editing the förteckning changes who may decide', () => {
  it('adds, refuses, changes and removes a point, each change audited', async () => {
    const admin = who('admin');
    const erik = { staffUserId: who('handläggare SN, assigned').staffId!, roles: ['handlaggare' as const] };
    const pointFor = async (type: 'avslag' | 'bifall') => delegationPointFor((await delegationIn(world.sn, erik.staffUserId)).points, erik, type)?.number ?? null;
    expect(await pointFor('avslag')).toBeNull();

    const saved = (await post(admin, { pua: world.sn }, point())) as Response;
    expect(saved.status).toBe(302);
    expect(saved.headers.get('Location')).toBe(`/personal/delegeringsforteckning?pua=${world.sn}&klart=saved&nr=7.6`);
    expect(await pointFor('avslag')).toBe('7.6');
    const list = (await (await page(admin, { pua: world.sn })).json()) as { points: { number: string }[]; names: Record<string, string> };
    expect(list.points.map((p) => p.number)).toEqual(['7.1', '7.2', '7.3', '7.4', '7.5', '7.6']);
    expect(list.names[erik.staffUserId]).toBe('handläggare SN, assigned');

    // Refused, with nothing changed: a number in use, a person of another nämnd, no delegate.
    expect(await errorsOf(await post(admin, { pua: world.sn }, point({ number: '7.2' })))).toEqual({ number: 'duplicate' });
    expect(await errorsOf(await post(admin, { pua: world.sn }, point({ number: '7.7', staffUserId: who('samordnare BUN').staffId! })))).toEqual({ staffUserId: 'unknown' });
    expect(await errorsOf(await post(admin, { pua: world.sn }, point({ number: '7.7', staffUserId: '', role: '' })))).toEqual({ delegate: 'required' });

    // Changed to bifall only, under a new number: it keeps its place in the list.
    const changed = (await post(admin, { pua: world.sn, punkt: '7.6' }, point({ replacing: '7.6', number: '7.6a', decisionTypes: ['bifall'] }))) as Response;
    expect(changed.status).toBe(302);
    expect(await pointFor('avslag')).toBeNull();

    const removed = (await post(admin, { pua: world.sn }, { intent: 'remove', number: '7.6a' })) as Response;
    expect(removed.headers.get('Location')).toContain('klart=removed&nr=7.6a');
    expect(await errorsOf(await post(admin, { pua: world.sn }, { intent: 'remove', number: '7.6a' }))).toEqual({ notFound: 'notFound' });
    // Changing a point someone else removed meanwhile is refused, not turned into a new point.
    expect(await errorsOf(await post(admin, { pua: world.sn }, point({ replacing: '7.6a' })))).toEqual({ notFound: 'notFound' });

    const audit = await t.handle.db.select({ action: auditLog.action, details: auditLog.details }).from(auditLog).where(and(eq(auditLog.entityType, 'pua'), eq(auditLog.entityId, world.sn)));
    expect(audit.map((a) => a.action)).toEqual(['pua.delegation.add', 'pua.delegation.change', 'pua.delegation.remove']);
    expect(audit[1]!.details).toMatchObject({ before: { number: '7.6', decisionTypes: ['delvis_bifall', 'avslag'] }, after: { number: '7.6a', decisionTypes: ['bifall'] } });
  });
});
