/**
 * Beslut waiting at the reception (issue #8: "packages and letters waiting for pick-up"): a
 * decision of a case with delivery "hämta i receptionen", decided, with its letter, and not yet
 * received by the person. Handing it over is the notification (FL 44 §), recorded by
 * `recordInPersonNotification`; afterwards the official who handed it over may print the letter
 * for the person, for twelve hours. The same "who collects" rule as for the registerutdrag.
 */
import { and, asc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { caseDocuments, caseEvents, cases, decisions, pua, residents, submissions } from '../../db/schema/index';
import { isUuid } from '~/domain/uuid';
import { db, type Database } from '../utils/db.server';
import { readStoredFile } from '../utils/file-store.server';
import { recordAudit } from './audit.server';
import type { ActiveCheck } from './identity-checks.server';
import { AFTER_HANDOVER_MS, checkedRecipient, collectsIt, listedRecipient, recipientColumns, type ListedRecipient } from './utdrag-pickup.server';

/** A taken decision with its letter, of a case in these PUAs to be collected at the reception. */
export const atReception = (puaIds: readonly string[]) =>
  and(inArray(cases.puaId, [...puaIds]), eq(cases.deliveryMethod, 'reception'), eq(decisions.status, 'decided'), isNotNull(decisions.decidedOn), isNotNull(decisions.documentId));

/** …and not yet received by the person (in the portal, by post or here). */
const waiting = (puaIds: readonly string[]) => and(atReception(puaIds), isNull(decisions.notifiedOn));

/** Decisions with their case, PUA and the people involved: what the lists and the handover read. */
export const decisionsWithPeople = (database: Database) =>
  database
    .select({
      decisionId: decisions.id,
      caseId: cases.id,
      diarienummer: cases.diarienummer,
      puaName: pua.name,
      decidedOn: decisions.decidedOn,
      notifiedOn: decisions.notifiedOn,
      documentId: decisions.documentId,
      protectedIdentity: cases.protectedIdentity,
      ...recipientColumns,
    })
    .from(decisions)
    .innerJoin(cases, eq(cases.id, decisions.caseId))
    .innerJoin(pua, eq(pua.id, cases.puaId))
    .innerJoin(submissions, eq(submissions.id, cases.submissionId))
    .leftJoin(residents, eq(residents.id, submissions.filedByResidentId));

async function waitingRows(puaIds: readonly string[], database: Database) {
  if (!puaIds.length) return [];
  return decisionsWithPeople(database).where(waiting(puaIds)).orderBy(asc(decisions.decidedAt));
}

export type WaitingDecision = ListedRecipient & {
  decisionId: string;
  caseId: string;
  diarienummer: string;
  puaName: string;
  decidedOn: string;
};

/** The reception's list of waiting decisions: personnummer masked, nobody named for skyddade personuppgifter. Audited. */
export async function waitingDecisionList(puaIds: readonly string[], staffId: string, database: Database = db()): Promise<WaitingDecision[]> {
  const rows = await waitingRows(puaIds, database);
  await recordAudit(database, { actor: { type: 'staff', id: staffId }, action: 'decision.pickup_list', entityType: 'decision', details: { decisions: rows.map((r) => r.decisionId) } });
  return rows.map((r) => ({ decisionId: r.decisionId, caseId: r.caseId, diarienummer: r.diarienummer, puaName: r.puaName, decidedOn: r.decidedOn!, ...listedRecipient(r) }));
}

/** The decisions waiting for the verified person at this reception. */
export async function decisionsWaitingFor(check: ActiveCheck, puaIds: readonly string[], database: Database = db()): Promise<WaitingDecision[]> {
  return (await waitingRows(puaIds, database))
    .filter((r) => collectsIt(r, check))
    .map((r) => ({ decisionId: r.decisionId, caseId: r.caseId, diarienummer: r.diarienummer, puaName: r.puaName, decidedOn: r.decidedOn!, ...checkedRecipient(r, check) }));
}


/**
 * The letter of a decision this official handed over at the reception less than twelve hours ago,
 * to print for the person; audited. Null for anyone else, any other decision, or later. The
 * moment of the handover is its case event (the decision itself holds only the day).
 */
export async function openHandedOverDecision(decisionId: string, staffId: string, database: Database = db()) {
  if (!isUuid(decisionId)) return null;
  const [row] = await database
    .select({ caseId: decisions.caseId, documentId: caseDocuments.id, sha256: caseDocuments.sha256, filename: caseDocuments.filename, mimeType: caseDocuments.mimeType })
    .from(decisions)
    .innerJoin(caseDocuments, eq(caseDocuments.id, decisions.documentId))
    .innerJoin(
      caseEvents,
      and(
        eq(caseEvents.caseId, decisions.caseId),
        eq(caseEvents.type, 'decision.notified'),
        eq(caseEvents.actorType, 'staff'),
        eq(caseEvents.actorId, staffId),
        sql`${caseEvents.data}->>'decisionId' = ${decisionId}`,
        sql`${caseEvents.data}->>'method' = 'in_person'`,
        gt(caseEvents.at, new Date(Date.now() - AFTER_HANDOVER_MS)),
      ),
    )
    .where(and(eq(decisions.id, decisionId), eq(decisions.notificationMethod, 'in_person'), eq(decisions.notificationRecordedByStaffId, staffId)))
    .limit(1);
  if (!row) return null;
  const bytes = await readStoredFile(row.sha256);
  await recordAudit(database, { actor: { type: 'staff', id: staffId }, action: 'decision.handover_file', entityType: 'case', entityId: row.caseId, details: { decisionId, documentId: row.documentId, sha256: row.sha256 } });
  return { bytes, filename: row.filename, mimeType: row.mimeType };
}
