/**
 * Redovisning av delegationsbeslut (issue #6; KL 6 kap. 40 §, 7 kap. 8 §): decisions taken under
 * delegation are reported to the nämnd, which lists them at its next meeting ("8. Redovisning av
 * delegationsbeslut" on the agenda in seed 004). For one PUA and a period: every decision decided
 * in it, and marking them as reported with the meeting date.
 */
import { and, asc, eq, gte, inArray, isNotNull, lte } from 'drizzle-orm';
import { cases, decisions, delegationReports, kommuner, pua, staffUsers } from '../../db/schema/index';
import type { DelegationReportData } from '~/documents/types';
import { isIsoDate } from '~/domain/iso-date';
import { db, type Database } from '../utils/db.server';
import { withAudit, writeAudit } from './audit.server';

export type ReportPeriod = { puaId: string; from: string; to: string };

/** Names of the PUAs the report can be made for, for the picker. */
export async function listPuaNames(puaIds: string[], database: Database = db()) {
  if (!puaIds.length) return [];
  return database.select({ id: pua.id, name: pua.name }).from(pua).where(inArray(pua.id, puaIds)).orderBy(asc(pua.name));
}

/** The decisions of the period, in date order; the caller has checked the staff member's PUA. */
export async function delegationDecisions(period: ReportPeriod, database: Database = db()) {
  return database
    .select({
      id: decisions.id,
      decidedOn: decisions.decidedOn,
      diarienummer: cases.diarienummer,
      caseKind: cases.kind,
      type: decisions.type,
      delegate: staffUsers.name,
      delegationPoint: decisions.delegationPoint,
      reportId: decisions.reportId,
    })
    .from(decisions)
    .innerJoin(cases, eq(cases.id, decisions.caseId))
    .innerJoin(staffUsers, eq(staffUsers.id, decisions.decidedByStaffId))
    .where(and(eq(cases.puaId, period.puaId), eq(decisions.status, 'decided'), isNotNull(decisions.delegationPoint), gte(decisions.decidedOn, period.from), lte(decisions.decidedOn, period.to)))
    .orderBy(asc(decisions.decidedOn), asc(decisions.decidedAt));
}

/** The report's content, for the PDF and the CSV. Audited as a read of the PUA's decisions. */
export async function delegationReportData(period: ReportPeriod, staffId: string, database: Database = db()): Promise<DelegationReportData & { reportedIn: { meetingDate: string }[] }> {
  const [org] = await database
    .select({ pua: { name: pua.name, postalAddress: pua.postalAddress, email: pua.email, phone: pua.phone }, kommun: { name: kommuner.name, postalAddress: kommuner.postalAddress, email: kommuner.email, phone: kommuner.phone } })
    .from(pua)
    .innerJoin(kommuner, eq(kommuner.id, pua.kommunId))
    .where(eq(pua.id, period.puaId));
  if (!org) throw new Response('Not Found', { status: 404 });
  return withAudit(database, { actor: { type: 'staff', id: staffId }, action: 'delegation_report.view', entityType: 'pua', entityId: period.puaId, details: { from: period.from, to: period.to } }, async (tx) => {
    const rows = await delegationDecisions(period, tx);
    const reports = await tx.select({ id: delegationReports.id, meetingDate: delegationReports.meetingDate }).from(delegationReports).where(eq(delegationReports.puaId, period.puaId));
    const reportedIn = reports.filter((r) => rows.some((row) => row.reportId === r.id));
    return {
      kommun: org.kommun,
      pua: org.pua,
      periodFrom: period.from,
      periodTo: period.to,
      meetingDate: reportedIn.length === 1 && rows.every((r) => r.reportId === reportedIn[0]!.id) ? reportedIn[0]!.meetingDate : null,
      reportedIn: reportedIn.map((r) => ({ meetingDate: r.meetingDate })),
      rows: rows.map((r) => ({ decidedOn: r.decidedOn!, diarienummer: r.diarienummer, caseKind: r.caseKind, type: r.type, delegate: r.delegate, delegationPoint: r.delegationPoint!.number })),
    };
  });
}

export type MarkReportedResult = { ok: true; count: number } | { ok: false; error: 'nothing-to-report' | 'invalid' };

/** Marks the period's not yet reported decisions as reported to the meeting of `meetingDate`. */
export async function markReported(input: ReportPeriod & { meetingDate: string; staffId: string }, database: Database = db()): Promise<MarkReportedResult> {
  if (!isIsoDate(input.meetingDate) || input.from > input.to) return { ok: false, error: 'invalid' };
  return database.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    const open = (await delegationDecisions(input, tx)).filter((r) => r.reportId === null);
    if (open.length === 0) return { ok: false, error: 'nothing-to-report' };
    const [report] = await tx.insert(delegationReports).values({ puaId: input.puaId, periodFrom: input.from, periodTo: input.to, meetingDate: input.meetingDate, reportedByStaffId: input.staffId }).returning({ id: delegationReports.id });
    for (const r of open) await tx.update(decisions).set({ reportId: report!.id }).where(eq(decisions.id, r.id));
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'delegation_report.mark_reported', entityType: 'pua', entityId: input.puaId, details: { reportId: report!.id, from: input.from, to: input.to, meetingDate: input.meetingDate, count: open.length } });
    return { ok: true, count: open.length };
  });
}
