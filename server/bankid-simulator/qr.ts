/**
 * Animated QR codes as BankID defines them: `bankid.<qrStartToken>.<qrTime>.<qrAuthCode>` where
 * qrAuthCode = lowercase hex HMAC-SHA256(key = qrStartSecret, message = qrTime in decimal).
 * The simulator recomputes the code to reject forged or stale QR strings, the way BankID's
 * server does when the app reports what it scanned.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far the scanned qrTime may be from the simulator's elapsed seconds. */
export const QR_TOLERANCE_SECONDS = 2;

export function qrAuthCode(qrStartSecret: string, qrTime: number): string {
  return createHmac('sha256', Buffer.from(qrStartSecret, 'ascii')).update(String(qrTime), 'ascii').digest('hex');
}

export function qrData(qrStartToken: string, qrStartSecret: string, qrTime: number): string {
  return `bankid.${qrStartToken}.${qrTime}.${qrAuthCode(qrStartSecret, qrTime)}`;
}

export interface ParsedQr {
  qrStartToken: string;
  qrTime: number;
  qrAuthCode: string;
}

const QR_PATTERN = /^bankid\.([0-9a-fA-F-]{36})\.(0|[1-9]\d{0,9})\.([0-9a-f]{64})$/;

export function parseQr(data: string): ParsedQr | undefined {
  const m = QR_PATTERN.exec(data.trim());
  if (!m) return undefined;
  return { qrStartToken: m[1] as string, qrTime: Number(m[2]), qrAuthCode: m[3] as string };
}

export type QrCheck = { ok: true } | { ok: false; reason: 'forged' | 'stale' };

/** Checks the HMAC first (a forged code says nothing about time), then the time window. */
export function verifyQr(parsed: ParsedQr, qrStartSecret: string, elapsedSeconds: number): QrCheck {
  const expected = Buffer.from(qrAuthCode(qrStartSecret, parsed.qrTime), 'hex');
  const given = Buffer.from(parsed.qrAuthCode, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  if (Math.abs(parsed.qrTime - elapsedSeconds) > QR_TOLERANCE_SECONDS) return { ok: false, reason: 'stale' };
  return { ok: true };
}
