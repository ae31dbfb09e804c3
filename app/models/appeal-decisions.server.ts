/**
 * Decisions that answer an appeal (DOMAIN.md §8): the dismissal of a late appeal (FL 45 §) and an
 * omprövning (FL 37–39 §§). What the letter says about the appeal, and what happens to the appeal
 * when such a decision is taken, in the same transaction.
 */
import { eq } from 'drizzle-orm';
import { appeals, caseEvents, decisions } from '../../db/schema/index';
import type { DecisionLetterData } from '~/documents/types';
import { appealAfterOmprovning } from '~/domain/appeal';
import { appealDeadline } from '~/domain/deadlines';
import { type Database } from '../utils/db.server';
import { writeAudit } from './audit.server';

type Decision = typeof decisions.$inferSelect;

/** The facts of the appeal a decision answers, for its letter. */
export async function appealContext(d: Decision, database: Database): Promise<Pick<DecisionLetterData, 'lateAppeal' | 'changes'>> {
  if (!d.appealId) return {};
  const [appeal] = await database.select().from(appeals).where(eq(appeals.id, d.appealId));
  if (!appeal) return {};
  const [appealed] = await database.select().from(decisions).where(eq(decisions.id, appeal.decisionId));
  if (d.type === 'omprovning') return { changes: { decidedOn: appealed!.decidedOn! } };
  if (d.type === 'avvisning_sent_overklagande' && appealed?.notifiedOn && appeal.receivedOn) {
    return { lateAppeal: { receivedOn: appeal.receivedOn, notifiedOn: appealed.notifiedOn, deadline: appealDeadline(appealed.notifiedOn), appealedDecisionOn: appealed.decidedOn! } };
  }
  return {};
}

/**
 * After a dismissal the appeal is avvisad. After an omprövning it lapses when the decision now
 * grants what was refused (FL 39 §); otherwise it goes on and covers the new decision too.
 */
export async function settleAppeal(tx: Database, input: { appealId: string; decision: Decision; staffId: string }) {
  const [appeal] = await tx.select().from(appeals).where(eq(appeals.id, input.appealId)).for('update');
  if (!appeal) return;
  let status: typeof appeal.status = appeal.status;
  if (input.decision.type === 'avvisning_sent_overklagande') status = 'avvisad';
  if (input.decision.type === 'omprovning') {
    const [appealed] = await tx.select({ parts: decisions.parts }).from(decisions).where(eq(decisions.id, appeal.decisionId));
    if (appealAfterOmprovning(appealed?.parts ?? [], input.decision.parts) === 'lapses') status = 'lapsed';
  }
  if (status === appeal.status) return;
  await tx.update(appeals).set({ status, updatedAt: new Date() }).where(eq(appeals.id, appeal.id));
  const data = { appealId: appeal.id, status, decisionId: input.decision.id };
  await tx.insert(caseEvents).values({ caseId: appeal.caseId, type: `appeal.${status}`, actorType: 'staff', actorId: input.staffId, visibleToResident: true, data });
  await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: `appeal.${status}`, entityType: 'case', entityId: appeal.caseId, details: data });
}
