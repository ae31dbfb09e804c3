/**
 * Request drafts: every answered page is saved here at once, so a reload, "Tillbaka" or a lost
 * connection never loses what was typed (issue #4). A draft has one owner (ADR 016): the resident
 * writing their own request, or the reception official writing one for a visitor (issue #8), and
 * every query is scoped by it — a resident never sees an official's draft, nor the other way round.
 */
import { and, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { identityChecks, requestDrafts } from '../../db/schema/index';
import type { Answers } from '~/domain/request-journey';
import { isUuid } from '~/domain/uuid';
import { db, type Database, transaction } from '../utils/db.server';

/**
 * Who writes the draft. A visitor's draft belongs to the official and to the person their
 * identity check verified (`visitorPnrLookup`): after a new check of the same person — a check
 * holds 30 minutes — the official goes on with the same draft, for anyone else it does not exist.
 */
export type DraftOwner = { residentId: string } | { staffId: string; visitorPnrLookup: string };

/** The owner's rows: the resident's own drafts, or the official's for this visitor. */
export function ownedBy(owner: DraftOwner, database: Database): SQL {
  if ('residentId' in owner) return and(eq(requestDrafts.residentId, owner.residentId), isNull(requestDrafts.staffUserId))!;
  const checksOfVisitor = database.select({ id: identityChecks.id }).from(identityChecks).where(eq(identityChecks.pnrLookup, owner.visitorPnrLookup));
  return and(eq(requestDrafts.staffUserId, owner.staffId), isNull(requestDrafts.residentId), inArray(requestDrafts.identityCheckId, checksOfVisitor))!;
}

export async function createDraft(residentId: string, initial: Answers = {}, database: Database = db()) {
  const [row] = await database.insert(requestDrafts).values({ residentId, answers: initial }).returning({ id: requestDrafts.id });
  return row!.id;
}

/** A draft the official writes for the visitor their identity check verified (issue #8). */
export async function createVisitorDraft(official: { staffId: string; checkId: string }, initial: Answers = {}, database: Database = db()) {
  const [row] = await database.insert(requestDrafts).values({ staffUserId: official.staffId, identityCheckId: official.checkId, answers: initial }).returning({ id: requestDrafts.id });
  return row!.id;
}

export async function getDraft(id: string, owner: DraftOwner, database: Database = db()) {
  if (!isUuid(id)) return null;
  const [row] = await database.select().from(requestDrafts).where(and(eq(requestDrafts.id, id), ownedBy(owner, database))).limit(1);
  return row ? { id: row.id, answers: row.answers as Answers, submittedAt: row.submittedAt } : null;
}

/** The newest draft of the resident's own not yet submitted, to offer "continue where you left off". */
export async function latestOpenDraft(residentId: string, database: Database = db()) {
  const [row] = await database
    .select({ id: requestDrafts.id, updatedAt: requestDrafts.updatedAt })
    .from(requestDrafts)
    .where(and(ownedBy({ residentId }, database), isNull(requestDrafts.submittedAt)))
    .orderBy(desc(requestDrafts.updatedAt))
    .limit(1);
  return row ?? null;
}

/** The official's newest unfinished draft for this visitor, to offer "continue" after a new identity check. */
export async function latestVisitorDraft(owner: { staffId: string; visitorPnrLookup: string }, database: Database = db()) {
  const [row] = await database
    .select({ id: requestDrafts.id })
    .from(requestDrafts)
    .where(and(ownedBy(owner, database), isNull(requestDrafts.submittedAt)))
    .orderBy(desc(requestDrafts.updatedAt))
    .limit(1);
  return row ?? null;
}

/** Goes on with that draft under the new check, so that filing rests on the check in force. */
export async function continueVisitorDraft(official: { staffId: string; checkId: string; visitorPnrLookup: string }, database: Database = db()) {
  const row = await latestVisitorDraft(official, database);
  if (!row) return null;
  await database.update(requestDrafts).set({ identityCheckId: official.checkId }).where(eq(requestDrafts.id, row.id));
  return row;
}

/**
 * Merges one page's answers into the draft (details per right are merged right by right). A
 * visitor's draft is bound to the check the page was sent under (`checkId`).
 */
export async function saveDraftAnswers(id: string, owner: DraftOwner & { checkId?: string }, patch: Partial<Answers>, database: Database = db()) {
  if (!isUuid(id)) return null;
  return transaction(database, async (tx) => {
    const [row] = await tx
      .select({ answers: requestDrafts.answers, submittedAt: requestDrafts.submittedAt })
      .from(requestDrafts)
      .where(and(eq(requestDrafts.id, id), ownedBy(owner, tx)))
      .for('update');
    if (!row || row.submittedAt) return null;
    const current = row.answers as Answers;
    const merged: Answers = { ...current, ...patch, details: patch.details ? { ...current.details, ...patch.details } : current.details };
    await tx.update(requestDrafts).set({ answers: merged, updatedAt: new Date(), ...(owner.checkId ? { identityCheckId: owner.checkId } : {}) }).where(eq(requestDrafts.id, id));
    return merged;
  });
}

export async function markDraftSubmitted(id: string, owner: DraftOwner, database: Database = db()) {
  await database.update(requestDrafts).set({ submittedAt: new Date() }).where(and(eq(requestDrafts.id, id), ownedBy(owner, database), isNull(requestDrafts.submittedAt)));
}
