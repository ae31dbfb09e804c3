/**
 * BankID orders end to end: start (auth, sign, phone), collect at most every 2 s with the last
 * answer cached in the order row, QR codes computed here, cancel, and the one-time consumption
 * of a completed order. Routes call these; they never see orderRef or qrStartSecret.
 */
import crypto from 'node:crypto';
import QRCode from 'qrcode';
import { consumeOrder, findFlowOrder, insertOrder, updateOrder, type BankIdOrder, type BankIdPurpose } from '~/models/bankid-orders.server';
import { hashFlowToken } from '~/models/bankid-orders.server';
import { loadEnv } from '../env.server';
import { decryptPersonalData, encryptPersonalData, personnummerLookup } from '../pnr-crypto.server';
import { singleton } from '../singleton.server';
import { BankIdClient } from './client.server';
import { bankIdClientConfig } from './config.server';
import { rfaFor, type Device, type RfaCode, type StartMethod } from './messages';
import { qrContent } from './qr';
import { BankIdError, type CompletionData, type Requirement } from './types';

export const COLLECT_INTERVAL_MS = 2_000;

export function bankIdClient(): BankIdClient {
  return singleton('bankid-client', () => new BankIdClient(bankIdClientConfig(loadEnv())));
}

/** For tests: point the portal at another client (e.g. a simulator on random ports). */
export function setBankIdClient(client: BankIdClient) {
  const g = globalThis as unknown as Record<symbol, unknown>;
  g[Symbol.for('dataskyddsportalen.bankid-client')] = client;
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

export type Caller = {
  /** Random token from the caller's signed flow cookie: binds the order to this browser. */
  flowToken: string;
  endUserIp: string;
  userAgent: string;
  deviceIdentifier: string;
  referringDomain: string;
};

type StartOptions = {
  purpose: BankIdPurpose;
  method: Exclude<StartMethod, 'phone'>;
  /** Plain text (simpleMarkdownV1) the app shows: "Mitt syfte" for auth, the text to sign for sign. */
  visibleText: string;
  redirectTo?: string;
  requirement?: Requirement;
  sign?: { payloadHash: string; expectedPnr: string; sessionId: string };
};

/**
 * Starts an auth or sign order for this browser. The caller carries a fresh flow token; the
 * routes cancel the order of the browser's previous flow before they call this.
 */
export async function startOrder(caller: Caller, options: StartOptions): Promise<BankIdOrder> {
  const client = bankIdClient();
  const common = {
    endUserIp: caller.endUserIp,
    returnRisk: true,
    userVisibleData: b64(options.visibleText),
    userVisibleDataFormat: 'simpleMarkdownV1' as const,
    requirement: options.requirement,
    web: { referringDomain: caller.referringDomain, userAgent: caller.userAgent.slice(0, 256), deviceIdentifier: caller.deviceIdentifier },
  };
  const base = {
    flowTokenHash: hashFlowToken(caller.flowToken),
    purpose: options.purpose,
    type: options.sign ? 'sign' : 'auth',
    startMethod: options.method,
    redirectTo: options.redirectTo ?? null,
    payloadHash: options.sign?.payloadHash ?? null,
    expectedPnrLookup: options.sign ? personnummerLookup(options.sign.expectedPnr) : null,
    startedBySessionId: options.sign?.sessionId ?? null,
  };
  try {
    const res = options.sign
      ? await client.sign({ ...common, userVisibleData: common.userVisibleData, userNonVisibleData: Buffer.from(options.sign.payloadHash, 'hex').toString('base64') })
      : await client.auth(common);
    return await insertOrder({ ...base, orderRef: res.orderRef, autoStartToken: res.autoStartToken, qrStartToken: res.qrStartToken, qrStartSecret: res.qrStartSecret, createdAt: new Date() });
  } catch (error) {
    if (!(error instanceof BankIdError)) throw error;
    return insertOrder({ ...base, status: 'error', errorCode: error.errorCode });
  }
}

/**
 * The order with a fresh answer from /collect if the cached one is older than 2 s. The first
 * final answer is persisted and never collected again.
 */
export async function refreshOrder(order: BankIdOrder, now = new Date()): Promise<BankIdOrder> {
  if (order.status !== 'pending' || !order.orderRef) return order;
  if (order.lastCollectAt && now.getTime() - order.lastCollectAt.getTime() < COLLECT_INTERVAL_MS) return order;
  try {
    const res = await bankIdClient().collect(order.orderRef);
    if (res.status === 'pending') return updateOrder(order.id, { hintCode: res.hintCode, lastCollectAt: now });
    if (res.status === 'failed') return updateOrder(order.id, { status: 'failed', hintCode: res.hintCode, lastCollectAt: now, qrStartSecret: null });
    return updateOrder(order.id, {
      status: 'complete',
      hintCode: null,
      lastCollectAt: now,
      qrStartSecret: null,
      risk: res.completionData.risk ?? null,
      completionCiphertext: encryptPersonalData(JSON.stringify(res.completionData)),
    });
  } catch (error) {
    if (!(error instanceof BankIdError)) throw error;
    return updateOrder(order.id, { status: 'error', errorCode: error.errorCode, lastCollectAt: now });
  }
}

/** Cancels this browser's pending order of the purpose (if any). */
export async function cancelFlowOrder(flowToken: string, purpose: BankIdPurpose): Promise<void> {
  const order = await findFlowOrder(flowToken, purpose);
  if (order) await cancelOrder(order);
}

export async function cancelOrder(order: BankIdOrder): Promise<void> {
  if (order.status !== 'pending' || !order.orderRef) return;
  try {
    await bankIdClient().cancel(order.orderRef);
  } catch (error) {
    if (!(error instanceof BankIdError)) throw error; // already finished at BankID: nothing to cancel
  }
  await updateOrder(order.id, { status: 'failed', hintCode: 'cancelled', qrStartSecret: null });
}

export type OrderView = {
  state: 'pending' | 'complete' | 'failed';
  rfa: RfaCode;
  /** Show the QR only while the app has not picked the order up (BANKID.md). */
  showQr: boolean;
  autoStartToken: string | null;
};

export function viewOf(order: BankIdOrder, device: Device): OrderView {
  const method = order.startMethod as StartMethod;
  if (order.status === 'complete') return { state: 'complete', rfa: 'RFA9', showQr: false, autoStartToken: null };
  if (order.status === 'error') return { state: 'failed', rfa: rfaFor({ status: 'error', errorCode: order.errorCode ?? '' }, method, device), showQr: false, autoStartToken: null };
  if (order.status === 'failed') return { state: 'failed', rfa: rfaFor({ status: 'failed', hintCode: order.hintCode ?? '' }, method, device), showQr: false, autoStartToken: null };
  const hintCode = order.hintCode ?? 'outstandingTransaction';
  return {
    state: 'pending',
    rfa: rfaFor({ status: 'pending', hintCode }, method, device),
    showQr: method === 'qr' && hintCode === 'outstandingTransaction',
    autoStartToken: method === 'autostart' ? order.autoStartToken : null,
  };
}

/** The current animated QR code as SVG, or null when none should be shown. */
export async function qrSvg(order: BankIdOrder, now = new Date()): Promise<string | null> {
  if (order.status !== 'pending' || !order.qrStartToken || !order.qrStartSecret) return null;
  const seconds = (now.getTime() - order.createdAt.getTime()) / 1000;
  return QRCode.toString(qrContent(order.qrStartToken, order.qrStartSecret, seconds), { type: 'svg', margin: 2, errorCorrectionLevel: 'L' });
}

export type Consumed = { order: BankIdOrder; completion: CompletionData };

/** Takes a complete order exactly once; null if it is not complete or was already used. */
export async function consumeCompletedOrder(order: BankIdOrder): Promise<Consumed | null> {
  const row = await consumeOrder(order.id);
  if (!row?.completionCiphertext) return null;
  return { order: row, completion: JSON.parse(decryptPersonalData(row.completionCiphertext)) as CompletionData };
}

/** Canonical JSON (sorted keys) and its SHA-256: what a signature binds to. */
export function payloadHash(payload: unknown): string {
  const canonical = (v: unknown): string =>
    Array.isArray(v)
      ? `[${v.map(canonical).join(',')}]`
      : v && typeof v === 'object'
        ? `{${Object.keys(v as object).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`
        : JSON.stringify(v ?? null);
  return crypto.createHash('sha256').update(canonical(payload)).digest('hex');
}
