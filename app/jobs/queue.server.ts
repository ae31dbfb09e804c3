/**
 * Background jobs on pg-boss (ADR 006): a Postgres-backed queue, so jobs survive restarts and
 * commit with the data they concern. On PostgreSQL it opens its own small pool; on PGlite it
 * runs its SQL through the one embedded connection (`DatabaseHandle.raw`).
 * Each job type is a module in app/jobs/ exporting a `JobDefinition`.
 */
import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../../db/client';
import { sessionsPurgeJob } from './sessions-purge.server';

export type JobDefinition<T extends object = object> = {
  name: string;
  /** Cron in Europe/Stockholm, for recurring jobs. */
  cron?: string;
  handler(data: T): Promise<void>;
};

export const JOBS: JobDefinition[] = [sessionsPurgeJob as JobDefinition];

export function createBoss(handle: DatabaseHandle): PgBoss {
  const common = { schema: 'pgboss', application_name: 'dataskyddsportalen' };
  return handle.driver === 'postgres'
    ? new PgBoss({ ...common, connectionString: handle.connectionString!, max: 3 })
    : new PgBoss({ ...common, db: handle.raw });
}

export async function startJobs(handle: DatabaseHandle, onError: (err: Error) => void, jobs: JobDefinition[] = JOBS): Promise<PgBoss> {
  const boss = createBoss(handle);
  boss.on('error', onError);
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name);
    await boss.work<object>(job.name, async (batch) => {
      for (const j of batch) await job.handler(j.data);
    });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'Europe/Stockholm' });
  }
  return boss;
}
