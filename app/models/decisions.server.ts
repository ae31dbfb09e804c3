/**
 * Beslut in a case (issue #6, DOMAIN.md §8). A decision starts as a draft the handläggare writes
 * per requested right; whoever holds a delegation point covering its type decides it, and someone
 * without one proposes it for a delegate to approve (four-eyes: both are recorded). Deciding
 * renders the letter, releases it in Mina ärenden, moves the case to "decided" and is one
 * transaction with its case event and audit row.
 *
 * The rules (which type the parts amount to, who holds delegation, what needs grounds) are pure
 * functions in app/domain; this module only loads what they need and stores what they decide.
 */
import { and, asc, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { attachments, caseDocuments, caseEvents, caseTasks, cases, dataskyddsombud, decisions, kommuner, pua, residents, roleAssignments, staffUsers, submissions } from '../../db/schema/index';
import { decisionLetterTitle, renderDecisionLetter } from '~/documents/decision-letter.server';
import type { DecisionLetterData, Lang } from '~/documents/types';
import { nextStatus, type CaseStatus } from '~/domain/case-status';
import { DECISION_TYPES, type DecisionPart, type DecisionType, type DelegationPoint } from '~/domain/decision-types';
import { appealDeadline } from '~/domain/deadlines';
import { appealInstructionsFor, appealsGoToCourt, decisionTypeOf, isAppealable, validateDecisionParts } from '~/domain/decisions';
import { canApprove, delegationPointFor, type Delegate } from '~/domain/delegation';
import { appliedProvisions } from '~/domain/legal-grounds';
import type { Right } from '~/domain/requests';
import { todayInStockholm } from '../utils/dates.server';
import { db, type Database, transaction } from '../utils/db.server';
import { storeFile } from '../utils/file-store.server';
import { queueResidentNotice } from '../jobs/notices.server';
import { writeAudit } from './audit.server';
import { appealContext, settleAppeal } from './appeal-decisions.server';
import { insertCaseDocument } from './case-documents.server';

export type Decision = typeof decisions.$inferSelect;
/** What a decision is about: the request itself, or an appeal against an earlier decision. */
export type DecisionPurpose = { kind: 'request' } | { kind: 'omprovning'; appealId: string; changesDecisionId: string } | { kind: 'avvisning_sent_overklagande'; appealId: string };

export type DecisionResult = { ok: true; id: string } | { ok: false; error: 'not-found' | 'not-allowed' | 'no-delegation' | 'own-proposal' | 'invalid'; errors?: { path: string; code: string }[] };

type Tx = Database;

async function event(tx: Tx, caseId: string, staffId: string, type: string, data: Record<string, unknown>, visibleToResident = false) {
  await tx.insert(caseEvents).values({ caseId, type, actorType: 'staff', actorId: staffId, visibleToResident, data });
  await writeAudit(tx, { actor: { type: 'staff', id: staffId }, action: `case.${type}`, entityType: 'case', entityId: caseId, details: data });
}

const drafter = alias(staffUsers, 'drafter');
const proposer = alias(staffUsers, 'proposer');
const decider = alias(staffUsers, 'decider');

/** Every decision of the case, oldest first, with the names of the people involved. */
export async function listCaseDecisions(caseId: string, database: Database = db()) {
  return database
    .select({
      decision: decisions,
      draftedBy: drafter.name,
      proposedBy: proposer.name,
      decidedBy: decider.name,
      documentFilename: caseDocuments.filename,
      documentFirstOpenedAt: caseDocuments.firstOpenedAt,
    })
    .from(decisions)
    .innerJoin(drafter, eq(drafter.id, decisions.draftedByStaffId))
    .leftJoin(proposer, eq(proposer.id, decisions.proposedByStaffId))
    .leftJoin(decider, eq(decider.id, decisions.decidedByStaffId))
    .leftJoin(caseDocuments, eq(caseDocuments.id, decisions.documentId))
    .where(eq(decisions.caseId, caseId))
    .orderBy(asc(decisions.createdAt));
}

/**
 * The decisions the resident sees in Mina ärenden: taken ones only, with the notification date
 * and the last day to appeal. The caller has checked that the case is theirs.
 */
export async function residentDecisions(caseId: string, database: Database = db()) {
  const rows = await database
    .select({ id: decisions.id, type: decisions.type, parts: decisions.parts, decidedOn: decisions.decidedOn, notifiedOn: decisions.notifiedOn, notificationMethod: decisions.notificationMethod, appealInstructions: decisions.appealInstructions })
    .from(decisions)
    .where(and(eq(decisions.caseId, caseId), eq(decisions.status, 'decided')))
    .orderBy(asc(decisions.decidedAt));
  return rows.map(({ appealInstructions, parts, ...d }) => {
    // Whether it can be appealed was settled when it was decided: the letter carries instructions or not.
    const appealable = appealInstructions !== 'not_applicable';
    // A refusal by a kommunalt bolag goes against the person but cannot be appealed (DSL 7 kap. 2 §).
    const againstPerson = isAppealable(d.type, parts);
    return { ...d, decidedOn: d.decidedOn!, appealable, againstPerson, lastDay: d.notifiedOn && appealable ? appealDeadline(d.notifiedOn) : null };
  });
}

/** The decision not yet taken for this purpose (one at a time), or null. */
export async function openDecision(caseId: string, purpose: DecisionPurpose, database: Database = db()) {
  const appealId = purpose.kind === 'request' ? null : purpose.appealId;
  const [row] = await database
    .select()
    .from(decisions)
    .where(and(eq(decisions.caseId, caseId), ne(decisions.status, 'decided'), appealId ? eq(decisions.appealId, appealId) : isNull(decisions.appealId)));
  return row ?? null;
}

/**
 * The language a new decision of the case is written in: the one the person filed the request in
 * (issue #6). A draft keeps the language it was created with; staff do not choose it.
 */
export async function decisionLanguage(caseId: string, database: Database = db()): Promise<Lang> {
  const [row] = await database.select({ language: submissions.language }).from(cases).innerJoin(submissions, eq(submissions.id, cases.submissionId)).where(eq(cases.id, caseId));
  return row?.language ?? 'sv';
}

/** The type a decision's parts amount to; the special purposes have their own type. */
export function typeFor(purpose: DecisionPurpose, parts: DecisionPart[]): DecisionType {
  if (purpose.kind === 'avvisning_sent_overklagande') return 'avvisning_sent_overklagande';
  if (purpose.kind === 'omprovning') return 'omprovning';
  return decisionTypeOf(parts);
}

/**
 * Creates or updates the draft for this purpose. The parts are validated against the case's
 * requested rights; nothing is stored when they are invalid, and the errors say where.
 */
export async function saveDecisionDraft(
  input: { caseId: string; staffId: string; purpose: DecisionPurpose; parts: DecisionPart[]; withheldFileIds?: string[]; rights: Right[] },
  database: Database = db(),
): Promise<DecisionResult> {
  const errors = input.purpose.kind === 'avvisning_sent_overklagande' ? [] : validateDecisionParts(input.parts, input.rights);
  if (errors.length) return { ok: false, error: 'invalid', errors };
  return transaction(database, async (tx) => {
    const [c] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, input.caseId)).for('update');
    if (!c) return { ok: false, error: 'not-found' };
    const existing = await openDecision(c.id, input.purpose, tx);
    if (existing && existing.status !== 'draft') return { ok: false, error: 'not-allowed' };
    const type = typeFor(input.purpose, input.parts);
    const values = { type, parts: input.parts, withheldFileIds: input.withheldFileIds ?? [], updatedAt: new Date() };
    if (existing) {
      await tx.update(decisions).set(values).where(eq(decisions.id, existing.id));
      await event(tx, c.id, input.staffId, 'decision.draft_saved', { decisionId: existing.id, type });
      return { ok: true, id: existing.id };
    }
    const [row] = await tx
      .insert(decisions)
      .values({
        ...values,
        caseId: c.id,
        language: await decisionLanguage(c.id, tx),
        draftedByStaffId: input.staffId,
        appealId: input.purpose.kind === 'request' ? null : input.purpose.appealId,
        changesDecisionId: input.purpose.kind === 'omprovning' ? input.purpose.changesDecisionId : null,
      })
      .returning({ id: decisions.id });
    await event(tx, c.id, input.staffId, 'decision.drafted', { decisionId: row!.id, type });
    return { ok: true, id: row!.id };
  });
}

