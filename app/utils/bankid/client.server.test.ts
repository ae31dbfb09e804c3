/** The one client against the simulator over real mutual TLS (issue #3 "Done when"). */
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureSimulatorCerts, SIMULATOR_PASSPHRASE } from '../../../server/bankid-simulator/certs';
import { useBankIdSimulator } from '../../../tests/bankid-sim';
import { BankIdClient } from './client.server';
import { rfaFor } from './messages';
import { qrContent } from './qr';
import { BankIdError, type CollectResponse } from './types';

const t = useBankIdSimulator();
const ANNA = '198001019804';
const REVOKED = '195706289849';
const auth = () => t.client.auth({ endUserIp: '127.0.0.1', returnRisk: true, userVisibleData: Buffer.from('Logga in').toString('base64') });

async function errorOf(p: Promise<unknown>): Promise<BankIdError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BankIdError) return e;
    throw e;
  }
  throw new Error('expected a BankIdError');
}

describe('BankIdClient ↔ simulator (mTLS)', () => {
  it('auth → QR scan → approve → collect complete with completion data and risk', async () => {
    await t.control('/__sim/reset', {});
    const order = await auth();
    expect(Object.keys(order).sort()).toEqual(['autoStartToken', 'orderRef', 'qrStartSecret', 'qrStartToken']);
    expect(await t.client.collect(order.orderRef)).toEqual({ orderRef: order.orderRef, status: 'pending', hintCode: 'outstandingTransaction' });

    const scan = await t.control('/__sim/scan', { qrData: qrContent(order.qrStartToken, order.qrStartSecret, 0), personalNumber: ANNA });
    expect(scan.status).toBe(200);
    expect(((await t.client.collect(order.orderRef)) as { hintCode: string }).hintCode).toBe('userSign');

    expect((await t.control(`/__sim/orders/${order.orderRef}/approve`, { personalNumber: ANNA })).status).toBe(200);
    const done = (await t.client.collect(order.orderRef)) as Extract<CollectResponse, { status: 'complete' }>;
    expect(done.status).toBe('complete');
    expect(done.completionData.user).toMatchObject({ personalNumber: ANNA, givenName: 'Anna', surname: 'Andersson' });
    expect(done.completionData.risk).toBe('low');
    expect(done.completionData.signature).toBeTruthy();
  });

  it('a forged QR code is rejected by the simulator', async () => {
    const order = await auth();
    const forged = qrContent(order.qrStartToken, 'wrong-secret', 0);
    expect((await t.control('/__sim/scan', { qrData: forged, personalNumber: ANNA })).status).toBe(400);
  });

  it.each([
    ['userCancel', 'RFA6'],
    ['expiredTransaction', 'RFA8'],
    ['startFailed', 'RFA17B'],
  ])('failed %s → %s', async (hintCode, rfa) => {
    await t.control('/__sim/reset', {});
    const order = await auth();
    await t.control(`/__sim/orders/${order.orderRef}/fail`, { hintCode });
    const res = await t.client.collect(order.orderRef);
    expect(res).toEqual({ orderRef: order.orderRef, status: 'failed', hintCode });
    expect(rfaFor(res as { status: 'failed'; hintCode: string }, 'qr')).toBe(rfa);
  });

  it('expiredTransaction and startFailed also come from the clock', async () => {
    await t.control('/__sim/reset', {});
    const a = await auth();
    await t.control('/__sim/clock', { advanceSeconds: 31 });
    expect(await t.client.collect(a.orderRef)).toMatchObject({ status: 'failed', hintCode: 'startFailed' });
    await t.control('/__sim/reset', {});
    const b = await auth();
    await t.control('/__sim/scan', { qrData: qrContent(b.qrStartToken, b.qrStartSecret, 0), personalNumber: ANNA });
    await t.control('/__sim/clock', { advanceSeconds: 181 });
    expect(await t.client.collect(b.orderRef)).toMatchObject({ status: 'failed', hintCode: 'expiredTransaction' });
  });

  it('a revoked BankID → certificateErr (RFA16)', async () => {
    await t.control('/__sim/reset', {});
    const order = await auth();
    await t.control(`/__sim/orders/${order.orderRef}/approve`, { personalNumber: REVOKED });
    const res = await t.client.collect(order.orderRef);
    expect(res).toMatchObject({ status: 'failed', hintCode: 'certificateErr' });
    expect(rfaFor(res as { status: 'failed'; hintCode: string }, 'qr')).toBe('RFA16');
  });

  it('a second order for the same person → alreadyInProgress (RFA4), and both die', async () => {
    await t.control('/__sim/reset', {});
    const first = await t.client.auth({ endUserIp: '127.0.0.1', requirement: { personalNumber: ANNA } });
    const err = await errorOf(t.client.auth({ endUserIp: '127.0.0.1', requirement: { personalNumber: ANNA } }));
    expect([err.status, err.errorCode]).toEqual([400, 'alreadyInProgress']);
    expect(rfaFor({ status: 'error', errorCode: err.errorCode }, 'qr')).toBe('RFA4');
    expect(await t.client.collect(first.orderRef)).toMatchObject({ status: 'failed' });
  });

  it('cancel ends a pending order; a second cancel is invalidParameters', async () => {
    await t.control('/__sim/reset', {});
    const order = await auth();
    await t.client.cancel(order.orderRef);
    const err = await errorOf(t.client.cancel(order.orderRef));
    expect([err.status, err.errorCode]).toEqual([400, 'invalidParameters']);
  });

  it.each([
    [503, 'maintenance', 'RFA5'],
    [429, 'tooManyRequests', 'RFA5'],
    [500, 'internalError', 'RFA5'],
  ])('an injected %i %s → %s, then the service recovers', async (status, errorCode, rfa) => {
    await t.control('/__sim/reset', {});
    await t.control('/__sim/faults', { endpoint: 'auth', status, errorCode, times: 1 });
    const err = await errorOf(auth());
    expect([err.status, err.errorCode]).toEqual([status, errorCode]);
    expect(rfaFor({ status: 'error', errorCode: err.errorCode }, 'qr')).toBe(rfa);
    await expect(auth()).resolves.toHaveProperty('orderRef');
  });

  it('phone/auth: userCallConfirm until the call is confirmed, then complete', async () => {
    await t.control('/__sim/reset', {});
    const { orderRef } = await t.client.phoneAuth({ personalNumber: ANNA, callInitiator: 'RP' });
    expect(await t.client.collect(orderRef)).toMatchObject({ status: 'pending', hintCode: 'userCallConfirm' });
    await t.control(`/__sim/orders/${orderRef}/confirm-call`, {});
    await t.control(`/__sim/orders/${orderRef}/approve`, { personalNumber: ANNA });
    expect(await t.client.collect(orderRef)).toMatchObject({ status: 'complete' });
  });
});

