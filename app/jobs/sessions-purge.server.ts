import { purgeEndedSessions } from '~/models/session.server';
import type { JobDefinition } from './queue.server';

/** Nightly: session rows that ended more than a week ago are deleted (they hold no evidence). */
export const sessionsPurgeJob: JobDefinition<{ keepDays?: number }> = {
  name: 'sessions-purge',
  cron: '17 3 * * *',
  async handler(data) {
    await purgeEndedSessions(data.keepDays ?? 7);
  },
};
