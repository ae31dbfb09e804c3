/**
 * A request registered at the reception for a visitor (issue #8, ADR 016): the official goes
 * through the resident's own journey pages on a draft they own, bound to the visitor's identity
 * check; registering files the same submission and cases as online, with channel "reception"
 * (or "phone" after a BankID phone check), the deadline from today, the fullmakt scanned in and
 * confirmed for an ombud, and a kvittens only for the official who registered it.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditLog, cases, requestDrafts, residents, submissions } from '../../db/schema/index';
import { A, addMatrixPeople, args, D, kindOf, L, outcome, type Who, addLoggedInStaff } from '../../tests/access-matrix';
import { addResident, useTestFileStore } from '../../tests/cases';
import { useTestDatabase } from '../../tests/db';
import { pdfText } from '../../tests/pdf-text';
import { gdprDeadline } from '~/domain/deadlines';
import { getDraft, latestOpenDraft } from '~/models/draft.server';
import { recordPhoneCheck } from '~/models/identity-checks.server';
import { todayInStockholm } from '~/utils/dates.server';
import { personnummerLookup } from '~/utils/pnr-crypto.server';
import { getSession } from '~/utils/session.server';
import { action as verifyAction } from './personal.besokare._index';
import { loader as personLoader } from './personal.besokare.$checkId';
import { action as startAction, loader as startLoader } from './personal.besokare.$checkId_.begaran._index';
import { action as stepAction, loader as stepLoader } from './personal.besokare.$checkId_.begaran.$draftId.$step';
import { action as filesAction } from './personal.besokare.$checkId_.begaran.$draftId.bilagor';
import { action as checkAction, loader as checkLoader } from './personal.besokare.$checkId_.begaran.$draftId.kontrollera';
import { loader as receiptLoader } from './personal.kvittens.$submissionId';
import { loader as receiptPdfLoader } from './personal.kvittens.$submissionId_.pdf';

const t = useTestDatabase();
useTestFileStore();

/** Tolvan Tolvansson, Skatteverket's test person: a visitor who has never logged in. */
const TOLVAN = '191212121212';
const PDF = Buffer.from('%PDF-1.4\n% fullmakt\n');
const world = {} as { people: Record<string, Who>; sn: string; bun: string; secondReception: Who };

beforeAll(async () => {
  const anna = await addResident(t.handle, '198001019804', 'Anna Andersson');
  const { people, sn, bun } = await addMatrixPeople(t.handle, anna.id);
  // A second reception official of the same kommun.
  const secondReception = await addLoggedInStaff(t.handle, { personnummer: '197001019993', name: 'Rut Receptionist', role: 'reception', where: 'kommun' });
  Object.assign(world, { people, sn, bun, secondReception });
});

const tolvansId = { personnummer: '19121212-1212', name: 'Tolvan Tolvansson', documentType: 'pass', issuer: 'Polismyndigheten', lastFour: '9x8y', confirmed: 'yes' };

/** `who` checks the visitor's ID at the desk; returns the check's id. */
async function checkId(who: Who, fields: Record<string, string> = tolvansId): Promise<string> {
  const r = (await verifyAction(args(who, '/personal/besokare', {}, fields))) as Response;
  expect(r.status).toBe(302);
  return r.headers.get('Location')!.split('/').pop()!;
}

