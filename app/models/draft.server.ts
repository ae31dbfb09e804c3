/**
 * Request drafts: every answered page is saved here at once, so a reload, "Tillbaka" or a lost
 * connection never loses what the resident typed (issue #4). Always scoped by the resident.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { requestDrafts } from '../../db/schema/index';
import type { Answers } from '~/domain/request-journey';
import { db, type Database } from '../utils/db.server';

export async function createDraft(residentId: string, initial: Answers = {}, database: Database = db()) {
  const [row] = await database.insert(requestDrafts).values({ residentId, answers: initial }).returning({ id: requestDrafts.id });
  return row!.id;
}

export async function getDraft(id: string, residentId: string, database: Database = db()) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await database.select().from(requestDrafts).where(and(eq(requestDrafts.id, id), eq(requestDrafts.residentId, residentId))).limit(1);
  return row ? { id: row.id, answers: row.answers as Answers, submittedAt: row.submittedAt } : null;
}

/** The newest draft not yet submitted, to offer "continue where you left off". */
export async function latestOpenDraft(residentId: string, database: Database = db()) {
  const [row] = await database
    .select({ id: requestDrafts.id, updatedAt: requestDrafts.updatedAt })
    .from(requestDrafts)
    .where(and(eq(requestDrafts.residentId, residentId), isNull(requestDrafts.submittedAt)))
    .orderBy(desc(requestDrafts.updatedAt))
    .limit(1);
  return row ?? null;
}

/** Merges one page's answers into the draft (details per right are merged right by right). */
export async function saveDraftAnswers(id: string, residentId: string, patch: Partial<Answers>, database: Database = db()) {
  return database.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [row] = await tx
      .select({ answers: requestDrafts.answers, submittedAt: requestDrafts.submittedAt })
      .from(requestDrafts)
      .where(and(eq(requestDrafts.id, id), eq(requestDrafts.residentId, residentId)))
      .for('update');
    if (!row || row.submittedAt) return null;
    const current = row.answers as Answers;
    const merged: Answers = { ...current, ...patch, details: patch.details ? { ...current.details, ...patch.details } : current.details };
    await tx.update(requestDrafts).set({ answers: merged, updatedAt: new Date() }).where(eq(requestDrafts.id, id));
    return merged;
  });
}

export async function markDraftSubmitted(id: string, residentId: string, database: Database = db()) {
  await database.update(requestDrafts).set({ submittedAt: new Date() }).where(and(eq(requestDrafts.id, id), eq(requestDrafts.residentId, residentId), isNull(requestDrafts.submittedAt)));
}
