/**
 * Structured logs (pino). Personal data never goes in: request logs carry method, path without
 * query string (a search may contain a personnummer), status and timing; cookies and
 * authorization headers are never serialised; any 12/10-digit personnummer-shaped sequence that
 * still slips into a message is masked.
 */
import pino from 'pino';

const PNR_LIKE = /\b(\d{6}|\d{8})[-+]?\d{4}\b/g;

export function maskPersonnummerLike(text: string): string {
  return text.replace(PNR_LIKE, (_m, date: string) => `${date}-****`);
}

/** `destination` is for tests; by default pino writes JSON lines to stdout. */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino({
    level,
    base: { service: 'dataskyddsportalen' },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskPersonnummerLike(a) : a));
        method.apply(this, masked as Parameters<typeof method>);
      },
    },
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.personnummer', '*.pnr', '*.name'], censor: '[redacted]' },
  }, destination);
}

export type Logger = ReturnType<typeof createLogger>;
