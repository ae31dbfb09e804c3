/**
 * Daily deadline reminders to staff (issue #5): every day at 07:00 Europe/Stockholm, each staff
 * member with something newly due gets ONE e-mail that only counts it — "3 ärenden närmar sig
 * svarsdatum, 1 ärende är försenat, 2 uppdrag ska besvaras i dag" — in Swedish, then English,
 * with a link to the portal. Never a name, personnummer, diarienummer, PUA or anything of a case:
 * e-mail is not a secure channel (ADR 008, DOMAIN.md §7).
 *
 * The rules are app/domain/reminders.ts; who is told, and the claims that make a run idempotent,
 * are app/models/reminders.server.ts. Without SMTP the job does nothing and claims nothing.
 */
import type { IsoDate } from '~/domain/iso-date';
import { isIsoDate } from '~/domain/iso-date';
import type { ReminderCounts } from '~/domain/reminders';
import { batchReminders, findDueReminders, sendReminderBatch, type ReminderMail } from '../models/reminders.server';
import { todayInStockholm } from '../utils/dates.server';
import { loadEnv } from '../utils/env.server';
import { bilingualMail } from '../utils/bilingual-mail.server';
import { mailer, type Mailer } from '../utils/mailer.server';
import { NoticeSendError, type RenderedNotice } from './notices.server';
import type { JobDefinition } from './queue.server';

// ---------------------------------------------------------------------------------------------
// The letter. Staff have no recorded language, so like every notice it is Swedish, then English.

/** The lines of the count list, in this order; a kind with nothing to tell is left out. */
const LINES: { kind: keyof ReminderCounts; key: string }[] = [
  { kind: 'case.overdue', key: 'reminder.caseOverdue' },
  { kind: 'case.due-today', key: 'reminder.caseDueToday' },
  { kind: 'case.due-soon', key: 'reminder.caseDueSoon' },
  { kind: 'task.overdue', key: 'reminder.taskOverdue' },
  { kind: 'task.due-today', key: 'reminder.taskDueToday' },
];

/** The reminder mail for these counts: nothing but the counts and links to the portal. */
export function reminderMail(counts: ReminderCounts): Promise<RenderedNotice> {
  const base = loadEnv().PUBLIC_URL;
  const cases = counts['case.due-soon'] + counts['case.due-today'] + counts['case.overdue'];
  const tasks = counts['task.due-today'] + counts['task.overdue'];
  return bilingualMail((t) => ({
    subject: t('reminder.subject'),
    blocks: [
      t('reminder.intro'),
      { list: LINES.filter((l) => counts[l.kind] > 0).map((l) => t(l.key, { count: counts[l.kind] })) },
      // A systemägare cannot open the case inbox; tasks have their own page.
      ...(cases ? [{ label: t('reminder.casesLink'), url: `${base}/personal/arenden` }] : []),
      ...(tasks ? [{ label: t('reminder.tasksLink'), url: `${base}/personal/uppdrag` }] : []),
      t('reminder.why'),
    ],
  }));
}

// ---------------------------------------------------------------------------------------------
// The run.

/** A reminder mail the server did not take. SMTP codes only: the server's reply can quote the address. */
class ReminderMailError extends NoticeSendError {
  /** The server refused this message (e.g. one recipient's mailbox), not every message. */
  readonly perMessage: boolean;
  constructor(error: unknown) {
    super(error);
    this.name = 'ReminderMailError';
    this.perMessage = ['EENVELOPE', 'EMESSAGE'].includes(String((error as { code?: unknown } | null)?.code));
  }
}

/** Some reminder mails were not sent: their claims were rolled back, and pg-boss retries the run. */
export class ReminderSendError extends Error {
  constructor(failed: number, first: NoticeSendError) {
    super(`${failed} reminder batch(es) not sent: ${first.message}`);
    this.name = 'ReminderSendError';
  }
}

async function deliverWith(transport: Mailer, mail: ReminderMail): Promise<void> {
  const notice = await reminderMail(mail.counts);
  try {
    await transport.sendMail({ to: mail.recipient.email, subject: notice.subject, text: notice.text, html: notice.html, headers: { 'Auto-Submitted': 'auto-generated' } });
  } catch (error) {
    throw new ReminderMailError(error);
  }
}

export type ReminderRun = { mails: number };

/**
 * Sends the reminders due on `today` (default: today in Europe/Stockholm), one mail per staff
 * member. Batches that share no recipient are claimed and sent in their own transactions, so one
 * refused address does not hold back the others. Throws `ReminderSendError` (SMTP codes only, no
 * address) when something was not sent, after trying what could be tried.
 */
export async function sendReminders(today: IsoDate = todayInStockholm()): Promise<ReminderRun> {
  const transport = mailer();
  if (!transport) return { mails: 0 };
  const batches = batchReminders(await findDueReminders(today));
  let mails = 0;
  const failures: NoticeSendError[] = [];
  for (const batch of batches) {
    try {
      const sent = await sendReminderBatch(batch, today, (mail) => deliverWith(transport, mail));
      mails += sent.length;
    } catch (error) {
      if (!(error instanceof ReminderMailError)) throw error; // the database: pg-boss retries the run
      failures.push(error);
      // A refused message leaves the other batches to try. Anything else (no connection, a
      // timeout, authentication) would fail them all, each holding its transaction for as long as
      // the mailer waits, so the run stops here and is retried later.
      if (!error.perMessage) break;
    }
  }
  if (failures.length) throw new ReminderSendError(failures.length, failures[0]!);
  return { mails };
}

export const remindersJob: JobDefinition<{ today?: string }> = {
  name: 'reminders',
  // Every day at 07:00 Europe/Stockholm (startJobs schedules crons in that zone).
  cron: '0 7 * * *',
  // A failed run is retried after about 1, 2, 4 … minutes, eight times (some four hours); what was
  // sent stays claimed, so a retry sends only the rest.
  queue: { retryLimit: 8, retryDelay: 60, retryBackoff: true, expireInSeconds: 1800 },
  async handler(data) {
    await sendReminders(isIsoDate(data?.today) ? data.today : undefined);
  },
};
