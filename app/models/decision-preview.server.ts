/**
 * The letter before the decision is taken (issue #6): what the resident would receive if the
 * open decision were taken today — by the viewer when they hold a delegation point for it,
 * otherwise by "the delegate" under the first point that covers it (the viewer then shows as the
 * one who proposed it). Marked UTKAST on every page; never stored, never released. Reading it
 * shows the case's personal data, so it is audited like opening a case file.
 */
import { and, eq, ne } from 'drizzle-orm';
import { cases, decisions } from '../../db/schema/index';
import { renderDecisionLetter } from '~/documents/decision-letter.server';
import { lettersT } from '~/documents/letter-text.server';
import { delegationPointFor } from '~/domain/delegation';
import { todayInStockholm } from '../utils/dates.server';
import { db, type Database } from '../utils/db.server';
import { recordAudit } from './audit.server';
import { appealContext } from './appeal-decisions.server';
import { decisionLetterData, delegationIn } from './decisions.server';

export async function previewDecisionLetter(input: { decisionId: string; caseId: string; staffId: string }, database: Database = db()): Promise<Buffer | null> {
  const [d] = await database.select().from(decisions).where(and(eq(decisions.id, input.decisionId), eq(decisions.caseId, input.caseId), ne(decisions.status, 'decided')));
  if (!d) return null;
  const [c] = await database.select({ puaId: cases.puaId }).from(cases).where(eq(cases.id, input.caseId));
  const { points, delegate } = await delegationIn(c!.puaId, input.staffId, database);
  const own = delegationPointFor(points, delegate, d.type);
  const point = own ?? points.find((p) => p.decisionTypes.includes(d.type)) ?? null;
  // Without a point of their own the viewer can only propose: the letter names them as proposer.
  const proposerId = d.proposedByStaffId ?? input.staffId;
  const letter = await decisionLetterData(
    own ? d : { ...d, proposedByStaffId: null },
    { decidedOn: todayInStockholm(), decidedByStaffId: own ? input.staffId : proposerId, point: point ?? { number: '–' } },
    database,
    await appealContext(d, database),
  );
  if (!own) {
    letter.proposedBy = letter.decidedBy;
    letter.decidedBy = { name: (await lettersT(letter.language))('decision.preview.delegate') };
    if (!point) letter.delegationPoint = null;
  }
  // Rendered before the audit row: the audit chain is locked while a row is written.
  const pdf = await renderDecisionLetter(letter, { preview: true });
  await recordAudit(database, { actor: { type: 'staff', id: input.staffId }, action: 'decision.preview', entityType: 'case', entityId: input.caseId, details: { decisionId: d.id } });
  return pdf;
}
