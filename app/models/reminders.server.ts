/**
 * Deadline reminders to staff (issue #5; rules in app/domain/reminders.ts, mail in
 * app/jobs/reminders.server.ts).
 *
 * Who is reminded:
 * - an open case (received, registered, in_progress, awaiting_resident) reminds its assignee, or,
 *   while no one is assigned, every gdpr_samordnare of its PUA (a role on the PUA or on its
 *   kommun). A case whose clock is paused (an identity request not yet answered, Art 12(6)) is left
 *   out: it has no deadline until the answer comes (`gdprClock`), and the stored one is stale;
 * - an open task of an open case reminds its assignee.
 * Staff without a valid e-mail address are skipped; a reminder with no one to send to is not
 * claimed, so it goes out once someone has an address.
 *
 * Idempotency: a reminder is claimed by inserting (kind, entity, occasion) into reminders_sent
 * with ON CONFLICT DO NOTHING RETURNING, in the transaction that sends the mails about it. What
 * another worker or an earlier run claimed is not returned and not sent again; a failed send
 * rolls the claim back, so the next try (pg-boss retries) sends it. On PostgreSQL a second worker's
 * conflicting insert waits for the first transaction and then skips what it committed.
 *
 * The price is a transaction held across the SMTP conversation of one batch (usually one person).
 * On PGlite that holds the one embedded connection, so the portal waits for it; the mailer's short
 * timeouts bound the wait, and the job stops at the first failure that is not about one message.
 */
import { and, eq, inArray, isNotNull, isNull, lte, notExists, or } from 'drizzle-orm';
import { z } from 'zod';
import { caseMessages, caseTasks, cases, pua, remindersSent, roleAssignments, staffUsers } from '../../db/schema/index';
import type { IsoDate } from '~/domain/iso-date';
import { caseReminder, countReminders, reminderHorizon, taskReminder, type ReminderCounts, type ReminderKind } from '~/domain/reminders';
import { db, type Database } from '../utils/db.server';
import { writeAudit } from './audit.server';

const OPEN_CASE_STATUSES = ['received', 'registered', 'in_progress', 'awaiting_resident'] as const;
const emailAddress = z.string().trim().email().max(254);

export type ReminderRecipient = { staffId: string; email: string };

/** One reminder about one case or task, and everyone who is to be told of it. */
export type DueReminder = { kind: ReminderKind; entityId: string; occasion: IsoDate; recipients: ReminderRecipient[] };

const validEmail = (value: string | null): string | null => {
  const parsed = emailAddress.safeParse(value);
  return parsed.success ? parsed.data : null;
};

const keyOf = (r: { kind: string; entityId: string; occasion: string }) => `${r.kind}|${r.entityId}|${r.occasion}`;

/**
 * The reminders due on `today` that have not been sent, each with its recipients (at least one).
 * A hint, not a claim: `sendReminderBatch` decides what is sent.
 */
export async function findDueReminders(today: IsoDate, database: Database = db()): Promise<DueReminder[]> {
  const pausedClock = database
    .select({ id: caseMessages.id })
    .from(caseMessages)
    .where(and(eq(caseMessages.caseId, cases.id), eq(caseMessages.kind, 'identity_request'), isNull(caseMessages.answeredAt)));
  const caseRows = await database
    .select({ id: cases.id, deadline: cases.deadline, assigneeId: cases.assigneeStaffId, assigneeEmail: staffUsers.email, puaId: cases.puaId, kommunId: pua.kommunId })
    .from(cases)
    .innerJoin(pua, eq(pua.id, cases.puaId))
    .leftJoin(staffUsers, eq(staffUsers.id, cases.assigneeStaffId))
    .where(and(inArray(cases.status, [...OPEN_CASE_STATUSES]), lte(cases.deadline, reminderHorizon(today)), notExists(pausedClock)));
  const taskRows = await database
    .select({ id: caseTasks.id, dueOn: caseTasks.dueOn, assigneeId: caseTasks.assigneeStaffId, assigneeEmail: staffUsers.email })
    .from(caseTasks)
    .innerJoin(cases, eq(cases.id, caseTasks.caseId))
    .innerJoin(staffUsers, eq(staffUsers.id, caseTasks.assigneeStaffId))
    .where(and(eq(caseTasks.status, 'open'), inArray(cases.status, [...OPEN_CASE_STATUSES]), lte(caseTasks.dueOn, today)));

  // The samordnare of every PUA that has an unassigned case in the list.
  const unassigned = caseRows.filter((c) => c.assigneeId === null);
  const samordnare = unassigned.length
    ? await database
        .selectDistinct({ staffId: staffUsers.id, email: staffUsers.email, puaId: roleAssignments.puaId, kommunId: roleAssignments.kommunId })
        .from(roleAssignments)
        .innerJoin(staffUsers, eq(staffUsers.id, roleAssignments.staffUserId))
        .where(
          and(
            eq(roleAssignments.role, 'gdpr_samordnare'),
            isNotNull(staffUsers.email),
            or(inArray(roleAssignments.puaId, [...new Set(unassigned.map((c) => c.puaId))]), inArray(roleAssignments.kommunId, [...new Set(unassigned.map((c) => c.kommunId))])),
          ),
        )
    : [];

  const due: DueReminder[] = [];
  for (const c of caseRows) {
    const reminder = caseReminder(today, c.deadline);
    if (!reminder) continue;
    let recipients: ReminderRecipient[];
    if (c.assigneeId !== null) {
      const email = validEmail(c.assigneeEmail);
      recipients = email ? [{ staffId: c.assigneeId, email }] : [];
    } else {
      const byStaff = new Map<string, string>();
      for (const s of samordnare) {
        const email = validEmail(s.email);
        if (email && (s.puaId === c.puaId || s.kommunId === c.kommunId)) byStaff.set(s.staffId, email);
      }
      recipients = [...byStaff].map(([staffId, email]) => ({ staffId, email }));
    }
    if (recipients.length) due.push({ ...reminder, entityId: c.id, recipients });
  }
  for (const task of taskRows) {
    const reminder = taskReminder(today, task.dueOn);
    const email = validEmail(task.assigneeEmail);
    if (reminder && email) due.push({ ...reminder, entityId: task.id, recipients: [{ staffId: task.assigneeId, email }] });
  }
  if (!due.length) return [];

  // Leave out what was sent already (overdue cases stay overdue for as long as they are open).
  const sent = await database
    .select({ kind: remindersSent.kind, entityId: remindersSent.entityId, occasion: remindersSent.occasion })
    .from(remindersSent)
    .where(inArray(remindersSent.entityId, [...new Set(due.map((d) => d.entityId))]));
  const sentKeys = new Set(sent.map(keyOf));
  return due.filter((d) => !sentKeys.has(keyOf(d)));
}

