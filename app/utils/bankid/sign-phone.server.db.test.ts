import { describe, expect, it } from 'vitest';
import { useBankIdSimulator } from '../../../tests/bankid-sim';
import { useTestDatabase } from '../../../tests/db';
import { countAuditRows } from '~/models/audit.server';
import { followPhoneIdentification, startPhoneIdentification } from './phone.server';
import { refreshOrder, type Caller } from './service.server';
import { completeSigning, SignatureMismatchError, startSigning } from './sign.server';

const db = useTestDatabase();
const sim = useBankIdSimulator();
const ANNA = '198001019804';
const SVEN = '196504129815';
const SESSION = '6f1f0c8e-0000-4000-8000-000000000001';
const caller = (flowToken: string): Caller => ({ flowToken, endUserIp: '127.0.0.1', userAgent: 'vitest', deviceIdentifier: 'd'.repeat(64), referringDomain: 'localhost' });
const payload = { kind: 'registerutdrag', pua: ['SN'], note: 'Alla uppgifter' };

async function signed(signer: string, approver: string) {
  await sim.control('/__sim/reset', {});
  const order = await startSigning(caller(`flow-${Math.random()}`), { summaryMarkdown: '# Begäran\nRegisterutdrag från socialnämnden', payload, signerPnr: signer, sessionId: SESSION, method: 'qr' });
  const r = await sim.control(`/__sim/orders/${order.orderRef}/approve`, { personalNumber: approver });
  return { order, approval: r };
}

describe('signing step', () => {
  it('the app shows the plain-language summary; completion is verified and kept as evidence', async () => {
    const { order } = await signed(ANNA, ANNA);
    const listed = (await sim.control('/__sim/orders')).json as { orderRef: string; type: string; userVisibleData: string }[];
    expect(listed.find((o) => o.orderRef === order.orderRef)).toMatchObject({ type: 'sign', userVisibleData: '# Begäran\nRegisterutdrag från socialnämnden' });
    const done = await refreshOrder(order);
    expect(done.status).toBe('complete');
    const evidence = await completeSigning(done, payload, ANNA);
    expect(evidence).toMatchObject({ orderRef: order.orderRef, payloadHash: expect.stringMatching(/^[0-9a-f]{64}$/), signature: expect.any(String), ocspResponse: expect.any(String) });
    // Consumed once: a second completion yields nothing.
    expect(await completeSigning(done, payload, ANNA)).toBeNull();
  });

  it('only the session user may sign (requirement.personalNumber)', async () => {
    const { approval } = await signed(ANNA, SVEN);
    expect(approval.status).toBeGreaterThanOrEqual(400);
  });

  it('a signature over another payload is rejected', async () => {
    const { order } = await signed(ANNA, ANNA);
    const done = await refreshOrder(order);
    await expect(completeSigning(done, { ...payload, note: 'ändrat' }, ANNA)).rejects.toThrow(SignatureMismatchError);
  });
});

describe('phone identification', () => {
  it('RP-initiated: the official follows it to a verified caller; audited', async () => {
    await sim.control('/__sim/reset', {});
    const order = await startPhoneIdentification({ staffId: 'staff-1', sessionId: SESSION, personnummer: SVEN, callInitiator: 'RP', visibleText: 'Sjöbacka kommun ringer dig' });
    expect(await followPhoneIdentification(order.id, SESSION, 'staff-1')).toEqual({ state: 'pending', rfa: 'RFA21' });
    await sim.control(`/__sim/orders/${order.orderRef}/confirm-call`, {});
    await sim.control(`/__sim/orders/${order.orderRef}/approve`, { personalNumber: SVEN });
    await db.handle.raw.executeSql('update bankid_orders set last_collect_at = null', []); // skip the 2 s cache
    expect(await followPhoneIdentification(order.id, SESSION, 'staff-1')).toEqual({ state: 'verified', personnummer: SVEN, name: 'Sven Svensson' });
    expect(await countAuditRows(db.handle.db, 'bankid.phone-identify')).toBe(1);
    // Another official's session cannot follow it.
    expect(await followPhoneIdentification(order.id, '6f1f0c8e-0000-4000-8000-000000000002', 'staff-2')).toBeNull();
  });

  it('the caller declining the call ends it with RFA6', async () => {
    await sim.control('/__sim/reset', {});
    const order = await startPhoneIdentification({ staffId: 'staff-1', sessionId: SESSION, personnummer: ANNA, callInitiator: 'user', visibleText: 'Identifiering' });
    await sim.control(`/__sim/orders/${order.orderRef}/fail`, { hintCode: 'userDeclinedCall' });
    expect(await followPhoneIdentification(order.id, SESSION, 'staff-1')).toEqual({ state: 'failed', rfa: 'RFA6' });
  });
});
