/**
 * Reception and kontaktcenter (issue #8): the identity check at the desk, the status-only view of a
 * verified person's cases (audited with the check), and the handover of a registerutdrag waiting at
 * the reception — only to the one who asked, only by the reception, and the ZIP and the printout
 * only afterwards, for the official who handed it over, for twelve hours.
 */
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, caseEvents, cases, identityChecks, pua } from '../../db/schema/index';
import { utdragPackages } from '../../db/schema/utdrag';
import { A, addMatrixPeople, args, D, kindOf, L, outcome, type Who, addLoggedInStaff } from '../../tests/access-matrix';
import { addResident, fileCase, useTestDeliveryStore, useTestFileStore } from '../../tests/cases';
import { useTestDatabase } from '../../tests/db';
import { pdfText } from '../../tests/pdf-text';
import { buildTestUtdragPackage } from '../../tests/utdrag';
import { zipEntries } from '../../tests/zip';
import type { ProcessingActivity } from '~/domain/processing-activities';
import { listUtdragItems, reviewUtdragItem } from '~/models/utdrag-items.server';
import { currentUtdragPackage } from '~/models/utdrag-package.server';
import { handOverUtdrag } from '~/models/utdrag-pickup.server';
import { folkbokforing } from '~/utils/folkbokforing/index.server';
import { personnummerLookup } from '~/utils/pnr-crypto.server';
import { action as verifyAction, loader as verifyLoader } from './personal.besokare._index';
import { action as personAction, loader as personLoader } from './personal.besokare.$checkId';
import { loader as pickupLoader } from './personal.uthamtning._index';
import { loader as fileLoader } from './personal.uthamtning.$packageId.fil';
import { loader as printLoader } from './personal.uthamtning.$packageId.utskrift';

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
    // Not yet handed over: no file, no printout.
    expect(await kindOf(() => fileLoader(args(world.people.reception!, `/personal/uthamtning/${world.packageId}/fil`, { packageId: world.packageId })))).toBe(D);
    expect(await kindOf(() => printOf('reception'))).toBe(D);

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

const printPath = () => `/personal/uthamtning/${world.packageId}/utskrift`;
const printOf = (label: string) => printLoader(args(world.people[label]!, printPath(), { packageId: world.packageId }));

/** Another reception official of the same kommun, logged in (the matrix has one of each role). */
const secondReceptionist = () => addLoggedInStaff(t.handle, { personnummer: '198502149806', name: 'Rut Receptionist', role: 'reception', where: 'kommun' });

