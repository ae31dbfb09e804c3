import { OrderStore } from './orders';
import { qrData } from './qr';
import { createClock, SimError, type Order, type OrderRequest, type SimClock } from './state';

const ANNA = '198001019804';
const SVEN = '196504129815';
const REVOKED = '195706289849';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

let clock: SimClock;
let store: OrderStore;

beforeEach(() => {
  const start = Date.UTC(2025, 0, 1, 12, 0, 0);
  clock = createClock(() => start); // frozen: only advance() moves time
  store = new OrderStore({ clock, lifetimeSeconds: 180, signer: () => 'c2ln' });
});

function create(request: Partial<OrderRequest> = {}): Order {
  const result = store.create({ type: 'auth', endUserIp: '192.0.2.1', ...request }, 'Test RP');
  if (!result.ok) throw new Error(result.details);
  return result.order;
}

const scanNow = (order: Order, pnr?: string) =>
  store.scan(qrData(order.qrStartToken!, order.qrStartSecret!, Math.floor((clock.now() - order.createdAt) / 1000)), pnr);

describe('order state machine', () => {
  it('auth: outstandingTransaction → scan → userSign → complete', () => {
    const order = create({ userVisibleData: b64('Logga in'), returnRisk: true });
    expect(store.collect(order.orderRef)).toMatchObject({ status: 'pending', hintCode: 'outstandingTransaction' });
    clock.advance(5);
    scanNow(order, ANNA);
    expect(store.collect(order.orderRef)).toMatchObject({ status: 'pending', hintCode: 'userSign', personalNumber: ANNA });
    store.approve(order.orderRef);
    const done = store.collect(order.orderRef)!;
    expect(done.status).toBe('complete');
    expect(done.hintCode).toBeUndefined();
    expect(done.completionData).toMatchObject({
      user: { personalNumber: ANNA, name: 'Anna Andersson', givenName: 'Anna', surname: 'Andersson' },
      device: { ipAddress: '192.0.2.1' },
      bankIdIssueDate: '2020-01-20',
      risk: 'low',
    });
    expect(done.completionData!.stepUp).toBeUndefined();
    const xml = Buffer.from(done.completionData!.signature, 'base64').toString('utf8');
    expect(xml).toContain(`<usrVisibleData charset="UTF-8" visible="wysiwys">${b64('Logga in')}</usrVisibleData>`);
    expect(xml).toContain('<srvInfo>');
  });

  it('autostart without a person waits in started until someone approves', () => {
    const order = create();
    store.autostart(order.autoStartToken!);
    expect(store.collect(order.orderRef)!.hintCode).toBe('started');
    clock.advance(40); // past the start window: the app has already picked it up
    expect(store.collect(order.orderRef)!.hintCode).toBe('started');
    store.approve(order.orderRef, SVEN);
    expect(store.collect(order.orderRef)!.completionData!.user.name).toBe('Sven Svensson');
  });

  it('fails with startFailed when nobody picks the order up within 30 s', () => {
    const order = create();
    clock.advance(29);
    expect(store.collect(order.orderRef)!.status).toBe('pending');
    clock.advance(1);
    expect(store.collect(order.orderRef)).toMatchObject({ status: 'failed', hintCode: 'startFailed' });
    expect(() => scanNow(order, ANNA)).toThrow(/not waiting/);
  });

  it('fails with expiredTransaction past the lifetime', () => {
    const order = create();
    clock.advance(10);
    scanNow(order, ANNA);
    clock.advance(169);
    expect(store.collect(order.orderRef)!.hintCode).toBe('userSign');
    clock.advance(1);
    expect(store.collect(order.orderRef)).toMatchObject({ status: 'failed', hintCode: 'expiredTransaction' });
    expect(() => store.approve(order.orderRef)).toThrow(SimError);
  });

  it('a second order for the same person: the new one is refused and the old one is cancelled', () => {
    const first = create({ type: 'sign', userVisibleData: b64('Skriv under'), requirement: { personalNumber: ANNA } });
    const second = store.create({ type: 'auth', endUserIp: '192.0.2.2', requirement: { personalNumber: ANNA } }, 'Test RP');
    expect(second).toMatchObject({ ok: false, errorCode: 'alreadyInProgress' });
    expect(store.collect(first.orderRef)).toMatchObject({ status: 'failed', hintCode: 'cancelled' });
    // With nothing in progress any more, a new order for the person goes through.
    expect(store.create({ type: 'auth', endUserIp: '192.0.2.2', requirement: { personalNumber: ANNA } }, 'Test RP').ok).toBe(true);
  });

  it('counts the person who picked an order up as having it in progress', () => {
    const first = create();
    scanNow(first, SVEN);
    const phone = store.create({ type: 'phone/auth', personalNumber: SVEN, callInitiator: 'RP' }, 'Test RP');
    expect(phone).toMatchObject({ ok: false, errorCode: 'alreadyInProgress' });
    expect(store.collect(first.orderRef)!.hintCode).toBe('cancelled');
  });

  it('mrtd: userMrtd before userSign, and stepUp in completionData', () => {
    const order = create({ requirement: { mrtd: true } });
    scanNow(order, ANNA);
    expect(store.collect(order.orderRef)!.hintCode).toBe('userMrtd');
    store.documentScanned(order.orderRef);
    expect(store.collect(order.orderRef)!.hintCode).toBe('userSign');
    store.approve(order.orderRef);
    expect(store.collect(order.orderRef)!.completionData!.stepUp).toEqual({ mrtd: true });
  });

  it('phone: userCallConfirm until the call is confirmed, no start window', () => {
    const result = store.create({ type: 'phone/sign', personalNumber: SVEN, callInitiator: 'user', userVisibleData: b64('Text') }, 'Test RP');
    if (!result.ok) throw new Error(result.details);
    const { orderRef, qrStartToken } = result.order;
    expect(qrStartToken).toBeUndefined();
    expect(store.collect(orderRef)!.hintCode).toBe('userCallConfirm');
    expect(() => store.approve(orderRef)).toThrow(expect.objectContaining({ status: 409 }));
    clock.advance(60);
    store.confirmCall(orderRef);
    expect(store.collect(orderRef)!.hintCode).toBe('userSign');
    store.approve(orderRef);
    expect(store.collect(orderRef)!.completionData!.user.personalNumber).toBe(SVEN);
  });

  it('requirement.personalNumber: another person cannot complete, the order stays pending', () => {
    const order = create({ requirement: { personalNumber: ANNA } });
    expect(() => store.approve(order.orderRef, SVEN)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => scanNow(order, SVEN)).toThrow(/requirement.personalNumber/);
    expect(store.collect(order.orderRef)!.hintCode).toBe('outstandingTransaction');
    store.approve(order.orderRef, ANNA);
    expect(store.collect(order.orderRef)!.status).toBe('complete');
  });

  it('a revoked BankID fails with certificateErr', () => {
    const order = create();
    store.approve(order.orderRef, REVOKED);
    expect(store.collect(order.orderRef)).toMatchObject({ status: 'failed', hintCode: 'certificateErr' });
  });

  it('rejects forged and stale QR codes', () => {
    const order = create();
    clock.advance(10);
    const forged = `bankid.${order.qrStartToken}.10.${'0'.repeat(64)}`;
    expect(() => store.scan(forged, ANNA)).toThrow(/Forged QR code/);
    expect(() => store.scan(qrData(order.qrStartToken!, order.qrStartSecret!, 3), ANNA)).toThrow(/Stale QR code/);
    expect(store.scan(qrData(order.qrStartToken!, order.qrStartSecret!, 8), ANNA).hintCode).toBe('userSign');
  });

  it('RP cancel: {} once, then the order is gone for the RP; fail() sets any failed hint', () => {
    const order = create();
    expect(store.cancel(order.orderRef)).toBe(true);
    expect(store.cancel(order.orderRef)).toBe(false);
    expect(store.collect(order.orderRef)).toBeUndefined();
    expect(store.get(order.orderRef)).toMatchObject({ status: 'failed', hintCode: 'cancelled' });
    const other = create();
    store.fail(other.orderRef, 'transactionRiskBlocked');
    expect(store.collect(other.orderRef)).toMatchObject({ status: 'failed', hintCode: 'transactionRiskBlocked' });
    expect(store.cancel(other.orderRef)).toBe(false);
  });
});
