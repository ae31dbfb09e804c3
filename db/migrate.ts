/**
 * `npm run db:migrate`: the one migrate caller for a PostgreSQL deployment (run it once per
 * release, before starting the portal). The embedded PGlite database migrates itself at start.
 */
import { connectPglite, connectPostgres } from './client';
import { applyMigrations } from './migrations-runner';
import { loadEnv } from '../app/utils/env.server';

const env = loadEnv();
const handle = env.DATABASE_URL ? connectPostgres(env.DATABASE_URL, { max: 1 }) : await connectPglite(env.PGLITE_DIR);
try {
  await applyMigrations(handle);
  console.log(`Migrations applied (${handle.driver}).`);
} finally {
  await handle.close();
}