describe('printing at the desk what was just handed over', () => {
  // Runs after the handover above, on the package Anna was handed.
  it('gives the official who handed it over the följebrev, the data and the documents as a PDF with no address; audited', async () => {
    expect(await currentUtdragPackage(world.pickupCaseId)).toMatchObject({ status: 'delivered', handedOverByStaffId: world.people.reception!.staffId });
    const res = (await printOf('reception')) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/pdf');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename="registerutdrag-SN-\d{4}-\d{5}\.pdf"/);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.headers.get('Content-Length')).toBe(String(pdf.length));

    const pages = (await pdfText(pdf)).split('\f').map((p) => p.replace(/\s+/g, ' '));
    // The följebrev first, from its letterhead; then "Dina uppgifter" and the document (here a notice: the test file is no printable PDF).
    const [c] = await t.handle.db.select({ diarienummer: cases.diarienummer }).from(cases).where(eq(cases.id, world.pickupCaseId));
    expect(pages[0]).toMatch(new RegExp(`^Sjöbacka kommun Socialnämnden Registerutdrag Datum \\d{4}-\\d{2}-\\d{2} Diarienummer ${c!.diarienummer} Anna Andersson Registerutdrag – dina personuppgifter hos Socialnämnden`));
    const all = pages.join(' ');
    for (const part of ['Det här finns i registerutdraget', 'Dina uppgifter', 'Treserva', 'journal.pdf']) expect(all, part).toContain(part);
    // Nothing of an envelope: not her address, not Skatteverket's förmedling, not the post's checklist.
    const home = await folkbokforing().lookup(ANNA);
    expect(home.status).toBe('found');
    const address = home.status === 'found' ? home.address : null;
    for (const part of [address!.street, `${address!.postalCode} ${address!.city}`, 'Förmedlingsuppdrag', 'Box 2820', '403 20 Göteborg', 'REKOMMENDERAT BREV', 'Avs.', 'Till dig som skickar brevet', 'fönsterkuvert', 'kolli-id', 'utskrift för rekommenderat brev', '19800101-9804', ANNA]) {
      expect(all, part).not.toContain(part);
    }

    const audits = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'utdrag.handover_print'), eq(auditLog.entityId, world.pickupCaseId)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorType: 'staff', actorId: world.people.reception!.staffId, entityType: 'case', details: { packageId: world.packageId, pages: pages.length, notPrinted: 1 } });
    expect(JSON.stringify(audits[0])).not.toMatch(/198001019804|19800101-9804|Anna/);
  });

  it('is for nobody else: another reception official, other roles, the resident', async () => {
    const other = await secondReceptionist();
    expect(await kindOf(() => printLoader(args(other, printPath(), { packageId: world.packageId })))).toBe(D);
    const expected: Record<string, string> = { reception: A, resident: L };
    for (const label of ['samordnare SN', 'handläggare SN, assigned', 'registrator SN', 'reception', 'kontaktcenter', 'dataskyddsombud', 'admin', 'resident']) {
      expect(await kindOf(() => printOf(label)), label).toBe(expected[label] ?? D);
    }
    // Not a package id at all: 404 too.
    expect(await kindOf(() => printLoader(args(world.people.reception!, '/personal/uthamtning/x/utskrift', { packageId: 'x' })))).toBe(D);
  });

  it('is there for twelve hours after the handover, the ZIP too', async () => {
    const at = async (hoursAgo: number) => {
      await t.handle.db.update(utdragPackages).set({ deliveredAt: new Date(Date.now() - hoursAgo * 3_600_000) }).where(eq(utdragPackages.id, world.packageId));
      const zip = await kindOf(() => fileLoader(args(world.people.reception!, `/personal/uthamtning/${world.packageId}/fil`, { packageId: world.packageId })));
      return { print: await kindOf(() => printOf('reception')), zip };
    };
    expect(await at(11.9)).toEqual({ print: A, zip: A });
    expect(await at(12.1)).toEqual({ print: D, zip: D });
    await at(0);
  });

  it('is refused once the case no longer holds what the package was built from', async () => {
    const printAudits = async () => (await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'utdrag.handover_print'))).length;
    expect(await kindOf(() => printOf('reception'))).toBe(A);
    const before = await printAudits();
    const refusedStatus = async () => {
      const r = await printOf('reception').catch((e: unknown) => e);
      return r instanceof Response ? r.status : r;
    };

    // The registerförteckning renames the activity: the letter would not be the one in the ZIP.
    const [{ puaId }] = (await t.handle.db.select({ puaId: cases.puaId }).from(cases).where(eq(cases.id, world.pickupCaseId))) as [{ puaId: string }];
    const [{ activities }] = (await t.handle.db.select({ activities: pua.processingActivities }).from(pua).where(eq(pua.id, puaId))) as [{ activities: ProcessingActivity[] }];
    const renamed = activities.map((a) => (a.code === 'ekonomiskt-bistand' ? { ...a, name: `${a.name} (ny)` } : a));
    expect(renamed).not.toEqual(activities);
    await t.handle.db.update(pua).set({ processingActivities: renamed }).where(eq(pua.id, puaId));
    expect(await refusedStatus()).toBe(409);
    await t.handle.db.update(pua).set({ processingActivities: activities }).where(eq(pua.id, puaId));
    expect(await kindOf(() => printOf('reception'))).toBe(A);

    // An item reviewed again after the build.
    const [item] = await listUtdragItems(world.pickupCaseId);
    const samordnare = world.people['samordnare SN']!.staffId!;
    expect(await reviewUtdragItem({ caseId: world.pickupCaseId, itemId: item!.id, staffId: samordnare, review: { outcome: 'release' } })).toMatchObject({ ok: true });
    expect(await refusedStatus()).toBe(409);
    // Printed twice, refused twice: only the printouts recorded.
    expect(await printAudits()).toBe(before + 1);
    // The ZIP is what was handed over: still there.
    expect(await kindOf(() => fileLoader(args(world.people.reception!, `/personal/uthamtning/${world.packageId}/fil`, { packageId: world.packageId })))).toBe(A);
  });
});
