/**
 * Database connection for both supported drivers (ADR 002):
 * - postgres-js when DATABASE_URL is set (a real PostgreSQL server);
 * - PGlite (Postgres compiled to WASM) persisted in a directory otherwise, so the portal runs
 *   with no database server at all.
 * Both are typed as the shared pg-core `Database`, so models never know which one they talk to.
 */
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { acquirePgliteLock } from './pglite-lock';
import * as schema from './schema/index';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** The minimal SQL surface pg-boss needs; both drivers provide it (see app/jobs/queue.server.ts). */
export type RawSql = {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
};

export type DatabaseHandle = {
  driver: 'pglite' | 'postgres';
  db: Database;
  raw: RawSql;
  /** Connection string for engines that open their own pool (postgres only). */
  connectionString?: string;
  close(): Promise<void>;
};

export function connectPostgres(url: string, options: { max?: number } = {}): DatabaseHandle {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema, casing: 'snake_case' }) as unknown as Database;
  return {
    driver: 'postgres',
    db,
    connectionString: url,
    raw: {
      async executeSql(text, values) {
        const rows = await client.unsafe(text, (values ?? []) as never[]);
        return { rows: [...rows] };
      },
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/** `dataDir` undefined = in-memory (tests). */
export async function connectPglite(dataDir?: string): Promise<DatabaseHandle> {
  const release = dataDir ? acquirePgliteLock(dataDir) : () => {};
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Database;
  return {
    driver: 'pglite',
    db,
    raw: {
      async executeSql(text, values) {
        // PGlite's extended protocol takes one statement; parameterless scripts go through exec.
        if (!values || values.length === 0) {
          const results = await client.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        }
        const result = await client.query(text, values);
        return { rows: result.rows };
      },
    },
    async close() {
      await client.close();
      release();
    },
  };
}
