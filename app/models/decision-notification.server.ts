/**
 * The notification date of a decision (DOMAIN.md §8, FL 44 §): the day the person received it.
 * The appeal period runs from it, so it is set once and never moved.
 *
 * - digital delivery: the first time the resident opens the decision letter after a BankID login;
 * - post: the date on the delivery receipt (mottagningsbevis), recorded by staff.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { caseEvents, decisions } from '../../db/schema/index';
import { appealDeadline } from '~/domain/deadlines';
import { compareIsoDates } from '~/domain/iso-date';
import { todayInStockholm } from '../utils/dates.server';
import { db, type Database } from '../utils/db.server';
import { writeAudit } from './audit.server';

/** Called in the transaction that records the first download of a decision document. */
export async function recordDigitalNotification(tx: Database, input: { documentId: string; caseId: string; residentId: string }) {
  // The calendar day in Stockholm (FL 44 §: the day received), not the instant of the download.
  const notifiedOn = todayInStockholm();
  const [row] = await tx
    .update(decisions)
    .set({ notifiedOn, notificationMethod: 'digital', updatedAt: new Date() })
    .where(and(eq(decisions.documentId, input.documentId), eq(decisions.status, 'decided'), isNull(decisions.notifiedOn)))
    .returning({ id: decisions.id });
  if (!row) return;
  await tx.insert(caseEvents).values({ caseId: input.caseId, type: 'decision.notified', actorType: 'resident', actorId: input.residentId, visibleToResident: true, data: { decisionId: row.id, method: 'digital', notifiedOn, appealDeadline: appealDeadline(notifiedOn) } });
  await writeAudit(tx, { actor: { type: 'resident', id: input.residentId }, action: 'decision.notified', entityType: 'case', entityId: input.caseId, details: { decisionId: row.id, method: 'digital', notifiedOn } });
}

export type PostalNotificationResult = { ok: true } | { ok: false; error: 'not-found' | 'already-notified' | 'before-decision' | 'in-future' };

/** Staff record the day on the delivery receipt of a decision sent by post. */
export async function recordPostalNotification(input: { decisionId: string; caseId: string; staffId: string; notifiedOn: string }, database: Database = db()): Promise<PostalNotificationResult> {
  return database.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    const [d] = await tx.select().from(decisions).where(and(eq(decisions.id, input.decisionId), eq(decisions.caseId, input.caseId))).for('update');
    if (!d || d.status !== 'decided' || !d.decidedOn) return { ok: false, error: 'not-found' };
    if (d.notifiedOn) return { ok: false, error: 'already-notified' };
    if (compareIsoDates(input.notifiedOn, d.decidedOn) < 0) return { ok: false, error: 'before-decision' };
    if (compareIsoDates(input.notifiedOn, todayInStockholm()) > 0) return { ok: false, error: 'in-future' };
    await tx.update(decisions).set({ notifiedOn: input.notifiedOn, notificationMethod: 'post', notificationRecordedByStaffId: input.staffId, updatedAt: new Date() }).where(eq(decisions.id, d.id));
    const data = { decisionId: d.id, method: 'post', notifiedOn: input.notifiedOn, appealDeadline: appealDeadline(input.notifiedOn) };
    await tx.insert(caseEvents).values({ caseId: input.caseId, type: 'decision.notified', actorType: 'staff', actorId: input.staffId, visibleToResident: true, data });
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'decision.notified', entityType: 'case', entityId: input.caseId, details: data });
    return { ok: true };
  });
}
