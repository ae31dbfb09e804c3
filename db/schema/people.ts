/**
 * People the portal knows: staff users with their role assignments, and residents.
 * Personnummer is never stored in clear text: `pnrCiphertext` is AES-256-GCM (for display when
 * needed) and `pnrLookup` is an HMAC-SHA256 (for equality lookups). See app/utils/pnr-crypto.server.ts.
 */
import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { kommuner, pua } from './organisation';

export const staffRole = pgEnum('staff_role', [
  'gdpr_samordnare',
  'handlaggare',
  'systemagare',
  'registrator',
  'reception',
  'kontaktcenter',
  'dataskyddsombud',
  'admin',
]);

export const staffUsers = pgTable('staff_users', {
  id: uuid('id').primaryKey().defaultRandom(),
  pnrCiphertext: text('pnr_ciphertext').notNull(),
  pnrLookup: text('pnr_lookup').notNull(),
  name: text('name').notNull(),
  email: text('email'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('staff_users_pnr_lookup_uq').on(t.pnrLookup)]);

/**
 * A role held within a scope: either one PUA or a whole kommun (all its PUAs). Exactly one of
 * the two scope columns is set, enforced by a check constraint.
 */
export const roleAssignments = pgTable('role_assignments', {
  id: uuid('id').primaryKey().defaultRandom(),
  staffUserId: uuid('staff_user_id').notNull().references(() => staffUsers.id, { onDelete: 'cascade' }),
  role: staffRole('role').notNull(),
  puaId: uuid('pua_id').references(() => pua.id),
  kommunId: uuid('kommun_id').references(() => kommuner.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('role_assignments_one_scope', sql`(${t.puaId} is null) <> (${t.kommunId} is null)`),
  uniqueIndex('role_assignments_pua_uq').on(t.staffUserId, t.role, t.puaId).where(sql`${t.puaId} is not null`),
  uniqueIndex('role_assignments_kommun_uq').on(t.staffUserId, t.role, t.kommunId).where(sql`${t.kommunId} is not null`),
  index('role_assignments_user_idx').on(t.staffUserId),
]);

/** A resident who has identified with BankID (created at first login, issue #3). */
export const residents = pgTable('residents', {
  id: uuid('id').primaryKey().defaultRandom(),
  pnrCiphertext: text('pnr_ciphertext').notNull(),
  pnrLookup: text('pnr_lookup').notNull(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
}, (t) => [uniqueIndex('residents_pnr_lookup_uq').on(t.pnrLookup)]);
