/**
 * Identity checks made by reception and kontaktcenter staff (issue #8): a visitor's ID document or
 * a caller's BankID on the phone. Every status lookup and every handover names the check it rests
 * on. The personnummer is stored like everywhere else: encrypted, with a keyed lookup (ADR 005).
 */
import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { IdDocument } from '../../app/domain/identity-check';
import { staffUsers } from './people';

export const identityCheckMethod = pgEnum('identity_check_method', ['id_document', 'bankid_phone']);

export const identityChecks = pgTable('identity_checks', {
  id: uuid('id').primaryKey().defaultRandom(),
  staffUserId: uuid('staff_user_id').notNull().references(() => staffUsers.id),
  /** The official's session: a check is used only in the conversation it was made in. */
  sessionId: uuid('session_id').notNull(),
  method: identityCheckMethod('method').notNull(),
  pnrCiphertext: text('pnr_ciphertext').notNull(),
  pnrLookup: text('pnr_lookup').notNull(),
  name: text('name').notNull(),
  /** id_document: type, issuer and the last four characters of the number (never the whole number). */
  document: jsonb('document').$type<IdDocument>(),
  /** bankid_phone: the BankID order that identified the caller. */
  bankidOrderId: uuid('bankid_order_id'),
  checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('identity_checks_staff_idx').on(t.staffUserId, t.checkedAt)]);

export type IdentityCheck = typeof identityChecks.$inferSelect;
