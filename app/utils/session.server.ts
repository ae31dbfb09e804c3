/**
 * The session cookie holds only a random token; everything else is in the `sessions` row.
 * Cookie signing secrets rotate: SESSION_SECRET is a comma-separated list, newest first.
 */
import { createCookie } from '@remix-run/node';
import { createSession, findActiveSession, revokeSession, type SessionOwner, type SessionPolicy, type SessionKind } from '~/models/session.server';
import { loadEnv } from './env.server';
import { singleton } from './singleton.server';

export function sessionCookie() {
  return singleton('session-cookie', () => {
    const env = loadEnv();
    return createCookie('dsp_session', {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: env.NODE_ENV === 'production',
      secrets: env.sessionSecrets,
    });
  });
}

export function sessionPolicies(): Record<SessionKind, SessionPolicy> {
  const env = loadEnv();
  return {
    resident: { idleMinutes: env.SESSION_IDLE_MINUTES_RESIDENT, absoluteHours: env.SESSION_ABSOLUTE_HOURS_RESIDENT },
    staff: { idleMinutes: env.SESSION_IDLE_MINUTES_STAFF, absoluteHours: env.SESSION_ABSOLUTE_HOURS_STAFF },
  };
}

async function tokenFrom(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get('Cookie'));
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export async function getSession(request: Request) {
  const token = await tokenFrom(request);
  return token ? findActiveSession(token, sessionPolicies()) : null;
}

/**
 * Starts a new session (a new id every time: login rotates the id) and ends the one the request
 * carried, if any. Returns the Set-Cookie header value.
 */
export async function startSession(request: Request, owner: SessionOwner): Promise<string> {
  const previous = await tokenFrom(request);
  if (previous) await revokeSession(previous);
  const { token } = await createSession(owner, sessionPolicies()[owner.kind]);
  return sessionCookie().serialize(token);
}

/** Logout: revokes the row and clears the cookie. Returns the Set-Cookie header value. */
export async function endSession(request: Request): Promise<string> {
  const token = await tokenFrom(request);
  if (token) await revokeSession(token);
  return sessionCookie().serialize('', { maxAge: 0 });
}
