/** Starts the BankID simulator on random ports for a test file, with a client pointed at it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startBankIdSimulator, type BankIdSimulator } from '../server/bankid-simulator/index';
import { BankIdClient } from '../app/utils/bankid/client.server';
import { setBankIdClient } from '../app/utils/bankid/service.server';

// Certificates are generated once per machine for the test run (RSA key generation is the slow part).
const CERT_DIR = path.join(os.tmpdir(), 'dsp-test-bankid-sim');

export function useBankIdSimulator() {
  const ref = {} as { sim: BankIdSimulator; client: BankIdClient; control(pathname: string, body?: unknown): Promise<{ status: number; json: unknown }> };
  beforeAll(async () => {
    const sim = await startBankIdSimulator({ dataDir: CERT_DIR, rpPort: 0, controlPort: 0 });
    const client = new BankIdClient({ baseUrl: sim.rpUrl, pfx: fs.readFileSync(sim.pfxPath), passphrase: sim.passphrase, ca: fs.readFileSync(sim.caPath) });
    setBankIdClient(client);
    ref.sim = sim;
    ref.client = client;
    ref.control = async (pathname, body) => {
      const res = await fetch(`${sim.controlUrl}${pathname}`, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : null };
    };
  });
  afterAll(async () => {
    ref.client?.close();
    await ref.sim?.stop();
  });
  return ref;
}
