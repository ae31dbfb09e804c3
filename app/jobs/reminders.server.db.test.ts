import { eq, inArray } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, caseMessages, caseTasks, cases, pua, remindersSent, roleAssignments, staffUsers, submissions } from '../../db/schema/index';
import { useSmtpServer, type Received } from '../../tests/smtp';
import { useTestDatabase } from '../../tests/db';
import { addResident, demoKommun, fileCase } from '../../tests/cases';
import { verifyAuditChain } from '../models/audit.server';
import { loadEnv } from '../utils/env.server';
import { createMailer, setMailer } from '../utils/mailer.server';
import { JOBS, startJobs, type JobDefinition } from './queue.server';
import { ReminderSendError, remindersJob, sendReminders } from './reminders.server';

const t = useTestDatabase();

const PNR = '198001019804';
const NAME = 'Anna Andersson';
const INSTRUCTIONS = 'Sök i Procapita efter Anna Andersson';
// Monday. Due soon from today: deadlines up to 2026-03-16 (Mon), 5 working days ahead.
const TODAY = '2026-03-09';

const smtp = useSmtpServer();

beforeAll(async () => {
  await demoKommun(t.handle);
  setMailer(createMailer(smtp.url));
});

afterAll(() => setMailer(undefined));

// Each test starts from no open case or task, so what it seeds is all there is to remind of.
beforeEach(async () => {
  await t.handle.db.update(cases).set({ status: 'closed' });
  await t.handle.db.update(caseTasks).set({ status: 'cancelled' });
});

// ---------------------------------------------------------------------------------------------
// Seeding: cases filed as residents file them, then given the deadline, assignee and status the
// test needs.

async function staff(email: string) {
  const [row] = await t.handle.db.select().from(staffUsers).where(eq(staffUsers.email, email));
  return row!;
}

const ERIK = 'erik.holm@sjobacka.example.se'; // handläggare SN, VON
const ANNA = 'anna.lindqvist@sjobacka.example.se'; // gdpr_samordnare SN
const JONAS = 'jonas.berg@sjobacka.example.se'; // gdpr_samordnare SN too (the second pair of eyes)
const JOHAN = 'johan.berglund@sjobacka.example.se'; // gdpr_samordnare BUN, KFN
const LARS = 'lars.forsberg@sjobacka.example.se'; // systemägare SN, VON
const KOMMUN_SAMORDNARE = 'kommun.samordnare@sjobacka.example.se';

async function seedCase(opts: { deadline: string; assignee?: string | null; status?: 'received' | 'registered' | 'in_progress' | 'awaiting_resident' | 'decided'; puaCode?: string }) {
  const resident = await addResident(t.handle, PNR, NAME);
  const [c] = await fileCase(t.handle, resident, PNR, { puaCodes: [opts.puaCode ?? 'SN'] });
  const assigneeStaffId = opts.assignee ? (await staff(opts.assignee)).id : null;
  await t.handle.db.update(cases).set({ deadline: opts.deadline, assigneeStaffId, status: opts.status ?? 'registered' }).where(eq(cases.id, c!.id));
  return c!;
}

async function seedTask(caseId: string, opts: { assignee: string; dueOn: string; status?: 'open' | 'answered' }) {
  const assignee = await staff(opts.assignee);
  const sender = await staff(ANNA);
  const [task] = await t.handle.db
    .insert(caseTasks)
    .values({ caseId, assigneeStaffId: assignee.id, sentByStaffId: sender.id, instructions: INSTRUCTIONS, sentOn: '2026-02-20', dueOn: opts.dueOn, status: opts.status ?? 'open' })
    .returning();
  return task!;
}

const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));

async function reminderAudits() {
  return (await t.handle.db.select().from(auditLog)).filter((r) => r.action === 'reminder.sent');
}

/** Nothing in a reminder may say who, what, where or which case. */
async function expectNothingPersonal(mail: Received) {
  const allCases = await t.handle.db.select({ diarienummer: cases.diarienummer }).from(cases);
  const allSubmissions = await t.handle.db.select({ reference: submissions.reference }).from(submissions);
  const puas = await t.handle.db.select({ name: pua.name }).from(pua);
  const staffNames = (await t.handle.db.select({ name: staffUsers.name }).from(staffUsers)).map((s) => s.name);
  const forbidden = [
    NAME, 'Andersson', PNR, '19800101', '800101-9804', INSTRUCTIONS, 'Procapita',
    ...allCases.map((c) => c.diarienummer), ...allSubmissions.map((s) => s.reference), ...puas.map((p) => p.name), ...staffNames,
    'Sjöbacka', 'Granåsa', 'registerutdrag',
  ];
  for (const where of [mail.subject, mail.text, mail.html]) {
    for (const word of forbidden) expect(where.toLowerCase(), `must not contain "${word}"`).not.toContain(word.toLowerCase());
  }
  // Only the recipient's own address, and only in the envelope and the To header.
  expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toContain('@');
}

