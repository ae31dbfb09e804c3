/**
 * Server-side sessions. The cookie holds only a random session id; the row stores its SHA-256,
 * so a leaked database dump cannot be replayed as cookies. Revoking = setting `revokedAt`.
 */
import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { residents, staffUsers } from './people';

export const sessionKind = pgEnum('session_kind', ['resident', 'staff']);

export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  tokenHash: text('token_hash').notNull().unique(),
  kind: sessionKind('kind').notNull(),
  residentId: uuid('resident_id').references(() => residents.id, { onDelete: 'cascade' }),
  staffUserId: uuid('staff_user_id').references(() => staffUsers.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  /** Absolute end of the session, whatever the activity. */
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [
  check('sessions_owner', sql`(${t.kind} = 'resident' and ${t.residentId} is not null and ${t.staffUserId} is null)
    or (${t.kind} = 'staff' and ${t.staffUserId} is not null and ${t.residentId} is null)`),
  index('sessions_expires_idx').on(t.expiresAt),
]);
