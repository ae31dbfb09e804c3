/**
 * A request the reception registers for a visitor at the desk, or for a caller identified with
 * BankID on the phone (issue #8; DOMAIN.md §3; seed 004 bilaga 6 "Fylls i av tjänsteman"). The
 * official filled in the same journey as a resident would (request-pages.server.ts); instead of
 * the resident's BankID signature, the request rests on the official's identity check, and for a
 * representative on the fullmakt or förordnande they saw and scanned in (FL 14–15 §§). The result
 * is the same submission and cases as online, with channel "reception" (or "phone"), and a kvittens.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { attachments, cases, identityChecks, kommuner, pua, staffUsers, submissions } from '../../db/schema/index';
import type { WalkInReceiptData } from '~/documents/kvittens.server';
import { maskPersonnummer } from '~/domain/personnummer';
import { DELIVERY, requiredAttachmentPurpose, type Answers, type Delivery } from '~/domain/request-journey';
import type { Right } from '~/domain/requests';
import { isUuid } from '~/domain/uuid';
import type { Lng } from '~/i18n';
import { db, type Database, transaction } from '../utils/db.server';
import { decryptPersonnummer } from '../utils/pnr-crypto.server';
import { recordAudit, writeAudit } from './audit.server';
import { markDraftSubmitted } from './draft.server';
import type { ActiveCheck } from './identity-checks.server';
import { residentForVisitor } from './resident.server';
import { fileSubmission, type FiledSubmission } from './submission.server';

export type VisitorRequest = {
  draftId: string;
  answers: Answers;
  kommunId: string;
  puaIds: string[];
  /** The identity check in force: the official's own, in this session (activeCheck). */
  check: ActiveCheck;
  staffId: string;
  /** The official confirmed they saw a valid fullmakt or förordnande ("giltig fullmakt"). */
  authorityDocumentSeen: boolean;
  /** The language the official registered in: the letters will be written in it. */
  language: Lng;
};

/**
 * Files the visitor's request once (a second send finds the first filing), in one transaction
 * with the resident it belongs to, the draft's files, the submission's audit row and one more
 * naming the identity check.
 */
export async function registerVisitorRequest(input: VisitorRequest, database: Database = db()): Promise<FiledSubmission> {
  const { answers: a, check } = input;
  const authority = requiredAttachmentPurpose(a);
  if (authority && !input.authorityDocumentSeen) throw new Error('A representative’s request needs the official’s check of the fullmakt or förordnande');
  const actor = { type: 'staff', id: input.staffId } as const;
  return transaction(database, async (tx) => {
    // The one who asked is the visitor: the case is theirs in Mina ärenden and at the pick-up.
    const residentId = await residentForVisitor(check.personnummer, check.name, tx);
    const filed = await fileSubmission(
      {
        draftId: input.draftId,
        kommunId: input.kommunId,
        filedByResidentId: residentId,
        channel: check.method === 'bankid_phone' ? 'phone' : 'reception',
        relation: a.relation ?? 'self',
        subject: a.relation === 'self' || !a.subject ? { personnummer: check.personnummer, name: check.name } : a.subject,
        rights: a.rights ?? [],
        puaIds: input.puaIds,
        answers: a as Record<string, unknown>,
        protectedIdentity: !!a.protectedIdentity,
        receivedAt: new Date(),
        language: input.language,
        registeredByStaffId: input.staffId,
        identityCheckId: check.id,
        actor,
      },
      tx,
    );
    if (!filed.created) return filed;
    await markDraftSubmitted(input.draftId, { staffId: input.staffId, visitorPnrLookup: check.pnrLookup }, tx);
    // The check and what the official confirmed; never the personnummer or the document's number.
    await writeAudit(tx, {
      actor,
      action: 'request.visitor_registered',
      entityType: 'submission',
      entityId: filed.id,
      details: { cases: filed.cases.map((c) => c.id), checkId: check.id, method: check.method, documentType: check.document?.type ?? null, authorityDocument: authority, authorityDocumentSeen: authority ? input.authorityDocumentSeen : null },
    });
    return filed;
  });
}

