/**
 * The Express entry: security headers and CSP nonce, rate limits, static files, /healthz, and
 * the Remix request handler serving the production build (`npm run build` → build/).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import { broadcastDevReady, type ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import { pinoHttp } from 'pino-http';
import { bootstrap } from '../app/bootstrap.server';
import { pingDatabase } from '../app/models/health.server';
import { EnvError, loadEnv } from '../app/utils/env.server';
import { createLogger } from './logger';
import { rateLimits } from './rate-limit';
import { crossSiteRequestGuard, cspNonce, parseTrustProxy, securityHeaders } from './security';

let env: ReturnType<typeof loadEnv>;
try {
  env = loadEnv();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const log = createLogger(env.LOG_LEVEL);
const production = env.NODE_ENV === 'production';
const buildPath = path.resolve(process.cwd(), 'build/index.js');

const app = await bootstrap(log).catch((error: unknown) => {
  log.fatal({ err: error }, 'start-up failed');
  process.exit(1);
});

const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

const server = express();
server.disable('x-powered-by');
server.set('trust proxy', parseTrustProxy(env.TRUST_PROXY));
server.use(compression());
server.use(cspNonce);
server.use(securityHeaders({ production, devLiveReload: !production }));
server.use(
  pinoHttp({
    logger: log,
    // Path only: query strings may carry search terms such as a personnummer.
    serializers: {
      req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url?.startsWith('/build/') === true },
  }),
);

// Fingerprinted Remix assets are immutable; everything else in public/ is cached briefly.
server.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }));
server.use('/locales', express.static('locales', { maxAge: '1h' }));
server.use(express.static('public', { maxAge: '1h' }));

server.get('/healthz', async (_req, res) => {
  try {
    await pingDatabase();
    res.status(200).type('text/plain').send('ok');
  } catch (error) {
    log.error({ err: error }, 'healthz: database unreachable');
    res.status(503).type('text/plain').send('database unavailable');
  }
});

server.use(rateLimits(env.RATE_LIMIT_ENABLED));
server.use(crossSiteRequestGuard);
server.all(
  '*',
  createRequestHandler({
    build,
    mode: build.mode,
    // clientIp honours TRUST_PROXY: it is BankID's endUserIp and the rate-limit key.
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? req.socket.remoteAddress ?? '127.0.0.1' }),
  }),
);

const listener = server.listen(env.PORT, env.HOST ?? '::', () => {
  log.info({ url: `http://localhost:${env.PORT}` }, 'Dataskyddsportalen is listening');
  // Under `npm run dev` the Remix dev server waits for this signal to finish a rebuild.
  if (process.env.REMIX_DEV_ORIGIN) void broadcastDevReady(build);
});

async function shutdown(signal: string) {
  log.info({ signal }, 'shutting down');
  listener.close();
  await app.shutdown().catch((err: unknown) => log.error({ err }, 'shutdown error'));
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
