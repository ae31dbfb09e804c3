/**
 * The SMTP transport for e-mail notices (ADR 008), created on first use from SMTP_URL. With no
 * SMTP_URL there is no mailer and no notice is sent. One per process (singleton.server.ts), so
 * the job worker and the Remix bundle share it, and a test can put its own in place.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { loadEnv } from './env.server';
import { getSingleton, setSingleton } from './singleton.server';

export type Mailer = Transporter;

const NAME = 'mailer';

/**
 * A transport for `url` (smtp:// with STARTTLS when the server offers it, or smtps://). The
 * timeouts are short because a notice is retried by the job queue: a hanging mail server must
 * not hold a worker (or, without a queue, a request) for nodemailer's default two minutes.
 */
export function createMailer(url: string): Mailer {
  return nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }, { from: loadEnv().MAIL_FROM });
}

/** The process's mailer, or null when SMTP is not configured (then notices are off). */
export function mailer(): Mailer | null {
  const current = getSingleton<Mailer | null>(NAME);
  if (current !== undefined) return current;
  const url = loadEnv().SMTP_URL;
  const created = url ? createMailer(url) : null;
  setSingleton(NAME, created);
  return created;
}

/**
 * For tests: use this mailer (null = SMTP not configured). `undefined` forgets the override, so
 * the next `mailer()` is created from SMTP_URL again.
 */
export function setMailer(value: Mailer | null | undefined): void {
  const previous = getSingleton<Mailer | null>(NAME);
  if (previous && previous !== value) previous.close();
  setSingleton(NAME, value);
}
