/**
 * The back office's reading of cases (issue #5): the inbox and one case. Every query is scoped in
 * SQL by the same rules as `caseAccess` (app/domain/case-access.ts), so a list never shows a case
 * whose page would be refused, and a protected case's name never leaves the database for anyone
 * but its named handlers. Every listing, view and personnummer search is audited.
 */
import { and, asc, eq, exists, ilike, inArray, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { caseEvents, caseHandlers, cases, pua, roleAssignments, staffUsers, submissions } from '../../db/schema/index';
import { caseAccess, type CaseAccess, type StaffScope } from '~/domain/case-access';
import { addWorkingDays } from '~/domain/deadlines';
import { parsePersonnummer } from '~/domain/personnummer';
import { todayInStockholm } from '../utils/dates.server';
import { db, type Database } from '../utils/db.server';
import { personnummerLookup } from '../utils/pnr-crypto.server';
import { withAudit } from './audit.server';

export const INBOX_PAGE_SIZE = 50;
const OPEN_STATUSES = ['received', 'registered', 'in_progress', 'awaiting_resident'] as const;

export type InboxFilters = {
  status?: string | null;
  kind?: string | null;
  mine?: boolean;
  overdue?: boolean;
  dueSoon?: boolean;
  q?: string | null;
  /** Keyset cursor: the last row of the previous page. */
  after?: { deadline: string; id: string } | null;
};

const assignee = alias(staffUsers, 'assignee');

/** Cases the staff member may see at all (`caseAccess(...).see`), as SQL. */
function visible(scope: StaffScope): SQL {
  const wholePua = [...new Set([...scope.readPua, ...scope.handlePua, ...scope.registerPua])];
  const parts: SQL[] = [];
  if (wholePua.length) parts.push(inArray(cases.puaId, wholePua));
  if (scope.readAssigned.length) parts.push(and(inArray(cases.puaId, scope.readAssigned), eq(cases.assigneeStaffId, scope.staffId))!);
  return parts.length ? or(...parts)! : sql`false`;
}

/** True when the staff member may see the case's content: not protected, or a named handler. */
const contentVisible = (staffId: string) =>
  or(eq(cases.protectedIdentity, false), exists(db().select({ x: sql`1` }).from(caseHandlers).where(and(eq(caseHandlers.caseId, cases.id), eq(caseHandlers.staffUserId, staffId)))))!;

export async function listInbox(scope: StaffScope, filters: InboxFilters, database: Database = db()) {
  const today = todayInStockholm();
  const where: SQL[] = [visible(scope)];
  if (filters.status) where.push(eq(cases.status, filters.status as (typeof cases.status.enumValues)[number]));
  if (filters.kind) where.push(eq(cases.kind, filters.kind as (typeof cases.kind.enumValues)[number]));
  if (filters.mine) where.push(eq(cases.assigneeStaffId, scope.staffId));
  if (filters.overdue) where.push(and(inArray(cases.status, [...OPEN_STATUSES]), sql`${cases.deadline} < ${today}`)!);
  if (filters.dueSoon) where.push(and(inArray(cases.status, [...OPEN_STATUSES]), lte(cases.deadline, addWorkingDays(today, 5)))!);
  if (!filters.status && !filters.overdue && !filters.dueSoon) where.push(notInArray(cases.status, ['closed', 'withdrawn']));
  let searchedPnr = false;
  const q = filters.q?.trim();
  if (q) {
    const pnr = parsePersonnummer(q, today);
    if (pnr.ok) {
      searchedPnr = true;
      where.push(and(eq(submissions.subjectPnrLookup, personnummerLookup(pnr.pnr.value)), contentVisible(scope.staffId))!);
    } else if (/^[A-ZÅÄÖ]{1,6}\s?\d{4}\//i.test(q)) {
      // upper() on both sides rather than ilike, so that an index on upper(diarienummer)
      // text_pattern_ops can serve the prefix search (README "Performance").
      where.push(sql`upper(${cases.diarienummer}) like upper(${`${q.replace(/[%_\\]/g, '')}%`})`);
    } else {
      where.push(and(ilike(submissions.subjectName, `%${q.replace(/[%_\\]/g, '')}%`), contentVisible(scope.staffId))!);
    }
  }
  // A row comparison, (deadline, id) > (…), not the equivalent OR: the index scan starts at the
  // cursor instead of reading every later row of the scope (README "Performance").
  if (filters.after) where.push(sql`(${cases.deadline}, ${cases.id}) > (${filters.after.deadline}::date, ${filters.after.id}::uuid)`);

  return withAudit(
    database,
    (rows: unknown[]) => ({
      actor: { type: 'staff', id: scope.staffId },
      // A personnummer search is an access to that person's data: logged as such, without the number.
      action: searchedPnr ? 'case.search.personnummer' : 'case.list',
      details: { count: rows.length },
    }),
    async (tx) => {
      const rows = await tx
        .select({
          id: cases.id,
          diarienummer: cases.diarienummer,
          kind: cases.kind,
          status: cases.status,
          deadline: cases.deadline,
          receivedDate: cases.receivedDate,
          extendedOn: cases.extendedOn,
          protectedIdentity: cases.protectedIdentity,
          puaName: pua.name,
          // How it came in, when not through the e-tjänst: the reception, paper or the phone.
          channel: submissions.channel,
          assigneeName: assignee.name,
          assigneeId: cases.assigneeStaffId,
          subjectName: sql<string | null>`case when ${contentVisible(scope.staffId)} then ${submissions.subjectName} else null end`,
        })
        .from(cases)
        .innerJoin(submissions, eq(submissions.id, cases.submissionId))
        .innerJoin(pua, eq(pua.id, cases.puaId))
        .leftJoin(assignee, eq(assignee.id, cases.assigneeStaffId))
        .where(and(...where))
        .orderBy(asc(cases.deadline), asc(cases.id))
        .limit(INBOX_PAGE_SIZE + 1);
      return rows;
    },
  ).then((rows) => ({ rows: rows.slice(0, INBOX_PAGE_SIZE), hasMore: rows.length > INBOX_PAGE_SIZE }));
}

export type StaffCase = NonNullable<Awaited<ReturnType<typeof getStaffCase>>>;

/**
 * One case for a staff member, with what they may do with it, or null when they may not see it.
 * Without content access (a protected case they are not named on) only the registration facts
 * come back: no names, answers, events or messages.
 */
export async function getStaffCase(caseId: string, scope: StaffScope, database: Database = db()) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(caseId)) return null;
  const [row] = await database
    .select({
      id: cases.id,
      puaId: cases.puaId,
      puaName: pua.name,
      kommunId: pua.kommunId,
      diarienummer: cases.diarienummer,
      kind: cases.kind,
      rights: cases.rights,
      status: cases.status,
      receivedDate: cases.receivedDate,
      deadline: cases.deadline,
      extendedOn: cases.extendedOn,
      extensionReason: cases.extensionReason,
      protectedIdentity: cases.protectedIdentity,
      assigneeStaffId: cases.assigneeStaffId,
      assigneeName: assignee.name,
      registeredAt: cases.registeredAt,
      submissionId: cases.submissionId,
      reference: submissions.reference,
      channel: submissions.channel,
      relation: submissions.relation,
      subjectName: submissions.subjectName,
      subjectPnrCiphertext: submissions.subjectPnrCiphertext,
      answers: submissions.answers,
      filedByResidentId: submissions.filedByResidentId,
    })
    .from(cases)
    .innerJoin(submissions, eq(submissions.id, cases.submissionId))
    .innerJoin(pua, eq(pua.id, cases.puaId))
    .leftJoin(assignee, eq(assignee.id, cases.assigneeStaffId))
    .where(eq(cases.id, caseId));
  if (!row) return null;
  const handlers = await database.select({ id: caseHandlers.staffUserId }).from(caseHandlers).where(eq(caseHandlers.caseId, caseId));
  const access: CaseAccess = caseAccess(scope, { ...row, namedHandlerIds: handlers.map((h) => h.id) });
  if (!access.see) return null;
  return withAudit(database, { actor: { type: 'staff', id: scope.staffId }, action: 'case.view', entityType: 'case', entityId: caseId, details: { content: access.content } }, async (tx) => {
    const { subjectName, subjectPnrCiphertext, answers, ...facts } = row;
    if (!access.content) return { ...facts, access, content: null };
    const events = await tx
      .select({ at: caseEvents.at, type: caseEvents.type, actorType: caseEvents.actorType, actorName: staffUsers.name, visibleToResident: caseEvents.visibleToResident, data: caseEvents.data })
      .from(caseEvents)
      .leftJoin(staffUsers, and(eq(caseEvents.actorType, 'staff'), eq(caseEvents.actorId, sql`${staffUsers.id}::text`)))
      .where(eq(caseEvents.caseId, caseId))
      .orderBy(asc(caseEvents.at));
    return { ...facts, access, content: { subjectName, subjectPnrCiphertext, answers, events } };
  });
}

/** Staff of the PUA who can be assigned a case: its samordnare and handläggare. */
export async function assignableStaff(puaId: string, kommunId: string, database: Database = db()) {
  return database
    .selectDistinct({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .innerJoin(roleAssignments, eq(roleAssignments.staffUserId, staffUsers.id))
    .where(and(inArray(roleAssignments.role, ['gdpr_samordnare', 'handlaggare']), or(eq(roleAssignments.puaId, puaId), eq(roleAssignments.kommunId, kommunId))))
    .orderBy(asc(staffUsers.name));
}
