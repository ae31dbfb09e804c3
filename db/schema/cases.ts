/**
 * Requests and cases (DOMAIN.md §3, issue #4). A resident's signed *submission* becomes one
 * *case* per PUA and request kind, each registered in that PUA's diarium with a gap-free
 * diarienummer. Every change of a case is a `case_events` row (the timeline) written in the same
 * transaction as the change and its audit row.
 */
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { kommuner, pua } from './organisation';
import { residents, staffUsers } from './people';
import { appeals } from './decisions';
import { identityChecks } from './identity';

export const requestChannel = pgEnum('request_channel', ['e_tjanst', 'reception', 'paper', 'phone']);
/** For whom the request is made (DOMAIN.md §3 "Who asks"). */
export const subjectRelation = pgEnum('subject_relation', ['self', 'child', 'principal', 'ward']);
export const deliveryMethod = pgEnum('delivery_method', ['portal', 'registered_post', 'reception']);
/** The diarium's kinds of request (seed 004 bilaga 7): one case per PUA and kind. */
export const caseKind = pgEnum('case_kind', ['registerutdrag', 'forandring', 'dataportabilitet', 'samtycke']);
export const caseStatus = pgEnum('case_status', ['received', 'registered', 'in_progress', 'awaiting_resident', 'decided', 'closed', 'withdrawn']);

/** A request as the resident filed and signed it, before it is split into cases. */
export const submissions = pgTable('submissions', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Common reference printed on the receipt, e.g. "DSP-2026-4F7K2Q". */
  reference: text('reference').notNull().unique(),
  /** The draft it came from: a second submit of the same draft finds this row (idempotency). */
  draftId: uuid('draft_id').notNull().unique(),
  kommunId: uuid('kommun_id').notNull().references(() => kommuner.id),
  /**
   * Who asked: the logged-in resident, the visitor or caller a reception official registered it
   * for (issue #8), or null for a paper form (its signer is in the answers).
   */
  filedByResidentId: uuid('filed_by_resident_id').references(() => residents.id),
  /** The official who registered it for someone at the desk, on the phone or from paper (issue #8). */
  registeredByStaffId: uuid('registered_by_staff_id').references(() => staffUsers.id),
  /** The identity check a request registered for a visitor or caller rests on (ADR 015, 016). */
  identityCheckId: uuid('identity_check_id').references(() => identityChecks.id),
  channel: requestChannel('channel').notNull(),
  relation: subjectRelation('relation').notNull(),
  /** The person the data is about: the filer (self) or a child, principal or ward. */
  subjectPnrCiphertext: text('subject_pnr_ciphertext').notNull(),
  subjectPnrLookup: text('subject_pnr_lookup').notNull(),
  subjectName: text('subject_name').notNull(),
  /** Every answer of the journey (rights, details per right, contact, delivery) as filed. */
  answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
  /** Skyddade personuppgifter (DOMAIN.md §9): no address, no notices, named handlers only. */
  protectedIdentity: boolean('protected_identity').notNull().default(false),
  /** The plain-language text the person signed in the BankID app, and the evidence. */
  signedSummary: text('signed_summary'),
  signature: jsonb('signature').$type<Record<string, unknown>>(),
  /** The portal language the person filed in: letters and decisions are written in it (issue #6). */
  language: text('language').$type<'sv' | 'en'>().notNull().default('sv'),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('submissions_filer_idx').on(t.filedByResidentId), index('submissions_subject_idx').on(t.subjectPnrLookup)]);