// ---------------------------------------------------------------------------------------------

describe('daily reminders', () => {
  let seeded: Record<string, { id: string }> = {};

  beforeAll(async () => {
    const { sjobacka } = await demoKommun(t.handle);
    // A samordnare for the whole kommun, and one of SN with no e-mail address.
    const [kommunWide] = await t.handle.db.insert(staffUsers).values({ pnrCiphertext: 'x', pnrLookup: 'reminders-kommun', name: 'Kerstin Kommunsson', email: KOMMUN_SAMORDNARE }).returning();
    const [noEmail] = await t.handle.db.insert(staffUsers).values({ pnrCiphertext: 'x', pnrLookup: 'reminders-no-email', name: 'Utan Adress', email: null }).returning();
    const sn = sjobacka.pua.find((p) => p.code === 'SN')!;
    await t.handle.db.insert(roleAssignments).values([
      { staffUserId: kommunWide!.id, role: 'gdpr_samordnare', kommunId: sjobacka.id },
      { staffUserId: noEmail!.id, role: 'gdpr_samordnare', puaId: sn.id },
    ]);
  });

  it('sends one mail per staff member with the counts of what is newly due, and nothing personal', async () => {
    seeded = {
      soonA: await seedCase({ deadline: '2026-03-13', assignee: ERIK }), // due soon since 03-06: made up today
      soonB: await seedCase({ deadline: '2026-03-16', assignee: ERIK, status: 'in_progress' }), // due soon from today (Mon + 5)
      today: await seedCase({ deadline: TODAY, assignee: ERIK, status: 'received' }),
      overdue: await seedCase({ deadline: '2026-03-06', assignee: ERIK, status: 'awaiting_resident' }), // clarification: clock runs
      notYet: await seedCase({ deadline: '2026-03-17', assignee: ERIK }), // due soon from tomorrow
      unassignedSn: await seedCase({ deadline: '2026-03-05', assignee: null }), // overdue → SN's samordnare
      unassignedBun: await seedCase({ deadline: TODAY, assignee: null, puaCode: 'BUN' }), // → BUN's samordnare
      decided: await seedCase({ deadline: '2026-03-02', assignee: ERIK, status: 'decided' }),
      paused: await seedCase({ deadline: '2026-03-02', assignee: ERIK, status: 'awaiting_resident' }),
    };
    // An unanswered identity request pauses the clock (Art 12(6)): no deadline, no reminder.
    await t.handle.db.insert(caseMessages).values({ caseId: seeded.paused!.id, direction: 'to_resident', kind: 'identity_request', body: 'Styrk din identitet', authorStaffId: (await staff(ERIK)).id });
    // The clarification request on `overdue` is answered... or not: it does not pause the clock.
    await t.handle.db.insert(caseMessages).values({ caseId: seeded.overdue!.id, direction: 'to_resident', kind: 'clarification_request', body: 'Vilken period?', authorStaffId: (await staff(ERIK)).id });
    seeded.taskToday = await seedTask(seeded.soonA!.id, { assignee: LARS, dueOn: TODAY });
    seeded.taskOverdue = await seedTask(seeded.soonA!.id, { assignee: LARS, dueOn: '2026-03-02' });
    seeded.taskTomorrow = await seedTask(seeded.soonA!.id, { assignee: LARS, dueOn: '2026-03-10' });
    seeded.taskAnswered = await seedTask(seeded.soonA!.id, { assignee: LARS, dueOn: '2026-03-02', status: 'answered' });
    seeded.taskOfDecided = await seedTask(seeded.decided!.id, { assignee: LARS, dueOn: '2026-03-02' });
    seeded.eriksTask = await seedTask(seeded.today!.id, { assignee: ERIK, dueOn: TODAY });

    await remindersJob.handler({ today: TODAY });

    expect(smtp.received.map((m) => m.to).sort()).toEqual([[ANNA], [ERIK], [JOHAN], [JONAS], [KOMMUN_SAMORDNARE], [LARS]]);
    const link = `${loadEnv().PUBLIC_URL}/personal/arenden`;
    const tasksLink = `${loadEnv().PUBLIC_URL}/personal/uppdrag`;

    const erik = mailTo(ERIK)[0]!;
    expect(erik.subject).toBe('Påminnelse från Dataskyddsportalen / Reminder from Dataskyddsportalen');
    for (const line of ['1 ärende är försenat', '1 ärende ska besvaras i dag', '2 ärenden närmar sig svarsdatum', '1 uppdrag ska besvaras i dag']) expect(erik.text).toContain(line);
    for (const line of ['1 case is overdue', '1 case is due today', '2 cases are approaching their deadline', '1 task is due today']) expect(erik.text).toContain(line);
    // Swedish first, then English.
    expect(erik.text.indexOf('2 cases are approaching')).toBeGreaterThan(erik.text.indexOf('2 ärenden närmar sig'));
    expect(erik.text).toContain(link);
    expect(erik.html).toContain(`href="${link}"`);
    expect(erik.html).toContain('<li>2 ärenden närmar sig svarsdatum</li>');

    // Lars is systemägare: his tasks, and the page he can open.
    const lars = mailTo(LARS)[0]!;
    expect(lars.text).toContain('1 uppdrag ska besvaras i dag');
    expect(lars.text).toContain('1 uppdrag är försenat');
    expect(lars.text).toContain('1 task is overdue');
    expect(lars.text).not.toMatch(/\d ärende/);
    expect(lars.text).toContain(tasksLink);
    expect(lars.text).not.toContain(link);

    // The unassigned SN case goes to SN's samordnare and the kommun's; the BUN case to BUN's and the kommun's.
    expect(mailTo(ANNA)[0]!.text).toContain('1 ärende är försenat');
    expect(mailTo(ANNA)[0]!.text).not.toContain('i dag');
    expect(mailTo(JONAS)[0]!.text).toBe(mailTo(ANNA)[0]!.text);
    expect(mailTo(JOHAN)[0]!.text).toContain('1 ärende ska besvaras i dag');
    expect(mailTo(JOHAN)[0]!.text).not.toContain('försenat');
    const kommun = mailTo(KOMMUN_SAMORDNARE)[0]!.text;
    expect(kommun).toContain('1 ärende är försenat');
    expect(kommun).toContain('1 ärende ska besvaras i dag');

    for (const mail of smtp.received) await expectNothingPersonal(mail);

    // One claim per reminder, keyed by its deadline.
    const claims = await t.handle.db.select().from(remindersSent);
    const mine = claims.map((c) => `${c.kind} ${Object.entries(seeded).find(([, s]) => s.id === c.entityId)?.[0]} ${c.occasion}`).sort();
    expect(mine).toEqual([
      'case.due-soon soonA 2026-03-13',
      'case.due-soon soonB 2026-03-16',
      'case.due-today today 2026-03-09',
      'case.due-today unassignedBun 2026-03-09',
      'case.overdue overdue 2026-03-06',
      'case.overdue unassignedSn 2026-03-05',
      'task.due-today eriksTask 2026-03-09',
      'task.due-today taskToday 2026-03-09',
      'task.overdue taskOverdue 2026-03-02',
    ]);

    // One audit row per mail: the staff member and the counts, never the address.
    const audits = await reminderAudits();
    expect(audits).toHaveLength(6);
    const erikId = (await staff(ERIK)).id;
    const erikAudit = audits.find((a) => a.entityId === erikId)!;
    expect(erikAudit).toMatchObject({ actorType: 'system', entityType: 'staff_user', details: { date: TODAY, counts: { 'case.due-soon': 2, 'case.due-today': 1, 'case.overdue': 1, 'task.due-today': 1, 'task.overdue': 0 } } });
    expect(JSON.stringify(audits)).not.toContain('@');
    expect((await verifyAuditChain(t.handle.db)).ok).toBe(true);
  });

  it('is idempotent: a second run the same day, or two at once, sends nothing new', async () => {
    const audits = (await reminderAudits()).length;
    await remindersJob.handler({ today: TODAY });
    await Promise.all([sendReminders(TODAY), sendReminders(TODAY)]);
    expect(smtp.received).toEqual([]);
    expect(await reminderAudits()).toHaveLength(audits);
  });

  it('the next day tells only what became due since (new kinds and new windows)', async () => {
    // Reopen what the first test seeded (beforeEach closed it).
    await t.handle.db.update(cases).set({ status: 'registered' }).where(inArray(cases.id, ['soonA', 'soonB', 'today', 'overdue', 'notYet', 'unassignedSn', 'unassignedBun'].map((k) => seeded[k]!.id)));
    await t.handle.db.update(caseTasks).set({ status: 'open' }).where(inArray(caseTasks.id, ['taskToday', 'taskOverdue', 'taskTomorrow', 'eriksTask'].map((k) => seeded[k]!.id)));
    await remindersJob.handler({ today: '2026-03-10' });
    // Erik: `notYet` enters its window, `today` and his task are now overdue.
    const erik = mailTo(ERIK);
    expect(erik).toHaveLength(1);
    expect(erik[0]!.text).toContain('1 ärende närmar sig svarsdatum');
    expect(erik[0]!.text).toContain('1 ärende är försenat');
    expect(erik[0]!.text).toContain('1 uppdrag är försenat');
    expect(erik[0]!.text).not.toContain('i dag');
    // Lars: yesterday's task is overdue, tomorrow's is due today; the old overdue one was told.
    const lars = mailTo(LARS)[0]!.text;
    expect(lars).toContain('1 uppdrag är försenat');
    expect(lars).toContain('1 uppdrag ska besvaras i dag');
    // The BUN case became overdue; the SN case was overdue already and is not told again.
    expect(mailTo(JOHAN)[0]!.text).toContain('1 ärende är försenat');
    expect(mailTo(KOMMUN_SAMORDNARE)[0]!.text).toContain('1 ärende är försenat');
    expect(mailTo(ANNA)).toEqual([]);
    expect(mailTo(JONAS)).toEqual([]);
  });

  it('runs at the same time (two workers, a retry overlapping the schedule) send each reminder once', async () => {
    const c = await seedCase({ deadline: TODAY, assignee: ERIK });
    await seedCase({ deadline: '2026-03-03', assignee: null });
    await seedTask(c.id, { assignee: LARS, dueOn: '2026-03-06' });
    const runs = await Promise.all([sendReminders(TODAY), sendReminders(TODAY), sendReminders(TODAY)]);
    expect(runs.reduce((n, r) => n + r.mails, 0)).toBe(5);
    expect(smtp.received.map((m) => m.to).sort()).toEqual([[ANNA], [ERIK], [JONAS], [KOMMUN_SAMORDNARE], [LARS]]);
    expect((await verifyAuditChain(t.handle.db)).ok).toBe(true);
  });

  it('a moved deadline (extension) gives new reminders', async () => {
    const c = await seedCase({ deadline: '2026-03-04', assignee: ERIK });
    await sendReminders(TODAY);
    expect(mailTo(ERIK)[0]!.text).toContain('1 ärende är försenat');
    smtp.received.length = 0;
    await sendReminders(TODAY);
    expect(smtp.received).toEqual([]);
    // Extended (Art 12(3)): a new deadline is a new occasion.
    await t.handle.db.update(cases).set({ deadline: '2026-03-16', extendedOn: '2026-03-03' }).where(eq(cases.id, c.id));
    await sendReminders(TODAY);
    expect(mailTo(ERIK)).toHaveLength(1);
    expect(mailTo(ERIK)[0]!.text).toContain('1 ärende närmar sig svarsdatum');
    expect((await t.handle.db.select().from(remindersSent).where(eq(remindersSent.entityId, c.id))).map((r) => `${r.kind} ${r.occasion}`).sort()).toEqual(['case.due-soon 2026-03-16', 'case.overdue 2026-03-04']);
  });

  it('a failed send claims nothing, audits nothing, and the retry sends', async () => {
    const c = await seedCase({ deadline: TODAY, assignee: ERIK });
    const audits = (await reminderAudits()).length;
    smtp.reject = 'all';
    const failure = await remindersJob.handler({ today: TODAY }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(ReminderSendError);
    // SMTP codes only: the server's reply quoted the address.
    expect((failure as Error).message).not.toContain('@');
    expect((failure as Error).message).toMatch(/SMTP send failed/);
    expect(await t.handle.db.select().from(remindersSent).where(eq(remindersSent.entityId, c.id))).toEqual([]);
    expect(await reminderAudits()).toHaveLength(audits);
    expect(smtp.received).toEqual([]);

    smtp.reject = new Set();
    await remindersJob.handler({ today: TODAY });
    expect(mailTo(ERIK)).toHaveLength(1);
    expect(mailTo(ERIK)[0]!.text).toContain('1 ärende ska besvaras i dag');
    expect(await reminderAudits()).toHaveLength(audits + 1);
  });

  it('one refused address does not hold back the others, and is sent on the retry', async () => {
    const c = await seedCase({ deadline: TODAY, assignee: ERIK });
    const task = await seedTask(c.id, { assignee: LARS, dueOn: TODAY });
    smtp.reject = new Set([LARS]);
    await expect(sendReminders(TODAY)).rejects.toBeInstanceOf(ReminderSendError);
    expect(mailTo(ERIK)).toHaveLength(1);
    expect(await t.handle.db.select().from(remindersSent).where(eq(remindersSent.entityId, c.id))).toHaveLength(1);
    expect(await t.handle.db.select().from(remindersSent).where(eq(remindersSent.entityId, task.id))).toEqual([]);

    smtp.reject = new Set();
    smtp.received.length = 0;
    await sendReminders(TODAY);
    expect(smtp.received.map((m) => m.to)).toEqual([[LARS]]);
  });

  it('skips staff without an e-mail address, and does not claim what no one can be told', async () => {
    const noEmail = (await t.handle.db.select().from(staffUsers).where(eq(staffUsers.pnrLookup, 'reminders-no-email')))[0]!;
    const c = await seedCase({ deadline: TODAY, assignee: null });
    await t.handle.db.update(cases).set({ assigneeStaffId: noEmail.id }).where(eq(cases.id, c.id));
    await sendReminders(TODAY);
    expect(smtp.received).toEqual([]);
    expect(await t.handle.db.select().from(remindersSent).where(eq(remindersSent.entityId, c.id))).toEqual([]);
    // Once the case is assigned to someone with an address, the reminder goes out.
    await t.handle.db.update(cases).set({ assigneeStaffId: (await staff(ERIK)).id }).where(eq(cases.id, c.id));
    await sendReminders(TODAY);
    expect(mailTo(ERIK)).toHaveLength(1);
  });

  it('does nothing, and claims nothing, when SMTP is not configured', async () => {
    const c = await seedCase({ deadline: TODAY, assignee: ERIK });
    setMailer(null);
    try {
      await expect(remindersJob.handler({ today: TODAY })).resolves.toBeUndefined();
    } finally {
      setMailer(createMailer(smtp.url));
    }
    expect(await t.handle.db.select().from(remindersSent).where(eq(remindersSent.entityId, c.id))).toEqual([]);
    await sendReminders(TODAY);
    expect(mailTo(ERIK)).toHaveLength(1);
  });
});

describe('the reminders job on the queue', () => {
  let boss: PgBoss;
  beforeAll(async () => {
    boss = await startJobs(t.handle, (err) => {
      throw err;
    }, [remindersJob as JobDefinition]);
  });
  afterAll(async () => {
    await boss.stop({ graceful: false, wait: true });
  });

  it('is in JOBS and scheduled every day at 07:00 Europe/Stockholm, with retries', async () => {
    expect(JOBS).toContain(remindersJob);
    const schedules = (await t.handle.raw.executeSql("select cron, timezone from pgboss.schedule where name = 'reminders'")).rows;
    expect(schedules).toEqual([{ cron: '0 7 * * *', timezone: 'Europe/Stockholm' }]);
    const queues = (await t.handle.raw.executeSql("select retry_limit from pgboss.queue where name = 'reminders'")).rows as { retry_limit: number }[];
    expect(queues[0]!.retry_limit).toBe(8);
  });

  it('runs from the queue, with no personal data in the job', async () => {
    await seedCase({ deadline: TODAY, assignee: ERIK });
    await boss.send('reminders', { today: TODAY });
    const until = Date.now() + 20_000;
    while (!smtp.received.length && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(mailTo(ERIK)).toHaveLength(1);
    const jobs = (await t.handle.raw.executeSql("select data from pgboss.job where name = 'reminders'")).rows as { data: unknown }[];
    for (const job of jobs) expect(Object.keys(job.data as object)).toEqual(['today']);
  });
});
