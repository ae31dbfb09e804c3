/**
 * The resident withdraws a request before it is decided (issue #4): the case is recorded as
 * withdrawn with a timeline event and an audit row, and the PUA's mailbox is told. After a
 * decision there is nothing left to withdraw (app/domain/case-status.ts).
 */
import { eq } from 'drizzle-orm';
import { caseEvents, cases } from '../../db/schema/index';
import { nextStatus, type CaseStatus } from '~/domain/case-status';
import { db, type Database } from '../utils/db.server';
import { queuePuaNotice } from '../jobs/notices.server';
import { writeAudit } from './audit.server';
import { findResidentCase } from './resident-cases.server';

export const MAX_WITHDRAWAL_REASON = 2000;

export async function withdrawCase(
  input: { caseId: string; residentId: string; reason?: string },
  database: Database = db(),
): Promise<{ ok: true } | { ok: false; error: 'not-found' | 'not-allowed' }> {
  const found = await findResidentCase(input.caseId, input.residentId, database);
  if (!found) return { ok: false, error: 'not-found' };
  const reason = (input.reason ?? '').trim().slice(0, MAX_WITHDRAWAL_REASON);
  const result = await database.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    const [c] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, found.id)).for('update');
    const next = c ? nextStatus(c.status as CaseStatus, 'withdraw') : null;
    if (!next) return { ok: false, error: 'not-allowed' } as const;
    await tx.update(cases).set({ status: next, updatedAt: new Date() }).where(eq(cases.id, found.id));
    // The reason is for the PUA; the resident's timeline shows the withdrawal itself.
    await tx.insert(caseEvents).values({ caseId: found.id, type: 'withdrawn', actorType: 'resident', actorId: input.residentId, data: reason ? { reason } : {} });
    await writeAudit(tx, { actor: { type: 'resident', id: input.residentId }, action: 'case.withdraw', entityType: 'case', entityId: found.id, details: { from: c!.status } });
    return { ok: true } as const;
  });
  if (result.ok) await queuePuaNotice(found.id, 'withdrawn', database);
  return result;
}
