/**
 * Documents the PUA sends the resident in a case: letters, decisions and the registerutdrag
 * package (issue #4 "Documents"; produced by the decision and registerutdrag features). The file is
 * in the encrypted file store by content hash; the row says what it is and when it was released.
 *
 * Each download by the resident is audited. The first one is also recorded on the row: for digital
 * delivery that is the moment the resident was notified (DOMAIN.md §8 — the appeal period of a
 * decision runs from it), so it is set once and never moved.
 */
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { caseDocuments, caseEvents } from '../../db/schema/index';
import { db, type Database } from '../utils/db.server';
import { readStoredFile, storeFile } from '../utils/file-store.server';
import { queueResidentNotice } from '../jobs/notices.server';
import { recordAudit, writeAudit } from './audit.server';
import { findResidentCase } from './resident-cases.server';
import { recordDigitalNotification } from './decision-notification.server';

export type DocumentKind = 'letter' | 'decision' | 'registerutdrag' | 'notice';

export type PublishedDocument = { id: string; kind: DocumentKind; title: string; filename: string; mimeType: string; size: number; publishedAt: Date; firstOpenedAt: Date | null };

/**
 * Stores the file and releases it to the resident in the case, with a timeline event, an audit
 * row and (after commit) the "something new" notice. Access is checked by the calling route.
 */
export async function publishCaseDocument(
  input: { caseId: string; staffId: string | null; kind: DocumentKind; title: string; filename: string; mimeType: string; bytes: Uint8Array },
  database: Database = db(),
): Promise<{ id: string }> {
  const stored = await storeFile(input.bytes);
  const doc = await database.transaction((txn) => insertCaseDocument(txn as unknown as Database, { ...input, ...stored }));
  await queueResidentNotice(input.caseId, database);
  return doc;
}

/**
 * The same inside the caller's transaction, for a file already stored (a decision letter is
 * released in the transaction that takes the decision). The caller queues the notice after commit.
 */
export async function insertCaseDocument(
  tx: Database,
  input: { caseId: string; staffId: string | null; kind: DocumentKind; title: string; filename: string; mimeType: string; sha256: string; size: number },
): Promise<{ id: string }> {
  const actor = input.staffId ? ({ type: 'staff', id: input.staffId } as const) : ({ type: 'system' } as const);
  const [row] = await tx
    .insert(caseDocuments)
    .values({ caseId: input.caseId, kind: input.kind, title: input.title, sha256: input.sha256, filename: input.filename, mimeType: input.mimeType, size: input.size, createdByStaffId: input.staffId, publishedAt: new Date() })
    .returning({ id: caseDocuments.id });
  await tx.insert(caseEvents).values({ caseId: input.caseId, type: 'document.published', actorType: actor.type, actorId: input.staffId, data: { documentId: row!.id, kind: input.kind } });
  await writeAudit(tx, { actor, action: 'document.publish', entityType: 'case', entityId: input.caseId, details: { documentId: row!.id, kind: input.kind, sha256: input.sha256, size: input.size } });
  return row!;
}

const columns = {
  id: caseDocuments.id,
  kind: caseDocuments.kind,
  title: caseDocuments.title,
  filename: caseDocuments.filename,
  mimeType: caseDocuments.mimeType,
  size: caseDocuments.size,
  publishedAt: caseDocuments.publishedAt,
  firstOpenedAt: caseDocuments.firstOpenedAt,
};

/** The released documents of a case, oldest first. Callers have checked access. */
export async function listPublishedDocuments(caseId: string, database: Database = db()): Promise<PublishedDocument[]> {
  const rows = await database.select(columns).from(caseDocuments).where(and(eq(caseDocuments.caseId, caseId), isNotNull(caseDocuments.publishedAt))).orderBy(asc(caseDocuments.publishedAt), asc(caseDocuments.id));
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt! }));
}

/**
 * The document with its bytes for the resident whose case it is, else null. Audited; the first
 * download records `firstOpenedAt` (the digital notification date) and a timeline event.
 */
export async function openDocumentAsResident(documentId: string, caseId: string, residentId: string, database: Database = db()) {
  const found = await findResidentCase(caseId, residentId, database);
  if (!found || !/^[0-9a-f-]{36}$/i.test(documentId)) return null;
  const [doc] = await database
    .select({ ...columns, sha256: caseDocuments.sha256 })
    .from(caseDocuments)
    .where(and(eq(caseDocuments.id, documentId), eq(caseDocuments.caseId, found.id), isNotNull(caseDocuments.publishedAt)));
  if (!doc) return null;
  const bytes = await readStoredFile(doc.sha256);
  await database.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    const now = new Date();
    const [first] = await tx
      .update(caseDocuments)
      .set({ firstOpenedAt: now })
      .where(and(eq(caseDocuments.id, doc.id), isNull(caseDocuments.firstOpenedAt)))
      .returning({ id: caseDocuments.id });
    if (first) {
      await tx.insert(caseEvents).values({ caseId: found.id, type: 'document.opened', actorType: 'resident', actorId: residentId, visibleToResident: false, data: { documentId: doc.id, kind: doc.kind } });
      // A decision opened for the first time is a decision received (FL 44 §): its appeal period starts.
      if (doc.kind === 'decision') await recordDigitalNotification(tx, { documentId: doc.id, caseId: found.id, residentId });
    }
    await writeAudit(tx, { actor: { type: 'resident', id: residentId }, action: 'document.download', entityType: 'case', entityId: found.id, details: { documentId: doc.id, first: Boolean(first), sha256: doc.sha256 } });
  });
  return { ...doc, bytes };
}

/** A document of the case (a letter, a decision) for staff with content access; audited, never marks it opened. */
export async function openDocumentAsStaff(documentId: string, caseId: string, staffId: string, database: Database = db()) {
  if (!/^[0-9a-f-]{36}$/i.test(documentId)) return null;
  const [doc] = await database.select({ ...columns, sha256: caseDocuments.sha256 }).from(caseDocuments).where(and(eq(caseDocuments.id, documentId), eq(caseDocuments.caseId, caseId)));
  if (!doc) return null;
  const bytes = await readStoredFile(doc.sha256);
  await recordAudit(database, { actor: { type: 'staff', id: staffId }, action: 'document.download', entityType: 'case', entityId: caseId, details: { documentId: doc.id, sha256: doc.sha256 } });
  return { filename: doc.filename, mimeType: doc.mimeType, bytes };
}
