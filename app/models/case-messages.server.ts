/**
 * Secure messages in a case (issue #4 "Secure messages"), both ways, with attachments. A message
 * from the PUA may be a request — for identity information (pauses the legal clock, Art 12(6)) or
 * for a clarification (does not) — which the resident answers with a reply; the answer resumes the
 * clock and, when nothing else is outstanding, puts the case back to work.
 *
 * Bodies and files stay in the portal: the e-mail notice only says that something new is waiting.
 * Every send is audited with ids, sizes and hashes — never the text or file names.
 * Scoping: the resident functions check ownership themselves; the staff function trusts the
 * calling route to have checked the staff member's access to the case's PUA.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { attachments, caseEvents, caseMessages, cases } from '../../db/schema/index';
import { nextStatus, type CaseStatus } from '~/domain/case-status';
import { MAX_FILES } from '~/domain/file-types';
import { db, type Database } from '../utils/db.server';
import { readStoredFile, storeFile } from '../utils/file-store.server';
import type { UploadedFile } from '../utils/uploads.server';
import { queuePuaNotice, queueResidentNotice } from '../jobs/notices.server';
import { recordAudit, writeAudit } from './audit.server';
import { refreshDeadline } from './case-clock.server';
import { findResidentCase } from './resident-cases.server';

export const MAX_MESSAGE_LENGTH = 5000;

export type MessageKind = 'message' | 'identity_request' | 'clarification_request';

export type CaseMessage = {
  id: string;
  direction: 'to_resident' | 'from_resident';
  kind: MessageKind;
  body: string;
  inReplyTo: string | null;
  createdAt: Date;
  answeredAt: Date | null;
  attachments: { id: string; filename: string; size: number; mimeType: string }[];
};

/** The case's messages, oldest first, with their attachments. Callers have checked access. */
export async function listCaseMessages(caseId: string, database: Database = db()): Promise<CaseMessage[]> {
  const rows = await database
    .select({
      id: caseMessages.id,
      direction: caseMessages.direction,
      kind: caseMessages.kind,
      body: caseMessages.body,
      inReplyTo: caseMessages.inReplyTo,
      createdAt: caseMessages.createdAt,
      answeredAt: caseMessages.answeredAt,
    })
    .from(caseMessages)
    .where(eq(caseMessages.caseId, caseId))
    .orderBy(asc(caseMessages.createdAt), asc(caseMessages.id));
  const files = rows.length
    ? await database
      .select({ id: attachments.id, messageId: attachments.messageId, filename: attachments.filename, size: attachments.size, mimeType: attachments.mimeType })
      .from(attachments)
      .where(inArray(attachments.messageId, rows.map((r) => r.id)))
      .orderBy(asc(attachments.createdAt), asc(attachments.id))
    : [];
  return rows.map((r) => ({ ...r, attachments: files.filter((f) => f.messageId === r.id).map(({ messageId: _m, ...f }) => f) }));
}

/** The PUA's requests the resident has not answered yet, oldest first. */
export const openRequests = (messages: CaseMessage[]) =>
  messages.filter((m) => m.direction === 'to_resident' && m.kind !== 'message' && m.answeredAt === null);

async function storeMessageFiles(files: UploadedFile[]) {
  // Written before the transaction: a rollback leaves unreferenced files for gallring, never a
  // row without its file.
  return Promise.all(files.map(async (f) => ({ file: f, stored: await storeFile(f.bytes) })));
}

export type SendResult = { ok: true; messageId: string } | { ok: false; error: 'not-found' | 'closed' | 'empty' | 'too-long' | 'too-many-files' | 'not-allowed' };

function checkBody(body: string, files: unknown[]): SendResult | null {
  if (!body.trim() && files.length === 0) return { ok: false, error: 'empty' };
  if (body.length > MAX_MESSAGE_LENGTH) return { ok: false, error: 'too-long' };
  if (files.length > MAX_FILES) return { ok: false, error: 'too-many-files' };
  return null;
}

/**
 * A message from the resident, which answers the PUA's oldest open request if there is one: the
 * request is marked answered, a paused clock resumes (the deadline moves), and with nothing else
 * outstanding the case goes back to work.
 */
