/**
 * Attachments of a request (issue #4 "Attachments"): the rows that reference files in the
 * encrypted file store (app/utils/file-store.server.ts) by the SHA-256 of their content. While the
 * resident fills in the journey a file belongs to their draft; filing moves it to the submission.
 *
 * Every query is scoped to the resident who owns the draft or filed the submission: any other id
 * gives nothing (null / false / []), which routes turn into 404. Every change and every download is
 * audited, with ids, hash and size only — never the file name, which may contain personal data.
 *
 * Removing an attachment deletes the row, not the stored file: one file may be referenced by
 * several rows (same content, even of different residents), so unreferenced files are deleted by
 * gallring, not here (see `deleteStoredFile`).
 */
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { attachments, requestDrafts, submissions } from '../../db/schema/index';
import {
  detectFileType,
  isAttachmentPurpose,
  MAX_FILE_BYTES,
  MAX_FILES,
  safeFilename,
  type AllowedFileType,
  type AttachmentPurpose,
} from '~/domain/file-types';
import { db, type Database } from '../utils/db.server';
import { readStoredFile, storeFile } from '../utils/file-store.server';
import type { UploadErrorCode } from '../utils/uploads.server';
import { writeAudit, type Actor } from './audit.server';
import { ownedBy, type DraftOwner } from './draft.server';
import { isUuid } from '~/domain/uuid';

export type AttachmentMeta = {
  id: string;
  sha256: string;
  filename: string;
  mimeType: AllowedFileType;
  size: number;
  purpose: string;
  createdAt: Date;
};

export type AttachmentDownload = AttachmentMeta & { bytes: Buffer };

export type NewDraftAttachment = {
  draftId: string;
  /** The resident writing their request, or the official writing one for a visitor (ADR 016). */
  owner: DraftOwner;
  purpose: AttachmentPurpose;
  /** From `parseUploadForm`; the name is made safe and the type sniffed again here. */
  file: { filename: string; bytes: Uint8Array };
};

export type AddAttachmentResult =
  | { ok: true; attachment: AttachmentMeta }
  | { ok: false; error: UploadErrorCode | 'draft-not-found' };


const meta = {
  id: attachments.id,
  sha256: attachments.sha256,
  filename: attachments.filename,
  mimeType: attachments.mimeType,
  size: attachments.size,
  purpose: attachments.purpose,
  createdAt: attachments.createdAt,
};

type MetaRow = Omit<AttachmentMeta, 'mimeType'> & { mimeType: string };
const toMeta = (row: MetaRow): AttachmentMeta => ({ ...row, mimeType: row.mimeType as AllowedFileType });

const residentActor = (id: string): Actor => ({ type: 'resident', id });
const ownerActor = (owner: DraftOwner): Actor => ('residentId' in owner ? residentActor(owner.residentId) : { type: 'staff', id: owner.staffId });
const ownerIdValid = (owner: DraftOwner) => ('residentId' in owner ? isUuid(owner.residentId) : isUuid(owner.staffId));

/** The owner's draft that is still open for changes. */
const openDraft = (draftId: string, owner: DraftOwner, database: Database) =>
  and(eq(requestDrafts.id, draftId), ownedBy(owner, database), isNull(requestDrafts.submittedAt));

/**
 * Stores the file (encrypted, by content hash) and adds it to the resident's open draft, at most
 * MAX_FILES per draft even under concurrent uploads. Type and size are checked again here, so a
 * caller that skipped `parseUploadForm` still cannot store anything else.
 */
export async function addDraftAttachment(input: NewDraftAttachment, database: Database = db()): Promise<AddAttachmentResult> {
  const { draftId, owner, purpose, file } = input;
  if (!isAttachmentPurpose(purpose)) throw new TypeError(`Unknown attachment purpose ${String(purpose)}`);
  if (!isUuid(draftId) || !ownerIdValid(owner)) return { ok: false, error: 'draft-not-found' };
  if (file.bytes.byteLength === 0) return { ok: false, error: 'empty' };
  if (file.bytes.byteLength > MAX_FILE_BYTES) return { ok: false, error: 'too-large' };
  const mimeType = detectFileType(file.bytes);
  if (!mimeType) return { ok: false, error: 'wrong-type' };

  const [draft] = await database.select({ id: requestDrafts.id }).from(requestDrafts).where(openDraft(draftId, owner, database));
  if (!draft) return { ok: false, error: 'draft-not-found' };

  // The file is written before the row: a failed insert leaves an unreferenced file for gallring,
  // never a row without its file.
  const stored = await storeFile(file.bytes);

  return database.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    // Locking the draft serialises uploads to it, so the count below cannot be raced past MAX_FILES.
    const [locked] = await tx.select({ id: requestDrafts.id }).from(requestDrafts).where(openDraft(draftId, owner, tx)).for('update');
    if (!locked) return { ok: false, error: 'draft-not-found' } as const;
    const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(attachments).where(eq(attachments.draftId, draftId));
    if ((count?.n ?? 0) >= MAX_FILES) return { ok: false, error: 'too-many' } as const;
    const [row] = await tx
      .insert(attachments)
      .values({
        sha256: stored.sha256,
        filename: safeFilename(file.filename),
        mimeType,
        size: stored.size,
        draftId,
        purpose,
        ...('residentId' in owner ? { uploadedByResidentId: owner.residentId } : { uploadedByStaffId: owner.staffId }),
      })
      .returning(meta);
    await writeAudit(tx, {
      actor: ownerActor(owner),
      action: 'attachment.add',
      entityType: 'attachment',
      entityId: row!.id,
      details: { draftId, sha256: stored.sha256, size: stored.size, mimeType, purpose },
    });
    return { ok: true, attachment: toMeta(row!) } as const;
  });
}