/** The PUA's delegeringsförteckning, and the staff member as a delegate there: the roles they hold in the PUA (directly, or kommun-wide). */
export async function delegationIn(puaId: string, staffId: string, database: Database = db()): Promise<{ points: DelegationPoint[]; delegate: Delegate }> {
  const [p] = await database.select({ delegations: pua.delegations, kommunId: pua.kommunId }).from(pua).where(eq(pua.id, puaId));
  if (!p) return { points: [], delegate: { staffUserId: staffId, roles: [] } };
  const rows = await database
    .select({ role: roleAssignments.role })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.staffUserId, staffId), or(eq(roleAssignments.puaId, puaId), eq(roleAssignments.kommunId, p.kommunId))));
  return { points: p.delegations, delegate: { staffUserId: staffId, roles: [...new Set(rows.map((r) => r.role))] } };
}

async function loadForDecision(tx: Tx, decisionId: string, caseId: string) {
  const [row] = await tx
    .select({ decision: decisions, caseStatus: cases.status })
    .from(decisions)
    .innerJoin(cases, eq(cases.id, decisions.caseId))
    .where(and(eq(decisions.id, decisionId), eq(decisions.caseId, caseId)))
    .for('update', { of: [decisions, cases] });
  return row ?? null;
}

export type DecisionRights = { point: DelegationPoint | null; mayDecide: boolean; refusal: 'no-delegation' | 'own-proposal' | null };

