/**
 * The items of a registerutdrag being compiled (issue #7): gathered from the system owners'
 * answers ("uppgifter funna") and the files they attached, plus documents the samordnare adds;
 * each linked to a processing activity and reviewed (app/domain/utdrag-review.ts). The caller has
 * checked that the staff member may compile in the case's PUA. Every review is audited.
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { attachments, caseTasks, pua } from '../../db/schema/index';
import { utdragItems } from '../../db/schema/utdrag';
import type { ProcessingActivity } from '~/domain/processing-activities';
import type { TaskAnswer } from '~/domain/task-answer';
import { checkItemReview, type ReviewCheck, type ReviewInput } from '~/domain/utdrag-review';
import { db, type Database, transaction } from '../utils/db.server';
import { storeFile } from '../utils/file-store.server';
import type { UploadedFile } from '../utils/uploads.server';
import { writeAudit } from './audit.server';


/** The PUA's registerförteckning: the activities an item can be linked to. */
export async function puaActivities(puaId: string, database: Database = db()): Promise<ProcessingActivity[]> {
  const [row] = await database.select({ activities: pua.processingActivities }).from(pua).where(eq(pua.id, puaId));
  return row?.activities ?? [];
}

/** The item's name in lists and in the package: where the data was found, and by whom. */
export function answerTitle(answer: Extract<TaskAnswer, { found: 'yes' }>): string {
  return `${answer.whereWhich} (${answer.workplace})`;
}

/**
 * Adds an item for every answer that found data and every file sent with an answer, once each
 * (unique per case): a later answer adds its items, earlier reviews stay. An answer linked to an
 * activity (`activityCode`) passes the link on to its items.
 */
export async function gatherUtdragItems(caseId: string, database: Database = db()): Promise<number> {
  const tasks = await database.select({ id: caseTasks.id, answer: caseTasks.answer }).from(caseTasks).where(and(eq(caseTasks.caseId, caseId), isNotNull(caseTasks.answer)));
  const found = tasks.filter((t) => (t.answer as TaskAnswer | null)?.found === 'yes');
  if (!found.length) return 0;
  const files = await database.select({ id: attachments.id, taskId: attachments.taskId, filename: attachments.filename }).from(attachments).where(inArray(attachments.taskId, found.map((t) => t.id)));
  const rows: (typeof utdragItems.$inferInsert)[] = [];
  for (const t of found) {
    const answer = t.answer as Extract<TaskAnswer, { found: 'yes' }>;
    const activityCode = answer.activityCode ?? null;
    rows.push({ caseId, kind: 'answer', taskId: t.id, title: answerTitle(answer), activityCode });
    for (const f of files.filter((x) => x.taskId === t.id)) rows.push({ caseId, kind: 'attachment', taskId: t.id, attachmentId: f.id, title: f.filename, activityCode });
  }
  const inserted = await database.insert(utdragItems).values(rows).onConflictDoNothing().returning({ id: utdragItems.id });
  return inserted.length;
}

/** The case's items in the order they came, with the file behind each (original and redacted copy). */
export async function listUtdragItems(caseId: string, database: Database = db()) {
  const rows = await database.select().from(utdragItems).where(eq(utdragItems.caseId, caseId)).orderBy(asc(utdragItems.createdAt), asc(utdragItems.kind));
  const fileIds = rows.flatMap((r) => [r.attachmentId, r.redactedAttachmentId]).filter((x): x is string => !!x);
  const files = fileIds.length ? await database.select({ id: attachments.id, filename: attachments.filename, size: attachments.size, mimeType: attachments.mimeType, sha256: attachments.sha256 }).from(attachments).where(inArray(attachments.id, fileIds)) : [];
  const file = (id: string | null) => (id ? (files.find((f) => f.id === id) ?? null) : null);
  return rows.map((r) => ({ ...r, file: file(r.attachmentId), redactedFile: file(r.redactedAttachmentId) }));
}

