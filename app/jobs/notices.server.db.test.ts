import crypto from 'node:crypto';
import fs from 'node:fs';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSamverkanConfig } from '~/domain/samverkan-config';
import { auditLog, residents } from '../../db/schema/index';
import { useSmtpServer, type Received } from '../../tests/smtp';
import { useTestDatabase } from '../../tests/db';
import { getSamverkanOverview, importSamverkanConfig } from '../models/organisation.server';
import { fileSubmission, type NewSubmission } from '../models/submission.server';
import { loadEnv, parseEnv } from '../utils/env.server';
import { createMailer, setMailer } from '../utils/mailer.server';
import { encryptPersonnummer, personnummerLookup } from '../utils/pnr-crypto.server';
import { NoticeSendError, puaNoticeJob, queuePuaNotice, queueResidentNotice, residentNoticeJob } from './notices.server';
import { runningQueue, startJobs } from './queue.server';

const t = useTestDatabase();

const PNR = '198001019804';
const NAME = 'Anna Andersson';
const EMAIL = 'anna.andersson@example.se';

const smtp = useSmtpServer();

beforeAll(async () => {
  const demo = validateSamverkanConfig(JSON.parse(fs.readFileSync('db/seed/demo-samverkan.json', 'utf8')));
  if (!demo.ok) throw new Error('demo samverkan is invalid');
  await importSamverkanConfig(demo.config, { type: 'cli' }, '2026-11-22');
});

afterAll(() => setMailer(undefined));

const useSmtp = () => setMailer(createMailer(smtp.url));

// ---------------------------------------------------------------------------------------------
// Cases made the way residents make them.

async function fileCase(overrides: { answers?: Record<string, unknown>; protectedIdentity?: boolean; puaCodes?: string[] } = {}) {
  const overview = await getSamverkanOverview();
  const sjobacka = overview.kommuner.find((k) => k.code === 'sjobacka')!;
  const [resident] = await t.handle.db
    .insert(residents)
    .values({ pnrCiphertext: encryptPersonnummer(PNR), pnrLookup: personnummerLookup(PNR), name: NAME })
    .onConflictDoUpdate({ target: residents.pnrLookup, set: { name: NAME } })
    .returning();
  const puas = sjobacka.pua.filter((p) => (overrides.puaCodes ?? ['SN']).includes(p.code));
  const input: NewSubmission = {
    draftId: crypto.randomUUID(),
    kommunId: sjobacka.id,
    filedByResidentId: resident!.id,
    channel: 'e_tjanst',
    relation: 'self',
    subject: { personnummer: PNR, name: NAME },
    rights: ['registerutdrag', 'rattelse'],
    puaIds: puas.map((p) => p.id),
    answers: overrides.answers ?? { email: EMAIL, delivery: 'portal' },
    protectedIdentity: overrides.protectedIdentity ?? false,
    receivedAt: new Date('2026-11-20T10:00:00+01:00'),
    actor: { type: 'resident', id: resident!.id },
  };
  const filed = await fileSubmission(input);
  return { filed, case: filed.cases[0]!, puas, kommun: sjobacka };
}

/** Nothing in a resident's notice may say who, what, where or which case. */
function expectNothingPersonal(mail: Received, ctx: Awaited<ReturnType<typeof fileCase>>) {
  const forbidden = [
    NAME,
    'Andersson',
    PNR,
    '19800101',
    '800101',
    ctx.filed.reference,
    ...ctx.filed.cases.map((c) => c.diarienummer),
    ...ctx.puas.map((p) => p.name),
    ctx.kommun.name,
    // case kinds and rights, in Swedish and English
    'registerutdrag', 'förändring', 'forandring', 'dataportabilitet', 'samtycke', 'rättelse', 'radering', 'begränsning', 'invändning',
    'access', 'rectification', 'erasure', 'restriction', 'objection', 'portability', 'consent',
  ];
  for (const where of [mail.subject, mail.text, mail.html]) {
    for (const word of forbidden) expect(where.toLowerCase(), `must not contain "${word}"`).not.toContain(word.toLowerCase());
  }
}

