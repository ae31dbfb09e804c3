/**
 * What staff do with a case (issue #5), each one transaction that changes the case, writes the
 * timeline event and the audit row. The calling route has checked `caseAccess` for the action;
 * the status change itself is checked here against the state machine (app/domain/case-status.ts)
 * so that a stale form cannot, say, close a withdrawn case.
 */
import { and, eq } from 'drizzle-orm';
import { caseEvents, caseHandlers, cases, submissions } from '../../db/schema/index';
import { nextStatus, type CaseAction, type CaseStatus } from '~/domain/case-status';
import { db, type Database } from '../utils/db.server';
import { decryptPersonnummer } from '../utils/pnr-crypto.server';
import { writeAudit } from './audit.server';

export type HandlingResult = { ok: true } | { ok: false; error: 'not-found' | 'not-allowed' | 'invalid' };

type Tx = Database;

async function lockCase(tx: Tx, caseId: string) {
  const [c] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
  return c ?? null;
}

async function event(tx: Tx, caseId: string, staffId: string, type: string, data: Record<string, unknown> = {}, visibleToResident = false) {
  await tx.insert(caseEvents).values({ caseId, type, actorType: 'staff', actorId: staffId, visibleToResident, data });
  await writeAudit(tx, { actor: { type: 'staff', id: staffId }, action: `case.${type}`, entityType: 'case', entityId: caseId, details: data });
}

async function name(tx: Tx, caseId: string, staffId: string, namedBy: string) {
  await tx.insert(caseHandlers).values({ caseId, staffUserId: staffId, namedBy }).onConflictDoNothing();
}

function transaction<T>(database: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return database.transaction((txn) => fn(txn as unknown as Tx));
}

async function move(tx: Tx, c: { id: string; status: string }, action: CaseAction): Promise<CaseStatus | null> {
  const next = nextStatus(c.status as CaseStatus, action);
  if (next) await tx.update(cases).set({ status: next, updatedAt: new Date() }).where(eq(cases.id, c.id));
  return next;
}

/** Registers the case in the diarium as handled, optionally assigning it at the same time. */
export async function registerCase(input: { caseId: string; staffId: string; assigneeId?: string | null }, database: Database = db()): Promise<HandlingResult> {
  return transaction(database, async (tx) => {
    const c = await lockCase(tx, input.caseId);
    if (!c) return { ok: false, error: 'not-found' };
    if (!(await move(tx, c, 'register'))) return { ok: false, error: 'not-allowed' };
    await tx.update(cases).set({ registeredAt: new Date() }).where(eq(cases.id, c.id));
    await event(tx, c.id, input.staffId, 'registered', {}, true);
    if (input.assigneeId) await assignIn(tx, c, input.assigneeId, input.staffId);
    return { ok: true };
  });
}

async function assignIn(tx: Tx, c: { id: string; protectedIdentity: boolean }, assigneeId: string, staffId: string) {
  await tx.update(cases).set({ assigneeStaffId: assigneeId, updatedAt: new Date() }).where(eq(cases.id, c.id));
  // On a protected case the assignee must see it: they become a named handler (DOMAIN.md §9).
  if (c.protectedIdentity) await name(tx, c.id, assigneeId, staffId);
  await event(tx, c.id, staffId, 'assigned', { assigneeId });
}

/** Sets the handläggare; `allowed` are the ids the route offered (the PUA's samordnare and handläggare). */
export async function assignCase(input: { caseId: string; staffId: string; assigneeId: string; allowed: readonly string[] }, database: Database = db()): Promise<HandlingResult> {
  if (!input.allowed.includes(input.assigneeId)) return { ok: false, error: 'invalid' };
  return transaction(database, async (tx) => {
    const c = await lockCase(tx, input.caseId);
    if (!c) return { ok: false, error: 'not-found' };
    if (c.status === 'closed' || c.status === 'withdrawn') return { ok: false, error: 'not-allowed' };
    await assignIn(tx, c, input.assigneeId, input.staffId);
    if (c.status === 'registered') await move(tx, c, 'start_work');
    return { ok: true };
  });
}

/** A samordnare names themself handler of a protected case nobody handles yet. */
export async function claimProtectedCase(input: { caseId: string; staffId: string }, database: Database = db()): Promise<HandlingResult> {
  return transaction(database, async (tx) => {
    const c = await lockCase(tx, input.caseId);
    if (!c || !c.protectedIdentity) return { ok: false, error: 'not-found' };
    const existing = await tx.select({ id: caseHandlers.staffUserId }).from(caseHandlers).where(eq(caseHandlers.caseId, c.id));
    if (existing.length) return { ok: false, error: 'not-allowed' };
    await name(tx, c.id, input.staffId, input.staffId);
    await event(tx, c.id, input.staffId, 'claimed');
    return { ok: true };
  });
}

export const MAX_NOTE_LENGTH = 5000;

/** An internal note: on the timeline for staff, never shown to the resident. */
export async function addNote(input: { caseId: string; staffId: string; text: string }, database: Database = db()): Promise<HandlingResult> {
  const text = input.text.trim();
  if (!text || text.length > MAX_NOTE_LENGTH) return { ok: false, error: 'invalid' };
  return transaction(database, async (tx) => {
    const c = await lockCase(tx, input.caseId);
    if (!c) return { ok: false, error: 'not-found' };
    await tx.insert(caseEvents).values({ caseId: c.id, type: 'note', actorType: 'staff', actorId: input.staffId, visibleToResident: false, data: { text } });
    // The note's text may hold personal data: the audit row records that a note was written, not what.
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'case.note', entityType: 'case', entityId: c.id });
    return { ok: true };
  });
}

/**
 * Closes the case: fully granted (no beslut needed) or withdrawn by the resident's word to staff
 * (e.g. by phone). A refusal needs a beslut (issue #6), so it is not a way to close here.
 */
export async function closeCase(input: { caseId: string; staffId: string; outcome: 'granted' | 'withdrawn' }, database: Database = db()): Promise<HandlingResult> {
  return transaction(database, async (tx) => {
    const c = await lockCase(tx, input.caseId);
    if (!c) return { ok: false, error: 'not-found' };
    if (!(await move(tx, c, input.outcome === 'granted' ? 'close' : 'withdraw'))) return { ok: false, error: 'not-allowed' };
    await event(tx, c.id, input.staffId, input.outcome === 'granted' ? 'closed.granted' : 'withdrawn', {}, true);
    return { ok: true };
  });
}

/** The subject's full personnummer, shown on purpose and logged (DOMAIN.md §9). */
export async function revealPersonnummer(input: { caseId: string; staffId: string }, database: Database = db()): Promise<string | null> {
  return transaction(database, async (tx) => {
    const [row] = await tx.select({ cipher: submissions.subjectPnrCiphertext }).from(cases).innerJoin(submissions, eq(submissions.id, cases.submissionId)).where(and(eq(cases.id, input.caseId)));
    if (!row) return null;
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'personnummer.reveal', entityType: 'case', entityId: input.caseId });
    return decryptPersonnummer(row.cipher);
  });
}
