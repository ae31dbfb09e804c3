import crypto from 'node:crypto';

/**
 * Animated QR content (BANKID.md "Animated QR"): `bankid.<qrStartToken>.<qrTime>.<qrAuthCode>`,
 * qrAuthCode = hex HMAC-SHA256(key = qrStartSecret, message = qrTime), qrTime = whole seconds
 * since the order was created. Computed on the server: the secret never reaches the browser.
 */
export function qrContent(qrStartToken: string, qrStartSecret: string, qrTime: number): string {
  const time = String(Math.max(0, Math.floor(qrTime)));
  const code = crypto.createHmac('sha256', qrStartSecret).update(time).digest('hex');
  return `bankid.${qrStartToken}.${time}.${code}`;
}
