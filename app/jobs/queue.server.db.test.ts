import { describe, expect, it } from 'vitest';
import { sessions } from '../../db/schema/index';
import { useTestDatabase } from '../../tests/db';
import { startJobs, type JobDefinition } from './queue.server';
import { sessionsPurgeJob } from './sessions-purge.server';
import { createSession } from '~/models/session.server';
import { residents } from '../../db/schema/index';

const t = useTestDatabase();

describe('job queue (pg-boss on this driver)', () => {
  it('runs a job sent to the queue', async () => {
    const seen: unknown[] = [];
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const echo: JobDefinition<{ n: number }> = {
      name: 'test-echo',
      async handler(data) {
        seen.push(data);
        resolve();
      },
    };
    const boss = await startJobs(t.handle, (err) => {
      throw err;
    }, [echo as JobDefinition]);
    try {
      await boss.send('test-echo', { n: 42 });
      await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error('job did not run in 20 s')), 20_000))]);
      expect(seen).toEqual([{ n: 42 }]);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });

  it('sessions-purge deletes only sessions that ended more than a week ago', async () => {
    const [r] = await t.handle.db.insert(residents).values({ pnrCiphertext: 'x', pnrLookup: 'purge-test', name: 'P' }).returning();
    const policy = { idleMinutes: 30, absoluteHours: 8 };
    const day = 86400_000;
    await createSession({ kind: 'resident', residentId: r!.id }, policy, new Date(Date.now() - 10 * day)); // ended 10 days ago
    await createSession({ kind: 'resident', residentId: r!.id }, policy, new Date()); // live
    await sessionsPurgeJob.handler({});
    const left = await t.handle.db.select().from(sessions);
    expect(left).toHaveLength(1);
    expect(left[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });
});
