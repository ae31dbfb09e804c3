/**
 * The control port (plain HTTP, loopback by default): the JSON API tests and demos use to act as
 * the BankID app and to steer the simulator, plus the "BankID-appen (simulator)" page.
 * It must never be reachable through the RP port or exposed outside a developer's machine.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { registerAppPage } from './app-page';
import { faultSchema, type FaultQueue } from './faults';
import type { OrderStore } from './orders';
import { decodeVisibleData, FAILED_HINTS, SimError, type Order, type SimClock } from './state';

export interface ControlServerOptions {
  store: OrderStore;
  faults: FaultQueue;
  clock: SimClock;
  /** Mounted at /__portal (see BankIdSimulatorOptions.hostControlRoutes). */
  hostRoutes?: express.Router;
}

/** What GET /__sim/orders reports per order. Tokens and secrets stay out: a scan must use real QR data. */
export function orderView(order: Order) {
  return {
    orderRef: order.orderRef,
    type: order.type,
    status: order.status,
    hintCode: order.hintCode,
    personalNumber: order.personalNumber,
    userVisibleData: decodeVisibleData(order),
    endUserIp: order.request.endUserIp,
    createdAt: new Date(order.createdAt).toISOString(),
  };
}

const person = { personalNumber: z.string().min(1).max(20), name: z.string().max(200).optional() };
const schemas = {
  scan: z.object({ qrData: z.string().min(1).max(500), personalNumber: person.personalNumber.optional(), name: person.name }),
  autostart: z.object({ autoStartToken: z.string().min(1).max(100), personalNumber: person.personalNumber.optional(), name: person.name }),
  approve: z.object({ personalNumber: person.personalNumber.optional(), name: person.name }),
  approveLatest: z.object(person),
  fail: z.object({ hintCode: z.enum(FAILED_HINTS) }),
  clock: z.object({ advanceSeconds: z.number().min(0).max(365 * 24 * 3600) }),
};

function parse<T extends z.ZodTypeAny>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new SimError(400, `Invalid ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'bad request'}`);
  }
  return result.data;
}

export function createControlApp({ store, faults, clock, hostRoutes }: ControlServerOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(rejectCrossOrigin);
  app.use(express.json({ limit: '100kb' }));
  app.use(express.urlencoded({ extended: false, limit: '100kb' }));

  const api = express.Router();
  api.get('/orders', (_req, res) => {
    res.json(store.list().map(orderView));
  });
  api.get('/orders/:orderRef', (req, res) => {
    res.json(orderView(store.get(req.params.orderRef as string)));
  });
  api.post('/scan', (req, res) => {
    const b = parse(schemas.scan, req.body);
    res.json(orderView(store.scan(b.qrData, b.personalNumber, b.name)));
  });
  api.post('/autostart', (req, res) => {
    const b = parse(schemas.autostart, req.body);
    res.json(orderView(store.autostart(b.autoStartToken, b.personalNumber, b.name)));
  });
  api.post('/orders/:orderRef/approve', (req, res) => {
    const b = parse(schemas.approve, req.body);
    res.json(orderView(store.approve(req.params.orderRef as string, b.personalNumber, b.name)));
  });
  api.post('/approve', (req, res) => {
    const b = parse(schemas.approveLatest, req.body);
    res.json(orderView(store.approve(store.latestPending().orderRef, b.personalNumber, b.name)));
  });
  api.post('/orders/:orderRef/fail', (req, res) => {
    const b = parse(schemas.fail, req.body);
    res.json(orderView(store.fail(req.params.orderRef as string, b.hintCode)));
  });
  api.post('/orders/:orderRef/confirm-call', (req, res) => {
    res.json(orderView(store.confirmCall(req.params.orderRef as string)));
  });
  api.get('/faults', (_req, res) => {
    res.json(faults.list());
  });
  api.post('/faults', (req, res) => {
    const fault = parse(faultSchema, req.body);
    faults.add(fault);
    res.status(201).json(fault);
  });
  api.post('/clock', (req, res) => {
    clock.advance(parse(schemas.clock, req.body).advanceSeconds);
    res.json({ now: new Date(clock.now()).toISOString() });
  });
  api.post('/reset', (_req, res) => {
    store.reset();
    faults.clear();
    clock.reset();
    res.json({});
  });
  api.use((_req, res) => {
    res.status(404).json({ error: 'No such control route' });
  });

  app.use('/__sim', api);
  if (hostRoutes) app.use('/__portal', hostRoutes);
  registerAppPage(app, store);
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Not found');
  });
  app.use(errorHandler);
  return app;
}

/**
 * The control port approves orders, so a web page the developer happens to visit must not be
 * able to post to it: refuse requests a browser marks as coming from another origin.
 */
function rejectCrossOrigin(req: Request, res: Response, next: NextFunction): void {
  const origin = req.headers.origin;
  const crossSite = req.headers['sec-fetch-site'] === 'cross-site';
  if (req.method !== 'GET' && (crossSite || (origin !== undefined && origin !== `http://${req.headers.host}`))) {
    res.status(403).json({ error: 'Cross-origin requests to the simulator control port are refused' });
    return;
  }
  next();
}

function errorHandler(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  if (error instanceof SimError) {
    res.status(error.status).json({ error: error.message });
    return;
  }
  // body-parser errors (malformed JSON, too large) carry an HTTP status.
  const status = (error as { status?: number }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    res.status(status).json({ error: (error as Error).message });
    return;
  }
  console.error('bankid-simulator control error', error);
  res.status(500).json({ error: 'Internal error in the simulator' });
}
