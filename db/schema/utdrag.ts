/**
 * Compiling a registerutdrag (issue #7): the items of one case — the system owners' answers, the
 * files they attached, documents the samordnare added — each linked to a processing activity of the
 * PUA's registerförteckning and reviewed for secrecy (app/domain/utdrag-review.ts); then the package
 * built from the released ones, approved by a second person when the PUA asks for four-eyes, and
 * delivered the way the resident chose.
 */
import { sql } from 'drizzle-orm';
import { bigint, date, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ItemReview } from '../../app/domain/utdrag-review';
import { attachments, caseTasks, cases, deliveryMethod } from './cases';
import { staffUsers } from './people';

export const utdragItemKind = pgEnum('utdrag_item_kind', ['answer', 'attachment', 'document']);

export const utdragItems = pgTable('utdrag_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  /** answer: a task answer ("uppgifter funna") as data; attachment: a file sent with it; document: added by the samordnare. */
  kind: utdragItemKind('kind').notNull(),
  taskId: uuid('task_id').references(() => caseTasks.id),
  attachmentId: uuid('attachment_id').references(() => attachments.id),
  /** The processing activity (`pua.processing_activities[].code`) the item belongs to. */
  activityCode: text('activity_code'),
  title: text('title').notNull(),
  /** Null until reviewed. The original always stays; a masked item's copy is `redactedAttachmentId`. */
  review: jsonb('review').$type<ItemReview>(),
  redactedAttachmentId: uuid('redacted_attachment_id').references(() => attachments.id),
  reviewedByStaffId: uuid('reviewed_by_staff_id').references(() => staffUsers.id),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  addedByStaffId: uuid('added_by_staff_id').references(() => staffUsers.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('utdrag_items_case_idx').on(t.caseId),
  // An answer or a file is one item of the case, however often the list is refreshed.
  uniqueIndex('utdrag_items_answer_uq').on(t.caseId, t.taskId).where(sql`kind = 'answer'`),
  uniqueIndex('utdrag_items_attachment_uq').on(t.caseId, t.attachmentId).where(sql`attachment_id is not null`),
]);

export const utdragPackageStatus = pgEnum('utdrag_package_status', ['awaiting_approval', 'approved', 'built', 'delivered', 'removed']);

/** The package of a case: one at a time; a new compilation replaces one not yet delivered. */
export const utdragPackages = pgTable('utdrag_packages', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  status: utdragPackageStatus('status').notNull(),
  preparedByStaffId: uuid('prepared_by_staff_id').notNull().references(() => staffUsers.id),
  approvedByStaffId: uuid('approved_by_staff_id').references(() => staffUsers.id),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  /** The ZIP in the delivery store (ADR 011): its id there, SHA-256 and size, and its manifest. */
  storeId: text('store_id'),
  sha256: text('sha256'),
  size: bigint('size', { mode: 'number' }),
  manifest: jsonb('manifest').$type<{ files: { path: string; sha256: string; size: number }[] }>(),
  builtAt: timestamp('built_at', { withTimezone: true }),
  /** Digital delivery: available until this day, then removed from the delivery store (the record stays). */
  availableUntil: date('available_until', { mode: 'string' }),
  /**
   * How this package goes out, fixed when it is prepared: portal (the ZIP in Mina ärenden),
   * registered_post (the print file in the delivery store) or reception (the ZIP, handed over).
   */
  deliveryMethod: deliveryMethod('delivery_method').notNull().default('portal'),
  /**
   * Post: to the folkbokföringsadress, or via Skatteverket's förmedling for skyddade
   * personuppgifter. The address itself is never stored: it is looked up when the file is printed.
   */
  mailing: text('mailing').$type<'address' | 'formedling'>(),
  /** Documents the print file could not hold (printed separately and put in the envelope). */
  notPrinted: jsonb('not_printed').$type<{ itemId: string; title: string; filename: string }[]>(),
  /** Post: the day it was sent and the rekommenderat brev's tracking number (UPU S10). */
  sentOn: date('sent_on', { mode: 'string' }),
  trackingNumber: text('tracking_number'),
  sentByStaffId: uuid('sent_by_staff_id').references(() => staffUsers.id),
  /** Reception: handed over by this official, against this identity check (issue #8). */
  handedOverByStaffId: uuid('handed_over_by_staff_id').references(() => staffUsers.id),
  handoverCheckId: uuid('handover_check_id'),
  deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  removedAt: timestamp('removed_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('utdrag_packages_case_idx').on(t.caseId)]);

export type UtdragItem = typeof utdragItems.$inferSelect;
export type UtdragPackage = typeof utdragPackages.$inferSelect;
