/**
 * Test helpers: start a simulator on random ports in a temporary directory and talk to it the
 * way the portal does, over real mutual TLS with the generated PKCS#12 client certificate.
 */
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { startBankIdSimulator, type BankIdSimulator, type BankIdSimulatorOptions } from './index';

export interface TestSimulator extends BankIdSimulator {
  dataDir: string;
}

export async function startTestSimulator(options: BankIdSimulatorOptions = {}): Promise<TestSimulator> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bankid-sim-'));
  const sim = await startBankIdSimulator({ dataDir, rpPort: 0, controlPort: 0, ...options });
  return {
    ...sim,
    dataDir,
    stop: async () => {
      await sim.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RpCallOptions {
  method?: string;
  contentType?: string | null;
  /** Leave out the client certificate (mTLS must then fail). */
  withoutClientCert?: boolean;
  rawBody?: string;
}

export interface RpResponse {
  status: number;
  body: Record<string, unknown>;
}

export function rpCall(sim: BankIdSimulator, endpoint: string, body: unknown = {}, options: RpCallOptions = {}): Promise<RpResponse> {
  const url = new URL(endpoint, sim.rpUrl);
  const payload = options.rawBody ?? JSON.stringify(body);
  const headers: Record<string, string | number> = { 'Content-Length': Buffer.byteLength(payload) };
  const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
  if (contentType !== null) headers['Content-Type'] = contentType;
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: options.method ?? 'POST',
        headers,
        ca: fs.readFileSync(sim.caPath),
        ...(options.withoutClientCert ? {} : { pfx: fs.readFileSync(sim.pfxPath), passphrase: sim.passphrase }),
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} });
        });
      },
    );
    req.on('error', reject);
    req.end(options.method === 'GET' ? undefined : payload);
  });
}

export async function control(sim: BankIdSimulator, method: 'GET' | 'POST', route: string, body?: unknown) {
  const res = await fetch(`${sim.controlUrl}${route}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & Array<Record<string, unknown>> };
}

export const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
