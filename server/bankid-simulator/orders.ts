/**
 * The order store: everything BankID's server remembers about orders, and the actions that move
 * them along. RP calls (create/collect/cancel) and the simulated user's actions (scan, autostart,
 * confirm call, approve, fail) all go through here; timeouts are applied lazily on every read.
 *
 * Life of an order:
 *   auth/sign:   outstandingTransaction → (scan | autostart) started → [userMrtd] → userSign → complete
 *   phone/*:     userCallConfirm → (confirm call) → [userMrtd] → userSign → complete
 *   any pending: → failed(hintCode); no pick-up in 30 s → startFailed; past lifetime → expiredTransaction.
 */
import { randomUUID } from 'node:crypto';
import { buildCompletionData, type Signer } from './completion';
import { resolveIdentity, type TestIdentity } from './identities';
import { parseQr, verifyQr } from './qr';
import { applyTime, DEFAULT_LIFETIME_SECONDS, finish, hintAfterIdentified, isPhone, SimError } from './state';
import type { FailedHint, Order, OrderRequest, SimClock } from './state';

/** Finished orders stay collectable this long (BankID keeps them for a while, then forgets them). */
const KEEP_FINISHED_MS = 10 * 60 * 1000;

export interface OrderStoreOptions {
  clock: SimClock;
  lifetimeSeconds?: number;
  signer: Signer;
}

export type CreateResult = { ok: true; order: Order } | { ok: false; errorCode: 'alreadyInProgress'; details: string };

export class OrderStore {
  private readonly orders = new Map<string, Order>();
  private readonly lifetimeMs: number;

  constructor(private readonly options: OrderStoreOptions) {
    this.lifetimeMs = (options.lifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS) * 1000;
  }

  now(): number {
    return this.options.clock.now();
  }

  // ---- RP side ------------------------------------------------------------------------------

  create(request: OrderRequest, rpName: string): CreateResult {
    const personalNumber = request.personalNumber ?? request.requirement?.personalNumber;
    if (personalNumber && this.killActiveFor(personalNumber) > 0) {
      // BankID's rule: a second order for someone with an order in progress ends both.
      return { ok: false, errorCode: 'alreadyInProgress', details: 'Order already in progress for pno' };
    }
    const phone = isPhone(request.type);
    const order: Order = {
      orderRef: randomUUID(),
      type: request.type,
      request,
      rpName,
      createdAt: this.now(),
      status: 'pending',
      hintCode: phone ? 'userCallConfirm' : 'outstandingTransaction',
      personalNumber,
      ...(phone ? {} : { autoStartToken: randomUUID(), qrStartToken: randomUUID(), qrStartSecret: randomUUID() }),
    };
    this.orders.set(order.orderRef, order);
    return { ok: true, order };
  }

  /** The order as the RP may see it: undefined for unknown, forgotten or RP-cancelled orders. */
  collect(orderRef: string): Order | undefined {
    const order = this.find(orderRef);
    return order && !order.hiddenFromRp ? order : undefined;
  }

  /** RP cancel. False when there is nothing pending to cancel (→ invalidParameters). */
  cancel(orderRef: string): boolean {
    const order = this.collect(orderRef);
    if (!order || order.status !== 'pending') return false;
    finish(order, this.now(), 'failed', 'cancelled');
    order.hiddenFromRp = true;
    return true;
  }

  // ---- Control side -------------------------------------------------------------------------

  list(): Order[] {
    this.sweep();
    return [...this.orders.values()].sort((a, b) => a.createdAt - b.createdAt);
  }

  get(orderRef: string): Order {
    const order = this.find(orderRef);
    if (!order) throw new SimError(404, `No such order: ${orderRef}`);
    return order;
  }

  /** The app read a QR code. With a personal number the user is also identified (→ userSign). */
  scan(qrData: string, personalNumber?: string, name?: string): Order {
    const parsed = parseQr(qrData);
    if (!parsed) throw new SimError(400, 'Not a BankID QR code: expected bankid.<qrStartToken>.<qrTime>.<qrAuthCode>');
    const order = this.list().find((o) => o.qrStartToken === parsed.qrStartToken);
    if (!order) throw new SimError(400, 'Unknown qrStartToken: no order has this QR code');
    this.requirePickUp(order, 'QR scan');
    const elapsed = Math.floor((this.now() - order.createdAt) / 1000);
    const check = verifyQr(parsed, order.qrStartSecret as string, elapsed);
    if (!check.ok && check.reason === 'forged') throw new SimError(400, 'Forged QR code: qrAuthCode does not match the HMAC of qrTime');
    if (!check.ok) throw new SimError(400, `Stale QR code: qrTime ${parsed.qrTime} s but the order is ${elapsed} s old`);
    return this.pickUp(order, personalNumber, name);
  }

  /** The app was started on the same device with this autoStartToken. */
  autostart(autoStartToken: string, personalNumber?: string, name?: string): Order {
    const order = this.list().find((o) => o.autoStartToken === autoStartToken);
    if (!order) throw new SimError(400, 'Unknown autoStartToken');
    this.requirePickUp(order, 'autostart');
    return this.pickUp(order, personalNumber, name);
  }

