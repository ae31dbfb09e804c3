/**
 * Paper forms (issue #8): who may register one (registrator and reception), each rule of the form
 * coming back on its field, and a form with last week's stamp filing cases with channel 'paper'
 * whose deadline runs from the stamp (DOMAIN.md §5) — in the PUA's inbox, with the scan stored
 * with the submission, and a receipt that only the PUAs' registering staff can open.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditLog, cases, residents, submissions } from '../../db/schema/index';
import { A, addMatrixPeople, args, D, kindOf, L, type Who } from '../../tests/access-matrix';
import { addResident, demoKommun, useTestDeliveryStore, useTestFileStore } from '../../tests/cases';
import { buildTestUtdragPackage } from '../../tests/utdrag';
import { useTestDatabase } from '../../tests/db';
import { gdprDeadline } from '~/domain/deadlines';
import { addDays } from '~/domain/iso-date';
import { getSamverkanOverview } from '~/models/organisation.server';
import { getStaffCase, listInbox } from '~/models/staff-cases.server';
import { caseScopeOf } from '~/utils/auth.server';
import { todayInStockholm } from '~/utils/dates.server';
import { readStoredFile } from '~/utils/file-store.server';
import { encryptPersonnummer, personnummerLookup } from '~/utils/pnr-crypto.server';
import { handOverUtdrag, pickupList, pickupsFor } from '~/models/utdrag-pickup.server';
import { action as formAction, loader as formLoader } from './personal.pappersblankett._index';
import { loader as receiptLoader } from './personal.pappersblankett.$submissionId';

const t = useTestDatabase();
useTestFileStore();
useTestDeliveryStore();

const PDF = Buffer.from('%PDF-1.4\n% inskannad blankett\n');
const world = {} as { people: Record<string, Who>; sn: string; bun: string; granasaSn: string };

beforeAll(async () => {
  const anna = await addResident(t.handle, '198001019804', 'Anna Andersson');
  const { people, sn, bun } = await addMatrixPeople(t.handle, anna.id);
  const granasa = (await getSamverkanOverview()).kommuner.find((k) => k.code === 'granasa')!;
  Object.assign(world, { people, sn, bun, granasaSn: granasa.pua.find((p) => p.code === 'SN')!.id });
});

/** The stamp `daysAgo` days before today, as the three boxes. */
function stampOf(daysAgo: number) {
  const [year, month, day] = addDays(todayInStockholm(), -daysAgo).split('-') as [string, string, string];
  return { 'stamp-day': String(Number(day)), 'stamp-month': String(Number(month)), 'stamp-year': year };
}

const validFields = (): Record<string, string | string[]> => ({
  registrationId: crypto.randomUUID(),
  rights: ['registerutdrag', 'rattelse'],
  puaIds: [world.sn],
  relation: 'self',
  subjectPersonnummer: '19800101-9804',
  subjectName: 'Anna Andersson',
  requesterName: '',
  requesterPersonnummer: '',
  delivery: 'registered_post',
  ...stampOf(7),
});

/** A multipart POST as the browser sends the form, with the scan unless `scan` is null. */
function post(who: Who, fields: Record<string, string | string[]>, scan: Buffer | null = PDF) {
  const form = new FormData();
  form.set('csrf', who.csrf);
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
  if (scan) form.set('scan', new File([new Uint8Array(scan)], 'Blankett bilaga 6.pdf', { type: 'application/pdf' }));
  return {
    request: new Request('http://localhost/personal/pappersblankett', { method: 'POST', headers: { Cookie: who.cookie }, body: form }),
    params: {},
    context: { cspNonce: 'test', clientIp: '127.0.0.1' },
  };
}

