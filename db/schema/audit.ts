/**
 * Append-only audit log with a hash chain (ADR 004). Every row stores the hash of the previous
 * row; `audit_chain_head` holds the sequence number and hash of the newest row so that deleting
 * the tail is detected too. UPDATE and DELETE are refused by a trigger (custom migration).
 * `details` must never hold a personnummer or a name in clear text.
 */
import { bigint, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const auditLog = pgTable('audit_log', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  /** 'resident' | 'staff' | 'system' | 'cli' */
  actorType: text('actor_type').notNull(),
  actorId: text('actor_id'),
  /** Verb in the form `<entity>.<verb>`, e.g. `case.view`, `config.import`, `pnr.reveal`. */
  action: text('action').notNull(),
  entityType: text('entity_type'),
  entityId: text('entity_id'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

export const auditChainHead = pgTable('audit_chain_head', {
  id: integer('id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});