/**
 * Whether the delegate may take the open decision: a draft needs a point covering its type; a
 * proposal also someone other than the one who proposed it (four-eyes, `canApprove`).
 */
export function decisionRights(decision: Pick<Decision, 'type' | 'status' | 'proposedByStaffId'>, { points, delegate }: { points: readonly DelegationPoint[]; delegate: Delegate }): DecisionRights {
  const point = delegationPointFor(points, delegate, decision.type);
  if (decision.status === 'proposed') {
    const approval = canApprove({ proposedByStaffId: decision.proposedByStaffId ?? '' }, delegate, points, decision.type);
    return { point, mayDecide: approval.ok, refusal: approval.ok ? null : approval.reason === 'own_proposal' ? 'own-proposal' : 'no-delegation' };
  }
  return { point, mayDecide: decision.status === 'draft' && point !== null, refusal: point ? null : 'no-delegation' };
}

/** The decision types the delegate may decide in the PUA (any point naming them or their role). */
export const delegatedTypes = ({ points, delegate }: { points: readonly DelegationPoint[]; delegate: Delegate }): DecisionType[] =>
  DECISION_TYPES.filter((type) => delegationPointFor(points, delegate, type) !== null);

/**
 * Files of the case that a decision may withhold from the person (and that go to the court
 * marked secret if it is appealed): what the verksamheten sent in its task answers.
 */
export async function decisionFiles(caseId: string, database: Database = db()) {
  return database
    .select({ id: attachments.id, filename: attachments.filename })
    .from(attachments)
    .innerJoin(caseTasks, eq(caseTasks.id, attachments.taskId))
    .where(eq(caseTasks.caseId, caseId))
    .orderBy(asc(attachments.createdAt));
}

/** Someone without delegation sends the draft to a delegate. */
export async function proposeDecision(input: { decisionId: string; caseId: string; staffId: string }, database: Database = db()): Promise<DecisionResult> {
  return transaction(database, async (tx) => {
    const row = await loadForDecision(tx, input.decisionId, input.caseId);
    if (!row) return { ok: false, error: 'not-found' };
    if (row.decision.status !== 'draft') return { ok: false, error: 'not-allowed' };
    await tx.update(decisions).set({ status: 'proposed', proposedByStaffId: input.staffId, proposedAt: new Date(), updatedAt: new Date() }).where(eq(decisions.id, row.decision.id));
    await event(tx, input.caseId, input.staffId, 'decision.proposed', { decisionId: row.decision.id, type: row.decision.type });
    return { ok: true, id: row.decision.id };
  });
}

