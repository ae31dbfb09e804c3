import { qrData } from './qr';
import { b64, control, rpCall, startTestSimulator, type TestSimulator } from './test-helpers';

let sim: TestSimulator;

beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(async () => {
  await control(sim, 'POST', '/__sim/reset');
});

const ANNA = '198001019804';

describe('RP API over mutual TLS', () => {
  it('reports the URL and certificate material like BankID test would need', () => {
    expect(sim.rpUrl).toMatch(/^https:\/\/localhost:\d+\/rp\/v6\.0\/$/);
    expect(sim.passphrase).toBe('qwerty123');
    expect(sim.pfxPath.endsWith('rp-client.p12')).toBe(true);
  });

  it('refuses a connection without a client certificate', async () => {
    const outcome = await rpCall(sim, 'auth', { endUserIp: '192.0.2.1' }, { withoutClientCert: true }).then(
      (res) => res.status,
      (error: NodeJS.ErrnoException) => error.code ?? 'TLS error',
    );
    expect(outcome === 401 || outcome === 403 || typeof outcome === 'string').toBe(true);
  });

  it('answers 415 to a charset parameter, 405 to GET and 404 to unknown paths', async () => {
    const charset = await rpCall(sim, 'auth', { endUserIp: '192.0.2.1' }, { contentType: 'application/json; charset=UTF-8' });
    expect(charset).toEqual({ status: 415, body: { errorCode: 'unsupportedMediaType', details: expect.any(String) } });
    expect((await rpCall(sim, 'auth', {}, { contentType: null })).status).toBe(415);
    const get = await rpCall(sim, 'collect', undefined, { method: 'GET' });
    expect(get).toMatchObject({ status: 405, body: { errorCode: 'methodNotAllowed' } });
    expect(await rpCall(sim, 'authenticate')).toMatchObject({ status: 404, body: { errorCode: 'notFound' } });
    // The control API is not reachable through the RP port.
    expect((await rpCall(sim, '/__sim/reset')).status).toBe(404);
  });

  it('validates parameters with helpful details', async () => {
    const cases: Array<[string, unknown, RegExp]> = [
      ['auth', {}, /Missing endUserIp/],
      ['auth', { endUserIp: 'not-an-ip' }, /endUserIp/],
      ['auth', { endUserIp: '::1', userVisibleData: 'not base64!' }, /userVisibleData/],
      ['auth', { endUserIp: '::1', userVisibleDataFormat: 'markdown' }, /userVisibleDataFormat/],
      ['auth', { endUserIp: '::1', web: { userAgent: 'x'.repeat(257) } }, /web.userAgent/],
      ['auth', { endUserIp: '::1', returnUrl: `https://x.se/${'a'.repeat(512)}` }, /returnUrl/],
      ['auth', { endUserIp: '::1', requirement: { cardReader: 'class3' } }, /requirement.cardReader/],
      ['auth', { endUserIp: '::1', personalNumber: ANNA }, /Unknown parameter: personalNumber/],
      ['sign', { endUserIp: '192.0.2.1' }, /Missing userVisibleData/],
      ['phone/auth', { personalNumber: '8001019804', callInitiator: 'RP' }, /personalNumber/],
      ['phone/auth', { personalNumber: ANNA, callInitiator: 'bank' }, /callInitiator/],
      ['collect', {}, /Missing orderRef/],
    ];
    for (const [endpoint, body, details] of cases) {
      const res = await rpCall(sim, endpoint, body);
      expect(res.status, `${endpoint} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body.errorCode).toBe('invalidParameters');
      expect(res.body.details).toMatch(details);
    }
    const badJson = await rpCall(sim, 'auth', undefined, { rawBody: '{"endUserIp":' });
    expect(badJson).toMatchObject({ status: 400, body: { errorCode: 'invalidParameters' } });
    const unknown = await rpCall(sim, 'collect', { orderRef: '00000000-0000-0000-0000-000000000000' });
    expect(unknown).toEqual({ status: 400, body: { errorCode: 'invalidParameters', details: 'No such order' } });
  });

  it('auth → QR scan through the control API → collect complete', async () => {
    const auth = await rpCall(sim, 'auth', { endUserIp: '192.0.2.7', userVisibleData: b64('Logga in på Dataskyddsportalen'), returnRisk: true, userNonVisibleData: b64('nonce') });
    expect(auth.status).toBe(200);
    expect(Object.keys(auth.body).sort()).toEqual(['autoStartToken', 'orderRef', 'qrStartSecret', 'qrStartToken']);
    const { orderRef, qrStartToken, qrStartSecret } = auth.body as Record<string, string>;

    expect(await rpCall(sim, 'collect', { orderRef })).toEqual({ status: 200, body: { orderRef, status: 'pending', hintCode: 'outstandingTransaction' } });
    const listed = (await control(sim, 'GET', '/__sim/orders')).body;
    expect(listed).toEqual([
      expect.objectContaining({ orderRef, type: 'auth', status: 'pending', hintCode: 'outstandingTransaction', userVisibleData: 'Logga in på Dataskyddsportalen', endUserIp: '192.0.2.7', createdAt: expect.any(String) }),
    ]);

    const forged = await control(sim, 'POST', '/__sim/scan', { qrData: `bankid.${qrStartToken}.0.${'a'.repeat(64)}`, personalNumber: ANNA });
    expect(forged.status).toBe(400);
    expect(forged.body.error).toMatch(/Forged/);
    const scan = await control(sim, 'POST', '/__sim/scan', { qrData: qrData(qrStartToken!, qrStartSecret!, 0), personalNumber: ANNA });
    expect(scan).toMatchObject({ status: 200, body: { hintCode: 'userSign', personalNumber: ANNA } });
    expect((await rpCall(sim, 'collect', { orderRef })).body.hintCode).toBe('userSign');

    expect((await control(sim, 'POST', `/__sim/orders/${orderRef}/approve`, { personalNumber: ANNA })).status).toBe(200);
    const done = await rpCall(sim, 'collect', { orderRef });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      orderRef,
      status: 'complete',
      completionData: {
        user: { personalNumber: ANNA, name: 'Anna Andersson', givenName: 'Anna', surname: 'Andersson' },
        device: { ipAddress: '192.0.2.7', uhi: expect.any(String) },
        bankIdIssueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        signature: expect.any(String),
        ocspResponse: expect.any(String),
        risk: 'low',
      },
    });
    expect(done.body.hintCode).toBeUndefined();
    const xml = Buffer.from((done.body.completionData as { signature: string }).signature, 'base64').toString('utf8');
    expect(xml).toContain(b64('Logga in på Dataskyddsportalen'));
    expect(xml).toContain(`<usrNonVisibleData>${b64('nonce')}</usrNonVisibleData>`);
    expect(xml).toContain(`<srvInfo><name>${b64('Dataskyddsportalen RP (simulator)')}</name>`);
  });

  it('cancel answers {} once, then invalidParameters', async () => {
    const { orderRef } = (await rpCall(sim, 'auth', { endUserIp: '192.0.2.1' })).body as { orderRef: string };
    expect(await rpCall(sim, 'cancel', { orderRef })).toEqual({ status: 200, body: {} });
    expect(await rpCall(sim, 'cancel', { orderRef })).toMatchObject({ status: 400, body: { errorCode: 'invalidParameters' } });
    expect(await rpCall(sim, 'collect', { orderRef })).toMatchObject({ status: 400, body: { errorCode: 'invalidParameters' } });
  });

  it('alreadyInProgress: both orders die', async () => {
    const first = await rpCall(sim, 'phone/auth', { personalNumber: ANNA, callInitiator: 'RP' });
    expect(Object.keys(first.body)).toEqual(['orderRef']);
    const second = await rpCall(sim, 'auth', { endUserIp: '192.0.2.1', requirement: { personalNumber: ANNA } });
    expect(second).toMatchObject({ status: 400, body: { errorCode: 'alreadyInProgress' } });
    expect(await rpCall(sim, 'collect', first.body)).toMatchObject({ body: { status: 'failed', hintCode: 'cancelled' } });
  });

  it('fault injection: 503 maintenance once, then normal service; "*" matches any endpoint', async () => {
    expect((await control(sim, 'POST', '/__sim/faults', { endpoint: 'auth', status: 503, errorCode: 'maintenance', times: 1 })).status).toBe(201);
    expect(await rpCall(sim, 'auth', { endUserIp: '192.0.2.1' })).toMatchObject({ status: 503, body: { errorCode: 'maintenance', details: expect.any(String) } });
    const ok = await rpCall(sim, 'auth', { endUserIp: '192.0.2.1' });
    expect(ok.status).toBe(200);
    await control(sim, 'POST', '/__sim/faults', { endpoint: '*', status: 429, errorCode: 'tooManyRequests', times: 2 });
    expect((await rpCall(sim, 'collect', ok.body)).status).toBe(429);
    expect((await rpCall(sim, 'sign', {})).status).toBe(429);
    expect((await rpCall(sim, 'collect', ok.body)).status).toBe(200);
  });

  it('the clock: no scan within 30 s → startFailed; lifetime → expiredTransaction', async () => {
    const a = (await rpCall(sim, 'auth', { endUserIp: '192.0.2.1' })).body;
    const b = (await rpCall(sim, 'auth', { endUserIp: '192.0.2.1' })).body as { orderRef: string };
    await control(sim, 'POST', `/__sim/orders/${b.orderRef}/approve`, { personalNumber: '196504129815' }).then((r) => expect(r.status).toBe(200));
    const c = (await rpCall(sim, 'sign', { endUserIp: '192.0.2.1', userVisibleData: b64('Text') })).body as { orderRef: string; autoStartToken: string };
    await control(sim, 'POST', '/__sim/autostart', { autoStartToken: c.autoStartToken });
    expect((await control(sim, 'POST', '/__sim/clock', { advanceSeconds: 31 })).status).toBe(200);
    expect(await rpCall(sim, 'collect', a)).toMatchObject({ body: { status: 'failed', hintCode: 'startFailed' } });
    expect(await rpCall(sim, 'collect', b)).toMatchObject({ body: { status: 'complete' } });
    expect(await rpCall(sim, 'collect', c)).toMatchObject({ body: { status: 'pending', hintCode: 'started' } });
    await control(sim, 'POST', '/__sim/clock', { advanceSeconds: 150 });
    expect(await rpCall(sim, 'collect', c)).toMatchObject({ body: { status: 'failed', hintCode: 'expiredTransaction' } });
  });
});