export async function sendResidentMessage(
  input: { caseId: string; residentId: string; body: string; files?: UploadedFile[] },
  database: Database = db(),
): Promise<SendResult> {
  const files = input.files ?? [];
  const invalid = checkBody(input.body, files);
  if (invalid) return invalid;
  const found = await findResidentCase(input.caseId, input.residentId, database);
  if (!found) return { ok: false, error: 'not-found' };
  const stored = await storeMessageFiles(files);
  const result = await database.transaction(async (txn): Promise<SendResult> => {
    const tx = txn as unknown as Database;
    const [c] = await tx.select({ status: cases.status, submissionId: cases.submissionId }).from(cases).where(eq(cases.id, found.id)).for('update');
    if (!c || c.status === 'closed' || c.status === 'withdrawn') return { ok: false, error: 'closed' };
    const [request] = await tx
      .select({ id: caseMessages.id, kind: caseMessages.kind })
      .from(caseMessages)
      .where(and(eq(caseMessages.caseId, found.id), eq(caseMessages.direction, 'to_resident'), inArray(caseMessages.kind, ['identity_request', 'clarification_request']), isNull(caseMessages.answeredAt)))
      .orderBy(asc(caseMessages.createdAt))
      .limit(1);
    const now = new Date();
    const [message] = await tx
      .insert(caseMessages)
      .values({ caseId: found.id, direction: 'from_resident', body: input.body.trim(), authorResidentId: input.residentId, inReplyTo: request?.id ?? null, createdAt: now })
      .returning({ id: caseMessages.id });
    if (stored.length) {
      await tx.insert(attachments).values(
        stored.map(({ file, stored: s }) => ({ sha256: s.sha256, filename: file.filename, mimeType: file.mimeType, size: s.size, messageId: message!.id, submissionId: c.submissionId, purpose: 'message', uploadedByResidentId: input.residentId })),
      );
    }
    await tx.insert(caseEvents).values({ caseId: found.id, type: request ? 'information.provided' : 'message.from_resident', actorType: 'resident', actorId: input.residentId, data: { messageId: message!.id } });
    if (request) {
      await tx.update(caseMessages).set({ answeredAt: now }).where(eq(caseMessages.id, request.id));
      const [stillOpen] = await tx
        .select({ id: caseMessages.id })
        .from(caseMessages)
        .where(and(eq(caseMessages.caseId, found.id), eq(caseMessages.direction, 'to_resident'), inArray(caseMessages.kind, ['identity_request', 'clarification_request']), isNull(caseMessages.answeredAt)))
        .limit(1);
      const next = nextStatus(c.status as CaseStatus, 'resident_answered');
      if (!stillOpen && next) await tx.update(cases).set({ status: next, updatedAt: now }).where(eq(cases.id, found.id));
      if (request.kind === 'identity_request') await refreshDeadline(tx, found.id);
    }
    await writeAudit(tx, {
      actor: { type: 'resident', id: input.residentId },
      action: 'message.send',
      entityType: 'case',
      entityId: found.id,
      details: { messageId: message!.id, answers: request?.id ?? null, files: stored.map((s) => ({ sha256: s.stored.sha256, size: s.stored.size })) },
    });
    return { ok: true, messageId: message!.id };
  });
  if (result.ok) await queuePuaNotice(found.id, 'message', database);
  return result;
}

/**
 * A message from a staff member of the PUA; a request also puts the case in `awaiting_resident`.
 * A new identity request while one is open is refused: pauses of the clock cannot overlap.
 */
