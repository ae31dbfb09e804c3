/**
 * The audit log (ADR 004): every access to and change of personal data, written in the same
 * transaction as what it records. Rows form a hash chain; `verifyAuditChain` finds any edited,
 * inserted or deleted row. Never put a personnummer or a name in `details`.
 */
import crypto from 'node:crypto';
import { asc, eq, gt, sql } from 'drizzle-orm';
import { auditChainHead, auditLog } from '../../db/schema/index';
import type { Database } from '../utils/db.server';

export type Actor =
  | { type: 'resident'; id: string }
  | { type: 'staff'; id: string }
  | { type: 'system'; id?: string }
  | { type: 'cli'; id?: string };

export type AuditEntry = {
  actor: Actor;
  action: string;
  entityType?: string;
  entityId?: string;
  details?: Record<string, unknown>;
};

/** JSON with sorted keys, so the hash does not depend on jsonb's key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

type HashedFields = {
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  details: Record<string, unknown>;
};

export function auditRowHash(prevHash: string, row: HashedFields): string {
  const payload = canonical([row.seq, row.at, row.actorType, row.actorId, row.action, row.entityType, row.entityId, row.details]);
  return crypto.createHash('sha256').update(prevHash).update('\n').update(payload).digest('hex');
}

/**
 * Appends one row. Call it with the transaction that makes the change. The head row is locked
 * FOR UPDATE, which serialises writers so the chain never forks under concurrency.
 */
export async function writeAudit(tx: Database, entry: AuditEntry): Promise<void> {
  const [head] = await tx.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).for('update');
  if (!head) throw new Error('audit_chain_head missing: migrations not applied');
  const row: HashedFields = {
    seq: head.lastSeq + 1,
    at: new Date().toISOString(),
    actorType: entry.actor.type,
    actorId: entry.actor.id ?? null,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    details: entry.details ?? {},
  };
  const hash = auditRowHash(head.lastHash, row);
  await tx.insert(auditLog).values({ ...row, at: new Date(row.at), prevHash: head.lastHash, hash });
  await tx.update(auditChainHead).set({ lastSeq: row.seq, lastHash: hash }).where(eq(auditChainHead.id, 1));
}

/**
 * Records `entry` on its own, for a read that changes nothing (a download, a preview). It needs a
 * transaction all the same: outside one, the head row's lock ends with the SELECT and two readers
 * at once would both take the same next seq.
 */
export async function recordAudit(database: Database, entry: AuditEntry): Promise<void> {
  await database.transaction((tx) => writeAudit(tx as unknown as Database, entry));
}

/** Runs `fn` in a transaction and records `entry` in it: the change and its audit row commit together. */
export async function withAudit<T>(database: Database, entry: AuditEntry | ((result: T) => AuditEntry), fn: (tx: Database) => Promise<T>): Promise<T> {
  return database.transaction(async (tx) => {
    const result = await fn(tx as unknown as Database);
    await writeAudit(tx as unknown as Database, typeof entry === 'function' ? entry(result) : entry);
    return result;
  });
}

export type AuditProblem = { seq: number; problem: 'hash-mismatch' | 'broken-link' | 'gap' | 'tail-missing' | 'head-mismatch' };
export type AuditVerification = { ok: boolean; rows: number; problems: AuditProblem[] };

/** Walks the whole chain in seq order (batched) and reports every inconsistency it finds. */
export async function verifyAuditChain(database: Database, batchSize = 5000): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let prevHash = 'genesis';
  let expectedSeq = 1;
  let rows = 0;
  let after = 0;
  for (;;) {
    const batch = await database.select().from(auditLog).where(gt(auditLog.seq, after)).orderBy(asc(auditLog.seq)).limit(batchSize);
    for (const r of batch) {
      rows++;
      if (r.seq !== expectedSeq) problems.push({ seq: expectedSeq, problem: 'gap' });
      if (r.prevHash !== prevHash) problems.push({ seq: r.seq, problem: 'broken-link' });
      const recomputed = auditRowHash(r.prevHash, {
        seq: r.seq,
        at: r.at.toISOString(),
        actorType: r.actorType,
        actorId: r.actorId,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        details: r.details,
      });
      if (recomputed !== r.hash) problems.push({ seq: r.seq, problem: 'hash-mismatch' });
      prevHash = r.hash;
      expectedSeq = r.seq + 1;
      after = r.seq;
    }
    if (batch.length < batchSize) break;
  }
  const [head] = await database.select().from(auditChainHead).where(eq(auditChainHead.id, 1));
  if (head && head.lastSeq > after) problems.push({ seq: after + 1, problem: 'tail-missing' });
  else if (head && head.lastHash !== prevHash) problems.push({ seq: head.lastSeq, problem: 'head-mismatch' });
  return { ok: problems.length === 0, rows, problems };
}

export async function countAuditRows(database: Database, action?: string): Promise<number> {
  const [r] = await database
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(action ? eq(auditLog.action, action) : undefined);
  return r?.n ?? 0;
}
