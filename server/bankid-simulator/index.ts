/**
 * Starts the BankID simulator: the RP API on HTTPS with mutual TLS and the control port
 * (JSON API + "BankID-appen (simulator)" page) on plain HTTP. The portal's BankID client points
 * at `rpUrl` with `pfxPath`/`passphrase`/`caPath`, exactly as it would at BankID's test service.
 */
import { sign } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import type { Router } from 'express';
import { DEFAULT_CERT_DIR, ensureSimulatorCerts } from './certs';
import { createControlApp } from './control-server';
import { FaultQueue } from './faults';
import { OrderStore } from './orders';
import { createRpServer, RP_BASE_PATH } from './rp-server';
import { createClock, type SimClock } from './state';

export interface BankIdSimulatorOptions {
  /** Where certificates are generated on first start and reused later. Default ./data/bankid-sim/. */
  dataDir?: string;
  /** RP API port (HTTPS, mTLS). Default 3001; 0 picks a free port. */
  rpPort?: number;
  /** Control port (HTTP). Default 3002; 0 picks a free port. */
  controlPort?: number;
  /** Interface both ports bind to. Default 127.0.0.1: the control port must not be reachable from elsewhere. */
  host?: string;
  /** Base time in ms (default Date.now); the control API's clock offset is added on top. */
  clock?: () => number;
  /** Order lifetime before expiredTransaction. Default 180. */
  lifetimeSeconds?: number;
  /**
   * Routes the host adds to the control port under `/__portal/` (the portal's demo calendar):
   * they share the port's localhost-only, same-origin protection and exist only in simulator mode.
   */
  hostControlRoutes?: Router;
}

export interface BankIdSimulator {
  /** e.g. https://localhost:3001/rp/v6.0/ */
  rpUrl: string;
  caPath: string;
  pfxPath: string;
  passphrase: string;
  /** e.g. http://127.0.0.1:3002 (the app page is at /, the JSON API under /__sim/). */
  controlUrl: string;
  /** The simulator clock, for in-process tests. */
  clock: SimClock;
  stop(): Promise<void>;
}

export async function startBankIdSimulator(options: BankIdSimulatorOptions = {}): Promise<BankIdSimulator> {
  const host = options.host ?? '127.0.0.1';
  const certs = ensureSimulatorCerts(options.dataDir ?? DEFAULT_CERT_DIR);
  const serverKey = fs.readFileSync(certs.serverKeyPath, 'utf8');
  const clock = createClock(options.clock);
  const store = new OrderStore({
    clock,
    lifetimeSeconds: options.lifetimeSeconds,
    signer: (data) => sign('sha256', data, serverKey).toString('base64'),
  });
  const faults = new FaultQueue();

  const rpServer = createRpServer({
    store,
    faults,
    tls: { key: serverKey, cert: fs.readFileSync(certs.serverCertPath), ca: fs.readFileSync(certs.caPath) },
  });
  const controlServer = http.createServer(createControlApp({ store, faults, clock, hostRoutes: options.hostControlRoutes }));

  const rpPort = await listen(rpServer, options.rpPort ?? 3001, host);
  let controlPort: number;
  try {
    controlPort = await listen(controlServer, options.controlPort ?? 3002, host);
  } catch (error) {
    await close(rpServer);
    throw error;
  }

  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    rpUrl: `https://localhost:${rpPort}${RP_BASE_PATH}`,
    caPath: certs.caPath,
    pfxPath: certs.pfxPath,
    passphrase: certs.passphrase,
    controlUrl: `http://${urlHost === '0.0.0.0' ? '127.0.0.1' : urlHost}:${controlPort}`,
    clock,
    stop: async () => {
      await Promise.all([close(rpServer), close(controlServer)]);
    },
  };
}

/** Both node:http and node:https servers; closeAllConnections ends idle keep-alive sockets on stop. */
type ClosableServer = Server & { closeAllConnections(): void };

function listen(server: ClosableServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: ClosableServer): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
