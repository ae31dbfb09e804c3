/**
 * Where the one BankID client points, by BANKID_MODE:
 * - simulator: the local simulator started by the server (certificates generated into DATA_DIR);
 * - test: BankID's public test service with its public test RP certificate (server/bankid-certs);
 * - production: BankID, with the kommun's own certificate (required at start-up, env.server.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Env } from '../env.server';
import type { BankIdClientConfig } from './client.server';

const CERTS = path.resolve(process.cwd(), 'server/bankid-certs');

export const BANKID_URLS = {
  test: 'https://appapi2.test.bankid.com/rp/v6.0/',
  production: 'https://appapi2.bankid.com/rp/v6.0/',
} as const;

/** Test and production certificate policies (BANKID.md `certificatePolicies`). */
export const MOBILE_BANKID_POLICY = { test: '1.2.3.4.25', production: '1.2.752.78.1.5' } as const;

export function simulatorPaths(dataDir: string) {
  const dir = path.join(dataDir, 'bankid-sim');
  return { dir, pfx: path.join(dir, 'rp-client.p12'), ca: path.join(dir, 'ca.pem'), passphrase: 'qwerty123' };
}

function read(file: string, variable: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new Error(`${variable}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export function bankIdClientConfig(env: Env): BankIdClientConfig {
  if (env.BANKID_MODE === 'simulator') {
    const sim = simulatorPaths(env.DATA_DIR);
    return {
      baseUrl: env.BANKID_URL ?? `https://localhost:${env.BANKID_SIM_RP_PORT}/rp/v6.0/`,
      pfx: read(env.BANKID_PFX ?? sim.pfx, 'BANKID_PFX'),
      passphrase: env.BANKID_PASSPHRASE ?? sim.passphrase,
      ca: read(env.BANKID_CA ?? sim.ca, 'BANKID_CA'),
    };
  }
  const mode = env.BANKID_MODE;
  return {
    baseUrl: env.BANKID_URL ?? BANKID_URLS[mode],
    pfx: read(env.BANKID_PFX ?? path.join(CERTS, 'FPTestcert5_20240610.p12'), 'BANKID_PFX'),
    passphrase: env.BANKID_PASSPHRASE ?? 'qwerty123',
    ca: read(env.BANKID_CA ?? path.join(CERTS, mode === 'test' ? 'test-ca.pem' : 'prod-ca.pem'), 'BANKID_CA'),
  };
}
