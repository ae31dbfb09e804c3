/** Session rows (ADR 003 in docs/decisions). The clear token exists only in the cookie. */
import crypto from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { sessions } from '../../db/schema/index';
import { db, type Database } from '../utils/db.server';

export type SessionKind = 'resident' | 'staff';
export type SessionOwner = { kind: 'resident'; residentId: string } | { kind: 'staff'; staffUserId: string };
export type SessionPolicy = { idleMinutes: number; absoluteHours: number };

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export async function createSession(owner: SessionOwner, policy: SessionPolicy, now = new Date(), database: Database = db()) {
  const token = crypto.randomBytes(32).toString('base64url');
  const [row] = await database
    .insert(sessions)
    .values({
      tokenHash: hashToken(token),
      kind: owner.kind,
      residentId: owner.kind === 'resident' ? owner.residentId : null,
      staffUserId: owner.kind === 'staff' ? owner.staffUserId : null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.absoluteHours * 3600_000),
    })
    .returning({ id: sessions.id });
  return { token, sessionId: row!.id };
}

/**
 * The live session for a cookie token, or null when unknown, revoked, past its absolute end or
 * idle for longer than the policy allows. Touches `lastSeenAt` at most once a minute.
 */
export async function findActiveSession(token: string, policies: Record<SessionKind, SessionPolicy>, now = new Date(), database: Database = db()) {
  const [row] = await database.select().from(sessions).where(eq(sessions.tokenHash, hashToken(token))).limit(1);
  if (!row || row.revokedAt || row.expiresAt <= now) return null;
  const policy = policies[row.kind];
  if (now.getTime() - row.lastSeenAt.getTime() > policy.idleMinutes * 60_000) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await database.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.id));
  }
  return row;
}

export async function revokeSession(token: string, now = new Date(), database: Database = db()) {
  await database.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt)));
}

/** Housekeeping job: rows that ended (expired, revoked or idle) more than `keepDays` ago carry no value. */
export async function purgeEndedSessions(keepDays: number, now = new Date(), database: Database = db()): Promise<number> {
  const cutoff = new Date(now.getTime() - keepDays * 86400_000);
  const deleted = await database
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, cutoff), lt(sessions.revokedAt, cutoff), lt(sessions.lastSeenAt, cutoff)))
    .returning({ id: sessions.id });
  return deleted.length;
}