async function answer(run: () => Promise<unknown>): Promise<Response> {
  try {
    return (await run()) as Response;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

describe('who may register a paper form', () => {
  const expected: Record<string, string> = { 'registrator SN': A, reception: A, resident: L };
  it.each(['samordnare SN', 'samordnare BUN', 'handläggare SN, assigned', 'systemägare SN', 'registrator SN', 'reception', 'kontaktcenter', 'dataskyddsombud', 'admin', 'resident'])('%s', async (label) => {
    const who = world.people[label]!;
    expect(await kindOf(() => formLoader(args(who, '/personal/pappersblankett', {})))).toBe(expected[label] ?? D);
    expect(await kindOf(() => formAction(args(who, '/personal/pappersblankett', {}, { relation: 'self' })))).toBe(expected[label] ?? D);
  });

  it('offers only the PUAs where the official may register: the registrator their nämnd, the reception their kommun', async () => {
    const registrator = await (await answer(() => formLoader(args(world.people['registrator SN']!, '/personal/pappersblankett', {})))).json();
    expect(registrator.kommuner).toHaveLength(1);
    expect(registrator.kommuner[0].puas.map((p: { id: string }) => p.id)).toEqual([world.sn]);
    const reception = await (await answer(() => formLoader(args(world.people.reception!, '/personal/pappersblankett', {})))).json();
    expect(reception.kommuner.map((k: { code: string }) => k.code)).toEqual(['sjobacka']);
    expect(reception.kommuner[0].puas.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([world.sn, world.bun]));
    expect(reception.registrationId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('validation', () => {
  it.each<[string, Record<string, string | string[]>, Record<string, string>]>([
    ['no right', { rights: [] }, { rights: 'chooseRight' }],
    ['no PUA', { puaIds: [] }, { puaIds: 'choosePua' }],
    ['another nämnd than the registrator’s (BUN)', { puaIds: ['BUN'] }, { puaIds: 'choosePua' }],
    ['a PUA of another kommun', { puaIds: ['GRANASA'] }, { puaIds: 'choosePua' }],
    ['no relation', { relation: 'x' }, { relation: 'chooseRelation' }],
    ['a wrong personnummer', { subjectPersonnummer: '19800101-9805' }, { subjectPersonnummer: 'checksum' }],
    ['no name', { subjectName: ' ' }, { subjectName: 'required' }],
    ['an ombud without a name or personnummer', { relation: 'principal' }, { requesterName: 'required', requesterPersonnummer: 'required' }],
    ['an ombud with an invalid personnummer', { relation: 'principal', requesterName: 'Bo Ombud', requesterPersonnummer: '123' }, { requesterPersonnummer: 'format' }],
    ['no delivery', { delivery: '' }, { delivery: 'chooseDelivery' }],
    ['no stamp', { 'stamp-day': '', 'stamp-month': '', 'stamp-year': '' }, { stamp: 'required' }],
    ['a stamp that is no date', { 'stamp-day': '31', 'stamp-month': '2', 'stamp-year': '2026' }, { stamp: 'notADate' }],
    ['a stamp tomorrow (future)', stampOf(-1), { stamp: 'future' }],
    ['a stamp more than 365 days ago', stampOf(366), { stamp: 'tooOld' }],
  ])('%s is refused on its field, the input kept', async (_name, patch, expected) => {
    const ids: Record<string, string> = { BUN: world.bun, GRANASA: world.granasaSn };
    const fields = { ...validFields(), ...patch };
    if (Array.isArray(fields.puaIds)) fields.puaIds = fields.puaIds.map((p) => ids[p] ?? p);
    const r = await answer(() => formAction(post(world.people['registrator SN']!, fields)));
    expect(r.status).toBe(400);
    const data = await r.json();
    expect(data.errors).toEqual(expected);
    expect(data.values.subjectName).toBe(fields.subjectName);
    expect(data.values.registrationId).toBe(fields.registrationId);
  });

  it('needs the scan, and only an allowed file type', async () => {
    const none = await answer(() => formAction(post(world.people['registrator SN']!, validFields(), null)));
    expect(none.status).toBe(400);
    expect((await none.json()).errors).toEqual({ scan: 'required' });
    const exe = await answer(() => formAction(post(world.people['registrator SN']!, validFields(), Buffer.from('MZ not a scan'))));
    expect((await exe.json()).errors).toEqual({ scan: 'wrong-type' });
  });

  it('refuses a future stamp and files nothing', async () => {
    const before = await t.handle.db.select({ id: submissions.id }).from(submissions).where(eq(submissions.channel, 'paper'));
    const r = await answer(() => formAction(post(world.people.reception!, { ...validFields(), ...stampOf(-3) })));
    expect(r.status).toBe(400);
    expect((await r.json()).errors).toEqual({ stamp: 'future' });
    const after = await t.handle.db.select({ id: submissions.id }).from(submissions).where(eq(submissions.channel, 'paper'));
    expect(after).toHaveLength(before.length);
  });
});

describe('a paper form with last week’s stamp', () => {
  it('files the cases with channel paper, the stamp as received date and the deadline from it; stores the scan; shows the receipt', async () => {
    const stamp = addDays(todayInStockholm(), -7);
    const fields = { ...validFields(), puaIds: [world.sn, world.bun], relation: 'principal', requesterName: 'Bo Ombud', requesterPersonnummer: '19700101-8006', delivery: 'reception' };
    const who = world.people.reception!;
    const r = await answer(() => formAction(post(who, fields)));
    expect(r.status).toBe(302);
    const submissionId = r.headers.get('Location')!.split('/').pop()!;
    expect(r.headers.get('Location')).toBe(`/personal/pappersblankett/${submissionId}`);

    const [s] = await t.handle.db.select().from(submissions).where(eq(submissions.id, submissionId));
    expect(s).toMatchObject({ channel: 'paper', relation: 'principal', subjectName: 'Anna Andersson', subjectPnrLookup: personnummerLookup('198001019804'), registeredByStaffId: who.staffId });
    // The ombud who signed asked: the filer, as online, so the answer goes to them (ADR 016).
    const [bo] = await t.handle.db.select().from(residents).where(eq(residents.pnrLookup, personnummerLookup('197001018006')));
    expect(bo).toMatchObject({ name: 'Bo Ombud', lastLoginAt: null });
    expect(s!.filedByResidentId).toBe(bo!.id);
    // Their personnummer only encrypted with the resident (ADR 005); the answers keep the name as signed.
    expect(s!.answers).toMatchObject({ delivery: 'reception', requester: { name: 'Bo Ombud' } });
    expect(JSON.stringify(s!.answers)).not.toMatch(/197001018006|pnr/);

    const filed = await t.handle.db.select().from(cases).where(eq(cases.submissionId, submissionId));
    // Registerutdrag and rättelse to SN and BUN: two kinds per nämnd.
    expect(filed).toHaveLength(4);
    for (const c of filed) {
      expect(c.receivedDate).toBe(stamp);
      expect(c.deadline).toBe(gdprDeadline(stamp));
      expect(c.deliveryMethod).toBe('reception');
    }

    const [scan] = await t.handle.db.select().from(attachments).where(eq(attachments.submissionId, submissionId));
    expect(scan).toMatchObject({ purpose: 'paper_form', mimeType: 'application/pdf', filename: 'Blankett bilaga 6.pdf', uploadedByStaffId: who.staffId, size: PDF.length });
    expect(Buffer.from(await readStoredFile(scan!.sha256))).toEqual(PDF);

    const [audit] = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'request.paper_registered'), eq(auditLog.entityId, submissionId)));
    expect(audit).toMatchObject({ actorType: 'staff', actorId: who.staffId });
    const details = JSON.stringify(audit!.details);
    expect(details).toContain(submissionId);
    for (const personal of ['Anna', 'Bo Ombud', '198001019804', '8006', 'Blankett']) expect(details).not.toContain(personal);

    // In SN's inbox, channel paper.
    const scope = await caseScopeOf(world.people['samordnare SN']!.staffId!);
    const snCase = filed.find((c) => c.puaId === world.sn && c.kind === 'registerutdrag')!;
    const inbox = await listInbox(scope, {});
    expect(inbox.rows.map((row) => row.id)).toContain(snCase.id);
    expect(await getStaffCase(snCase.id, scope)).toMatchObject({ channel: 'paper', receivedDate: stamp, deadline: gdprDeadline(stamp) });

    // The receipt: the reception sees all four; the registrator of SN only SN's; others 404.
    const receipt = await (await answer(() => receiptLoader(args(who, `/personal/pappersblankett/${submissionId}`, { submissionId })))).json();
    expect(receipt.reference).toBe(s!.reference);
    expect(receipt.cases).toHaveLength(4);
    for (const c of receipt.cases) expect(c).toMatchObject({ receivedDate: stamp, deadline: gdprDeadline(stamp) });
    expect(receipt.cases.map((c: { diarienummer: string }) => c.diarienummer).sort()).toEqual(filed.map((c) => c.diarienummer).sort());
    const registrator = await (await answer(() => receiptLoader(args(world.people['registrator SN']!, `/personal/pappersblankett/${submissionId}`, { submissionId })))).json();
    expect(registrator.cases.map((c: { id: string }) => c.id).sort()).toEqual(filed.filter((c) => c.puaId === world.sn).map((c) => c.id).sort());
    for (const label of ['samordnare SN', 'kontaktcenter', 'admin']) {
      expect(await kindOf(() => receiptLoader(args(world.people[label]!, `/personal/pappersblankett/${submissionId}`, { submissionId })))).toBe(D);
    }
    expect(await kindOf(() => receiptLoader(args(world.people.resident!, `/personal/pappersblankett/${submissionId}`, { submissionId })))).toBe(L);

    // Sent again (a double click): the same submission, no second scan or audit row.
    const again = await answer(() => formAction(post(who, fields)));
    expect(again.headers.get('Location')).toBe(`/personal/pappersblankett/${submissionId}`);
    expect(await t.handle.db.select().from(attachments).where(eq(attachments.submissionId, submissionId))).toHaveLength(1);
    expect(await t.handle.db.select().from(cases).where(eq(cases.submissionId, submissionId))).toHaveLength(4);
  });

  it('404s the receipt of a submission that is not a paper form, and a malformed id', async () => {
    const [other] = await t.handle.db.select({ id: submissions.id }).from(submissions).where(eq(submissions.channel, 'e_tjanst')).limit(1);
    for (const submissionId of [other?.id ?? crypto.randomUUID(), 'not-a-uuid']) {
      expect(await kindOf(() => receiptLoader(args(world.people.reception!, `/personal/pappersblankett/${submissionId}`, { submissionId })))).toBe(D);
    }
  });
});

describe('the one who signed is the one who asked (ADR 016)', () => {
  const BO = '197001018006';
  const ombudForm = () => ({ ...validFields(), rights: ['registerutdrag'], relation: 'principal', requesterName: 'Bo Ombud', requesterPersonnummer: '19700101-8006', delivery: 'reception' });
  const checkOf = (personnummer: string, name: string) => ({ id: crypto.randomUUID(), method: 'id_document' as const, personnummer, pnrLookup: personnummerLookup(personnummer), name, document: null, checkedAt: new Date() });

  it('a registerutdrag asked for on paper by an ombud waits at the reception for the ombud, not for the one it is about', async () => {
    const r = await answer(() => formAction(post(world.people.reception!, ombudForm())));
    const submissionId = r.headers.get('Location')!.split('/').pop()!;
    const [c] = await t.handle.db.select().from(cases).where(eq(cases.submissionId, submissionId));
    const packageId = await buildTestUtdragPackage(t.handle, c!.id);
    const { sjobacka } = await demoKommun(t.handle);
    const puaIds = sjobacka.pua.map((p) => p.id);
    expect((await pickupsFor(checkOf(BO, 'Bo Ombud'), puaIds)).map((p) => p.packageId)).toContain(packageId);
    expect((await pickupsFor(checkOf('198001019804', 'Anna Andersson'), puaIds)).map((p) => p.packageId)).not.toContain(packageId);
    const row = (await pickupList(puaIds, world.people.reception!.staffId!)).find((p) => p.packageId === packageId);
    expect(row).toMatchObject({ recipientName: 'Bo Ombud', recipientPnrMasked: '19700101-****', recipientUnknown: false });
  });

  it('migration 0016 makes the signer of an older paper form its filer; without their personnummer nobody collects it', async () => {
    const older = await answer(() => formAction(post(world.people.reception!, ombudForm())));
    const olderId = older.headers.get('Location')!.split('/').pop()!;
    const unknown = await answer(() => formAction(post(world.people.reception!, ombudForm())));
    const unknownId = unknown.headers.get('Location')!.split('/').pop()!;
    // As the paper form stored them before: no filer, the signer in the answers (with or without a personnummer).
    const asBefore = { name: 'Bo Ombud', pnrCiphertext: encryptPersonnummer(BO), pnrLookup: personnummerLookup(BO) };
    await t.handle.db.update(submissions).set({ filedByResidentId: null, answers: { relation: 'principal', delivery: 'reception', requester: asBefore } }).where(eq(submissions.id, olderId));
    await t.handle.db.update(submissions).set({ filedByResidentId: null, answers: { relation: 'principal', delivery: 'reception', requester: { name: 'Bo Ombud' } } }).where(eq(submissions.id, unknownId));
    for (const statement of fs.readFileSync('db/migrations/0016_paper_requester_as_filer.sql', 'utf8').split('--> statement-breakpoint')) await t.handle.raw.executeSql(statement, []);

    const [bo] = await t.handle.db.select().from(residents).where(eq(residents.pnrLookup, personnummerLookup(BO)));
    const [fixed] = await t.handle.db.select().from(submissions).where(eq(submissions.id, olderId));
    expect(fixed).toMatchObject({ filedByResidentId: bo!.id, answers: { requester: { name: 'Bo Ombud' } } });
    expect(JSON.stringify(fixed!.answers)).not.toContain('pnr');
    const [left] = await t.handle.db.select().from(submissions).where(eq(submissions.id, unknownId));
    expect(left!.filedByResidentId).toBeNull();

    // Its package names nobody on the pick-up list, and is handed over to nobody, the subject included.
    const [c] = await t.handle.db.select().from(cases).where(eq(cases.submissionId, unknownId));
    const packageId = await buildTestUtdragPackage(t.handle, c!.id);
    const { sjobacka } = await demoKommun(t.handle);
    const puaIds = sjobacka.pua.map((p) => p.id);
    expect((await pickupList(puaIds, world.people.reception!.staffId!)).find((p) => p.packageId === packageId)).toMatchObject({ recipientName: null, recipientUnknown: true });
    const anna = checkOf('198001019804', 'Anna Andersson');
    expect((await pickupsFor(anna, puaIds)).map((p) => p.packageId)).not.toContain(packageId);
    expect(await handOverUtdrag({ packageId, check: anna, staffId: world.people.reception!.staffId!, puaIds })).toEqual({ ok: false, error: 'not-recipient' });
  });
});