describe('a keep-alive socket the server closed while it lay idle', () => {
  // A server that answers the first request on a connection and drops the connection when a
  // second one comes on it — what a BankID front (or the simulator after its keep-alive timeout)
  // does to a socket the client kept for reuse. The request never reached the server.
  async function droppingServer() {
    const certs = ensureSimulatorCerts(path.join(os.tmpdir(), 'dsp-test-bankid-sim'));
    const served = new WeakMap<object, number>();
    let answered = 0;
    const server = https.createServer({ key: fs.readFileSync(certs.serverKeyPath), cert: fs.readFileSync(certs.serverCertPath), ca: fs.readFileSync(certs.caPath), requestCert: true }, (req, res) => {
      const n = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, n);
      if (n > 1) return req.socket.destroy();
      req.resume();
      req.on('end', () => {
        answered += 1;
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ orderRef: `order-${answered}`, status: 'pending', hintCode: 'outstandingTransaction' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const client = new BankIdClient({ baseUrl: `https://localhost:${port}/rp/v6.0/`, pfx: fs.readFileSync(certs.pfxPath), passphrase: SIMULATOR_PASSPHRASE, ca: fs.readFileSync(certs.caPath) });
    return { client, answered: () => answered, close: () => new Promise<void>((resolve) => { client.close(); server.close(() => resolve()); }) };
  }

  it('is not an error: the request goes once more on a fresh socket, and is answered once', async () => {
    const s = await droppingServer();
    try {
      expect(await s.client.collect('a')).toMatchObject({ orderRef: 'order-1' });
      // Sent on the kept socket, which the server drops: answered on a new one.
      expect(await s.client.collect('b')).toMatchObject({ orderRef: 'order-2' });
      expect(s.answered()).toBe(2);
    } finally {
      await s.close();
    }
  });
});
