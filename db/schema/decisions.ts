/**
 * Beslut and överklagande (DOMAIN.md §8, issue #6). A decision belongs to a case; while it is a
 * draft or a proposal only staff see it. When decided it gets its letter (a case document) and,
 * once the person has received it, a notification date from which the appeal period runs.
 * An appeal names the decision it concerns and carries the rättidsprövning, the omprövning and
 * the way through the courts. Every change is also a case event and an audit row.
 */
import { date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AppealInstructions, DecisionPart, DecisionType } from '../../app/domain/decision-types';
import { pua } from './organisation';
import { residents, staffUsers } from './people';
import { caseDocuments, cases } from './cases';

export const decisionStatus = pgEnum('decision_status', ['draft', 'proposed', 'decided']);
export const notificationMethod = pgEnum('notification_method', ['digital', 'post', 'in_person']);

/** A "Redovisning av delegationsbeslut" to the nämnd (KL 6 kap. 40 §): a PUA, a period, a meeting. */
export const delegationReports = pgTable('delegation_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  puaId: uuid('pua_id').notNull().references(() => pua.id),
  periodFrom: date('period_from', { mode: 'string' }).notNull(),
  periodTo: date('period_to', { mode: 'string' }).notNull(),
  /** The nämnd meeting the decisions were reported to. */
  meetingDate: date('meeting_date', { mode: 'string' }).notNull(),
  reportedByStaffId: uuid('reported_by_staff_id').notNull().references(() => staffUsers.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('delegation_reports_pua_idx').on(t.puaId, t.periodFrom)]);

export const decisions = pgTable('decisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  type: text('type').$type<DecisionType>().notNull(),
  status: decisionStatus('status').notNull().default('draft'),
  /** Per requested right: outcome, grounds and motivering. */
  parts: jsonb('parts').$type<DecisionPart[]>().notNull(),
  /** The letter's language: Swedish, or English when the resident used the portal in English. */
  language: text('language').$type<'sv' | 'en'>().notNull().default('sv'),
  /** The appeal an avvisning of a late appeal or an omprövning answers. */
  appealId: uuid('appeal_id'),
  /** Omprövning: the decision it changes. */
  changesDecisionId: uuid('changes_decision_id'),
  draftedByStaffId: uuid('drafted_by_staff_id').notNull().references(() => staffUsers.id),
  proposedByStaffId: uuid('proposed_by_staff_id').references(() => staffUsers.id),
  proposedAt: timestamp('proposed_at', { withTimezone: true }),
  decidedByStaffId: uuid('decided_by_staff_id').references(() => staffUsers.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  /** Europe/Stockholm date of the decision, printed on the letter and in the delegation report. */
  decidedOn: date('decided_on', { mode: 'string' }),
  /** The delegation point it was taken under, as it read then (the list may change later). */
  delegationPoint: jsonb('delegation_point').$type<{ number: string; remark?: string }>(),
  appealInstructions: text('appeal_instructions').$type<AppealInstructions>().notNull().default('not_applicable'),
  /** Case files not released to the person (sekretess, utkast): sent to the court marked secret. */
  withheldFileIds: jsonb('withheld_file_ids').$type<string[]>().notNull().default([]),
  documentId: uuid('document_id').references(() => caseDocuments.id),
  /** The day the person received the decision (FL 44 §): first opened in the portal, the delivery receipt, or handed over at the reception. */
  notifiedOn: date('notified_on', { mode: 'string' }),
  notificationMethod: notificationMethod('notification_method'),
  notificationRecordedByStaffId: uuid('notification_recorded_by_staff_id').references(() => staffUsers.id),
  reportId: uuid('report_id').references(() => delegationReports.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('decisions_case_idx').on(t.caseId, t.createdAt),
  index('decisions_decided_on_idx').on(t.decidedOn),
]);

export const appealStatus = pgEnum('appeal_status', ['draft', 'received', 'avvisad', 'lapsed', 'forwarded', 'court_decided']);
export const appealChannel = pgEnum('appeal_channel', ['portal', 'paper']);

/** The result of a rättidsprövning (FL 45 §) as recorded. */
export type TimelinessRecord = { inTime: boolean; deadline: string | null; rule: string; checkedOn: string; checkedByStaffId: string };
/** The court track: förvaltningsrätten, then kammarrätten (prövningstillstånd needed). */
export type CourtRecord = { court: string; malnummer: string; outcome?: string; decidedOn?: string };

export const appeals = pgTable('appeals', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  decisionId: uuid('decision_id').notNull().references(() => decisions.id),
  status: appealStatus('status').notNull().default('draft'),
  channel: appealChannel('channel').notNull(),
  /** The day the appeal reached the nämnd (FL 45 §): the signing day, or the stamp on paper. */
  receivedOn: date('received_on', { mode: 'string' }),
  filedByResidentId: uuid('filed_by_resident_id').references(() => residents.id),
  registeredByStaffId: uuid('registered_by_staff_id').references(() => staffUsers.id),
  /** FL 43 §: which change is wanted, and why. */
  changeWanted: text('change_wanted').notNull(),
  reasons: text('reasons').notNull().default(''),
  signedSummary: text('signed_summary'),
  signature: jsonb('signature').$type<Record<string, unknown>>(),
  timeliness: jsonb('timeliness').$type<TimelinessRecord>(),
  forwardedOn: date('forwarded_on', { mode: 'string' }),
  forwardedByStaffId: uuid('forwarded_by_staff_id').references(() => staffUsers.id),
  /** The package sent to the court, in the file store. */
  packageSha256: text('package_sha256'),
  packageSize: integer('package_size'),
  courtRecords: jsonb('court_records').$type<CourtRecord[]>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('appeals_case_idx').on(t.caseId, t.createdAt), index('appeals_decision_idx').on(t.decisionId)]);
