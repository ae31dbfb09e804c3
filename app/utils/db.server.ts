/**
 * The process-wide database handle. The server entry opens it (and migrates the embedded
 * database) before it serves anything; tests install their own per-file database.
 * Only app/models/* may import this module.
 */
import { connectPglite, connectPostgres, type Database, type DatabaseHandle } from '../../db/client';
import { applyMigrations } from '../../db/migrations-runner';
import { loadEnv } from './env.server';
import { getSingleton, setSingleton } from './singleton.server';

export type { Database } from '../../db/client';

const NAME = 'database';

export async function openDatabase(): Promise<DatabaseHandle> {
  const existing = getSingleton<DatabaseHandle>(NAME);
  if (existing) return existing;
  const env = loadEnv();
  const handle = env.DATABASE_URL ? connectPostgres(env.DATABASE_URL) : await connectPglite(env.PGLITE_DIR);
  // The embedded database has exactly one process using it, so that process migrates it. On
  // PostgreSQL `npm run db:migrate` is the one migrate caller per deployment (README).
  if (handle.driver === 'pglite') await applyMigrations(handle);
  setSingleton(NAME, handle);
  return handle;
}

/** For tests: make `db()` return this database in the current worker. */
export function useDatabase(handle: DatabaseHandle | undefined): void {
  setSingleton(NAME, handle);
}

export function databaseHandle(): DatabaseHandle {
  const handle = getSingleton<DatabaseHandle>(NAME);
  if (!handle) throw new Error('Database not opened: call openDatabase() at start-up');
  return handle;
}

export function db(): Database {
  return databaseHandle().db;
}

/**
 * `database.transaction` with the transaction typed as a Database, so that a model's functions
 * that take a `database` work inside it unchanged (drizzle types the two apart; they query alike).
 */
export function transaction<T>(database: Database, fn: (tx: Database) => Promise<T>): Promise<T> {
  return database.transaction((txn) => fn(txn as unknown as Database));
}