async function noticeAudits(caseId: string) {
  const rows = await t.handle.db.select().from(auditLog);
  return rows.filter((r) => r.action === 'notice.sent' && r.entityId === caseId);
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`${what} did not happen in ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ---------------------------------------------------------------------------------------------

describe('resident notice through the job queue', () => {
  let boss: PgBoss;
  beforeAll(async () => {
    useSmtp();
    boss = await startJobs(t.handle, (err) => {
      throw err;
    }, [residentNoticeJob, puaNoticeJob] as never);
  });
  afterAll(async () => {
    await boss.stop({ graceful: false, wait: true });
  });

  it('mails the address in the answers, saying only that something new is waiting', async () => {
    const ctx = await fileCase();
    await queueResidentNotice(ctx.case.id);
    const mail = await waitFor(() => smtp.received[0], 'the notice');
    expect(mail.to).toEqual([EMAIL]);
    expect(mail.raw).toMatch(new RegExp(`^To: ${EMAIL}`, 'mi'));
    expect(mail.subject).toBe('Nytt i Dataskyddsportalen / New in Dataskyddsportalen');
    const link = `${loadEnv().PUBLIC_URL}/mina-arenden`;
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
    // Swedish first, then English.
    expect(mail.text.indexOf('Det finns något nytt')).toBeGreaterThanOrEqual(0);
    expect(mail.text.indexOf('There is something new')).toBeGreaterThan(mail.text.indexOf('Det finns något nytt'));
    expectNothingPersonal(mail, ctx);
  });

  it('puts only the case id in the job, and audits the send without the address', async () => {
    const ctx = await fileCase();
    await queueResidentNotice(ctx.case.id);
    await waitFor(() => smtp.received[0], 'the notice');
    const audits = await waitFor(async () => ((await noticeAudits(ctx.case.id)).length ? noticeAudits(ctx.case.id) : undefined), 'the audit row');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorType: 'system', entityType: 'case', details: { recipient: 'resident' } });
    expect(JSON.stringify(audits[0])).not.toContain('@');
    const jobs = (await t.handle.raw.executeSql("select data, retry_limit from pgboss.job where name = 'notice-resident'")).rows as { data: unknown; retry_limit: number }[];
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) {
      expect(Object.keys(job.data as object)).toEqual(['caseId']);
      expect(job.retry_limit).toBe(10);
    }
  });

  it('queues nothing when SMTP is not configured', async () => {
    const ctx = await fileCase();
    setMailer(undefined); // back to SMTP_URL, which the tests leave unset
    try {
      await expect(queueResidentNotice(ctx.case.id)).resolves.toBeUndefined();
      await expect(queuePuaNotice(ctx.case.id, 'withdrawn')).resolves.toBeUndefined();
    } finally {
      useSmtp();
    }
    const jobs = (await t.handle.raw.executeSql("select data from pgboss.job where name in ('notice-resident', 'notice-pua')")).rows as { data: { caseId: string } }[];
    expect(jobs.filter((j) => j.data.caseId === ctx.case.id)).toEqual([]);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.received).toEqual([]);
    expect(await noticeAudits(ctx.case.id)).toEqual([]);
  });

  it('tells the PUA’s functional mailbox the diarienummer of a withdrawn case, and nothing else', async () => {
    const ctx = await fileCase();
    await queuePuaNotice(ctx.case.id, 'withdrawn');
    const mail = await waitFor(() => smtp.received[0], 'the PUA notice');
    const sn = ctx.puas.find((p) => p.code === 'SN')!;
    expect(mail.to).toEqual([sn.email]);
    expect(mail.subject).toContain(`Ärende ${ctx.case.diarienummer} har återkallats`);
    expect(mail.text).toContain(`Ärende ${ctx.case.diarienummer} har återkallats av den enskilde i Dataskyddsportalen.`);
    expect(mail.text).toContain(`${loadEnv().PUBLIC_URL}/personal`);
    for (const word of [NAME, 'Andersson', PNR, '19800101', EMAIL, ctx.filed.reference]) {
      expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toContain(word);
    }
  });
});

describe('without a queue in this process (JOBS_ENABLED=false, CLI, tests)', () => {
  beforeAll(() => {
    expect(runningQueue()).toBeUndefined();
    useSmtp();
  });

  it('sends the notice at once, and audits it', async () => {
    const ctx = await fileCase();
    await queueResidentNotice(ctx.case.id);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual([EMAIL]);
    expectNothingPersonal(smtp.received[0]!, ctx);
    expect(await noticeAudits(ctx.case.id)).toHaveLength(1);
  });

  it('never mails a person with skyddade personuppgifter, even with an address in the answers (DOMAIN.md §9)', async () => {
    const ctx = await fileCase({ protectedIdentity: true, answers: { email: EMAIL, protectedIdentity: true } });
    await queueResidentNotice(ctx.case.id);
    // The worker checks again: protection may have been recorded after the notice was queued.
    await residentNoticeJob.handler({ caseId: ctx.case.id });
    expect(smtp.received).toEqual([]);
    expect(await noticeAudits(ctx.case.id)).toEqual([]);
  });

  it('sends nothing when the request has no e-mail address', async () => {
    const ctx = await fileCase({ answers: { phone: '070-123 45 67' } });
    await queueResidentNotice(ctx.case.id);
    expect(smtp.received).toEqual([]);
    expect(await noticeAudits(ctx.case.id)).toEqual([]);
  });

  it('does nothing and does not throw when SMTP is not configured', async () => {
    const ctx = await fileCase();
    setMailer(undefined);
    try {
      await expect(queueResidentNotice(ctx.case.id)).resolves.toBeUndefined();
      await expect(residentNoticeJob.handler({ caseId: ctx.case.id })).resolves.toBeUndefined();
    } finally {
      useSmtp();
    }
    expect(smtp.received).toEqual([]);
    expect(await noticeAudits(ctx.case.id)).toEqual([]);
  });

  it('does not throw for an unknown or malformed case id', async () => {
    await expect(queueResidentNotice(crypto.randomUUID())).resolves.toBeUndefined();
    await expect(queueResidentNotice("x'; drop table cases; --")).resolves.toBeUndefined();
    await expect(queuePuaNotice(crypto.randomUUID(), 'message')).resolves.toBeUndefined();
    expect(smtp.received).toEqual([]);
  });

  it('a refused send fails the job (so pg-boss retries) without the address in the error, and writes no audit row', async () => {
    const ctx = await fileCase();
    smtp.reject = 'all';
    const failure = await residentNoticeJob.handler({ caseId: ctx.case.id }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(NoticeSendError);
    expect(String((failure as Error).message)).not.toContain('@');
    expect(JSON.stringify(failure)).not.toContain('@');
    // The caller's side never throws.
    await expect(queueResidentNotice(ctx.case.id)).resolves.toBeUndefined();
    expect(await noticeAudits(ctx.case.id)).toEqual([]);
  });

  it('tells the PUA of a new message by diarienummer', async () => {
    const ctx = await fileCase({ puaCodes: ['BUN'] });
    await queuePuaNotice(ctx.case.id, 'message');
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual([ctx.puas[0]!.email]);
    expect(mail.subject).toBe(`Nytt meddelande i ärende ${ctx.case.diarienummer} / New message in case ${ctx.case.diarienummer}`);
    expect(mail.text).not.toContain(NAME);
    expect(await noticeAudits(ctx.case.id)).toMatchObject([{ details: { recipient: 'pua', event: 'message' } }]);
  });

  it('leaves the diarienummer out of a PUA notice about a protected person’s case', async () => {
    const ctx = await fileCase({ protectedIdentity: true, answers: { protectedIdentity: true } });
    await queuePuaNotice(ctx.case.id, 'withdrawn');
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.subject).toBe('Ett ärende har återkallats / A case has been withdrawn');
    expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toContain(ctx.case.diarienummer);
  });
});

describe('configuration', () => {
  const base = { SESSION_SECRET: 'x'.repeat(40), PERSONNUMMER_ENCRYPTION_KEYS: Buffer.alloc(32, 1).toString('base64'), PERSONNUMMER_LOOKUP_KEY: Buffer.alloc(32, 2).toString('base64') };

  it('defaults: no SMTP (notices off), a local sender, and PUBLIC_URL on the port', () => {
    const env = parseEnv({ ...base, PORT: '8080' });
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.MAIL_FROM).toBe('Dataskyddsportalen <no-reply@localhost>');
    expect(env.PUBLIC_URL).toBe('http://localhost:8080');
  });

  it('drops a trailing slash from PUBLIC_URL and refuses what is not SMTP or HTTP', () => {
    expect(parseEnv({ ...base, PUBLIC_URL: 'https://dataskydd.sjobacka.se/' }).PUBLIC_URL).toBe('https://dataskydd.sjobacka.se');
    expect(() => parseEnv({ ...base, SMTP_URL: 'http://mail.example.se' })).toThrow(/SMTP_URL: must start with smtp:\/\/ or smtps:\/\//);
    expect(() => parseEnv({ ...base, PUBLIC_URL: 'ftp://x.example.se' })).toThrow(/PUBLIC_URL/);
    expect(parseEnv({ ...base, SMTP_URL: 'smtps://user:pass@mail.example.se:465' }).SMTP_URL).toBe('smtps://user:pass@mail.example.se:465');
  });
});