/** A document the samordnare adds (from an archive, a paper file): its own item. */
export async function addUtdragDocument(input: { caseId: string; staffId: string; file: UploadedFile; title: string; activityCode: string | null }, database: Database = db()) {
  const stored = await storeFile(input.file.bytes);
  return transaction(database, async (tx) => {
    const [a] = await tx
      .insert(attachments)
      .values({ sha256: stored.sha256, size: stored.size, filename: input.file.filename, mimeType: input.file.mimeType, purpose: 'utdrag_document', uploadedByStaffId: input.staffId })
      .returning({ id: attachments.id });
    const [item] = await tx.insert(utdragItems).values({ caseId: input.caseId, kind: 'document', attachmentId: a!.id, title: input.title.trim() || input.file.filename, activityCode: input.activityCode, addedByStaffId: input.staffId }).returning({ id: utdragItems.id });
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'utdrag.document_added', entityType: 'case', entityId: input.caseId, details: { itemId: item!.id, sha256: stored.sha256 } });
    return item!.id;
  });
}

/** Links an item to a processing activity of the PUA (the caller checks the code against the förteckning). */
export async function setItemActivity(input: { caseId: string; itemId: string; staffId: string; activityCode: string }, database: Database = db()): Promise<boolean> {
  return transaction(database, async (tx) => {
    const [row] = await tx.update(utdragItems).set({ activityCode: input.activityCode }).where(and(eq(utdragItems.id, input.itemId), eq(utdragItems.caseId, input.caseId))).returning({ id: utdragItems.id });
    if (row) await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'utdrag.item_activity', entityType: 'case', entityId: input.caseId, details: { itemId: row.id, activityCode: input.activityCode } });
    return !!row;
  });
}

export type ReviewResult = ReviewCheck | { ok: false; notFound: true };

/**
 * Records the review of one item. A masked item brings its redacted copy (`redacted`), stored as a
 * file of its own; the original is kept untouched.
 */
export async function reviewUtdragItem(input: { caseId: string; itemId: string; staffId: string; review: ReviewInput; redacted?: UploadedFile }, database: Database = db()): Promise<ReviewResult> {
  const [item] = await database.select().from(utdragItems).where(and(eq(utdragItems.id, input.itemId), eq(utdragItems.caseId, input.caseId)));
  if (!item) return { ok: false, notFound: true };
  const stored = input.redacted ? await storeFile(input.redacted.bytes) : null;
  // A copy uploaded now, or the one already on the item when the review is only changed.
  const redactedFileId = stored ? 'new' : (item.redactedAttachmentId ?? undefined);
  const check = checkItemReview({ ...input.review, redactedFileId }, { isDocument: item.kind !== 'answer' });
  if (!check.ok) return check;
  return transaction(database, async (tx) => {
    let redactedAttachmentId: string | null = null;
    if (check.review.outcome === 'release_masked') {
      redactedAttachmentId = item.redactedAttachmentId;
      if (stored && input.redacted) {
        const [a] = await tx
          .insert(attachments)
          .values({ sha256: stored.sha256, size: stored.size, filename: input.redacted.filename, mimeType: input.redacted.mimeType, purpose: 'utdrag_redacted', uploadedByStaffId: input.staffId })
          .returning({ id: attachments.id });
        redactedAttachmentId = a!.id;
      }
    }
    const review = check.review.outcome === 'release_masked' ? { ...check.review, redactedFileId: redactedAttachmentId! } : check.review;
    await tx.update(utdragItems).set({ review, redactedAttachmentId, reviewedByStaffId: input.staffId, reviewedAt: new Date() }).where(eq(utdragItems.id, item.id));
    // The note says what was excluded: it stays in the case, not in the audit log.
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'utdrag.item_reviewed', entityType: 'case', entityId: input.caseId, details: { itemId: item.id, outcome: review.outcome, ground: 'ground' in review ? review.ground : null } });
    return { ok: true as const, review };
  });
}
