/**
 * Status help for a verified person (issue #8; seed 001: the kontaktcenter may give status but
 * refers questions about the processing to the nämnd). Only what the person may be told on the
 * phone or at the desk: case number, PUA, status, dates and the PUA's contact details — never what
 * was asked, messages, documents or decisions. Scoped to the official's kommun(er); every lookup is
 * audited with the identity check it rests on.
 */
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { cases, pua, residents, submissions } from '../../db/schema/index';
import { db, type Database } from '../utils/db.server';
import { recordAudit } from './audit.server';
import type { ActiveCheck } from './identity-checks.server';

export type CaseStatusRow = {
  id: string;
  diarienummer: string;
  kind: string;
  status: string;
  receivedDate: string;
  deadline: string;
  pua: { name: string; email: string | null; phone: string | null };
};

/** The cases of the verified person — about them, or filed by them for someone else — in these PUAs. */
export async function caseStatusFor(check: ActiveCheck, puaIds: readonly string[], staffId: string, database: Database = db()): Promise<CaseStatusRow[]> {
  if (!puaIds.length) return [];
  const rows = await database
    .select({ id: cases.id, diarienummer: cases.diarienummer, kind: cases.kind, status: cases.status, receivedDate: cases.receivedDate, deadline: cases.deadline, puaName: pua.name, puaEmail: pua.email, puaPhone: pua.phone })
    .from(cases)
    .innerJoin(submissions, eq(submissions.id, cases.submissionId))
    .innerJoin(pua, eq(pua.id, cases.puaId))
    .leftJoin(residents, eq(residents.id, submissions.filedByResidentId))
    .where(and(inArray(cases.puaId, [...puaIds]), or(eq(submissions.subjectPnrLookup, check.pnrLookup), eq(residents.pnrLookup, check.pnrLookup))))
    .orderBy(desc(cases.receivedDate), desc(cases.diarienummer));
  await recordAudit(database, {
    actor: { type: 'staff', id: staffId },
    action: 'case.status_lookup',
    entityType: 'identity_check',
    entityId: check.id,
    details: { method: check.method, cases: rows.map((r) => r.id) },
  });
  return rows.map((r) => ({ id: r.id, diarienummer: r.diarienummer, kind: r.kind, status: r.status, receivedDate: r.receivedDate, deadline: r.deadline, pua: { name: r.puaName, email: r.puaEmail, phone: r.puaPhone } }));
}