  /** Phone orders: the user confirms in the app that they are in a call with the RP. */
  confirmCall(orderRef: string): Order {
    const order = this.pending(orderRef);
    if (order.hintCode !== 'userCallConfirm') throw new SimError(409, `Order is not waiting for a call confirmation (hintCode ${order.hintCode})`);
    const identity = this.identityFor(order, order.personalNumber as string);
    if (identity.revoked) return this.failWith(order, 'certificateErr');
    order.identity = identity;
    order.hintCode = hintAfterIdentified(order);
    return order;
  }

  /** The user photographed their ID document (requirement.mrtd). */
  documentScanned(orderRef: string): Order {
    const order = this.pending(orderRef);
    if (order.hintCode !== 'userMrtd') throw new SimError(409, `Order is not waiting for an ID document (hintCode ${order.hintCode})`);
    order.hintCode = 'userSign';
    return order;
  }

  /**
   * The user identifies or signs. Performs whatever steps remain (pick-up, ID document) the way
   * a person tapping through the app would; a phone order must have its call confirmed first.
   */
  approve(orderRef: string, personalNumber?: string, name?: string): Order {
    let order = this.pending(orderRef);
    if (order.hintCode === 'userCallConfirm') throw new SimError(409, 'Phone order: confirm the call first (POST /__sim/orders/:orderRef/confirm-call)');
    if (order.hintCode === 'outstandingTransaction' || order.hintCode === 'started' || order.hintCode === 'noClient') {
      const who = personalNumber ?? order.personalNumber;
      if (!who) throw new SimError(400, 'personalNumber is required: who identifies or signs?');
      order = this.pickUp(order, who, name);
      if (order.status !== 'pending') return order;
    } else if (personalNumber && personalNumber.replace(/\D/g, '') !== order.personalNumber) {
      throw new SimError(400, 'The order has been picked up by another person');
    }
    if (order.hintCode === 'userMrtd') order.hintCode = 'userSign';
    const identity = order.identity ?? this.identityFor(order, order.personalNumber as string, name);
    finish(order, this.now(), 'complete', buildCompletionData(order, identity, this.options.signer));
    return order;
  }

  /** The most recently created pending order. */
  latestPending(): Order {
    const order = this.list().filter((o) => o.status === 'pending').pop();
    if (!order) throw new SimError(404, 'No pending order');
    return order;
  }

  fail(orderRef: string, hintCode: FailedHint): Order {
    return this.failWith(this.pending(orderRef), hintCode);
  }

  reset(): void {
    this.orders.clear();
  }

  // ---- Internals ----------------------------------------------------------------------------

  private find(orderRef: string): Order | undefined {
    this.sweep();
    return this.orders.get(orderRef);
  }

  /** Applies timeouts to every order and forgets long-finished ones. */
  private sweep(): void {
    const now = this.now();
    for (const order of this.orders.values()) {
      applyTime(order, now, this.lifetimeMs);
      if (order.finishedAt !== undefined && now - order.finishedAt > KEEP_FINISHED_MS) this.orders.delete(order.orderRef);
    }
  }

  private pending(orderRef: string): Order {
    const order = this.get(orderRef);
    if (order.status !== 'pending') throw new SimError(409, `Order is ${order.status} (${order.hintCode ?? 'no hintCode'})`);
    return order;
  }

  private requirePickUp(order: Order, what: string): void {
    if (order.status !== 'pending' || order.hintCode !== 'outstandingTransaction') {
      throw new SimError(400, `Order is not waiting for a ${what} (status ${order.status}, hintCode ${order.hintCode ?? '-'})`);
    }
  }

  /** The app has the order. Knowing the person moves it to userMrtd/userSign, else it waits in started. */
  private pickUp(order: Order, personalNumber?: string, name?: string): Order {
    if (!personalNumber) {
      order.hintCode = 'started';
      return order;
    }
    const identity = this.identityFor(order, personalNumber, name);
    // The app runs one order at a time: another order this person had going is cancelled.
    this.killActiveFor(identity.personalNumber, order.orderRef);
    order.personalNumber = identity.personalNumber;
    order.identity = identity;
    if (identity.revoked) return this.failWith(order, 'certificateErr');
    order.hintCode = hintAfterIdentified(order);
    return order;
  }

  /** Resolves the acting person, enforcing requirement.personalNumber and an earlier binding. */
  private identityFor(order: Order, personalNumber: string, name?: string): TestIdentity {
    const identity = resolveIdentity(personalNumber, name);
    if (!identity) throw new SimError(400, 'Invalid personal number: 12 digits (YYYYMMDDNNNC) with a valid check digit');
    const required = order.request.requirement?.personalNumber ?? order.request.personalNumber;
    if (required && required !== identity.personalNumber) {
      throw new SimError(400, 'Only the person in requirement.personalNumber may complete this order');
    }
    if (order.personalNumber && order.personalNumber !== identity.personalNumber) {
      throw new SimError(400, 'The order has been picked up by another person');
    }
    return identity;
  }

  private failWith(order: Order, hintCode: FailedHint): Order {
    finish(order, this.now(), 'failed', hintCode);
    return order;
  }

  /** Fails every pending order of this person with `cancelled`; returns how many. */
  private killActiveFor(personalNumber: string, exceptOrderRef?: string): number {
    let killed = 0;
    for (const order of this.list()) {
      if (order.status === 'pending' && order.personalNumber === personalNumber && order.orderRef !== exceptOrderRef) {
        finish(order, this.now(), 'failed', 'cancelled');
        killed++;
      }
    }
    return killed;
  }
}