export const cases = pgTable('cases', {
  id: uuid('id').primaryKey().defaultRandom(),
  submissionId: uuid('submission_id').notNull().references(() => submissions.id),
  puaId: uuid('pua_id').notNull().references(() => pua.id),
  kind: caseKind('kind').notNull(),
  /** The rights asked for in this case, e.g. ['rattelse', 'begransning'] for a förändring case. */
  rights: text('rights').array().notNull(),
  /**
   * "SN 2026/00042": the PUA's prefix, the year and a gap-free number per PUA and year. Unique
   * per PUA only: two kommuner's socialnämnder both have an "SN 2026/00001".
   */
  diarienummer: text('diarienummer').notNull(),
  /** The day the request reached the PUA (Europe/Stockholm): the deadline runs from it (§5). */
  receivedDate: date('received_date', { mode: 'string' }).notNull(),
  /**
   * The current legal deadline: from the received date, moved by pauses for identity information
   * and, once extended, the extended period (DOMAIN.md §5). While paused it keeps its last value.
   */
  deadline: date('deadline', { mode: 'string' }).notNull(),
  /** Art 12(3) extension: the day the resident was told, and why (shown to them in Mina ärenden). */
  extendedOn: date('extended_on', { mode: 'string' }),
  extensionReason: text('extension_reason'),
  status: caseStatus('status').notNull().default('received'),
  protectedIdentity: boolean('protected_identity').notNull().default(false),
  /**
   * How the answer reaches the person: as chosen when filing (the submission's answers), changed by
   * the samordnare when the person asks (issue #7). Per case: each PUA delivers its own answer.
   */
  deliveryMethod: deliveryMethod('delivery_method').notNull().default('portal'),
  /** The handläggare responsible (issue #5); null until the case is registered and assigned. */
  assigneeStaffId: uuid('assignee_staff_id').references(() => staffUsers.id),
  registeredAt: timestamp('registered_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('cases_submission_idx').on(t.submissionId),
  index('cases_assignee_deadline_idx').on(t.assigneeStaffId, t.deadline, t.id),
  index('cases_pua_deadline_idx').on(t.puaId, t.deadline, t.id),
  // The inbox (issue #5, measured by scripts/bench-inbox.ts, README "Performance"): open cases in
  // deadline order, per PUA, per assignee and across PUAs. Partial, so they hold the few thousand
  // open cases instead of every case ever; the planner sees that the inbox filters imply the predicate.
  index('cases_open_pua_deadline_idx').on(t.puaId, t.deadline, t.id).where(sql`${t.status} not in ('closed', 'withdrawn')`),
  index('cases_open_assignee_deadline_idx').on(t.assigneeStaffId, t.deadline, t.id).where(sql`${t.status} not in ('closed', 'withdrawn')`),
  index('cases_open_deadline_idx').on(t.deadline, t.id).where(sql`${t.status} not in ('closed', 'withdrawn')`),
  // Diarienummer prefix search, case-insensitive in any collation: upper(d) like upper('q%').
  index('cases_diarienummer_upper_idx').on(sql`upper(${t.diarienummer}) text_pattern_ops`),
  uniqueIndex('cases_submission_pua_kind_uq').on(t.submissionId, t.puaId, t.kind),
  uniqueIndex('cases_pua_diarienummer_uq').on(t.puaId, t.diarienummer),
]);

/**
 * Named handlers of a case with skyddade personuppgifter (DOMAIN.md §9): only they see its content.
 * A samordnare claims such a case; assigning a handläggare names them too.
 */
export const caseHandlers = pgTable('case_handlers', {
  caseId: uuid('case_id').notNull().references(() => cases.id),
  staffUserId: uuid('staff_user_id').notNull().references(() => staffUsers.id),
  namedAt: timestamp('named_at', { withTimezone: true }).notNull().defaultNow(),
  namedBy: uuid('named_by').references(() => staffUsers.id),
}, (t) => [primaryKey({ columns: [t.caseId, t.staffUserId] })]);

/** The last diarienummer used per PUA and year. Incremented in the transaction that uses it. */
export const diariumCounters = pgTable('diarium_counters', {
  puaId: uuid('pua_id').notNull().references(() => pua.id),
  year: integer('year').notNull(),
  lastNumber: integer('last_number').notNull(),
}, (t) => [primaryKey({ columns: [t.puaId, t.year] })]);

/** The case timeline: what happened, when, by whom (never a personnummer in `data`). */
export const caseEvents = pgTable('case_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  // clock_timestamp, not now(): events written in one transaction keep the order they happened in.
  at: timestamp('at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  /** e.g. 'received', 'withdrawn', 'message.to_resident', 'deadline.extended' */
  type: text('type').notNull(),
  actorType: text('actor_type').notNull(),
  actorId: text('actor_id'),
  /** Shown to the resident in Mina ärenden (internal notes are not). */
  visibleToResident: boolean('visible_to_resident').notNull().default(true),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
}, (t) => [index('case_events_case_idx').on(t.caseId, t.at)]);

/** A request in progress, kept on the server so reloads and "Tillbaka" never lose input. */
/**
 * A request being written: the resident's own, or one a reception official fills in for a
 * visitor (issue #8, ADR 016) — then owned by the official and bound to the visitor's identity
 * check, and nobody's resident draft until it is filed. Exactly one owner.
 */
export const requestDrafts = pgTable('request_drafts', {
  id: uuid('id').primaryKey().defaultRandom(),
  residentId: uuid('resident_id').references(() => residents.id, { onDelete: 'cascade' }),
  staffUserId: uuid('staff_user_id').references(() => staffUsers.id),
  /** For a visitor's draft: the latest identity check of the visitor it was written with. */
  identityCheckId: uuid('identity_check_id').references(() => identityChecks.id),
  answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('request_drafts_resident_idx').on(t.residentId),
  index('request_drafts_staff_idx').on(t.staffUserId),
  check('request_drafts_one_owner', sql`(${t.residentId} IS NULL) <> (${t.staffUserId} IS NULL) AND (${t.staffUserId} IS NULL) = (${t.identityCheckId} IS NULL)`),
]);

/** Files are stored encrypted outside the database, referenced by the SHA-256 of their content. */
export const attachments = pgTable('attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  sha256: text('sha256').notNull(),
  filename: text('filename').notNull(),
  mimeType: text('mime_type').notNull(),
  size: integer('size').notNull(),
  draftId: uuid('draft_id').references(() => requestDrafts.id, { onDelete: 'set null' }),
  submissionId: uuid('submission_id').references(() => submissions.id),
  /** A file sent with a message in a case (purpose 'message'). */
  messageId: uuid('message_id').references(() => caseMessages.id),
  /** A file attached to a task answer (purpose 'task'): extracts, copies. */
  taskId: uuid('task_id').references(() => caseTasks.id),
  /** A file sent with an appeal (purpose 'appeal'). */
  appealId: uuid('appeal_id').references((): AnyPgColumn => appeals.id),
  /** What the file is: 'fullmakt', 'custody', 'appointment', 'evidence', 'message'. */
  purpose: text('purpose').notNull(),
  uploadedByResidentId: uuid('uploaded_by_resident_id').references(() => residents.id),
  uploadedByStaffId: uuid('uploaded_by_staff_id').references(() => staffUsers.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('attachments_draft_idx').on(t.draftId),
  index('attachments_submission_idx').on(t.submissionId),
  index('attachments_message_idx').on(t.messageId),
  index('attachments_task_idx').on(t.taskId),
  index('attachments_appeal_idx').on(t.appealId),
]);

export const messageDirection = pgEnum('message_direction', ['to_resident', 'from_resident']);
/**
 * A plain message, or a request that the resident must answer: for identity information (pauses the
 * legal clock, DOMAIN.md §5) or for clarification (does not).
 */
export const messageKind = pgEnum('message_kind', ['message', 'identity_request', 'clarification_request']);

/** Secure messages between the resident and the PUA handling the case (never sent by e-mail). */
export const caseMessages = pgTable('case_messages', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  direction: messageDirection('direction').notNull(),
  kind: messageKind('kind').notNull().default('message'),
  /** The request this message answers, if any. */
  inReplyTo: uuid('in_reply_to'),
  body: text('body').notNull(),
  authorResidentId: uuid('author_resident_id').references(() => residents.id),
  authorStaffId: uuid('author_staff_id').references(() => staffUsers.id),
  /** For requests to the resident: when they answered (the clock resumes then). */
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  /** When the recipient side first read it. */
  readAt: timestamp('read_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('case_messages_case_idx').on(t.caseId, t.createdAt)]);

export const documentKind = pgEnum('document_kind', ['letter', 'decision', 'registerutdrag', 'notice']);

/**
 * Documents the PUA sends the resident in a case: letters, decisions, the registerutdrag package.
 * The file is in the encrypted file store by content hash. `firstOpenedAt` is the moment of
 * delivery for digital delivery (the notification date a decision's appeal period runs from, §8).
 */
export const caseDocuments = pgTable('case_documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  kind: documentKind('kind').notNull(),
  title: text('title').notNull(),
  sha256: text('sha256').notNull(),
  filename: text('filename').notNull(),
  mimeType: text('mime_type').notNull(),
  size: integer('size').notNull(),
  createdByStaffId: uuid('created_by_staff_id').references(() => staffUsers.id),
  /** Null until released to the resident; only published documents show in Mina ärenden. */
  publishedAt: timestamp('published_at', { withTimezone: true }),
  firstOpenedAt: timestamp('first_opened_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('case_documents_case_idx').on(t.caseId, t.createdAt)]);

export const taskStatus = pgEnum('task_status', ['open', 'answered', 'cancelled']);

/**
 * A task to a systemägare or medarbetare who may hold data about the person (DOMAIN.md §4):
 * answered within a week on the internal form "Svar till GDPR-samordnare" (`answer`).
 */
export const caseTasks = pgTable('case_tasks', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  assigneeStaffId: uuid('assignee_staff_id').notNull().references(() => staffUsers.id),
  sentByStaffId: uuid('sent_by_staff_id').notNull().references(() => staffUsers.id),
  /** What to look for, e.g. which system or which period. */
  instructions: text('instructions').notNull(),
  sentOn: date('sent_on', { mode: 'string' }).notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  status: taskStatus('status').notNull().default('open'),
  /** The answer form as submitted (see app/domain/task-answer.ts). */
  answer: jsonb('answer').$type<Record<string, unknown>>(),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('case_tasks_case_idx').on(t.caseId), index('case_tasks_assignee_idx').on(t.assigneeStaffId, t.status, t.dueOn)]);

/** Change requests (rättelse, radering …): the assessment meeting with DPO, säkerhetsansvarig, jurist. */
export const caseMeetings = pgTable('case_meetings', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  participants: text('participants').notNull(),
  conclusion: text('conclusion').notNull(),
  recordedByStaffId: uuid('recorded_by_staff_id').notNull().references(() => staffUsers.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('case_meetings_case_idx').on(t.caseId)]);

/**
 * Reminders already sent, so the daily job is idempotent: one row per reminder kind, entity and
 * occasion (e.g. 'case.due-in-5' for a case on the day it fell due in five working days).
 */
export const remindersSent = pgTable('reminders_sent', {
  kind: text('kind').notNull(),
  entityId: uuid('entity_id').notNull(),
  occasion: date('occasion', { mode: 'string' }).notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.kind, t.entityId, t.occasion] })]);