/** The delegate sends a proposal back for changes; the reason goes on the timeline. */
export async function returnProposal(input: { decisionId: string; caseId: string; staffId: string; reason: string }, database: Database = db()): Promise<DecisionResult> {
  const reason = input.reason.trim();
  if (!reason || reason.length > 2000) return { ok: false, error: 'invalid', errors: [{ path: 'reason', code: reason ? 'too_long' : 'required' }] };
  return transaction(database, async (tx) => {
    const row = await loadForDecision(tx, input.decisionId, input.caseId);
    if (!row) return { ok: false, error: 'not-found' };
    if (row.decision.status !== 'proposed') return { ok: false, error: 'not-allowed' };
    await tx.update(decisions).set({ status: 'draft', proposedByStaffId: null, proposedAt: null, updatedAt: new Date() }).where(eq(decisions.id, row.decision.id));
    await event(tx, input.caseId, input.staffId, 'decision.returned', { decisionId: row.decision.id, reason });
    return { ok: true, id: row.decision.id };
  });
}

/**
 * Takes the decision: checks delegation (and four-eyes for a proposal), renders the letter,
 * releases it to the resident and moves the case. For an omprövning or the dismissal of a late
 * appeal the case status stays; the appeal model reacts to the outcome.
 */
export async function takeDecision(input: { decisionId: string; caseId: string; staffId: string }, database: Database = db()): Promise<DecisionResult> {
  const today = todayInStockholm();
  // Render first, outside the transaction (a PDF takes a while), then decide with everything locked
  // and re-checked; a draft changed in between is refused rather than decided on stale text.
  const [before] = await database.select().from(decisions).where(and(eq(decisions.id, input.decisionId), eq(decisions.caseId, input.caseId)));
  if (!before || before.status === 'decided') return { ok: false, error: before ? 'not-allowed' : 'not-found' };
  const [c] = await database.select({ puaId: cases.puaId, puaKind: pua.kind }).from(cases).innerJoin(pua, eq(pua.id, cases.puaId)).where(eq(cases.id, input.caseId));
  const rights = decisionRights(before, await delegationIn(c!.puaId, input.staffId, database));
  if (!rights.point) return { ok: false, error: 'no-delegation' };
  if (!rights.mayDecide) return { ok: false, error: rights.refusal ?? 'not-allowed' };
  const letter = await decisionLetterData(before, { decidedOn: today, decidedByStaffId: input.staffId, point: rights.point }, database, await appealContext(before, database));
  const [bytes, title] = await Promise.all([renderDecisionLetter(letter), decisionLetterTitle(letter)]);
  const stored = await storeFile(bytes);
  const result = await transaction<DecisionResult>(database, async (tx) => {
    const row = await loadForDecision(tx, input.decisionId, input.caseId);
    if (!row || row.decision.status !== before.status || row.decision.updatedAt.getTime() !== before.updatedAt.getTime()) return { ok: false, error: 'not-allowed' };
    let next: CaseStatus | null = row.caseStatus as CaseStatus;
    if (row.decision.appealId === null) {
      next = nextStatus(row.caseStatus as CaseStatus, 'decide');
      if (!next) return { ok: false, error: 'not-allowed' };
    }
    const doc = await insertCaseDocument(tx, { caseId: input.caseId, staffId: input.staffId, kind: 'decision', title, filename: `${title.toLowerCase().replace(/[^a-z0-9åäö]+/g, '-')}-${today}.pdf`, mimeType: 'application/pdf', ...stored });
    await tx
      .update(decisions)
      .set({
        status: 'decided',
        decidedByStaffId: input.staffId,
        decidedAt: new Date(),
        decidedOn: today,
        delegationPoint: { number: rights.point!.number, remark: rights.point!.remark },
        appealInstructions: appealInstructionsFor(row.decision.type, row.decision.parts, c!.puaKind),
        documentId: doc.id,
        updatedAt: new Date(),
      })
      .where(eq(decisions.id, row.decision.id));
    if (next !== row.caseStatus) await tx.update(cases).set({ status: next!, updatedAt: new Date() }).where(eq(cases.id, input.caseId));
    if (row.decision.appealId) await settleAppeal(tx, { appealId: row.decision.appealId, decision: row.decision, staffId: input.staffId });
    await event(tx, input.caseId, input.staffId, 'decision.decided', { decisionId: row.decision.id, type: row.decision.type, delegationPoint: rights.point!.number, proposedBy: row.decision.proposedByStaffId }, true);
    return { ok: true, id: row.decision.id };
  });
  if (result.ok) await queueResidentNotice(input.caseId, database);
  return result;
}

