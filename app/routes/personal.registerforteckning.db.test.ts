/**
 * The samordnare's registerförteckning page (issue #7): who gets in (the GDPR-samordnare of the PUA
 * only), and that adding, changing and removing an activity is stored and audited, and that a
 * refused one says which fields are wrong.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, pua } from '../../db/schema/index';
import { A, addMatrixPeople, args, D, kindOf, L, type Who } from '../../tests/access-matrix';
import { addResident } from '../../tests/cases';
import { useTestDatabase } from '../../tests/db';
import type { ProcessingActivity } from '~/domain/processing-activities';
import { action, loader } from './personal.registerforteckning';

const t = useTestDatabase();

const world = {} as { people: Awaited<ReturnType<typeof addMatrixPeople>>['people']; sn: string; bun: string; granasaSn: string };

beforeAll(async () => {
  const resident = await addResident(t.handle, '198001019804', 'Anna Andersson');
  Object.assign(world, await addMatrixPeople(t.handle, resident.id));
  const all = await t.handle.db.select({ id: pua.id, code: pua.code }).from(pua);
  world.granasaSn = all.find((p) => p.code === 'SN' && p.id !== world.sn)!.id;
});

const who = (label: string): Who => world.people[label]!;
const page = (w: Who, query: Record<string, string>) => loader(args(w, `/personal/registerforteckning?${new URLSearchParams(query)}`, {}));
const post = (w: Who, query: Record<string, string>, form: Record<string, string>) => action(args(w, `/personal/registerforteckning?${new URLSearchParams(query)}`, {}, form));
const listOf = async (w: Who, puaId: string) => ((await (await page(w, { pua: puaId })).json()) as { activities: ProcessingActivity[] }).activities;

/** Sjöbacka BUN's skolskjuts as the form sends it (Skollagen (2010:800) 10 kap. 32 §). */
const skolskjuts = (over: Record<string, string> = {}) => ({
  name: 'Skolskjuts för elever i grundsärskolan',
  code: 'skolskjuts-grundsarskola',
  purposes: 'Pröva rätten till skolskjuts\r\nPlanera turerna',
  legalBasis: 'public_interest',
  legalBasisLaw: 'Skollagen (2010:800) 10 kap. 32 §',
  dataCategories: 'Namn och adress\r\nSkola och skoltider',
  sensitiveCategories: 'Uppgifter om funktionsnedsättning',
  subjectCategories: 'Elever\r\nVårdnadshavare',
  recipients: 'Trafikföretaget som kör skolskjutsen',
  thirdCountry: 'no',
  thirdCountryCountries: '',
  thirdCountrySafeguards: '',
  retention: 'Tre år efter att beslutet upphört',
  retentionReference: 'DHP BUN 4.4',
  source: 'Vårdnadshavarna',
  automated: 'no',
  automatedLogic: '',
  automatedSignificance: '',
  systems: 'Skolskjutsplaneringen',
  ...over,
});
const errorsOf = async (r: unknown) => {
  expect(r).toBeInstanceOf(Response);
  const res = r as Response;
  expect(res.status).toBe(400);
  return ((await res.json()) as { errors: Record<string, string> }).errors;
};

describe('who may see and edit a registerförteckning', () => {
  const roles = ['samordnare SN', 'samordnare BUN', 'handläggare SN, assigned', 'systemägare SN', 'registrator SN', 'reception', 'kontaktcenter', 'dataskyddsombud', 'admin', 'resident'];
  const expected: Record<string, string> = { 'samordnare SN': A, resident: L };

  it.each(roles)('%s: the page of SN, and saving an activity there', async (label) => {
    expect(await kindOf(() => page(who(label), { pua: world.sn }))).toBe(expected[label] ?? D);
    // A refused save (no name) and removing what is not there are past the guard: 400 counts as let in.
    expect(await kindOf(() => post(who(label), { pua: world.sn }, skolskjuts({ name: '' })))).toBe(expected[label] ?? D);
    expect(await kindOf(() => post(who(label), { pua: world.sn }, { intent: 'remove', code: 'finns-inte' }))).toBe(expected[label] ?? D);
  });

  it('the samordnare of BUN keeps BUN’s förteckning, and is shown it without asking', async () => {
    const bun = who('samordnare BUN');
    expect(await kindOf(() => page(bun, { pua: world.bun }))).toBe(A);
    const first = (await (await loader(args(bun, '/personal/registerforteckning', {}))).json()) as { pua: { id: string }; puas: unknown[] };
    expect(first.pua.id).toBe(world.bun);
    expect(first.puas).toHaveLength(1);
  });

  it('the samordnare of Sjöbacka SN gets 404 for Granåsa SN, and for an activity that does not exist', async () => {
    const anna = who('samordnare SN');
    expect(await kindOf(() => page(anna, { pua: world.granasaSn }))).toBe(D);
    expect(await kindOf(() => post(anna, { pua: world.granasaSn }, skolskjuts()))).toBe(D);
    expect(await kindOf(() => page(anna, { pua: world.sn, aktivitet: 'skolskjuts' }))).toBe(D);
  });

  it('the page shows SN’s activities from the demo file, and one to change by its code', async () => {
    const anna = who('samordnare SN');
    expect((await listOf(anna, world.sn)).map((a) => a.code)).toEqual(['ekonomiskt-bistand', 'barn-och-unga', 'familjeradgivning']);
    const edit = (await (await page(anna, { pua: world.sn, aktivitet: 'familjeradgivning' })).json()) as { editing: ProcessingActivity };
    expect(edit.editing).toMatchObject({ code: 'familjeradgivning', legalBasis: 'public_interest' });
  });
});

