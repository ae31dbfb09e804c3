/**
 * The resident's view of cases: those they filed (for themself, a child or a principal) and those
 * about them. Scoped in the query itself; any other case id is simply not found (404).
 */
import { and, asc, desc, eq, or } from 'drizzle-orm';
import { caseEvents, cases, kommuner, pua, residents, submissions } from '../../db/schema/index';
import { db, type Database } from '../utils/db.server';
import { withAudit } from './audit.server';
import { isUuid } from '~/domain/uuid';

const caseColumns = {
  id: cases.id,
  diarienummer: cases.diarienummer,
  kind: cases.kind,
  rights: cases.rights,
  status: cases.status,
  receivedDate: cases.receivedDate,
  deadline: cases.deadline,
  extendedOn: cases.extendedOn,
  extensionReason: cases.extensionReason,
  puaName: pua.name,
  kommunName: kommuner.name,
  puaEmail: pua.email,
  puaPhone: pua.phone,
  reference: submissions.reference,
  relation: submissions.relation,
  subjectName: submissions.subjectName,
  filedByResidentId: submissions.filedByResidentId,
};


async function ownership(residentId: string, database: Database) {
  const [me] = await database.select({ lookup: residents.pnrLookup }).from(residents).where(eq(residents.id, residentId));
  if (!me) return null;
  return or(eq(submissions.filedByResidentId, residentId), eq(submissions.subjectPnrLookup, me.lookup));
}

export async function listResidentCases(residentId: string, database: Database = db()) {
  const owned = await ownership(residentId, database);
  if (!owned) return [];
  return withAudit(
    database,
    (rows: unknown[]) => ({ actor: { type: 'resident', id: residentId }, action: 'case.list', details: { count: rows.length } }),
    (tx) => tx.select(caseColumns).from(cases).innerJoin(submissions, eq(submissions.id, cases.submissionId)).innerJoin(pua, eq(pua.id, cases.puaId)).innerJoin(kommuner, eq(kommuner.id, pua.kommunId)).where(owned).orderBy(desc(cases.createdAt), asc(cases.diarienummer)),
  );
}

/**
 * The case if it is the resident's (filed by them, or about them), without audit: for actions
 * whose own audit row records the access. Null for anything else, malformed ids included.
 */
export async function findResidentCase(caseId: string, residentId: string, database: Database = db()) {
  if (!isUuid(caseId)) return null;
  const owned = await ownership(residentId, database);
  if (!owned) return null;
  const [row] = await database
    .select({ id: cases.id, status: cases.status, diarienummer: cases.diarienummer, submissionId: cases.submissionId })
    .from(cases)
    .innerJoin(submissions, eq(submissions.id, cases.submissionId))
    .where(and(eq(cases.id, caseId), owned));
  return row ?? null;
}

/** One case with its resident-visible timeline, or null when it is not the resident's. */
export async function getResidentCase(caseId: string, residentId: string, database: Database = db()) {
  if (!isUuid(caseId)) return null;
  const owned = await ownership(residentId, database);
  if (!owned) return null;
  const [row] = await database.select(caseColumns).from(cases).innerJoin(submissions, eq(submissions.id, cases.submissionId)).innerJoin(pua, eq(pua.id, cases.puaId)).innerJoin(kommuner, eq(kommuner.id, pua.kommunId)).where(and(eq(cases.id, caseId), owned));
  if (!row) return null;
  return withAudit(database, { actor: { type: 'resident', id: residentId }, action: 'case.view', entityType: 'case', entityId: caseId }, async (tx) => {
    const events = await tx
      .select({ at: caseEvents.at, type: caseEvents.type, data: caseEvents.data })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.visibleToResident, true)))
      .orderBy(asc(caseEvents.at));
    return { ...row, events };
  });
}

/** The receipt of a filed draft, for the confirmation page. */
export async function getReceipt(draftId: string, residentId: string, database: Database = db()) {
  const [s] = await database
    .select({ id: submissions.id, reference: submissions.reference, kommunName: kommuner.name })
    .from(submissions)
    .innerJoin(kommuner, eq(kommuner.id, submissions.kommunId))
    .where(and(eq(submissions.draftId, draftId), eq(submissions.filedByResidentId, residentId)));
  if (!s) return null;
  const rows = await database
    .select({ id: cases.id, diarienummer: cases.diarienummer, kind: cases.kind, rights: cases.rights, deadline: cases.deadline, puaName: pua.name })
    .from(cases)
    .innerJoin(pua, eq(pua.id, cases.puaId))
    .where(eq(cases.submissionId, s.id))
    .orderBy(asc(pua.name), asc(cases.kind));
  return { reference: s.reference, kommunName: s.kommunName, cases: rows };
}