const answer = async (run: () => Promise<unknown>): Promise<Response> => {
  try {
    return (await run()) as Response;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
};

/** Starts a request for the visitor of `check`; returns the journey's base path. */
async function start(who: Who, check: string, intent = 'start'): Promise<{ base: string; draftId: string; first: string }> {
  const r = await answer(() => startAction(args(who, `/personal/besokare/${check}/begaran`, { checkId: check }, { intent })));
  expect(r.status).toBe(302);
  const location = r.headers.get('Location')!;
  const [, draftId, first] = location.match(/\/begaran\/([0-9a-f-]{36})\/(.+)$/)!;
  return { base: `/personal/besokare/${check}/begaran/${draftId}`, draftId: draftId!, first: first! };
}

/** Answers one question page; returns where it went next. */
async function step(who: Who, check: string, draftId: string, name: string, form: Record<string, string>): Promise<string> {
  const r = await answer(() => stepAction(args(who, `/personal/besokare/${check}/begaran/${draftId}/${name}`, { checkId: check, draftId, step: name }, form)));
  expect(r.status, `${name}: ${r.status}`).toBe(302);
  return r.headers.get('Location')!;
}

/** The attachments page as the browser sends it: multipart, with the file when given. */
function filesPost(who: Who, check: string, draftId: string, intent: string, file?: Buffer) {
  const form = new FormData();
  form.set('csrf', who.csrf);
  form.set('intent', intent);
  if (file) form.set('files', new File([new Uint8Array(file)], 'Fullmakt.pdf', { type: 'application/pdf' }));
  return {
    request: new Request(`http://localhost/personal/besokare/${check}/begaran/${draftId}/bilagor`, { method: 'POST', headers: { Cookie: who.cookie }, body: form }),
    params: { checkId: check, draftId },
    context: { cspNonce: 'test', clientIp: '127.0.0.1' },
  };
}

/** The journey up to the check page, for the visitor themself or as `relation` for someone else. */
async function answerAll(who: Who, check: string, draftId: string, relation: 'self' | 'principal' = 'self') {
  await step(who, check, draftId, 'rattigheter', { rights: 'registerutdrag' });
  await step(who, check, draftId, 'for-vem', { relation });
  if (relation !== 'self') await step(who, check, draftId, 'person', { relation, name: 'Anna Andersson', personnummer: '19800101-9804' });
  await step(who, check, draftId, 'namnd', { puaIds: world.sn });
  await step(who, check, draftId, 'uppgifter-registerutdrag', { period: 'Sedan 2020', matter: '' });
  await step(who, check, draftId, 'kontakt', { email: '', phone: '' });
  return step(who, check, draftId, 'leverans', { delivery: 'reception' });
}

describe('who may register a request for a visitor', () => {
  it.each(['samordnare SN', 'handläggare SN, assigned', 'registrator SN', 'dataskyddsombud', 'admin'])('%s: 404 (no identity checks)', async (label) => {
    const check = await checkId(world.people.reception!);
    expect(await kindOf(() => startLoader(args(world.people[label]!, `/personal/besokare/${check}/begaran`, { checkId: check })))).toBe(D);
  });

  it('a resident is sent to the staff login; the kontaktcenter gives status only: 404 on its own check', async () => {
    const check = await checkId(world.people.reception!);
    expect(await kindOf(() => startLoader(args(world.people.resident!, `/personal/besokare/${check}/begaran`, { checkId: check })))).toBe(L);
    const own = await checkId(world.people.kontaktcenter!);
    expect(await kindOf(() => startLoader(args(world.people.kontaktcenter!, `/personal/besokare/${own}/begaran`, { checkId: own })))).toBe(D);
    expect(await kindOf(() => startAction(args(world.people.kontaktcenter!, `/personal/besokare/${own}/begaran`, { checkId: own }, { intent: 'start' })))).toBe(D);
  });

  it('the person’s page offers it to the reception, not to the kontaktcenter', async () => {
    for (const [label, offered] of [['reception', true], ['kontaktcenter', false]] as const) {
      const check = await checkId(world.people[label]!);
      const page = await ((await personLoader(args(world.people[label]!, `/personal/besokare/${check}`, { checkId: check }))) as Response).json();
      expect(page.mayRegister, label).toBe(offered);
    }
  });

  it('the reception may, on its own check only: another official is sent back to identify', async () => {
    const check = await checkId(world.people.reception!);
    expect(await kindOf(() => startLoader(args(world.people.reception!, `/personal/besokare/${check}/begaran`, { checkId: check })))).toBe(A);
    expect(await outcome(() => startLoader(args(world.secondReception, `/personal/besokare/${check}/begaran`, { checkId: check })))).toMatchObject({ status: 302, location: '/personal/besokare?utgangen=1' });
  });
});

describe('a walk-in registerutdrag for the visitor themself', () => {
  it('goes through the resident’s questions and files cases with channel reception, resting on the check', async () => {
    const reception = world.people.reception!;
    const check = await checkId(reception);
    const { base, draftId, first } = await start(reception, check);
    // One kommun where this official registers: the journey starts with the rights.
    expect(first).toBe('rattigheter');
    const page = await ((await stepLoader(args(reception, `${base}/rattigheter`, { checkId: check, draftId, step: 'rattigheter' }))) as Response).json();
    expect(page).toMatchObject({ step: 'rattigheter', back: `/personal/besokare/${check}/begaran`, visitor: { name: 'Tolvan Tolvansson', pnrMasked: '19121212-****' } });
    // Only the PUAs of the official's kommun are offered.
    expect(page.kommuner.length).toBe(1);

    // Bad input gets the same message as online, and what was typed comes back.
    const badMail = await answer(() => stepAction(args(reception, `${base}/kontakt`, { checkId: check, draftId, step: 'kontakt' }, { email: 'inte en adress', phone: '' })));
    expect(badMail.status).toBe(400);
    expect(await badMail.json()).toEqual({ errors: { email: 'email' }, values: { email: 'inte en adress', phone: '' } });
    // A step that is not part of this journey (no one else is asked for) does not exist.
    expect(await kindOf(() => stepAction(args(reception, `${base}/person`, { checkId: check, draftId, step: 'person' }, { name: 'X' })))).toBe(D);
    expect(await answerAll(reception, check, draftId)).toBe(`${base}/bilagor`);

    const toCheck = await answer(() => filesAction(filesPost(reception, check, draftId, 'continue')));
    expect(toCheck.headers.get('Location')).toBe(`${base}/kontrollera`);
    const review = await ((await checkLoader(args(reception, `${base}/kontrollera`, { checkId: check, draftId }))) as Response).json();
    expect(review).toMatchObject({ base, authority: null, identity: { method: 'id_document', document: { type: 'pass', issuer: 'Polismyndigheten', lastFour: '9X8Y' } } });

    // The draft is the official's: the visitor, once they log in, has none of theirs to continue.
    const [draftRow] = await t.handle.db.select().from(requestDrafts).where(eq(requestDrafts.id, draftId));
    expect(draftRow).toMatchObject({ residentId: null, staffUserId: reception.staffId, identityCheckId: check });

    const registered = await answer(() => checkAction(args(reception, `${base}/kontrollera`, { checkId: check, draftId }, {})));
    const receiptPath = registered.headers.get('Location')!;
    expect(receiptPath).toMatch(/^\/personal\/kvittens\/[0-9a-f-]{36}$/);
    const submissionId = receiptPath.split('/').pop()!;

    const [s] = await t.handle.db.select().from(submissions).where(eq(submissions.id, submissionId));
    expect(s).toMatchObject({ channel: 'reception', relation: 'self', subjectName: 'Tolvan Tolvansson', subjectPnrLookup: personnummerLookup(TOLVAN), registeredByStaffId: reception.staffId, identityCheckId: check, signature: null });
    // The visitor is now a resident the portal knows: the case is theirs in Mina ärenden and at the pick-up.
    const [tolvan] = await t.handle.db.select().from(residents).where(eq(residents.pnrLookup, personnummerLookup(TOLVAN)));
    expect(s!.filedByResidentId).toBe(tolvan!.id);
    expect(await latestOpenDraft(tolvan!.id)).toBeNull();
    expect(await getDraft(draftId, { residentId: tolvan!.id })).toBeNull();

    const filed = await t.handle.db.select().from(cases).where(eq(cases.submissionId, submissionId));
    expect(filed).toEqual([expect.objectContaining({ puaId: world.sn, kind: 'registerutdrag', receivedDate: todayInStockholm(), deadline: gdprDeadline(todayInStockholm()), deliveryMethod: 'reception' })]);
    const [audit] = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'request.visitor_registered'), eq(auditLog.entityId, submissionId)));
    expect(audit!.details).toMatchObject({ checkId: check, method: 'id_document', documentType: 'pass', authorityDocument: null });
    expect(JSON.stringify(audit)).not.toMatch(/191212121212|19121212-?1212|9X8Y/);

    // Sent twice (a double click, the back button): filed once, and the draft now shows the receipt.
    const again = await answer(() => checkAction(args(reception, `${base}/kontrollera`, { checkId: check, draftId }, {})));
    expect(again.headers.get('Location')).toBe(receiptPath);
    expect((await t.handle.db.select().from(submissions).where(eq(submissions.draftId, draftId))).length).toBe(1);

    // The kvittens: on the page and as a PDF, for this official only; audited.
    const receipt = await ((await receiptLoader(args(reception, receiptPath, { submissionId }))) as Response).json();
    expect(receipt).toMatchObject({ reference: s!.reference, requesterName: 'Tolvan Tolvansson', delivery: 'reception', cases: [{ diarienummer: filed[0]!.diarienummer, deadline: filed[0]!.deadline }] });
    const pdf = (await receiptPdfLoader(args(reception, `${receiptPath}/pdf`, { submissionId }))) as Response;
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf');
    expect(pdf.headers.get('Cache-Control')).toBe('no-store');
    const text = await pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain(filed[0]!.diarienummer);
    expect(text).toContain(s!.reference);
    expect(text).toContain('19121212-****');
    expect(text).not.toMatch(/19121212-?1212|9X8Y/);
    const english = await pdfText(Buffer.from(await ((await receiptPdfLoader(args(reception, `${receiptPath}/pdf?sprak=en`, { submissionId }))) as Response).arrayBuffer()));
    expect(english).toContain('Receipt');
    const reads = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'request.visitor_receipt'), eq(auditLog.entityId, submissionId)));
    expect(reads.length).toBe(3);
    for (const who of [world.secondReception, world.people['registrator SN']!, world.people.kontaktcenter!, world.people['samordnare SN']!]) {
      expect(await kindOf(() => receiptLoader(args(who, receiptPath, { submissionId })))).toBe(D);
      expect(await kindOf(() => receiptPdfLoader(args(who, `${receiptPath}/pdf`, { submissionId })))).toBe(D);
    }
  });
});