/**
 * The kvittens of a request the official registered for a visitor (HTML page and PDF): only for
 * that official, only its cases in `puaIds`; personnummer masked. Audited: it shows who asked.
 */
export async function getVisitorReceipt(submissionId: string, viewer: { staffId: string; puaIds: readonly string[] }, database: Database = db()): Promise<(Omit<WalkInReceiptData, 'language'> & { id: string; checkId: string; language: Lng }) | null> {
  if (!isUuid(submissionId) || !viewer.puaIds.length) return null;
  const [s] = await database
    .select({
      id: submissions.id,
      checkId: submissions.identityCheckId,
      reference: submissions.reference,
      createdAt: submissions.createdAt,
      relation: submissions.relation,
      answers: submissions.answers,
      language: submissions.language,
      protectedIdentity: submissions.protectedIdentity,
      subjectName: submissions.subjectName,
      subjectCipher: submissions.subjectPnrCiphertext,
      // The one who asked, as their identity was checked at the desk or on the phone.
      requesterName: identityChecks.name,
      requesterCipher: identityChecks.pnrCiphertext,
      checkMethod: identityChecks.method,
      document: identityChecks.document,
      registeredBy: staffUsers.name,
      kommun: { name: kommuner.name, postalAddress: kommuner.postalAddress, email: kommuner.email, phone: kommuner.phone, website: kommuner.website },
    })
    .from(submissions)
    .innerJoin(identityChecks, eq(identityChecks.id, submissions.identityCheckId))
    .innerJoin(staffUsers, eq(staffUsers.id, submissions.registeredByStaffId))
    .innerJoin(kommuner, eq(kommuner.id, submissions.kommunId))
    .where(and(eq(submissions.id, submissionId), eq(submissions.registeredByStaffId, viewer.staffId), inArray(submissions.channel, ['reception', 'phone'])));
  if (!s) return null;
  const rows = await database
    .select({ id: cases.id, diarienummer: cases.diarienummer, kind: cases.kind, rights: cases.rights, receivedDate: cases.receivedDate, deadline: cases.deadline, puaName: pua.name, puaContact: { name: pua.name, postalAddress: pua.postalAddress, email: pua.email, phone: pua.phone } })
    .from(cases)
    .innerJoin(pua, eq(pua.id, cases.puaId))
    .where(and(eq(cases.submissionId, s.id), inArray(cases.puaId, [...viewer.puaIds])))
    .orderBy(asc(cases.diarienummer));
  if (!rows.length) return null;
  const answers = s.answers as Answers;
  const authority = requiredAttachmentPurpose(answers);
  const [proof] = authority ? await database.select({ id: attachments.id }).from(attachments).where(and(eq(attachments.submissionId, s.id), eq(attachments.purpose, authority))).limit(1) : [];
  await recordAudit(database, { actor: { type: 'staff', id: viewer.staffId }, action: 'request.visitor_receipt', entityType: 'submission', entityId: s.id, details: { cases: rows.map((r) => r.id) } });
  const delivery: Delivery = (DELIVERY as readonly unknown[]).includes(answers.delivery) ? (answers.delivery as Delivery) : 'portal';
  return {
    id: s.id,
    checkId: s.checkId!,
    language: s.language,
    kommun: s.kommun,
    reference: s.reference,
    registeredAt: s.createdAt.toISOString(),
    requester: { name: s.requesterName, personnummerMasked: maskPersonnummer(decryptPersonnummer(s.requesterCipher)) },
    relation: s.relation,
    subject: s.relation === 'self' ? null : { name: s.subjectName, personnummerMasked: maskPersonnummer(decryptPersonnummer(s.subjectCipher)) },
    identity: s.checkMethod === 'id_document' && s.document ? { method: 'id_document', documentType: s.document.type, issuer: s.document.issuer } : { method: 'bankid_phone' },
    authorityDocument: proof ? authority : null,
    registeredBy: { name: s.registeredBy },
    cases: rows.map(({ id: _id, ...c }) => ({ ...c, rights: c.rights as Right[] })),
    delivery,
    protectedIdentity: s.protectedIdentity,
  };
}