/**
 * A set of reminders and their recipients that must be claimed and sent together: two reminders
 * are in the same batch when they share a recipient (directly or through others). Most batches are
 * one person; the samordnare of a PUA who are all told of the same unassigned case form one.
 */
export type ReminderBatch = { reminders: DueReminder[]; recipients: ReminderRecipient[] };

export function batchReminders(due: readonly DueReminder[]): ReminderBatch[] {
  // Union-find over staff ids.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  for (const d of due) {
    for (const r of d.recipients) if (!parent.has(r.staffId)) parent.set(r.staffId, r.staffId);
    const [first, ...rest] = d.recipients.map((r) => find(r.staffId));
    for (const other of rest) if (other !== first) parent.set(other, first!);
  }
  const batches = new Map<string, ReminderBatch>();
  for (const d of due) {
    const root = find(d.recipients[0]!.staffId);
    const batch = batches.get(root) ?? { reminders: [], recipients: [] };
    batch.reminders.push(d);
    for (const r of d.recipients) if (!batch.recipients.some((x) => x.staffId === r.staffId)) batch.recipients.push(r);
    batches.set(root, batch);
  }
  return [...batches.values()].sort((a, b) => (minStaffId(a) < minStaffId(b) ? -1 : 1));
}

const minStaffId = (b: ReminderBatch) => b.recipients.map((r) => r.staffId).sort()[0]!;

export type ReminderMail = { recipient: ReminderRecipient; counts: ReminderCounts };

/**
 * Claims the batch's reminders and, in the same transaction, sends each recipient one mail with
 * the counts of what was claimed for them (`deliver`), then writes one audit row 'reminder.sent'
 * per mail (the staff member as entity, the counts as details, never the address). If `deliver`
 * throws, the transaction rolls back (claims and audit rows) and the error is rethrown.
 * Returns the mails sent; none when everything was claimed already.
 */
export async function sendReminderBatch(
  batch: ReminderBatch,
  today: IsoDate,
  deliver: (mail: ReminderMail) => Promise<void>,
  database: Database = db(),
): Promise<ReminderMail[]> {
  if (!batch.reminders.length) return [];
  // One statement in key order: concurrent claimers take row locks in the same order.
  const values = batch.reminders
    .map((r) => ({ kind: r.kind, entityId: r.entityId, occasion: r.occasion }))
    .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  return database.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    const claimed = await tx
      .insert(remindersSent)
      .values(values)
      .onConflictDoNothing()
      .returning({ kind: remindersSent.kind, entityId: remindersSent.entityId, occasion: remindersSent.occasion });
    const claimedKeys = new Set(claimed.map(keyOf));
    const mails: ReminderMail[] = [];
    for (const recipient of [...batch.recipients].sort((a, b) => (a.staffId < b.staffId ? -1 : 1))) {
      const mine = batch.reminders.filter((r) => claimedKeys.has(keyOf(r)) && r.recipients.some((x) => x.staffId === recipient.staffId));
      if (mine.length) mails.push({ recipient, counts: countReminders(mine.map((r) => r.kind)) });
    }
    // Send all, then audit: the audit chain's head lock is held only from here to the commit.
    for (const mail of mails) await deliver(mail);
    for (const mail of mails) {
      await writeAudit(tx, { actor: { type: 'system', id: 'reminders' }, action: 'reminder.sent', entityType: 'staff_user', entityId: mail.recipient.staffId, details: { date: today, counts: mail.counts } });
    }
    return mails;
  });
}
