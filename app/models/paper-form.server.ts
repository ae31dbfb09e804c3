/**
 * Registering a paper form (issue #8): the checked fields become a submission with channel
 * 'paper' and its cases — deadlines from the stamp date, not from today (DOMAIN.md §5) — and the
 * scan of the form is kept with the submission, as the request itself is an allmän handling.
 * One transaction: the cases, the scan's row and the audit row exist together or not at all.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { attachments, cases, pua, submissions } from '../../db/schema/index';
import type { PaperForm } from '~/domain/paper-form';
import { db, type Database, transaction } from '../utils/db.server';
import { storeFile } from '../utils/file-store.server';
import type { UploadedFile } from '../utils/uploads.server';
import { writeAudit } from './audit.server';
import { residentForVisitor } from './resident.server';
import { fileSubmission, type FiledSubmission } from './submission.server';
import { isUuid } from '~/domain/uuid';

/**
 * What the scan is in `attachments.purpose` (a text column, so no migration). Not 'evidence': the
 * scan is the request itself, not something sent in support of it.
 */
export const PAPER_FORM_PURPOSE = 'paper_form';

export type PaperRegistration = {
  /** From the form page: a second send of the same page files nothing new (idempotency key). */
  registrationId: string;
  staffId: string;
  form: PaperForm;
  scan: UploadedFile;
};

export async function registerPaperForm(input: PaperRegistration, database: Database = db()): Promise<FiledSubmission> {
  const { form, staffId } = input;
  if (!isUuid(input.registrationId)) throw new TypeError('registrationId must be a UUID');
  const actor = { type: 'staff', id: staffId } as const;
  // The file is written before the rows: a failed transaction leaves an unreferenced file for
  // gallring, never a row without its file (as for the resident's attachments).
  const stored = await storeFile(input.scan.bytes);
  return transaction(database, async (tx) => {
    // A guardian, ombud or god man who signed is the one who asked: the filer, as online (ADR 016),
    // so the letter, the pick-up and Mina ärenden are theirs. Their own form has no other filer.
    const filer = form.requester ? await residentForVisitor(form.requester.personnummer, form.requester.name, tx) : null;
    const filed = await fileSubmission(
      {
        draftId: input.registrationId,
        kommunId: form.kommunId,
        filedByResidentId: filer,
        channel: 'paper',
        relation: form.relation,
        subject: form.subject,
        rights: form.rights,
        puaIds: form.puaIds,
        // The signer's name as on the form; their personnummer only with the resident (ADR 005).
        answers: { rights: form.rights, relation: form.relation, puaIds: form.puaIds, delivery: form.delivery, protectedIdentity: form.protectedIdentity, ...(form.requester ? { requester: { name: form.requester.name } } : {}) },
        protectedIdentity: form.protectedIdentity,
        receivedAt: new Date(),
        receivedDate: form.receivedDate,
        registeredByStaffId: staffId,
        actor,
      },
      tx,
    );
    // Sent twice: the first send stored the scan and wrote the audit row.
    if (!filed.created) return filed;
    const [scan] = await tx
      .insert(attachments)
      .values({ sha256: stored.sha256, size: stored.size, filename: input.scan.filename, mimeType: input.scan.mimeType, submissionId: filed.id, purpose: PAPER_FORM_PURPOSE, uploadedByStaffId: staffId })
      .returning({ id: attachments.id });
    // Ids, dates and the file's hash only: no name or personnummer in the audit log.
    await writeAudit(tx, {
      actor,
      action: 'request.paper_registered',
      entityType: 'submission',
      entityId: filed.id,
      details: { submissionId: filed.id, cases: filed.cases.map((c) => c.id), receivedDate: form.receivedDate, attachmentId: scan!.id, sha256: stored.sha256, size: stored.size },
    });
    return filed;
  });
}

export type PaperReceipt = {
  reference: string;
  cases: { id: string; diarienummer: string; puaName: string; kind: string; receivedDate: string; deadline: string }[];
};

/**
 * The receipt of a paper submission: only its cases in `puaIds` (the PUAs where the viewer may
 * register visitors' requests); null when none of them is, or it is not a paper submission.
 */
export async function getPaperReceipt(submissionId: string, puaIds: readonly string[], database: Database = db()): Promise<PaperReceipt | null> {
  if (!isUuid(submissionId) || !puaIds.length) return null;
  const [s] = await database.select({ reference: submissions.reference }).from(submissions).where(and(eq(submissions.id, submissionId), eq(submissions.channel, 'paper')));
  if (!s) return null;
  const rows = await database
    .select({ id: cases.id, diarienummer: cases.diarienummer, puaName: pua.name, kind: cases.kind, receivedDate: cases.receivedDate, deadline: cases.deadline })
    .from(cases)
    .innerJoin(pua, eq(pua.id, cases.puaId))
    .where(and(eq(cases.submissionId, submissionId), inArray(cases.puaId, [...puaIds])))
    .orderBy(asc(cases.diarienummer));
  return rows.length ? { reference: s.reference, cases: rows } : null;
}
