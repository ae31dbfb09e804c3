/**
 * Fixtures for tests of case features: the demo samverkan, a resident, a filed case, and a
 * throwaway encrypted file store. Use inside a file that called `useTestDatabase()`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { validateSamverkanConfig } from '../app/domain/samverkan-config';
import { getSamverkanOverview, importSamverkanConfig } from '../app/models/organisation.server';
import { fileSubmission, type NewSubmission } from '../app/models/submission.server';
import { createDeliveryStore, useDeliveryStore } from '../app/utils/delivery-store.server';
import { createFileStore, useFileStore } from '../app/utils/file-store.server';
import { encryptPersonnummer, personnummerLookup } from '../app/utils/pnr-crypto.server';
import { residents, staffUsers } from '../db/schema/index';
import type { DatabaseHandle } from '../db/client';

export function useTestFileStore() {
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsp-files-'));
    useFileStore(createFileStore({ dir, keys: [crypto.randomBytes(32)] }));
  });
  afterAll(() => {
    useFileStore(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

/** A delivery store of its own (ADR 011) in a temporary directory, for tests that build packages. */
export function useTestDeliveryStore() {
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsp-delivery-'));
    useDeliveryStore(createDeliveryStore({ dir, keys: [crypto.randomBytes(32)] }));
  });
  afterAll(() => {
    useDeliveryStore(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

export async function addResident(handle: DatabaseHandle, personnummer: string, name: string) {
  const [row] = await handle.db
    .insert(residents)
    .values({ pnrCiphertext: encryptPersonnummer(personnummer), pnrLookup: personnummerLookup(personnummer), name })
    .onConflictDoUpdate({ target: residents.pnrLookup, set: { name } })
    .returning();
  return row!;
}

/** Imports the demo configuration once per database; returns Sjöbacka and one of its staff. */
export async function demoKommun(handle: DatabaseHandle) {
  const overview0 = await getSamverkanOverview();
  if (!overview0.kommuner.length) {
    const demo = validateSamverkanConfig(JSON.parse(fs.readFileSync('db/seed/demo-samverkan.json', 'utf8')));
    if (!demo.ok) throw new Error('demo configuration is invalid');
    await importSamverkanConfig(demo.config, { type: 'cli' }, '2026-11-22');
  }
  const overview = await getSamverkanOverview();
  const sjobacka = overview.kommuner.find((k) => k.code === 'sjobacka')!;
  const [staff] = await handle.db.select().from(staffUsers).limit(1);
  return { sjobacka, staff: staff! };
}

/** Files a request of the resident (for themself) to the PUAs with these codes; returns the cases. */
export async function fileCase(
  handle: DatabaseHandle,
  resident: { id: string; name: string },
  personnummer: string,
  overrides: Partial<NewSubmission> & { puaCodes?: string[] } = {},
) {
  const { sjobacka } = await demoKommun(handle);
  const { puaCodes = ['SN'], ...rest } = overrides;
  const filed = await fileSubmission({
    draftId: crypto.randomUUID(),
    kommunId: sjobacka.id,
    filedByResidentId: resident.id,
    channel: 'e_tjanst',
    relation: 'self',
    subject: { personnummer, name: resident.name },
    rights: ['registerutdrag'],
    puaIds: sjobacka.pua.filter((p) => puaCodes.includes(p.code)).map((p) => p.id),
    answers: {},
    protectedIdentity: false,
    receivedAt: new Date(),
    actor: { type: 'resident', id: resident.id },
    ...rest,
  });
  return filed.cases;
}