describe('a walk-in request with fullmakt', () => {
  it('needs the scan of the fullmakt and the official’s confirmation that it is valid', async () => {
    const reception = world.people.reception!;
    const check = await checkId(reception);
    const { base, draftId } = await start(reception, check);
    await answerAll(reception, check, draftId, 'principal');
    // No fullmakt scanned in: the attachments page says so, and the check page sends back there.
    const none = await answer(() => filesAction(filesPost(reception, check, draftId, 'continue')));
    expect(none.status).toBe(400);
    expect(await none.json()).toEqual({ errors: [{ fieldId: 'files', key: 'required.fullmakt' }] });
    expect((await answer(() => checkLoader(args(reception, `${base}/kontrollera`, { checkId: check, draftId })))).headers.get('Location')).toBe(`${base}/bilagor`);

    const uploaded = await answer(() => filesAction(filesPost(reception, check, draftId, 'continue', PDF)));
    expect(uploaded.headers.get('Location')).toBe(`${base}/kontrollera`);
    const review = await ((await checkLoader(args(reception, `${base}/kontrollera`, { checkId: check, draftId }))) as Response).json();
    expect(review).toMatchObject({ authority: 'fullmakt', attachments: ['Fullmakt.pdf'], subjectMasked: '19800101-****' });

    const unconfirmed = await answer(() => checkAction(args(reception, `${base}/kontrollera`, { checkId: check, draftId }, {})));
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.json()).toEqual({ errors: { authorityChecked: 'confirm.fullmakt' } });
    expect(await t.handle.db.select().from(submissions).where(eq(submissions.draftId, draftId))).toEqual([]);

    const registered = await answer(() => checkAction(args(reception, `${base}/kontrollera`, { checkId: check, draftId }, { authorityChecked: 'yes' })));
    const submissionId = registered.headers.get('Location')!.split('/').pop()!;
    const [s] = await t.handle.db.select().from(submissions).where(eq(submissions.id, submissionId));
    // Anna is the one the data is about; Tolvan, her ombud, asked and collects.
    expect(s).toMatchObject({ relation: 'principal', subjectName: 'Anna Andersson', subjectPnrLookup: personnummerLookup('198001019804') });
    expect(JSON.stringify(s!.answers)).not.toContain('198001019804');
    const [tolvan] = await t.handle.db.select().from(residents).where(eq(residents.pnrLookup, personnummerLookup(TOLVAN)));
    expect(s!.filedByResidentId).toBe(tolvan!.id);
    const [proof] = await t.handle.db.select().from(attachments).where(eq(attachments.submissionId, submissionId));
    expect(proof).toMatchObject({ purpose: 'fullmakt', uploadedByStaffId: reception.staffId, uploadedByResidentId: null, draftId: null });
    const [audit] = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'request.visitor_registered'), eq(auditLog.entityId, submissionId)));
    expect(audit!.details).toMatchObject({ authorityDocument: 'fullmakt', authorityDocumentSeen: true });
    const receipt = await pdfText(Buffer.from(await ((await receiptPdfLoader(args(reception, `/personal/kvittens/${submissionId}/pdf`, { submissionId }))) as Response).arrayBuffer()));
    expect(receipt).toContain('Anna Andersson');
    expect(receipt).toContain('fullmakt');
  });
});

