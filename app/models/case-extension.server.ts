/**
 * Extending a case's deadline (Art 12(3), DOMAIN.md §5): by at most two further months, only when
 * the resident is told within the first period, and always with the reason — the reason is shown
 * to the resident in Mina ärenden and the notice tells them something new is waiting.
 * Access (who may extend in which PUA) is checked by the calling route.
 */
import { eq } from 'drizzle-orm';
import { caseEvents, cases } from '../../db/schema/index';
import { canExtend } from '~/domain/deadlines';
import { isOpen, type CaseStatus } from '~/domain/case-status';
import { todayInStockholm } from '../utils/dates.server';
import { db, type Database } from '../utils/db.server';
import { queueResidentNotice } from '../jobs/notices.server';
import { writeAudit } from './audit.server';
import { clockPauses, refreshDeadline } from './case-clock.server';

export type ExtendResult =
  | { ok: true; deadline: string; previous: string }
  | { ok: false; error: 'not-found' | 'reason-required' | 'already-extended' | 'too-late' | 'closed' };

export async function extendCaseDeadline(
  input: { caseId: string; staffId: string; reason: string; today?: string },
  database: Database = db(),
): Promise<ExtendResult> {
  const reason = input.reason.trim();
  if (!reason) return { ok: false, error: 'reason-required' };
  const today = input.today ?? todayInStockholm();
  const result = await database.transaction(async (txn): Promise<ExtendResult> => {
    const tx = txn as unknown as Database;
    const [c] = await tx.select().from(cases).where(eq(cases.id, input.caseId)).for('update');
    if (!c) return { ok: false, error: 'not-found' };
    if (!isOpen(c.status as CaseStatus)) return { ok: false, error: 'closed' };
    if (c.extendedOn) return { ok: false, error: 'already-extended' };
    if (!canExtend(c.receivedDate, today, await clockPauses(tx, c.id))) return { ok: false, error: 'too-late' };
    await tx.update(cases).set({ extendedOn: today, extensionReason: reason, updatedAt: new Date() }).where(eq(cases.id, c.id));
    const clock = await refreshDeadline(tx, c.id);
    const deadline = clock.status === 'running' ? clock.deadline : c.deadline;
    await tx.insert(caseEvents).values({ caseId: c.id, type: 'deadline.extended', actorType: 'staff', actorId: input.staffId, data: { from: c.deadline, to: deadline } });
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'case.extend', entityType: 'case', entityId: c.id, details: { from: c.deadline, to: deadline } });
    return { ok: true, deadline, previous: c.deadline };
  });
  if (result.ok) await queueResidentNotice(input.caseId, database);
  return result;
}
