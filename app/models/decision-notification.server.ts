/**
 * The notification date of a decision (DOMAIN.md §8, FL 44 §): the day the person received it.
 * The appeal period runs from it, so it is set once and never moved.
 *
 * - digital delivery: the first time the resident opens the decision letter after a BankID login;
 * - post: the date on the delivery receipt (mottagningsbevis), recorded by staff;
 * - in person: the day the reception hands the letter over, against the ID seen at the desk.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { caseEvents, decisions } from '../../db/schema/index';
import { appealDeadline } from '~/domain/deadlines';
import { compareIsoDates } from '~/domain/iso-date';
import { isUuid } from '~/domain/uuid';
import { todayInStockholm } from '../utils/dates.server';
import { db, type Database, transaction } from '../utils/db.server';
import { writeAudit } from './audit.server';
import { atReception, decisionsWithPeople } from './decision-pickup.server';
import type { ActiveCheck } from './identity-checks.server';
import { collectsIt } from './utdrag-pickup.server';

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

export type InPersonNotificationResult = { ok: true; notifiedOn: string; appealDeadline: string } | { ok: false; error: 'not-found' | 'not-recipient' | 'already-notified' | 'needs-document' };

/**
 * The reception hands the decision letter over to the person who asked (ADR 015 §5): only a
 * decision of a case to be collected at the reception, only against an ID document seen at the
 * desk, only once. The day of the handover is the notification date; the appeal period runs from it.
 */
export async function recordInPersonNotification(input: { decisionId: string; check: ActiveCheck; staffId: string; puaIds: readonly string[] }, database: Database = db()): Promise<InPersonNotificationResult> {
  // A BankID check of a caller says nothing about who stands at the counter (DOMAIN.md §7).
  if (input.check.method !== 'id_document') return { ok: false, error: 'needs-document' };
  if (!isUuid(input.decisionId) || !input.puaIds.length) return { ok: false, error: 'not-found' };
  return transaction<InPersonNotificationResult>(database, async (tx) => {
    const [row] = await decisionsWithPeople(tx)
      .where(and(eq(decisions.id, input.decisionId), atReception(input.puaIds)))
      .for('update', { of: decisions });
    if (!row) return { ok: false, error: 'not-found' };
    if (!collectsIt(row, input.check)) return { ok: false, error: 'not-recipient' };
    // Already received (opened in the portal, by post, or handed over before): the date never moves.
    if (row.notifiedOn) return { ok: false, error: 'already-notified' };
    const notifiedOn = todayInStockholm();
    await tx.update(decisions).set({ notifiedOn, notificationMethod: 'in_person', notificationRecordedByStaffId: input.staffId, updatedAt: new Date() }).where(eq(decisions.id, row.decisionId));
    const data = { decisionId: row.decisionId, method: 'in_person', notifiedOn, appealDeadline: appealDeadline(notifiedOn) };
    await tx.insert(caseEvents).values({ caseId: row.caseId, type: 'decision.notified', actorType: 'staff', actorId: input.staffId, visibleToResident: true, data });
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'decision.notified', entityType: 'case', entityId: row.caseId, details: { ...data, checkId: input.check.id, checkMethod: input.check.method, documentType: input.check.document?.type ?? null } });
    return { ok: true, notifiedOn, appealDeadline: data.appealDeadline };
  });
}