describe('editing the registerförteckning', () => {
  it('adds, refuses, changes and removes an activity, each change audited with before and after', async () => {
    const samordnare = who('samordnare BUN');
    const bun = { pua: world.bun };
    const before = await listOf(samordnare, world.bun);

    const saved = (await post(samordnare, bun, skolskjuts())) as Response;
    expect(saved.status).toBe(302);
    expect(saved.headers.get('Location')).toBe(`/personal/registerforteckning?${new URLSearchParams({ pua: world.bun, klart: 'saved', namn: 'Skolskjuts för elever i grundsärskolan' })}`);
    const added = (await listOf(samordnare, world.bun)).at(-1)!;
    expect(added).toEqual({
      code: 'skolskjuts-grundsarskola',
      name: 'Skolskjuts för elever i grundsärskolan',
      purposes: ['Pröva rätten till skolskjuts', 'Planera turerna'],
      legalBasis: 'public_interest',
      legalBasisLaw: 'Skollagen (2010:800) 10 kap. 32 §',
      dataCategories: ['Namn och adress', 'Skola och skoltider'],
      sensitiveCategories: ['Uppgifter om funktionsnedsättning'],
      subjectCategories: ['Elever', 'Vårdnadshavare'],
      recipients: ['Trafikföretaget som kör skolskjutsen'],
      thirdCountry: { transfers: false },
      retention: 'Tre år efter att beslutet upphört',
      retentionReference: 'DHP BUN 4.4',
      source: 'Vårdnadshavarna',
      automatedDecisions: { exists: false },
      systems: ['Skolskjutsplaneringen'],
    });

    // Refused, with nothing changed: a code in use, 6.1 e without its law, a transfer without details, nothing at all.
    expect(await errorsOf(await post(samordnare, bun, skolskjuts()))).toEqual({ code: 'duplicate' });
    expect(await errorsOf(await post(samordnare, bun, skolskjuts({ code: 'ny', legalBasisLaw: ' ' })))).toEqual({ legalBasisLaw: 'required' });
    expect(await errorsOf(await post(samordnare, bun, skolskjuts({ code: 'ny', thirdCountry: 'yes' })))).toEqual({ thirdCountryCountries: 'required', thirdCountrySafeguards: 'required' });
    expect(Object.keys(await errorsOf(await post(samordnare, bun, {})))).toEqual(['name', 'purposes', 'legalBasis', 'dataCategories', 'subjectCategories', 'thirdCountry', 'retention', 'source', 'automated']);
    expect(await listOf(samordnare, world.bun)).toHaveLength(before.length + 1);

    // Changed to consent with automated decisions; the code sent is ignored, the activity keeps its own and its place.
    const changed = (await post(samordnare, { ...bun, aktivitet: 'skolskjuts-grundsarskola' }, skolskjuts({
      replacing: 'skolskjuts-grundsarskola',
      code: 'annan-kod',
      legalBasis: 'consent',
      legalBasisLaw: '',
      automated: 'yes',
      automatedLogic: 'Turen väljs automatiskt efter adressen',
      automatedSignificance: 'Avgör vilken hållplats eleven får',
    }))) as Response;
    expect(changed.status).toBe(302);
    const after = await listOf(samordnare, world.bun);
    expect(after.map((a) => a.code)).toEqual([...before.map((a) => a.code), 'skolskjuts-grundsarskola']);
    expect(after.at(-1)).toMatchObject({ legalBasis: 'consent', automatedDecisions: { exists: true, logic: 'Turen väljs automatiskt efter adressen' } });
    expect(after.at(-1)!.legalBasisLaw).toBeUndefined();

    const removed = (await post(samordnare, bun, { intent: 'remove', code: 'skolskjuts-grundsarskola' })) as Response;
    expect(removed.headers.get('Location')).toContain('klart=removed');
    expect(await listOf(samordnare, world.bun)).toEqual(before);
    expect(await errorsOf(await post(samordnare, bun, { intent: 'remove', code: 'skolskjuts-grundsarskola' }))).toEqual({ notFound: 'notFound' });
    // Changing an activity someone else removed meanwhile is refused, not turned into a new one.
    expect(await errorsOf(await post(samordnare, bun, skolskjuts({ replacing: 'skolskjuts-grundsarskola' })))).toEqual({ notFound: 'notFound' });

    const audit = await t.handle.db
      .select({ action: auditLog.action, actorId: auditLog.actorId, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'pua'), eq(auditLog.entityId, world.bun)));
    expect(audit.map((a) => a.action)).toEqual(['pua.processing_activity.add', 'pua.processing_activity.change', 'pua.processing_activity.remove']);
    expect(new Set(audit.map((a) => a.actorId))).toEqual(new Set([samordnare.staffId]));
    expect(audit[0]!.details).toMatchObject({ before: null, after: { code: 'skolskjuts-grundsarskola', legalBasis: 'public_interest' } });
    expect(audit[1]!.details).toMatchObject({ before: { legalBasis: 'public_interest' }, after: { legalBasis: 'consent' } });
    expect(audit[2]!.details).toMatchObject({ before: { code: 'skolskjuts-grundsarskola', legalBasis: 'consent' } });
  });
});
