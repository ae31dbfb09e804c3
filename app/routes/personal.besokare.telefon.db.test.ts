/**
 * Phone identification by reception and kontaktcenter (issue #8): who gets in, the start form's
 * errors, and an identification driven through the BankID simulator (confirm-call, approve) to one
 * identity check, however often the status page is polled — followed only from the official's session.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, bankIdOrders, identityChecks } from '../../db/schema/index';
import { A, addMatrixPeople, args, D, kindOf, L, type Who } from '../../tests/access-matrix';
import { useBankIdSimulator } from '../../tests/bankid-sim';
import { addResident } from '../../tests/cases';
import { useTestDatabase } from '../../tests/db';
import { startPhoneIdentification } from '~/utils/bankid/phone.server';
import { getSession } from '~/utils/session.server';
import { action as startAction, loader as startLoader } from './personal.besokare.telefon._index';
import { action as statusAction, loader as statusLoader } from './personal.besokare.telefon.$orderId';

const t = useTestDatabase();
const sim = useBankIdSimulator();

const SVEN = '196504129815'; // a test identity of the simulator: Sven Svensson
const START = '/personal/besokare/telefon';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const world = {} as { people: Awaited<ReturnType<typeof addMatrixPeople>>['people'] };

beforeAll(async () => {
  const resident = await addResident(t.handle, '198001019804', 'Anna Andersson');
  Object.assign(world, await addMatrixPeople(t.handle, resident.id));
});

beforeEach(async () => {
  await sim.control('/__sim/reset', {});
});

const who = (label: string): Who => world.people[label]!;
const startPage = (w: Who) => startLoader(args(w, START, {}));
const start = (w: Who, form: Record<string, string>, query = '') => startAction(args(w, `${START}${query}`, {}, form));
const status = (w: Who, orderId: string) => statusLoader(args(w, `${START}/${orderId}`, { orderId }));
const cancel = (w: Who, orderId: string) => statusAction(args(w, `${START}/${orderId}`, { orderId }, { intent: 'cancel' }));

/** Runs a loader or action and gives back its Response, thrown or returned. */
async function response(run: () => Promise<unknown>): Promise<Response> {
  try {
    return (await run()) as Response;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

/** The official starts an identification through the form; the order's id from the redirect. */
async function startedBy(w: Who, callInitiator: 'user' | 'RP', query = ''): Promise<string> {
  const res = await response(() => start(w, { personnummer: '19650412-9815', callInitiator }, query));
  expect(res.status).toBe(302);
  const location = res.headers.get('Location')!;
  expect(location).toMatch(new RegExp(`^${START}/${UUID}$`));
  return location.slice(START.length + 1);
}

const orderRefOf = async (orderId: string) => (await t.handle.db.select().from(bankIdOrders).where(eq(bankIdOrders.id, orderId)))[0]!;
const skipCollectCache = () => t.handle.raw.executeSql('update bankid_orders set last_collect_at = null', []);
const checksFor = (orderId: string) => t.handle.db.select().from(identityChecks).where(eq(identityChecks.bankidOrderId, orderId));

describe('who may identify callers', () => {
  const roles = ['samordnare SN', 'handläggare SN, assigned', 'systemägare SN', 'registrator SN', 'reception', 'kontaktcenter', 'dataskyddsombud', 'admin', 'resident'];
  const expected: Record<string, string> = { reception: A, kontaktcenter: A, resident: L };

  it.each(roles)('%s: the start form, starting, and the status page of an order from their own session', async (label) => {
    const w = who(label);
    expect(await kindOf(() => startPage(w))).toBe(expected[label] ?? D);
    // A refused start (no answers) is past the guard: 400 counts as let in.
    expect(await kindOf(() => start(w, {}))).toBe(expected[label] ?? D);
    // An order made in this person's own session (as if they could start one): still only verifiers see it.
    const session = await getSession(new Request('http://localhost/', { headers: { Cookie: w.cookie } }));
    const order = await startPhoneIdentification({ staffId: w.staffId ?? session!.id, sessionId: session!.id, personnummer: SVEN, callInitiator: 'user', visibleText: 'Test' });
    expect(await kindOf(() => status(w, order.id))).toBe(expected[label] ?? D);
  });
});

describe('the start form', () => {
  const errorsOf = async (run: () => Promise<unknown>) => {
    const res = await response(run);
    expect(res.status).toBe(400);
    return ((await res.json()) as { errors: Record<string, string> }).errors;
  };

  it('asks for the personnummer and who called, and says what is wrong with the number', async () => {
    const page = await response(() => startPage(who('reception')));
    expect(((await page.json()) as { title: string }).title).toMatch(/^Identifiera med BankID i telefon – /);
    expect(await errorsOf(() => start(who('reception'), {}))).toEqual({ personnummer: 'required', callInitiator: 'required' });
    expect(await errorsOf(() => start(who('reception'), { personnummer: '19650412-9816', callInitiator: 'user' }))).toEqual({ personnummer: 'checksum' });
    expect(await errorsOf(() => start(who('reception'), { personnummer: '1965041', callInitiator: 'RP' }))).toEqual({ personnummer: 'format' });
    expect(await errorsOf(() => start(who('reception'), { personnummer: '19651332-9815', callInitiator: 'RP' }))).toEqual({ personnummer: 'date' });
    expect(await errorsOf(() => start(who('reception'), { personnummer: SVEN, callInitiator: 'bank' }))).toEqual({ callInitiator: 'required' });
    // Nothing was started at BankID.
    expect((await sim.control('/__sim/orders')).json).toEqual([]);
  });

  it('starts phone/auth for the number with the kommun named in the official language, and who called', async () => {
    const orderId = await startedBy(who('reception'), 'RP');
    const order = await orderRefOf(orderId);
    expect(order).toMatchObject({ type: 'phone/auth', purpose: 'phone_auth', details: { callInitiator: 'RP' } });
    const listed = (await sim.control('/__sim/orders')).json as { orderRef: string; type: string; personalNumber: string; userVisibleData: string }[];
    expect(listed).toEqual([expect.objectContaining({ orderRef: order.orderRef, type: 'phone/auth', personalNumber: SVEN, userVisibleData: 'Sjöbacka kommun vill bekräfta din identitet i telefonsamtalet.' })]);

    await sim.control('/__sim/reset', {});
    const english = await orderRefOf(await startedBy(who('kontaktcenter'), 'user', '?lng=en'));
    expect(english.details).toMatchObject({ callInitiator: 'user' });
    const listedEn = (await sim.control('/__sim/orders')).json as { userVisibleData: string }[];
    expect(listedEn[0]!.userVisibleData).toBe('Sjöbacka kommun wants to confirm your identity in the phone call.');
  });
});

describe('following the identification', () => {
  it('pending until the caller confirms the call and approves; then one identity check and on to its page', async () => {
    const reception = who('reception');
    const orderId = await startedBy(reception, 'RP');
    const { orderRef } = await orderRefOf(orderId);

    const pending = await response(() => status(reception, orderId));
    expect(pending.status).toBe(200);
    expect(await pending.json()).toMatchObject({ state: 'pending', rfa: 'RFA21', title: expect.stringMatching(/^Identifiering med BankID pågår – /) });

    // Another official — even one who may verify identities — cannot follow or cancel it.
    expect(await kindOf(() => status(who('kontaktcenter'), orderId))).toBe(D);
    expect(await kindOf(() => cancel(who('kontaktcenter'), orderId))).toBe(D);

    expect((await sim.control(`/__sim/orders/${orderRef}/confirm-call`, {})).status).toBe(200);
    expect((await sim.control(`/__sim/orders/${orderRef}/approve`, { personalNumber: SVEN })).status).toBe(200);
    await skipCollectCache();

    // Two polls at once (two tabs, or a revalidation racing the no-JavaScript refresh): one check for both.
    const [done, twin] = await Promise.all([response(() => status(reception, orderId)), response(() => status(reception, orderId))]);
    expect(done.status).toBe(302);
    const location = done.headers.get('Location')!;
    expect(location).toMatch(new RegExp(`^/personal/besokare/${UUID}$`));
    expect(twin.headers.get('Location')).toBe(location);
    const checkId = location.split('/').pop();

    // Polled again (a reload, a second tab): the same check, not a second one.
    await skipCollectCache();
    const again = await response(() => status(reception, orderId));
    expect(again.headers.get('Location')).toBe(location);
    const checks = await checksFor(orderId);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ id: checkId, method: 'bankid_phone', name: 'Sven Svensson', staffUserId: reception.staffId });

    // Audited once each — the identification and the check — and the personnummer is in neither in clear.
    const audit = await t.handle.db.select().from(auditLog);
    expect(audit.filter((r) => r.action === 'bankid.phone-identify' && r.entityId === orderId)).toHaveLength(1);
    expect(audit.filter((r) => r.action === 'identity.checked' && r.entityId === checkId)).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(SVEN);

    expect(await kindOf(() => status(who('kontaktcenter'), orderId))).toBe(D);
  });

  it('a declined call ends it: the RFA text and a new try, no identity check', async () => {
    const orderId = await startedBy(who('kontaktcenter'), 'user');
    const { orderRef } = await orderRefOf(orderId);
    await sim.control(`/__sim/orders/${orderRef}/fail`, { hintCode: 'userDeclinedCall' });
    const res = await response(() => status(who('kontaktcenter'), orderId));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ state: 'failed', rfa: 'RFA6', title: expect.stringMatching(/^Identifieringen blev inte klar – /) });
    expect(await checksFor(orderId)).toHaveLength(0);
  });

  it('"Avbryt" cancels the order at BankID and goes back to the form', async () => {
    const orderId = await startedBy(who('reception'), 'user');
    const { orderRef } = await orderRefOf(orderId);
    const res = await response(() => cancel(who('reception'), orderId));
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(START);
    expect(((await sim.control(`/__sim/orders/${orderRef}`)).json as { status: string }).status).toBe('failed');
    expect(await (await response(() => status(who('reception'), orderId))).json()).toMatchObject({ state: 'failed', rfa: 'RFA3' });
  });

  it('an id that is not a uuid, or no order, is 404', async () => {
    expect(await kindOf(() => status(who('reception'), 'not-a-uuid'))).toBe(D);
    expect(await kindOf(() => status(who('reception'), '00000000-0000-4000-8000-000000000000'))).toBe(D);
  });
});
