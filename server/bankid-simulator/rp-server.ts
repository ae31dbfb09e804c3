/**
 * The RP port: BankID's RP API v6.0 over HTTPS with mutual TLS. Only `/rp/v6.0/*` exists here;
 * the control API lives on a separate plain-HTTP port so nothing an RP can reach can approve
 * orders. Status codes and `{errorCode, details}` bodies follow BankID's documentation.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { RP_ENDPOINTS, type FaultQueue, type RpEndpoint } from './faults';
import type { OrderStore } from './orders';
import type { Order, OrderType } from './state';
import { validateOrderRef, validateOrderRequest } from './validation';

export const RP_BASE_PATH = '/rp/v6.0/';
/** userNonVisibleData (200,000) + userVisibleData (40,000) + the rest fits well within this. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface RpServerOptions {
  store: OrderStore;
  faults: FaultQueue;
  tls: { key: string | Buffer; cert: string | Buffer; ca: string | Buffer };
}

export function createRpServer({ store, faults, tls }: RpServerOptions): https.Server {
  const server = https.createServer({ ...tls, requestCert: true, rejectUnauthorized: true }, (req, res) => {
    handle(req, res, store, faults).catch(() => {
      if (!res.headersSent) sendError(res, 500, 'internalError', 'Internal error in the simulator');
    });
  });
  return server;
}

async function handle(req: IncomingMessage, res: ServerResponse, store: OrderStore, faults: FaultQueue): Promise<void> {
  const pathname = new URL(req.url ?? '/', 'https://localhost').pathname;
  const endpoint = pathname.startsWith(RP_BASE_PATH) ? pathname.slice(RP_BASE_PATH.length) : '';
  if (!(RP_ENDPOINTS as readonly string[]).includes(endpoint)) return sendError(res, 404, 'notFound', 'Not found');
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return sendError(res, 405, 'methodNotAllowed', 'Method not allowed');
  }
  // rejectUnauthorized already ends the handshake for clients without a CA-signed certificate.
  const socket = req.socket as TLSSocket;
  if (!socket.authorized) return sendError(res, 401, 'unauthorized', 'Client certificate required');

  const fault = faults.take(endpoint as RpEndpoint);
  if (fault) return sendError(res, fault.status, fault.errorCode, fault.details ?? 'Injected by the BankID simulator');

  // BankID accepts exactly this header value; even "application/json; charset=UTF-8" is refused.
  if (req.headers['content-type'] !== 'application/json') {
    return sendError(res, 415, 'unsupportedMediaType', 'Content-Type must be application/json');
  }
  const raw = await readBody(req);
  if (raw === undefined) return sendError(res, 400, 'invalidParameters', 'Request body too large');
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return sendError(res, 400, 'invalidParameters', 'Invalid JSON in request body');
  }
  const cn = socket.getPeerCertificate().subject?.CN;
  const rpName = (Array.isArray(cn) ? cn[0] : cn) ?? 'Unknown RP';
  route(endpoint as RpEndpoint, body, rpName, res, store);
}

function route(endpoint: RpEndpoint, body: unknown, rpName: string, res: ServerResponse, store: OrderStore): void {
  if (endpoint === 'collect' || endpoint === 'cancel') {
    const ref = validateOrderRef(body);
    if (!ref.ok) return sendError(res, 400, 'invalidParameters', ref.details);
    if (endpoint === 'cancel') {
      return store.cancel(ref.value) ? send(res, 200, {}) : sendError(res, 400, 'invalidParameters', 'No such order');
    }
    const order = store.collect(ref.value);
    return order ? send(res, 200, collectView(order)) : sendError(res, 400, 'invalidParameters', 'No such order');
  }
  const request = validateOrderRequest(endpoint as OrderType, body);
  if (!request.ok) return sendError(res, 400, 'invalidParameters', request.details);
  const created = store.create(request.value, rpName);
  if (!created.ok) return sendError(res, 400, created.errorCode, created.details);
  const { orderRef, autoStartToken, qrStartToken, qrStartSecret } = created.order;
  send(res, 200, endpoint.startsWith('phone/') ? { orderRef } : { orderRef, autoStartToken, qrStartToken, qrStartSecret });
}

export function collectView(order: Order): Record<string, unknown> {
  if (order.status === 'complete') return { orderRef: order.orderRef, status: order.status, completionData: order.completionData };
  return { orderRef: order.orderRef, status: order.status, hintCode: order.hintCode };
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json), 'Cache-Control': 'no-store' });
  res.end(json);
}

function sendError(res: ServerResponse, status: number, errorCode: string, details: string): void {
  send(res, status, { errorCode, details });
}
