/**
 * Building a registerutdrag package in the background (issue #7): the ZIP streams into the
 * delivery store (ADR 011), however large, without holding up the samordnare's request. Without a
 * running queue (JOBS_ENABLED=false, tests) it is built at once.
 */
import { buildUtdragPackage, removeExpiredUtdragPackages } from '~/models/utdrag-package.server';
import type { JobDefinition } from './queue.server';

type BuildJob = { caseId: string; packageId: string; staffId: string };

export const utdragBuildJob: JobDefinition<BuildJob> = {
  name: 'utdrag.build',
  // A failed build (disk full, a missing stored file) is retried a few times, then left for the samordnare to see.
  queue: { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 3600 },
  async handler(data) {
    try {
      await buildUtdragPackage(data);
    } catch (error) {
      // Ids and the error only: a package's content never reaches the log. pg-boss retries.
      console.error(`registerutdrag package ${data.packageId} of case ${data.caseId} not built: ${error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error'}`);
      throw error;
    }
  },
};

/** Queues the build, or builds now when no queue runs; true when it was queued. */
export async function queueUtdragBuild(data: BuildJob): Promise<boolean> {
  // Imported here: queue.server.ts imports this module to list its jobs (see notices.server.ts).
  const { enqueue } = await import('./queue.server');
  if (await enqueue(utdragBuildJob.name, data)) return true;
  await buildUtdragPackage(data);
  return false;
}

/** Nightly: packages past their last day leave the delivery store; the case keeps the record. */
export const utdragPurgeJob: JobDefinition<{ today?: string }> = {
  name: 'utdrag-purge',
  cron: '23 3 * * *',
  async handler(data) {
    await removeExpiredUtdragPackages(data.today);
  },
};
