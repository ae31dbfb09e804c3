/**
 * A fresh, migrated database for one test file, on the driver the vitest project names:
 * in-memory PGlite, or a throwaway PostgreSQL database created from TEST_DATABASE_URL.
 * It is installed as the process database so models under test use it.
 */
import crypto from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import { connectPglite, connectPostgres, type DatabaseHandle } from '../db/client';
import { applyMigrations } from '../db/migrations-runner';
import { useDatabase } from '../app/utils/db.server';

export async function createTestDatabase(): Promise<DatabaseHandle & { dropAll(): Promise<void> }> {
  if (process.env.TEST_DB_DRIVER !== 'postgres') {
    const handle = await connectPglite();
    await applyMigrations(handle);
    return { ...handle, dropAll: handle.close };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is required for the postgres project');
  const name = `dsp_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = connectPostgres(url.toString(), { max: 5 });
  await applyMigrations(handle);
  return {
    ...handle,
    async dropAll() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Registers beforeAll/afterAll hooks; read `.handle` inside tests. */
export function useTestDatabase() {
  const ref = {} as { handle: DatabaseHandle };
  let dropAll: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const created = await createTestDatabase();
    ref.handle = created;
    dropAll = created.dropAll;
    useDatabase(created);
  });
  afterAll(async () => {
    useDatabase(undefined);
    await dropAll();
  });
  return ref;
}
