/**
 * HTTP security baseline: CSP with a per-request nonce (enforced, not report-only), HSTS in
 * production, no framing, strict referrer policy, and the cross-site request check that makes
 * every POST CSRF-safe regardless of what the route does (app/utils/csrf.server.ts has layer 2).
 */
import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

export function cspNonce(_req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = crypto.randomBytes(16).toString('base64');
  next();
}

export function securityHeaders({ production, devLiveReload }: { production: boolean; devLiveReload: boolean }) {
  const nonce = (_req: unknown, res: unknown) => `'nonce-${(res as Response).locals.cspNonce as string}'`;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'strict-dynamic'", "'self'", nonce],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'", ...(devLiveReload ? ['ws:'] : [])],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'none'"],
        'object-src': ["'none'"],
      },
    },
    strictTransportSecurity: production ? { maxAge: 63072000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: 'deny' },
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests sent by another site: browsers mark them with
 * `Sec-Fetch-Site: cross-site` and an `Origin` that is not ours. Requests without those headers
 * (curl, server-to-server) carry no victim's cookies and pass to the form token check.
 */
export function crossSiteRequestGuard(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const site = req.get('sec-fetch-site');
  const origin = req.get('origin');
  const crossSite = site === 'cross-site' || (origin !== undefined && origin !== 'null' && new URL(origin).host !== req.get('host'));
  if (crossSite || origin === 'null') {
    res.status(403).type('text/plain').send('Cross-site request refused');
    return;
  }
  next();
}

/** `TRUST_PROXY`: "false", "true", a hop count, or a list of addresses/subnets (Express syntax). */
export function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
