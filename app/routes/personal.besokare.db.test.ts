/**
 * Reception and kontaktcenter (issue #8): the identity check at the desk, the status-only view of a
 * verified person's cases (audited with the check), and the handover of a registerutdrag waiting at
 * the reception — only to the one who asked, only by the reception, and the ZIP only afterwards.
 */
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, caseEvents, cases, identityChecks } from '../../db/schema/index';
import { A, addMatrixPeople, args, D, kindOf, L, outcome, type Who } from '../../tests/access-matrix';
import { addResident, fileCase, useTestDeliveryStore, useTestFileStore } from '../../tests/cases';
import { useTestDatabase } from '../../tests/db';
import { buildTestUtdragPackage } from '../../tests/utdrag';
import { zipEntries } from '../../tests/zip';
import { currentUtdragPackage } from '~/models/utdrag-package.server';
import { handOverUtdrag } from '~/models/utdrag-pickup.server';
import { personnummerLookup } from '~/utils/pnr-crypto.server';
import { action as verifyAction, loader as verifyLoader } from './personal.besokare._index';
import { action as personAction, loader as personLoader } from './personal.besokare.$checkId';
import { loader as pickupLoader } from './personal.uthamtning._index';
import { loader as fileLoader } from './personal.uthamtning.$packageId.fil';

const t = useTestDatabase();
useTestFileStore();
useTestDeliveryStore();

const ANNA = '198001019804';
const world = {} as { people: Record<string, Who>; caseId: string; pickupCaseId: string; packageId: string };

beforeAll(async () => {
  const anna = await addResident(t.handle, ANNA, 'Anna Andersson');
  const { people } = await addMatrixPeople(t.handle, anna.id);
  const [c] = await fileCase(t.handle, anna, ANNA, { puaCodes: ['SN'] });
  // A registerutdrag to collect at the reception.
  const [pickup] = await fileCase(t.handle, anna, ANNA, { puaCodes: ['SN'], rights: ['registerutdrag'], answers: { delivery: 'reception' } });
  const packageId = await buildTestUtdragPackage(t.handle, pickup!.id);
  Object.assign(world, { people, caseId: c!.id, pickupCaseId: pickup!.id, packageId });
});

const document = { personnummer: '19800101-9804', name: 'Anna Andersson', documentType: 'korkort', issuer: 'Transportstyrelsen', lastFour: '12ab', confirmed: 'yes' };

/** Checks Anna's ID as `label`; returns the check's page path. */
async function check(label: string, fields: Record<string, string> = document): Promise<string> {
  const r = (await verifyAction(args(world.people[label]!, '/personal/besokare', {}, fields))) as Response;
  expect(r.status).toBe(302);
  return r.headers.get('Location')!;
}
const checkIdOf = (path: string) => path.split('/').pop()!;

describe('who may check identities', () => {
  const expected: Record<string, string> = { reception: A, kontaktcenter: A, resident: L };
  it.each(['samordnare SN', 'handläggare SN, assigned', 'registrator SN', 'reception', 'kontaktcenter', 'dataskyddsombud', 'admin', 'resident'])('%s', async (label) => {
    expect(await kindOf(() => verifyLoader(args(world.people[label]!, '/personal/besokare', {})))).toBe(expected[label] ?? D);
    expect(await kindOf(() => pickupLoader(args(world.people[label]!, '/personal/uthamtning', {})))).toBe(label === 'reception' ? A : label === 'resident' ? L : D);
  });
});

describe('the ID check at the desk', () => {
  it('needs every field and the official’s confirmation; stores the last four only', async () => {
    const missing = (await verifyAction(args(world.people.reception!, '/personal/besokare', {}, { personnummer: '19800101-9805', name: '', documentType: 'x', issuer: '', lastFour: '12', confirmed: 'yes' }))) as Response;
    expect(missing.status).toBe(400);
    expect((await missing.json()).errors).toEqual({ personnummer: 'checksum', name: 'required', documentType: 'required', issuer: 'required', lastFour: 'format' });
    const unconfirmed = (await verifyAction(args(world.people.reception!, '/personal/besokare', {}, { ...document, confirmed: '' }))) as Response;
    expect((await unconfirmed.json()).errors).toEqual({ confirmed: 'confirm' });
    const nothing = (await verifyAction(args(world.people.reception!, '/personal/besokare', {}, {}))) as Response;
    expect((await nothing.json()).errors).toEqual({ personnummer: 'required', name: 'required', documentType: 'required', issuer: 'required', lastFour: 'required', confirmed: 'confirm' });

    const path = await check('reception');
    expect(path).toMatch(/^\/personal\/besokare\/[0-9a-f-]{36}$/);
    const [row] = await t.handle.db.select().from(identityChecks).where(eq(identityChecks.id, checkIdOf(path)));
    expect(row).toMatchObject({ method: 'id_document', name: 'Anna Andersson', document: { type: 'korkort', issuer: 'Transportstyrelsen', lastFour: '12AB' } });
    expect(JSON.stringify(row)).not.toContain('198001019804');
  });
});

