import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deadlineWithPauses, gdprDeadline } from '~/domain/deadlines';
import { auditLog, caseEvents, caseMessages, cases } from '../../db/schema/index';
import { useTestDatabase } from '../../tests/db';
import { addResident, demoKommun, fileCase, useTestFileStore } from '../../tests/cases';
import { todayInStockholm } from '../utils/dates.server';
import { openDocumentAsResident, listPublishedDocuments, publishCaseDocument } from './case-documents.server';
import { extendCaseDeadline } from './case-extension.server';
import { listCaseMessages, openMessageAttachmentAsResident, openRequests, sendResidentMessage, sendStaffMessage } from './case-messages.server';
import { withdrawCase } from './case-withdrawal.server';

const t = useTestDatabase();
useTestFileStore();

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const pdfUpload = (filename = 'intyg.pdf') => ({ filename, bytes: PDF, mimeType: 'application/pdf' as const, size: PDF.byteLength });

async function world() {
  const { staff } = await demoKommun(t.handle);
  const anna = await addResident(t.handle, '198001019804', 'Anna Andersson');
  const sven = await addResident(t.handle, '196504129815', 'Sven Svensson');
  const [c] = await fileCase(t.handle, anna, '198001019804');
  return { staff, anna, sven, caseId: c!.id };
}

const statusOf = async (caseId: string) => (await t.handle.db.select({ s: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]!.s;
const auditCount = async (action: string, entityId: string) =>
  (await t.handle.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)))).length;

describe('secure messages', () => {
  it('the resident writes with a file; only they can read the file; both are audited without the text', async () => {
    const w = await world();
    const sent = await sendResidentMessage({ caseId: w.caseId, residentId: w.anna.id, body: 'Jag vill ha uppgifterna från 2021.', files: [pdfUpload()] });
    expect(sent.ok).toBe(true);
    const messages = await listCaseMessages(w.caseId);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ direction: 'from_resident', body: 'Jag vill ha uppgifterna från 2021.', attachments: [{ filename: 'intyg.pdf' }] });
    const fileId = messages[0]!.attachments[0]!.id;
    expect(await openMessageAttachmentAsResident(fileId, w.caseId, w.sven.id)).toBeNull();
    const file = await openMessageAttachmentAsResident(fileId, w.caseId, w.anna.id);
    expect(Buffer.from(file!.bytes).equals(Buffer.from(PDF))).toBe(true);
    expect(await auditCount('message.send', w.caseId)).toBe(1);
    expect(await auditCount('attachment.download', fileId)).toBe(1);
    const rows = await t.handle.db.select({ details: auditLog.details }).from(auditLog).where(eq(auditLog.entityId, w.caseId));
    expect(JSON.stringify(rows)).not.toContain('2021');
    expect(JSON.stringify(rows)).not.toContain('intyg');
  });

  it('someone else cannot write in the case, and an empty message is refused', async () => {
    const w = await world();
    expect(await sendResidentMessage({ caseId: w.caseId, residentId: w.sven.id, body: 'Hej' })).toEqual({ ok: false, error: 'not-found' });
    expect(await sendResidentMessage({ caseId: w.caseId, residentId: w.anna.id, body: '   ' })).toEqual({ ok: false, error: 'empty' });
    expect(await sendResidentMessage({ caseId: 'not-a-uuid', residentId: w.anna.id, body: 'Hej' })).toEqual({ ok: false, error: 'not-found' });
  });

  it('a clarification request waits for the resident; the answer puts the case back to work', async () => {
    const w = await world();
    const request = await sendStaffMessage({ caseId: w.caseId, staffId: w.staff.id, kind: 'clarification_request', body: 'Vilken period gäller det?' });
    expect(request.ok).toBe(true);
    expect(await statusOf(w.caseId)).toBe('awaiting_resident');
    expect(openRequests(await listCaseMessages(w.caseId))).toHaveLength(1);
    await sendResidentMessage({ caseId: w.caseId, residentId: w.anna.id, body: '2020–2022' });
    const messages = await listCaseMessages(w.caseId);
    expect(openRequests(messages)).toHaveLength(0);
    expect(messages[1]!.inReplyTo).toBe(messages[0]!.id);
    expect(await statusOf(w.caseId)).toBe('in_progress');
    const events = await t.handle.db.select({ type: caseEvents.type }).from(caseEvents).where(eq(caseEvents.caseId, w.caseId));
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['information.requested', 'information.provided']));
  });

  it('an identity request pauses the clock: the answer moves the deadline by the pause (Art 12(6), DOMAIN.md §5)', async () => {
    const w = await world();
    // A case received 2026-01-10 whose identity request went out on 2026-01-20.
    await t.handle.db.update(cases).set({ receivedDate: '2026-01-10', deadline: gdprDeadline('2026-01-10') }).where(eq(cases.id, w.caseId));
    await sendStaffMessage({ caseId: w.caseId, staffId: w.staff.id, kind: 'identity_request', body: 'Skicka en kopia av din legitimation.' });
    await t.handle.db.update(caseMessages).set({ createdAt: new Date('2026-01-20T09:00:00+01:00') }).where(eq(caseMessages.caseId, w.caseId));
    // A second identity request while one is open would make pauses overlap.
    expect(await sendStaffMessage({ caseId: w.caseId, staffId: w.staff.id, kind: 'identity_request', body: 'Igen' })).toEqual({ ok: false, error: 'not-allowed' });
    await sendResidentMessage({ caseId: w.caseId, residentId: w.anna.id, body: 'Här är den.', files: [pdfUpload('id.pdf')] });
    const [c] = await t.handle.db.select().from(cases).where(eq(cases.id, w.caseId));
    const expected = deadlineWithPauses('2026-01-10', [{ pausedOn: '2026-01-20', resumedOn: todayInStockholm() }]);
    expect(c!.deadline).toBe(expected);
    expect(c!.deadline > gdprDeadline('2026-01-10')).toBe(true);
  });

  it('nothing can be written in a withdrawn case', async () => {
    const w = await world();
    await withdrawCase({ caseId: w.caseId, residentId: w.anna.id });
    expect(await sendResidentMessage({ caseId: w.caseId, residentId: w.anna.id, body: 'Hej' })).toEqual({ ok: false, error: 'closed' });
    expect(await sendStaffMessage({ caseId: w.caseId, staffId: w.staff.id, body: 'Hej' })).toEqual({ ok: false, error: 'closed' });
  });
});

