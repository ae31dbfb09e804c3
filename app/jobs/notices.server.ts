/**
 * E-mail notices (issue #4, ADR 008). A notice says that something new is waiting in the portal,
 * never what (DOMAIN.md §7): a resident's mail carries no name, case kind, diarienummer or PUA,
 * and a person with skyddade personuppgifter gets none at all (§9). The PUA's functional mailbox
 * is told the diarienummer and nothing more.
 *
 * Call `queueResidentNotice` / `queuePuaNotice` after the transaction that made the change has
 * committed. They never throw: a notice is a courtesy, and the change it tells of stands without
 * it. The job carries the case id only; the worker looks the address up when it sends, so no
 * address sits in pgboss.job, and someone who became protected in between gets nothing.
 */
import { withAudit, type Actor } from '../models/audit.server';
import { puaMailbox, residentAddress } from '../models/notice-recipients.server';
import { db, type Database } from '../utils/db.server';
import { loadEnv } from '../utils/env.server';
import { bilingualMail, type RenderedMail } from '../utils/bilingual-mail.server';
import { mailer } from '../utils/mailer.server';
import type { JobDefinition } from './queue.server';

export type PuaNoticeEvent = 'withdrawn' | 'message' | 'appeal';

const ACTOR: Actor = { type: 'system', id: 'notices' };

// A failed send is retried after about 30 s, 1, 2, 4 … minutes: ten tries over roughly four to
// eight hours, which outlasts a mail server's restart or a night's maintenance window.
const RETRY = { retryLimit: 10, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 };

// ---------------------------------------------------------------------------------------------
// The letters: every notice is in Swedish first, then English. The request records the language
// the person filed in (decision letters use it), but a notice says only that something is
// waiting, and one bilingual text also reaches a representative or a staff mailbox.

export type RenderedNotice = RenderedMail;

/** Says only that something is waiting; the same words whatever happened (DOMAIN.md §7). */
export function residentNotice(): Promise<RenderedNotice> {
  const url = `${loadEnv().PUBLIC_URL}/mina-arenden`;
  return bilingualMail((t) => ({ subject: t('resident.subject'), blocks: [t('resident.greeting'), t('resident.body'), { label: t('resident.link'), url }, t('resident.why')] }));
}

export function puaNotice(event: PuaNoticeEvent, diarienummer: string | null): Promise<RenderedNotice> {
  const url = `${loadEnv().PUBLIC_URL}/personal`;
  return bilingualMail((t) =>
    diarienummer
      ? { subject: t(`pua.${event}.subject`, { diarienummer }), blocks: [t(`pua.${event}.body`, { diarienummer }), { label: t('pua.link'), url }] }
      : { subject: t(`pua.${event}.subjectNoNumber`), blocks: [t(`pua.${event}.bodyNoNumber`), { label: t('pua.link'), url }] },
  );
}

// ---------------------------------------------------------------------------------------------
// Sending.

/**
 * nodemailer's message can quote the mail server's reply, which may name the recipient. Only
 * the codes are passed on, so no address reaches pg-boss's record of the failure or the log.
 */
export class NoticeSendError extends Error {
  constructor(error: unknown) {
    const e = (error ?? {}) as { code?: unknown; responseCode?: unknown; command?: unknown };
    const codes = [e.code, e.responseCode, e.command].filter((v) => typeof v === 'string' || typeof v === 'number');
    super(`SMTP send failed${codes.length ? ` (${codes.join(' ')})` : ''}`);
    this.name = 'NoticeSendError';
  }
}

async function send(to: string, notice: RenderedNotice): Promise<boolean> {
  const transport = mailer();
  if (!transport) {
    // Queued while SMTP was configured, sent by a process where it is not: nothing to retry.
    console.warn('e-mail notice dropped: SMTP_URL is not set in the process that works the queue');
    return false;
  }
  try {
    await transport.sendMail({ to, subject: notice.subject, text: notice.text, html: notice.html, headers: { 'Auto-Submitted': 'auto-generated' } });
    return true;
  } catch (error) {
    throw new NoticeSendError(error);
  }
}

