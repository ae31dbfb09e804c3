/**
 * CSRF protection, two layers (ADR 003):
 * 1. server/security.ts refuses any unsafe-method request whose Origin / Sec-Fetch-Site shows it
 *    came from another site — this covers every POST, whatever the route does;
 * 2. forms carry a token that must equal the one in a signed, httpOnly cookie
 *    (double submit); actions check it with `validateCsrf` as part of parsing the form.
 */
import crypto from 'node:crypto';
import { createCookie } from '@remix-run/node';
import { loadEnv } from './env.server';
import { singleton } from './singleton.server';

export const CSRF_FIELD = 'csrf';

function csrfCookie() {
  return singleton('csrf-cookie', () => {
    const env = loadEnv();
    return createCookie('dsp_csrf', {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: env.NODE_ENV === 'production',
      secrets: env.sessionSecrets,
    });
  });
}

/** The request's token, creating one (with its Set-Cookie header) when the browser has none. */
export async function getCsrfToken(request: Request): Promise<{ token: string; setCookie: string | null }> {
  const existing: unknown = await csrfCookie().parse(request.headers.get('Cookie'));
  if (typeof existing === 'string' && existing.length >= 32) return { token: existing, setCookie: null };
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, setCookie: await csrfCookie().serialize(token) };
}

export class CsrfError extends Error {}

export async function validateCsrf(formData: FormData, request: Request): Promise<void> {
  const expected: unknown = await csrfCookie().parse(request.headers.get('Cookie'));
  const given = formData.get(CSRF_FIELD);
  const ok =
    typeof expected === 'string' &&
    typeof given === 'string' &&
    expected.length === given.length &&
    crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(given));
  if (!ok) throw new Response('Invalid CSRF token', { status: 403 });
}
