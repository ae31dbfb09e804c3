/**
 * The one BankID RP API v6.0 client (server-only): HTTPS with mutual TLS on node:https. The same
 * code talks to the local simulator, BankID's test service and production; only the base URL,
 * the client certificate and the pinned CA differ (bankid-config.server.ts).
 *
 * Not the `bankid` npm package: it lacks phone/auth, phone/sign, `risk` and newer hint codes,
 * and fixes its base URL (BANKID.md).
 */
import https from 'node:https';
import {
  BankIdError,
  type AuthRequest,
  type CollectResponse,
  type OrderResponse,
  type PhoneAuthRequest,
  type PhoneOrderResponse,
  type PhoneSignRequest,
  type SignRequest,
} from './types';

export type BankIdClientConfig = {
  /** e.g. https://appapi2.bankid.com/rp/v6.0/ (trailing slash) */
  baseUrl: string;
  pfx: Buffer;
  passphrase: string;
  ca: Buffer;
  timeoutMs?: number;
};

export class BankIdClient {
  private readonly agent: https.Agent;
  private readonly base: URL;
  private readonly timeoutMs: number;

  constructor(config: BankIdClientConfig) {
    this.base = new URL(config.baseUrl.endsWith('/') ? config.baseUrl : `${config.baseUrl}/`);
    this.agent = new https.Agent({ pfx: config.pfx, passphrase: config.passphrase, ca: config.ca, keepAlive: true, maxSockets: 20 });
    this.timeoutMs = config.timeoutMs ?? 10_000;
  }

  auth(request: AuthRequest) {
    return this.call<OrderResponse>('auth', request);
  }

  sign(request: SignRequest) {
    return this.call<OrderResponse>('sign', request);
  }

  phoneAuth(request: PhoneAuthRequest) {
    return this.call<PhoneOrderResponse>('phone/auth', request);
  }

  phoneSign(request: PhoneSignRequest) {
    return this.call<PhoneOrderResponse>('phone/sign', request);
  }

  collect(orderRef: string) {
    return this.call<CollectResponse>('collect', { orderRef });
  }

  async cancel(orderRef: string): Promise<void> {
    await this.call<Record<string, never>>('cancel', { orderRef });
  }

  close() {
    this.agent.destroy();
  }

  /**
   * One POST. A keep-alive socket the server closed while it lay idle fails at once with
   * ECONNRESET ("socket hang up") before the request reached the server; such a request is sent
   * once more on a fresh socket, as Node's http documentation advises (`request.reusedSocket`).
   * Any other failure is the caller's.
   */
  private call<T>(path: string, body: unknown, retryOnStaleSocket = true): Promise<T> {
    const url = new URL(path, this.base);
    const payload = JSON.stringify(body);
    return new Promise<T>((resolve, reject) => {
      const req = https.request(
        url,
        {
          method: 'POST',
          agent: this.agent,
          // Exactly this header: a charset parameter gives 415 from BankID.
          headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) },
          timeout: this.timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            let json: unknown;
            try {
              json = text ? JSON.parse(text) : {};
            } catch {
              return reject(new BankIdError(status, status >= 500 ? 'internalError' : 'transport', `Non-JSON answer (${text.slice(0, 80)})`));
            }
            if (status === 200) return resolve(json as T);
            const err = json as { errorCode?: string; details?: string };
            reject(new BankIdError(status, err.errorCode ?? 'transport', err.details ?? ''));
          });
        },
      );
      req.on('timeout', () => req.destroy(new BankIdError(408, 'requestTimeout', `No answer within ${this.timeoutMs} ms`)));
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (retryOnStaleSocket && req.reusedSocket && error.code === 'ECONNRESET') return resolve(this.call<T>(path, body, false));
        reject(error instanceof BankIdError ? error : new BankIdError(0, 'transport', error.message));
      });
      req.end(payload);
    });
  }
}