describe('the draft belongs to the official and the person checked', () => {
  it('after a new check of the same person the official goes on with it; nobody else sees it', async () => {
    const reception = world.people.reception!;
    const first = await checkId(reception);
    const { draftId } = await start(reception, first);
    await step(reception, first, draftId, 'rattigheter', { rights: 'registerutdrag' });

    // Another official, with their own check of the same visitor: no such draft.
    const theirs = await checkId(world.secondReception);
    expect(await kindOf(() => stepLoader(args(world.secondReception, `/personal/besokare/${theirs}/begaran/${draftId}/for-vem`, { checkId: theirs, draftId, step: 'for-vem' })))).toBe(D);
    // The same official, with a check of someone else: no such draft either.
    const anna = await checkId(reception, { ...tolvansId, personnummer: '19800101-9804', name: 'Anna Andersson' });
    expect(await kindOf(() => stepLoader(args(reception, `/personal/besokare/${anna}/begaran/${draftId}/for-vem`, { checkId: anna, draftId, step: 'for-vem' })))).toBe(D);

    // A new check of Tolvan (the first one ran out): "continue" brings back the same draft, now resting on the new check.
    const second = await checkId(reception);
    const offered = await ((await startLoader(args(reception, `/personal/besokare/${second}/begaran`, { checkId: second }))) as Response).json();
    expect(offered.hasOpenDraft).toBe(true);
    const continued = await answer(() => startAction(args(reception, `/personal/besokare/${second}/begaran`, { checkId: second }, { intent: 'continue' })));
    expect(continued.headers.get('Location')).toBe(`/personal/besokare/${second}/begaran/${draftId}/kontrollera`);
    const [row] = await t.handle.db.select().from(requestDrafts).where(eq(requestDrafts.id, draftId));
    expect(row!.identityCheckId).toBe(second);
    // The check page sends the official on to the first question not yet answered.
    expect((await answer(() => checkLoader(args(reception, `/personal/besokare/${second}/begaran/${draftId}/kontrollera`, { checkId: second, draftId })))).headers.get('Location')).toBe(`/personal/besokare/${second}/begaran/${draftId}/for-vem`);
  });
});

describe('a caller identified with BankID on the phone', () => {
  it('gets a request with channel phone, resting on the phone check', async () => {
    const reception = world.people.reception!;
    const session = await getSession(new Request('http://localhost/', { headers: { Cookie: reception.cookie } }));
    const check = await recordPhoneCheck({ staffId: reception.staffId!, sessionId: session!.id }, { personnummer: TOLVAN, name: 'Tolvan Tolvansson', bankidOrderId: null });
    const { base, draftId } = await start(reception, check);
    await answerAll(reception, check, draftId);
    await answer(() => filesAction(filesPost(reception, check, draftId, 'continue')));
    const registered = await answer(() => checkAction(args(reception, `${base}/kontrollera`, { checkId: check, draftId }, {})));
    const submissionId = registered.headers.get('Location')!.split('/').pop()!;
    const [s] = await t.handle.db.select().from(submissions).where(eq(submissions.id, submissionId));
    expect(s).toMatchObject({ channel: 'phone', identityCheckId: check });
    const text = await pdfText(Buffer.from(await ((await receiptPdfLoader(args(reception, `/personal/kvittens/${submissionId}/pdf`, { submissionId }))) as Response).arrayBuffer()));
    expect(text).toContain('BankID');
  });
});
