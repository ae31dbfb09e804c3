/**
 * The organisation a single installation serves (DOMAIN.md §1): one samverkan of one or more
 * kommuner, each with its personuppgiftsansvariga (PUA: kommunstyrelse, nämnder, bolag), and
 * dataskyddsombud who may serve several kommuner. Every row is keyed by a stable `code` from
 * the samverkan configuration file so that re-importing it updates instead of duplicating.
 */
import type { DelegationPoint } from '../../app/domain/decision-types';
import type { ProcessingActivity } from '../../app/domain/processing-activities';
import { boolean, pgEnum, pgTable, text, timestamp, uuid, uniqueIndex, index, jsonb } from 'drizzle-orm/pg-core';

export type PostalAddress = { street: string; postalCode: string; city: string; careOf?: string };
export type Forvaltningsratt = { name: string; postalAddress?: PostalAddress; email?: string };

export const samverkan = pgTable('samverkan', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Dataskyddsombud (DPO). May serve several kommuner (seed 004: one DPO hosted by Flen for six). */
export const dataskyddsombud = pgTable('dataskyddsombud', {
  id: uuid('id').primaryKey().defaultRandom(),
  samverkanId: uuid('samverkan_id').notNull().references(() => samverkan.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  phone: text('phone'),
  postalAddress: jsonb('postal_address').$type<PostalAddress>(),
}, (t) => [uniqueIndex('dataskyddsombud_code_uq').on(t.samverkanId, t.code)]);

export const kommuner = pgTable('kommuner', {
  id: uuid('id').primaryKey().defaultRandom(),
  samverkanId: uuid('samverkan_id').notNull().references(() => samverkan.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
  organisationsnummer: text('organisationsnummer').notNull(),
  postalAddress: jsonb('postal_address').$type<PostalAddress>().notNull(),
  email: text('email').notNull(),
  phone: text('phone').notNull(),
  website: text('website'),
  logoUrl: text('logo_url'),
  dataskyddsombudId: uuid('dataskyddsombud_id').notNull().references(() => dataskyddsombud.id),
  /** The förvaltningsrätt appeals against the kommun's decisions go to (issue #6). */
  forvaltningsratt: jsonb('forvaltningsratt').$type<Forvaltningsratt>(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('kommuner_code_uq').on(t.samverkanId, t.code)]);

export const puaKind = pgEnum('pua_kind', ['kommunstyrelse', 'namnd', 'bolag']);

/** A personuppgiftsansvarig (controller): the kommunstyrelse, a nämnd or a kommunalt bolag. */
export const pua = pgTable('pua', {
  id: uuid('id').primaryKey().defaultRandom(),
  kommunId: uuid('kommun_id').notNull().references(() => kommuner.id),
  code: text('code').notNull(),
  kind: puaKind('kind').notNull(),
  name: text('name').notNull(),
  /** Plain-language sentence of what the PUA handles, shown to residents choosing where to send. */
  description: text('description').notNull(),
  /** Prefix of the PUA's diarienummer, e.g. "BN" in "BN 2026/00123". */
  diariumPrefix: text('diarium_prefix').notNull(),
  postalAddress: jsonb('postal_address').$type<PostalAddress>().notNull(),
  email: text('email').notNull(),
  phone: text('phone'),
  dataskyddsombudId: uuid('dataskyddsombud_id').notNull().references(() => dataskyddsombud.id),
  active: boolean('active').notNull().default(true),
  /** The delegeringsförteckning for GDPR decisions (issue #6): who may decide what, by point. */
  delegations: jsonb('delegations').$type<DelegationPoint[]>().notNull().default([]),
  /** The registerförteckning (GDPR Art 30; issue #7): the PUA's processing activities, kept by its samordnare. */
  processingActivities: jsonb('processing_activities').$type<ProcessingActivity[]>().notNull().default([]),
  /** A registerutdrag needs a second person's approval before release (four-eyes; issue #7). */
  utdragFourEyes: boolean('utdrag_four_eyes').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('pua_code_uq').on(t.kommunId, t.code),
  index('pua_kommun_idx').on(t.kommunId),
]);
