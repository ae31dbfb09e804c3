/**
 * Two cookies for BankID (BANKID.md "Security practice"):
 * - `dsp_bankid_flow`: random token binding an order to the browser that started it (status, QR
 *   and cancel act only on the order of the caller's own flow); ends with the browser session;
 * - `dsp_device`: long-lived random device identifier for `web.deviceIdentifier` — never the session id.
 */
import crypto from 'node:crypto';
import { createCookie } from '@remix-run/node';
import { loadEnv } from '../env.server';
import { singleton } from '../singleton.server';
import type { Caller } from './service.server';

function cookie(name: string, maxAge?: number) {
  return singleton(`cookie-${name}`, () => {
    const env = loadEnv();
    return createCookie(name, { httpOnly: true, sameSite: 'lax', path: '/', secure: env.NODE_ENV === 'production', secrets: env.sessionSecrets, maxAge });
  });
}

const flowCookie = () => cookie('dsp_bankid_flow');
const deviceCookie = () => cookie('dsp_device', 60 * 60 * 24 * 365 * 2);

async function read(c: ReturnType<typeof cookie>, request: Request): Promise<string | null> {
  const v: unknown = await c.parse(request.headers.get('Cookie'));
  return typeof v === 'string' && v.length >= 32 ? v : null;
}

export async function getFlowToken(request: Request) {
  return read(flowCookie(), request);
}

/**
 * The caller of a BankID start: a flow token (new each start, so an old tab can't follow the new
 * order) and the device identifier (kept). Returns the Set-Cookie headers to send.
 */
export async function callerForStart(request: Request, clientIp: string): Promise<{ caller: Caller; setCookies: string[] }> {
  const setCookies: string[] = [];
  const flowToken = crypto.randomBytes(32).toString('base64url');
  setCookies.push(await flowCookie().serialize(flowToken));
  let deviceIdentifier = await read(deviceCookie(), request);
  if (!deviceIdentifier) {
    deviceIdentifier = crypto.randomBytes(32).toString('hex').slice(0, 64);
    setCookies.push(await deviceCookie().serialize(deviceIdentifier));
  }
  const url = new URL(request.url);
  return {
    caller: { flowToken, endUserIp: clientIp, userAgent: request.headers.get('User-Agent') ?? 'unknown', deviceIdentifier, referringDomain: url.hostname },
    setCookies,
  };
}

export async function clearFlowCookie(): Promise<string> {
  return flowCookie().serialize('', { maxAge: 0 });
}
