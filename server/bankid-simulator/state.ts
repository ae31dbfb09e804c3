/**
 * Order types, hint codes, the simulator clock and the time-driven part of the state machine.
 * Time is never read from Date.now() directly: every transition takes `now` from an injectable
 * clock, so tests and the control API (`POST /__sim/clock`) can jump past the 30-second start
 * window or the order lifetime without waiting.
 */
import type { Risk, TestIdentity } from './identities';

export type OrderType = 'auth' | 'sign' | 'phone/auth' | 'phone/sign';
export type OrderStatus = 'pending' | 'failed' | 'complete';

export const PENDING_HINTS = ['outstandingTransaction', 'noClient', 'started', 'userMrtd', 'userCallConfirm', 'userSign'] as const;
export type PendingHint = (typeof PENDING_HINTS)[number];

export const FAILED_HINTS = [
  'expiredTransaction',
  'certificateErr',
  'userCancel',
  'cancelled',
  'startFailed',
  'userDeclinedCall',
  'notSupportedByUserApp',
  'transactionRiskBlocked',
] as const;
export type FailedHint = (typeof FAILED_HINTS)[number];

export function isFailedHint(value: unknown): value is FailedHint {
  return typeof value === 'string' && (FAILED_HINTS as readonly string[]).includes(value);
}

export interface Requirement {
  pinCode?: boolean;
  mrtd?: boolean;
  cardReader?: 'class1' | 'class2';
  personalNumber?: string;
  certificatePolicies?: string[];
}

/** A validated RP request, as it arrived (userVisibleData etc. still base64). */
export interface OrderRequest {
  type: OrderType;
  endUserIp?: string;
  /** phone/auth and phone/sign: the caller's personal number. */
  personalNumber?: string;
  callInitiator?: 'user' | 'RP';
  requirement?: Requirement;
  userVisibleData?: string;
  userVisibleDataFormat?: 'simpleMarkdownV1';
  userNonVisibleData?: string;
  returnUrl?: string;
  returnRisk?: boolean;
  web?: { referringDomain?: string; userAgent?: string; deviceIdentifier?: string };
  app?: { appIdentifier?: string; deviceOS?: string; deviceModelName?: string; deviceIdentifier?: string };
}

export interface CompletionData {
  user: { personalNumber: string; name: string; givenName: string; surname: string };
  device: { ipAddress: string; uhi: string };
  bankIdIssueDate: string;
  stepUp?: { mrtd: boolean };
  signature: string;
  ocspResponse: string;
  risk?: Risk;
}

export interface Order {
  orderRef: string;
  type: OrderType;
  request: OrderRequest;
  /** Subject of the RP's client certificate; echoed in the signature's srvInfo. */
  rpName: string;
  autoStartToken?: string;
  qrStartToken?: string;
  qrStartSecret?: string;
  /** Simulator-clock milliseconds. */
  createdAt: number;
  status: OrderStatus;
  hintCode?: PendingHint | FailedHint;
  /** The person the order belongs to: from the request, or whoever picked it up. */
  personalNumber?: string;
  identity?: TestIdentity;
  completionData?: CompletionData;
  finishedAt?: number;
  /** Cancelled by the RP: BankID then forgets the order, so collect answers "No such order". */
  hiddenFromRp?: boolean;
}

/** An action the simulated user or developer may not take right now; `status` is the control API's HTTP status. */
export class SimError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = 'SimError';
  }
}

export interface SimClock {
  now(): number;
  advance(seconds: number): void;
  reset(): void;
}

/** Wall clock (or an injected base) plus an offset that only ever moves forward. */
export function createClock(base: () => number = Date.now): SimClock {
  let offsetMs = 0;
  return {
    now: () => base() + offsetMs,
    advance(seconds) {
      if (!Number.isFinite(seconds) || seconds < 0) throw new SimError(400, 'advanceSeconds must be a non-negative number');
      offsetMs += Math.round(seconds * 1000);
    },
    reset() {
      offsetMs = 0;
    },
  };
}

/** Without a pick-up (QR scan or autostart) within this window the order fails with startFailed. */
export const START_WINDOW_MS = 30_000;
export const DEFAULT_LIFETIME_SECONDS = 180;

export function finish(order: Order, now: number, status: 'failed', hintCode: FailedHint): void;
export function finish(order: Order, now: number, status: 'complete', completionData: CompletionData): void;
export function finish(order: Order, now: number, status: 'failed' | 'complete', outcome: FailedHint | CompletionData): void {
  order.status = status;
  order.finishedAt = now;
  if (typeof outcome === 'string') order.hintCode = outcome;
  else {
    order.hintCode = undefined;
    order.completionData = outcome;
  }
}

/** Lazily applies the timeouts: called before every read, so no timers run in the background. */
export function applyTime(order: Order, now: number, lifetimeMs: number): void {
  if (order.status !== 'pending') return;
  const startDeadline = order.hintCode === 'outstandingTransaction' ? order.createdAt + START_WINDOW_MS : Infinity;
  const expiry = order.createdAt + lifetimeMs;
  const deadline = Math.min(startDeadline, expiry);
  if (now < deadline) return;
  finish(order, deadline, 'failed', startDeadline <= expiry ? 'startFailed' : 'expiredTransaction');
}

/** The hint after the app has been opened for this order and the person is known. */
export function hintAfterIdentified(order: Order): PendingHint {
  return order.request.requirement?.mrtd ? 'userMrtd' : 'userSign';
}

export function isPhone(type: OrderType): boolean {
  return type === 'phone/auth' || type === 'phone/sign';
}

export function isSign(type: OrderType): boolean {
  return type === 'sign' || type === 'phone/sign';
}

/** userVisibleData decoded for display (invalid UTF-8 shows replacement characters rather than failing). */
export function decodeVisibleData(order: Order): string | undefined {
  const data = order.request.userVisibleData;
  return data === undefined ? undefined : Buffer.from(data, 'base64').toString('utf8');
}