describe('withdrawal', () => {
  it('is recorded with an event and an audit row, once; others cannot withdraw', async () => {
    const w = await world();
    expect(await withdrawCase({ caseId: w.caseId, residentId: w.sven.id })).toEqual({ ok: false, error: 'not-found' });
    expect(await withdrawCase({ caseId: w.caseId, residentId: w.anna.id, reason: 'Jag har fått svar på annat sätt.' })).toEqual({ ok: true });
    expect(await statusOf(w.caseId)).toBe('withdrawn');
    expect(await withdrawCase({ caseId: w.caseId, residentId: w.anna.id })).toEqual({ ok: false, error: 'not-allowed' });
    const [event] = await t.handle.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, w.caseId), eq(caseEvents.type, 'withdrawn')));
    expect(event!.data).toEqual({ reason: 'Jag har fått svar på annat sätt.' });
    expect(await auditCount('case.withdraw', w.caseId)).toBe(1);
  });

  it('is refused once the case is decided', async () => {
    const w = await world();
    await t.handle.db.update(cases).set({ status: 'decided' }).where(eq(cases.id, w.caseId));
    expect(await withdrawCase({ caseId: w.caseId, residentId: w.anna.id })).toEqual({ ok: false, error: 'not-allowed' });
  });
});

describe('extension of the deadline (Art 12(3))', () => {
  it('moves the deadline to the extended one and keeps the reason for the resident', async () => {
    const w = await world();
    await t.handle.db.update(cases).set({ receivedDate: '2026-11-02', deadline: gdprDeadline('2026-11-02') }).where(eq(cases.id, w.caseId));
    expect(await extendCaseDeadline({ caseId: w.caseId, staffId: w.staff.id, reason: '  ', today: '2026-11-20' })).toEqual({ ok: false, error: 'reason-required' });
    const extended = await extendCaseDeadline({ caseId: w.caseId, staffId: w.staff.id, reason: 'Begäran gäller många system.', today: '2026-11-20' });
    // Received Monday 2 November: first deadline 2 December, extended to 2 February 2027 (a Tuesday).
    expect(extended).toEqual({ ok: true, previous: '2026-12-02', deadline: '2027-02-02' });
    const [c] = await t.handle.db.select().from(cases).where(eq(cases.id, w.caseId));
    expect(c).toMatchObject({ deadline: '2027-02-02', extendedOn: '2026-11-20', extensionReason: 'Begäran gäller många system.' });
    expect(await extendCaseDeadline({ caseId: w.caseId, staffId: w.staff.id, reason: 'Igen', today: '2026-11-21' })).toEqual({ ok: false, error: 'already-extended' });
  });

  it('is refused after the first deadline has passed', async () => {
    const w = await world();
    await t.handle.db.update(cases).set({ receivedDate: '2026-09-01', deadline: gdprDeadline('2026-09-01') }).where(eq(cases.id, w.caseId));
    expect(await extendCaseDeadline({ caseId: w.caseId, staffId: w.staff.id, reason: 'Många system', today: '2026-10-02' })).toEqual({ ok: false, error: 'too-late' });
  });
});

describe('documents', () => {
  it('a published document is listed, downloaded by its resident only, and the first opening is recorded once', async () => {
    const w = await world();
    const doc = await publishCaseDocument({ caseId: w.caseId, staffId: w.staff.id, kind: 'letter', title: 'Svar på din begäran', filename: 'svar.pdf', mimeType: 'application/pdf', bytes: PDF });
    expect((await listPublishedDocuments(w.caseId)).map((d) => d.title)).toEqual(['Svar på din begäran']);
    expect(await openDocumentAsResident(doc.id, w.caseId, w.sven.id)).toBeNull();
    const first = await openDocumentAsResident(doc.id, w.caseId, w.anna.id);
    expect(first!.filename).toBe('svar.pdf');
    const [opened] = await listPublishedDocuments(w.caseId);
    expect(opened!.firstOpenedAt).toBeInstanceOf(Date);
    await openDocumentAsResident(doc.id, w.caseId, w.anna.id);
    const [again] = await listPublishedDocuments(w.caseId);
    expect(again!.firstOpenedAt!.getTime()).toBe(opened!.firstOpenedAt!.getTime());
    expect(await auditCount('document.download', w.caseId)).toBe(2);
  });
});