export async function sendStaffMessage(
  input: { caseId: string; staffId: string; body: string; kind?: MessageKind; files?: UploadedFile[] },
  database: Database = db(),
): Promise<SendResult> {
  const kind = input.kind ?? 'message';
  const files = input.files ?? [];
  const invalid = checkBody(input.body, files);
  if (invalid) return invalid;
  if (kind !== 'message' && !input.body.trim()) return { ok: false, error: 'empty' };
  const stored = await storeMessageFiles(files);
  const result = await database.transaction(async (txn): Promise<SendResult> => {
    const tx = txn as unknown as Database;
    const [c] = await tx.select({ status: cases.status, submissionId: cases.submissionId }).from(cases).where(eq(cases.id, input.caseId)).for('update');
    if (!c) return { ok: false, error: 'not-found' };
    if (c.status === 'closed' || c.status === 'withdrawn') return { ok: false, error: 'closed' };
    let status = c.status as CaseStatus;
    if (kind !== 'message') {
      const next = nextStatus(status, 'request_from_resident');
      if (!next) return { ok: false, error: 'not-allowed' };
      if (kind === 'identity_request') {
        const [open] = await tx
          .select({ id: caseMessages.id })
          .from(caseMessages)
          .where(and(eq(caseMessages.caseId, input.caseId), eq(caseMessages.kind, 'identity_request'), isNull(caseMessages.answeredAt)))
          .limit(1);
        if (open) return { ok: false, error: 'not-allowed' };
      }
      status = next;
    }
    const [message] = await tx
      .insert(caseMessages)
      .values({ caseId: input.caseId, direction: 'to_resident', kind, body: input.body.trim(), authorStaffId: input.staffId })
      .returning({ id: caseMessages.id });
    if (stored.length) {
      await tx.insert(attachments).values(
        stored.map(({ file, stored: s }) => ({ sha256: s.sha256, filename: file.filename, mimeType: file.mimeType, size: s.size, messageId: message!.id, submissionId: c.submissionId, purpose: 'message', uploadedByStaffId: input.staffId })),
      );
    }
    if (status !== c.status) await tx.update(cases).set({ status, updatedAt: new Date() }).where(eq(cases.id, input.caseId));
    await tx.insert(caseEvents).values({ caseId: input.caseId, type: kind === 'message' ? 'message.to_resident' : `information.requested`, actorType: 'staff', actorId: input.staffId, data: { messageId: message!.id, kind } });
    await writeAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: 'message.send',
      entityType: 'case',
      entityId: input.caseId,
      details: { messageId: message!.id, kind, files: stored.map((s) => ({ sha256: s.stored.sha256, size: s.stored.size })) },
    });
    return { ok: true, messageId: message!.id };
  });
  if (result.ok) await queueResidentNotice(input.caseId, database);
  return result;
}

/** A file of a message in the resident's case, with its bytes; audited. Null for anything else. */
export async function openMessageAttachmentAsResident(attachmentId: string, caseId: string, residentId: string, database: Database = db()) {
  const found = await findResidentCase(caseId, residentId, database);
  if (!found || !/^[0-9a-f-]{36}$/i.test(attachmentId)) return null;
  const [file] = await database
    .select({ id: attachments.id, sha256: attachments.sha256, filename: attachments.filename, mimeType: attachments.mimeType, size: attachments.size })
    .from(attachments)
    .innerJoin(caseMessages, eq(caseMessages.id, attachments.messageId))
    .where(and(eq(attachments.id, attachmentId), eq(caseMessages.caseId, found.id)));
  if (!file) return null;
  const bytes = await readStoredFile(file.sha256);
  await database.transaction(async (txn) => {
    await writeAudit(txn as unknown as Database, { actor: { type: 'resident', id: residentId }, action: 'attachment.download', entityType: 'attachment', entityId: file.id, details: { caseId: found.id, sha256: file.sha256, size: file.size } });
  });
  return { ...file, bytes };
}

/** The files the resident attached to the request itself (fullmakt, evidence …), for staff. */
export async function listSubmissionFiles(submissionId: string, database: Database = db()) {
  return database
    .select({ id: attachments.id, filename: attachments.filename, size: attachments.size, purpose: attachments.purpose })
    .from(attachments)
    .where(and(eq(attachments.submissionId, submissionId), isNull(attachments.messageId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

/**
 * A file of the case — attached to the request or to one of its messages — for a staff member
 * whose content access the route has checked. Audited; null for a file of another case.
 */
export async function openCaseFileAsStaff(attachmentId: string, c: { id: string; submissionId: string }, staffId: string, database: Database = db()) {
  if (!/^[0-9a-f-]{36}$/i.test(attachmentId)) return null;
  const [file] = await database
    .select({ id: attachments.id, sha256: attachments.sha256, filename: attachments.filename, mimeType: attachments.mimeType, size: attachments.size, messageCase: caseMessages.caseId, submissionId: attachments.submissionId, messageId: attachments.messageId })
    .from(attachments)
    .leftJoin(caseMessages, eq(caseMessages.id, attachments.messageId))
    .where(eq(attachments.id, attachmentId));
  const belongs = file && (file.messageId ? file.messageCase === c.id : file.submissionId === c.submissionId);
  if (!file || !belongs) return null;
  const bytes = await readStoredFile(file.sha256);
  await recordAudit(database, { actor: { type: 'staff', id: staffId }, action: 'attachment.download', entityType: 'attachment', entityId: file.id, details: { caseId: c.id, sha256: file.sha256, size: file.size } });
  return { filename: file.filename, mimeType: file.mimeType, bytes };
}
