/**
 * Background jobs on pg-boss (ADR 006): a Postgres-backed queue, so jobs survive restarts and
 * commit with the data they concern. On PostgreSQL it opens its own small pool; on PGlite it
 * runs its SQL through the one embedded connection (`DatabaseHandle.raw`).
 * Each job type is a module in app/jobs/ exporting a `JobDefinition`.
 */
import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../../db/client';
import { getSingleton, setSingleton } from '../utils/singleton.server';
import { puaNoticeJob, residentNoticeJob } from './notices.server';
import { remindersJob } from './reminders.server';
import { sessionsPurgeJob } from './sessions-purge.server';
import { utdragBuildJob, utdragPurgeJob } from './utdrag.server';

export type JobDefinition<T extends object = object> = {
  name: string;
  /** Cron in Europe/Stockholm, for recurring jobs. */
  cron?: string;
  /** Retry and expiry of the job type's queue, e.g. `{ retryLimit: 10, retryBackoff: true }`. */
  queue?: Omit<PgBoss.Queue, 'name'>;
  handler(data: T): Promise<void>;
};

export const JOBS: JobDefinition[] = [sessionsPurgeJob as JobDefinition, residentNoticeJob as JobDefinition, puaNoticeJob as JobDefinition, remindersJob as JobDefinition, utdragBuildJob as JobDefinition, utdragPurgeJob as JobDefinition];

export function createBoss(handle: DatabaseHandle): PgBoss {
  const common = { schema: 'pgboss', application_name: 'dataskyddsportalen' };
  return handle.driver === 'postgres'
    ? new PgBoss({ ...common, connectionString: handle.connectionString!, max: 3 })
    : new PgBoss({ ...common, db: handle.raw });
}

type RunningQueue = { boss: PgBoss; works: ReadonlySet<string> };
const RUNNING = 'jobs.queue';

/**
 * The queue startJobs started in this process, or undefined (JOBS_ENABLED=false, the admin CLI,
 * a test that started none, or after stop). Kept in singleton.server.ts because code in the
 * Remix bundle (models, after their transaction) sends to the queue that the server entry started.
 */
export function runningQueue(): RunningQueue | undefined {
  return getSingleton<RunningQueue>(RUNNING);
}

/**
 * Puts one job on the queue if this process runs a queue that works `name`, and says whether it
 * did. The caller decides what to do otherwise (see app/jobs/notices.server.ts).
 */
export async function enqueue(name: string, data: object): Promise<boolean> {
  const running = runningQueue();
  if (!running?.works.has(name)) return false;
  await running.boss.send(name, data);
  return true;
}

export async function startJobs(handle: DatabaseHandle, onError: (err: Error) => void, jobs: JobDefinition[] = JOBS): Promise<PgBoss> {
  const boss = createBoss(handle);
  boss.on('error', onError);
  await boss.start();
  for (const job of jobs) {
    // pg-boss's argument checks fill in the object they are given: each call gets its own copy.
    await boss.createQueue(job.name, { ...job.queue, name: job.name });
    // createQueue leaves an existing queue as it is; this carries changed retry settings over.
    if (job.queue) await boss.updateQueue(job.name, { ...job.queue, name: job.name });
    await boss.work<object>(job.name, async (batch) => {
      for (const j of batch) await job.handler(j.data);
    });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'Europe/Stockholm' });
  }
  const running: RunningQueue = { boss, works: new Set(jobs.map((j) => j.name)) };
  setSingleton(RUNNING, running);
  boss.once('stopped', () => {
    if (runningQueue() === running) setSingleton(RUNNING, undefined);
  });
  return boss;
}