// Send first, then audit. The other order would need the transaction (and the audit chain's head
// lock) held across the SMTP conversation. If the audit write fails the job is retried and the
// person may get the same notice twice, which is harmless: it says nothing.
async function deliverResidentNotice(caseId: string, database: Database): Promise<void> {
  const to = await residentAddress(caseId, database);
  if (!to || !(await send(to, await residentNotice()))) return;
  await withAudit(database, { actor: ACTOR, action: 'notice.sent', entityType: 'case', entityId: caseId, details: { recipient: 'resident' } }, async () => undefined);
}

async function deliverPuaNotice(caseId: string, event: PuaNoticeEvent, database: Database): Promise<void> {
  const mailbox = await puaMailbox(caseId, database);
  if (!mailbox || !(await send(mailbox.to, await puaNotice(event, mailbox.diarienummer)))) return;
  await withAudit(database, { actor: ACTOR, action: 'notice.sent', entityType: 'case', entityId: caseId, details: { recipient: 'pua', event } }, async () => undefined);
}

export const residentNoticeJob: JobDefinition<{ caseId: string }> = {
  name: 'notice-resident',
  queue: RETRY,
  handler: (data) => deliverResidentNotice(data.caseId, db()),
};

export const puaNoticeJob: JobDefinition<{ caseId: string; event: PuaNoticeEvent }> = {
  name: 'notice-pua',
  queue: RETRY,
  handler: (data) => deliverPuaNotice(data.caseId, data.event === 'message' ? 'message' : 'withdrawn', db()),
};

/**
 * Onto the queue when this process runs one that works notices. Otherwise (JOBS_ENABLED=false,
 * the admin CLI, a test that started no queue) the notice is sent at once, awaited, without the
 * queue's retries: for a resident it may be the only sign that an answer is waiting, so a slower
 * request (bounded by the mailer's timeouts) is better than a notice silently dropped.
 */
async function dispatch(name: string, data: object, sendNow: () => Promise<void>): Promise<void> {
  // Imported here, not at the top: queue.server.ts imports this module to list its jobs, and a
  // static import back would let whichever module loads first see the other half-initialised.
  const { enqueue } = await import('./queue.server');
  if (!(await enqueue(name, data))) await sendNow();
}

function warn(what: string, caseId: string, error: unknown) {
  // Case id and error codes only: the log never carries an address or a name.
  const reason = error instanceof NoticeSendError ? error.message : error instanceof Error ? error.name : 'unknown error';
  console.warn(`e-mail notice (${what}) not sent for case ${caseId}: ${reason}`);
}

/**
 * Tells the person who filed the case's request that something new is waiting in Mina ärenden.
 * Does nothing when SMTP is not configured, the request has no e-mail address, or the person has
 * skyddade personuppgifter. Never throws.
 */
export async function queueResidentNotice(caseId: string, database?: Database): Promise<void> {
  try {
    if (!mailer()) return;
    const conn = database ?? db();
    if (!(await residentAddress(caseId, conn))) return;
    await dispatch(residentNoticeJob.name, { caseId }, () => deliverResidentNotice(caseId, conn));
  } catch (error) {
    warn('resident', caseId, error);
  }
}

/**
 * Tells the case's PUA, at its functional mailbox, that the person withdrew the request or sent
 * a message. Does nothing when SMTP is not configured. Never throws.
 */
export async function queuePuaNotice(caseId: string, event: PuaNoticeEvent, database?: Database): Promise<void> {
  try {
    if (!mailer()) return;
    const conn = database ?? db();
    if (!(await puaMailbox(caseId, conn))) return;
    await dispatch(puaNoticeJob.name, { caseId, event }, () => deliverPuaNotice(caseId, event, conn));
  } catch (error) {
    warn('pua', caseId, error);
  }
}
