/**
 * The samordnare's overview (issue #5): open cases by status and kind, overdue, due this week,
 * and tasks waiting for an answer — counts only, over the cases the staff member may see (the same
 * scope as the inbox: their PUAs' cases, or only those assigned to them).
 */
import { and, count, eq, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { caseTasks, cases } from '../../db/schema/index';
import type { StaffScope } from '~/domain/case-access';
import { addDays, type IsoDate } from '~/domain/iso-date';
import { db, type Database } from '../utils/db.server';

const OPEN = ['received', 'registered', 'in_progress', 'awaiting_resident'] as const;

function scoped(scope: StaffScope): SQL {
  const wholePua = [...new Set([...scope.readPua, ...scope.handlePua, ...scope.registerPua])];
  const parts: SQL[] = [];
  if (wholePua.length) parts.push(inArray(cases.puaId, wholePua));
  if (scope.readAssigned.length) parts.push(and(inArray(cases.puaId, scope.readAssigned), eq(cases.assigneeStaffId, scope.staffId))!);
  return parts.length ? or(...parts)! : sql`false`;
}

/** Sunday of the ISO week of `today`: "due this week". */
function endOfWeek(today: IsoDate): IsoDate {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(today, weekday === 0 ? 0 : 7 - weekday);
}

export async function caseDashboard(scope: StaffScope, today: IsoDate, database: Database = db()) {
  const open = and(scoped(scope), inArray(cases.status, [...OPEN]))!;
  const [byStatusKind, [overdue], [dueThisWeek], [tasksWaiting], [tasksOverdue]] = await Promise.all([
    database.select({ status: cases.status, kind: cases.kind, n: count() }).from(cases).where(open).groupBy(cases.status, cases.kind),
    database.select({ n: count() }).from(cases).where(and(open, lt(cases.deadline, today))),
    database.select({ n: count() }).from(cases).where(and(open, sql`${cases.deadline} >= ${today}`, lte(cases.deadline, endOfWeek(today)))),
    database.select({ n: count() }).from(caseTasks).innerJoin(cases, eq(cases.id, caseTasks.caseId)).where(and(scoped(scope), eq(caseTasks.status, 'open'))),
    database.select({ n: count() }).from(caseTasks).innerJoin(cases, eq(cases.id, caseTasks.caseId)).where(and(scoped(scope), eq(caseTasks.status, 'open'), lt(caseTasks.dueOn, today))),
  ]);
  return {
    byStatusKind,
    total: byStatusKind.reduce((sum, r) => sum + r.n, 0),
    overdue: overdue?.n ?? 0,
    dueThisWeek: dueThisWeek?.n ?? 0,
    tasksWaiting: tasksWaiting?.n ?? 0,
    tasksOverdue: tasksOverdue?.n ?? 0,
  };
}