/** The files of the owner's draft, oldest first; [] for anyone else's draft. */
export async function listDraftAttachments(draftId: string, owner: DraftOwner, database: Database = db()): Promise<AttachmentMeta[]> {
  if (!isUuid(draftId) || !ownerIdValid(owner)) return [];
  const rows = await database
    .select(meta)
    .from(attachments)
    .innerJoin(requestDrafts, eq(requestDrafts.id, attachments.draftId))
    .where(and(eq(attachments.draftId, draftId), ownedBy(owner, database)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  return rows.map(toMeta);
}

/** Removes one file from the owner's open draft; false when there is no such attachment. */
export async function removeDraftAttachment(id: string, draftId: string, owner: DraftOwner, database: Database = db()): Promise<boolean> {
  if (!isUuid(id) || !isUuid(draftId) || !ownerIdValid(owner)) return false;
  return database.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    const [removed] = await tx
      .delete(attachments)
      .where(
        and(
          eq(attachments.id, id),
          eq(attachments.draftId, draftId),
          isNull(attachments.submissionId),
          inArray(attachments.draftId, tx.select({ id: requestDrafts.id }).from(requestDrafts).where(openDraft(draftId, owner, tx))),
        ),
      )
      .returning({ id: attachments.id, sha256: attachments.sha256, size: attachments.size });
    if (!removed) return false;
    await writeAudit(tx, {
      actor: ownerActor(owner),
      action: 'attachment.remove',
      entityType: 'attachment',
      entityId: removed.id,
      details: { draftId, sha256: removed.sha256, size: removed.size },
    });
    return true;
  });
}

/** How many files the draft has (for "n of MAX_FILES" and `parseUploadForm`'s `maxFiles`). */
export async function countDraftAttachments(draftId: string, database: Database = db()): Promise<number> {
  if (!isUuid(draftId)) return 0;
  const [row] = await database.select({ n: sql<number>`count(*)::int` }).from(attachments).where(eq(attachments.draftId, draftId));
  return row?.n ?? 0;
}

/**
 * Moves the draft's files to the submission filed from it, in the caller's transaction (the one
 * that files the submission), and audits it. The submission must be the one made from this draft
 * (`submissions.draft_id`), otherwise it throws and the caller's transaction rolls back.
 * Idempotent: a second call finds nothing left to move. Returns how many files were moved.
 * The actor defaults to the resident who filed the submission.
 */
export async function attachToSubmission(draftId: string, submissionId: string, tx: Database, actor?: Actor): Promise<number> {
  const [submission] = isUuid(draftId) && isUuid(submissionId)
    ? await tx
      .select({ id: submissions.id, filedBy: submissions.filedByResidentId })
      .from(submissions)
      .where(and(eq(submissions.id, submissionId), eq(submissions.draftId, draftId)))
    : [];
  if (!submission) throw new Error('attachToSubmission: the submission was not filed from this draft');
  const moved = await tx
    .update(attachments)
    .set({ submissionId, draftId: null })
    .where(and(eq(attachments.draftId, draftId), isNull(attachments.submissionId)))
    .returning({ id: attachments.id });
  if (moved.length === 0) return 0;
  await writeAudit(tx, {
    actor: actor ?? (submission.filedBy ? residentActor(submission.filedBy) : { type: 'system' }),
    action: 'attachment.attach',
    entityType: 'submission',
    entityId: submissionId,
    details: { draftId, attachmentIds: moved.map((m) => m.id).sort(), count: moved.length },
  });
  return moved.length;
}

/**
 * The file with its metadata, for the resident who owns it — through their draft or a submission
 * they filed (also one filed for a child or a principal) — else null. Each download is audited.
 * Throws StoredFileError when the stored file is missing or fails its integrity check.
 */
export async function getAttachmentForDownload(id: string, who: { residentId: string }, database: Database = db()): Promise<AttachmentDownload | null> {
  const { residentId } = who;
  if (!isUuid(id) || !isUuid(residentId)) return null;
  const [row] = await database
    .select({ ...meta, draftId: attachments.draftId, submissionId: attachments.submissionId })
    .from(attachments)
    .leftJoin(requestDrafts, eq(requestDrafts.id, attachments.draftId))
    .leftJoin(submissions, eq(submissions.id, attachments.submissionId))
    .where(and(eq(attachments.id, id), or(eq(requestDrafts.residentId, residentId), eq(submissions.filedByResidentId, residentId))));
  if (!row) return null;
  const bytes = await readStoredFile(row.sha256);
  await database.transaction(async (txn) => {
    await writeAudit(txn as unknown as Database, {
      actor: residentActor(residentId),
      action: 'attachment.download',
      entityType: 'attachment',
      entityId: row.id,
      details: { sha256: row.sha256, size: row.size, ...(row.submissionId ? { submissionId: row.submissionId } : { draftId: row.draftId }) },
    });
  });
  const { draftId: _draftId, submissionId: _submissionId, ...rest } = row;
  return { ...toMeta(rest), bytes };
}
