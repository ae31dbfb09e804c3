/**
 * Tiered rate limits per client IP (behind a proxy the IP comes from TRUST_PROXY):
 * identification endpoints are tight, other writes moderate, reads generous.
 */
import type { NextFunction, Request, Response } from 'express';
import { rateLimit } from 'express-rate-limit';

const IDENTIFICATION_PATHS = ['/logga-in', '/personal/logga-in', '/bankid'];

export function rateLimits(enabled: boolean) {
  const options = { windowMs: 60_000, standardHeaders: 'draft-7' as const, legacyHeaders: false, message: 'Too many requests' };
  const general = rateLimit({ ...options, limit: 1000 });
  const writes = rateLimit({ ...options, limit: 100 });
  const identification = rateLimit({ ...options, limit: 20 });
  return (req: Request, res: Response, next: NextFunction) => {
    if (!enabled) return next();
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      if (IDENTIFICATION_PATHS.some((p) => req.path === p || req.path.startsWith(`${p}/`))) return identification(req, res, next);
      return writes(req, res, next);
    }
    return general(req, res, next);
  };
}