describe('status for a verified person', () => {
  it('shows case number, PUA, status, dates and contact — nothing of the content — and audits the lookup with the check', async () => {
    const path = await check('kontaktcenter');
    const page = await ((await personLoader(args(world.people.kontaktcenter!, path, { checkId: checkIdOf(path) }))) as Response).json();
    expect(page.person).toMatchObject({ name: 'Anna Andersson', pnrMasked: '19800101-****', method: 'id_document' });
    expect(page.cases.map((c: { id: string }) => c.id).sort()).toEqual([world.caseId, world.pickupCaseId].sort());
    expect(Object.keys(page.cases[0]).sort()).toEqual(['deadline', 'diarienummer', 'id', 'kind', 'pua', 'receivedDate', 'status']);
    // The kontaktcenter hands nothing over.
    expect(page.pickups).toBeNull();
    const [audit] = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'case.status_lookup'), eq(auditLog.entityId, checkIdOf(path))));
    expect(audit!.details).toMatchObject({ method: 'id_document' });
    expect(JSON.stringify(audit!.details)).not.toContain('198001019804');
  });

  it('holds only for the official who made the check, in their session', async () => {
    const path = await check('kontaktcenter');
    const other = await outcome(() => personLoader(args(world.people.reception!, path, { checkId: checkIdOf(path) })));
    expect(other).toMatchObject({ status: 302, location: '/personal/besokare?utgangen=1' });
    expect(await kindOf(() => personLoader(args(world.people['samordnare SN']!, path, { checkId: checkIdOf(path) })))).toBe(D);
  });
});

describe('handover at the reception', () => {
  it('lists the package, hands it over only to the one who asked, then lets the official download the ZIP', async () => {
    const list = await ((await pickupLoader(args(world.people.reception!, '/personal/uthamtning', {}))) as Response).json();
    expect(list.rows).toEqual([expect.objectContaining({ packageId: world.packageId, recipientName: 'Anna Andersson', recipientPnrMasked: '19800101-****', expired: false })]);
    // Skyddade personuppgifter: the whole reception's list names nobody (DOMAIN.md §9).
    await t.handle.db.update(cases).set({ protectedIdentity: true }).where(eq(cases.id, world.pickupCaseId));
    const hidden = await ((await pickupLoader(args(world.people.reception!, '/personal/uthamtning', {}))) as Response).json();
    expect(hidden.rows).toEqual([expect.objectContaining({ packageId: world.packageId, recipientName: null, recipientPnrMasked: null })]);
    await t.handle.db.update(cases).set({ protectedIdentity: false }).where(eq(cases.id, world.pickupCaseId));

    // A caller identified by BankID on the phone is not the person at the desk: no handover.
    const staffId = world.people.reception!.staffId!;
    const phoneCheck = { id: crypto.randomUUID(), method: 'bankid_phone' as const, personnummer: ANNA, pnrLookup: personnummerLookup(ANNA), name: 'Anna Andersson', document: null, checkedAt: new Date() };
    expect(await handOverUtdrag({ packageId: world.packageId, check: phoneCheck, staffId, puaIds: [] })).toEqual({ ok: false, error: 'needs-document' });

    // Someone else at the desk: nothing waits for them, and the package is not theirs.
    const sven = await check('reception', { ...document, personnummer: '19650412-9815', name: 'Sven Svensson' });
    const svensPage = await ((await personLoader(args(world.people.reception!, sven, { checkId: checkIdOf(sven) }))) as Response).json();
    expect(svensPage.pickups).toEqual([]);
    const wrong = (await personAction(args(world.people.reception!, sven, { checkId: checkIdOf(sven) }, { intent: 'handover', packageId: world.packageId }))) as Response;
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ error: 'not-recipient' });
    // Not yet handed over: no file.
    expect(await kindOf(() => fileLoader(args(world.people.reception!, `/personal/uthamtning/${world.packageId}/fil`, { packageId: world.packageId })))).toBe(D);

    const annas = await check('reception');
    const page = await ((await personLoader(args(world.people.reception!, annas, { checkId: checkIdOf(annas) }))) as Response).json();
    expect(page.pickups.map((p: { packageId: string }) => p.packageId)).toEqual([world.packageId]);
    const handed = (await personAction(args(world.people.reception!, annas, { checkId: checkIdOf(annas) }, { intent: 'handover', packageId: world.packageId }))) as Response;
    expect(handed.headers.get('Location')).toBe(`${annas}?lamnat=${world.packageId}`);
    expect(await currentUtdragPackage(world.pickupCaseId)).toMatchObject({ status: 'delivered', handoverCheckId: checkIdOf(annas) });
    const [event] = await t.handle.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, world.pickupCaseId), eq(caseEvents.type, 'utdrag.handed_over')));
    expect(event).toMatchObject({ visibleToResident: true, data: { method: 'id_document' } });
    // Handed over once: it left the list.
    expect((await ((await pickupLoader(args(world.people.reception!, '/personal/uthamtning', {}))) as Response).json()).rows).toEqual([]);

    // The ZIP, for the official who handed it over only.
    const file = (await fileLoader(args(world.people.reception!, `/personal/uthamtning/${world.packageId}/fil`, { packageId: world.packageId }))) as Response;
    expect(file.headers.get('Content-Type')).toBe('application/zip');
    expect(file.headers.get('Cache-Control')).toBe('no-store');
    expect([...(await zipEntries(Buffer.from(await file.arrayBuffer()))).keys()]).toContain('foljebrev.pdf');
    expect(await kindOf(() => fileLoader(args(world.people.kontaktcenter!, `/personal/uthamtning/${world.packageId}/fil`, { packageId: world.packageId })))).toBe(D);
  });
});