/** Everything the letter says, gathered from the case, the organisation and the decision. */
export async function decisionLetterData(
  d: Decision,
  taken: { decidedOn: string; decidedByStaffId: string; point: { number: string; remark?: string } },
  database: Database = db(),
  extra: Pick<DecisionLetterData, 'lateAppeal' | 'changes'> = {},
): Promise<DecisionLetterData> {
  const [row] = await database
    .select({
      diarienummer: cases.diarienummer,
      receivedDate: cases.receivedDate,
      rights: cases.rights,
      relation: submissions.relation,
      subjectName: submissions.subjectName,
      filerName: residents.name,
      kommun: { name: kommuner.name, postalAddress: kommuner.postalAddress, email: kommuner.email, phone: kommuner.phone, website: kommuner.website, forvaltningsratt: kommuner.forvaltningsratt },
      pua: { name: pua.name, postalAddress: pua.postalAddress, email: pua.email, phone: pua.phone },
      puaKind: pua.kind,
      dpo: { name: dataskyddsombud.name, postalAddress: dataskyddsombud.postalAddress, email: dataskyddsombud.email, phone: dataskyddsombud.phone },
    })
    .from(cases)
    .innerJoin(submissions, eq(submissions.id, cases.submissionId))
    .leftJoin(residents, eq(residents.id, submissions.filedByResidentId))
    .innerJoin(pua, eq(pua.id, cases.puaId))
    .innerJoin(kommuner, eq(kommuner.id, pua.kommunId))
    .innerJoin(dataskyddsombud, eq(dataskyddsombud.id, pua.dataskyddsombudId))
    .where(eq(cases.id, d.caseId));
  if (!row) throw new Error(`case ${d.caseId} not found`);
  const people = await database.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(inArray(staffUsers.id, [taken.decidedByStaffId, d.proposedByStaffId ?? taken.decidedByStaffId]));
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? '';
  const lang = d.language as Lang;
  const { forvaltningsratt, ...kommun } = row.kommun;
  return {
    language: lang,
    kommun,
    pua: row.pua,
    dataskyddsombud: row.dpo,
    diarienummer: row.diarienummer,
    decidedOn: taken.decidedOn,
    recipient: { name: row.filerName ?? row.subjectName },
    request: { receivedOn: row.receivedDate, rights: row.rights as Right[], relation: row.relation, subjectName: row.subjectName },
    type: d.type,
    parts: d.parts.map((part) => ({
      right: part.right,
      outcome: part.outcome,
      motivering: part.motivering,
      grounds: part.grounds.map((g) => ({
        provisions: appliedProvisions(g, lang),
        text: g.text,
      })),
    })),
    decidedBy: { name: nameOf(taken.decidedByStaffId) },
    proposedBy: d.proposedByStaffId && d.proposedByStaffId !== taken.decidedByStaffId ? { name: nameOf(d.proposedByStaffId) } : null,
    delegationPoint: { number: taken.point.number, remark: taken.point.remark ?? null },
    appealable: isAppealable(d.type, d.parts),
    appealsToCourt: appealsGoToCourt(row.puaKind),
    court: forvaltningsratt?.name ?? (lang === 'sv' ? 'förvaltningsrätten' : 'the administrative court'),
    ...extra,
  };
}
