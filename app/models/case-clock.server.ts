/**
 * The legal clock of one case, from what is recorded (DOMAIN.md §5): the received date, the
 * requests for identity information (each pauses the clock from the day it was sent to the day the
 * resident answered, Art 12(6)) and an Art 12(3) extension. The arithmetic is `gdprClock` in
 * app/domain/deadlines.ts; this module only gathers its inputs and stores the result.
 */
import { and, asc, eq } from 'drizzle-orm';
import { caseMessages, cases } from '../../db/schema/index';
import { gdprClock, type ClockPause, type GdprClock } from '~/domain/deadlines';
import { todayInStockholm } from '../utils/dates.server';
import type { Database } from '../utils/db.server';

export async function clockPauses(tx: Database, caseId: string): Promise<ClockPause[]> {
  const rows = await tx
    .select({ sentAt: caseMessages.createdAt, answeredAt: caseMessages.answeredAt })
    .from(caseMessages)
    .where(and(eq(caseMessages.caseId, caseId), eq(caseMessages.kind, 'identity_request')))
    .orderBy(asc(caseMessages.createdAt));
  return rows.map((r) => ({ pausedOn: todayInStockholm(r.sentAt), resumedOn: r.answeredAt ? todayInStockholm(r.answeredAt) : null }));
}

export async function caseClock(tx: Database, c: { id: string; receivedDate: string; extendedOn: string | null }): Promise<GdprClock> {
  return gdprClock(c.receivedDate, await clockPauses(tx, c.id), c.extendedOn !== null);
}

/**
 * Recomputes and stores the deadline after a pause ended or an extension. While the clock is paused
 * the stored deadline keeps its last value (the inbox still sorts by it); returns the clock.
 */
export async function refreshDeadline(tx: Database, caseId: string): Promise<GdprClock> {
  const [c] = await tx.select({ id: cases.id, receivedDate: cases.receivedDate, extendedOn: cases.extendedOn, deadline: cases.deadline }).from(cases).where(eq(cases.id, caseId));
  if (!c) throw new Error(`refreshDeadline: no case ${caseId}`);
  const clock = await caseClock(tx, c);
  if (clock.status === 'running' && clock.deadline !== c.deadline) {
    await tx.update(cases).set({ deadline: clock.deadline, updatedAt: new Date() }).where(eq(cases.id, caseId));
  }
  return clock;
}
