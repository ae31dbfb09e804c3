import { b64, control, rpCall, startTestSimulator, type TestSimulator } from './test-helpers';

let sim: TestSimulator;

beforeAll(async () => {
  sim = await startTestSimulator({ lifetimeSeconds: 120 });
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(async () => {
  await control(sim, 'POST', '/__sim/reset');
});

const ANNA = '198001019804';
const SVEN = '196504129815';

async function startAuth(extra: Record<string, unknown> = {}): Promise<string> {
  const res = await rpCall(sim, 'auth', { endUserIp: '192.0.2.1', ...extra });
  expect(res.status).toBe(200);
  return res.body.orderRef as string;
}

async function postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(`${sim.controlUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
  return { status: res.status, location: res.headers.get('location') ?? '' };
}

describe('"BankID-appen (simulator)" page', () => {
  it('lists pending orders with the text the user would see, always escaped', async () => {
    const empty = await (await fetch(`${sim.controlUrl}/`)).text();
    expect(empty).toContain('<html lang="sv">');
    expect(empty).toContain('Inga väntande order');
    await startAuth({ userVisibleData: b64('Logga in <script>alert(1)</script>\nrad två') });
    await rpCall(sim, 'sign', { endUserIp: '192.0.2.1', userVisibleData: b64('Jag begär **utdrag** & kopia') });
    const html = await (await fetch(`${sim.controlUrl}/`)).text();
    expect(html).toContain('<h1>BankID-appen (simulator)</h1>');
    expect(html).toContain('Mitt syfte:');
    expect(html).toContain('Du skriver under:');
    expect(html).toContain('Logga in &#60;script&#62;alert(1)&#60;/script&#62;\nrad två');
    expect(html).toContain('Jag begär **utdrag** &#38; kopia');
    expect(html).not.toContain('<script>');
    expect(html).toMatch(/<button>Identifiera<\/button>/);
    expect(html).toMatch(/<button>Skriv under<\/button>/);
    expect(html).toMatch(/<label for="identity-[^"]+">Testperson<\/label>/);
  });

  it('approve with a test identity from the form: redirects back and the order completes', async () => {
    const orderRef = await startAuth();
    const res = await postForm(`/app/orders/${orderRef}/approve`, { identity: ANNA, personalNumber: '', name: '' });
    expect(res).toEqual({ status: 303, location: '/?msg=approve' });
    const collected = await rpCall(sim, 'collect', { orderRef });
    expect(collected.body).toMatchObject({ status: 'complete', completionData: { user: { name: 'Anna Andersson' } } });
    expect(await (await fetch(`${sim.controlUrl}${res.location}`)).text()).toContain('Klart');
  });

  it('approve with a typed personnummer and name, and Avbryt → userCancel', async () => {
    const typed = await startAuth();
    await postForm(`/app/orders/${typed}/approve`, { identity: '', personalNumber: '19780374-9824', name: 'Kim Samordning' });
    expect((await rpCall(sim, 'collect', { orderRef: typed })).body).toMatchObject({
      completionData: { user: { personalNumber: '197803749824', givenName: 'Kim', surname: 'Samordning' } },
    });
    const cancelled = await startAuth();
    expect((await postForm(`/app/orders/${cancelled}/cancel`, {})).status).toBe(303);
    expect((await rpCall(sim, 'collect', { orderRef: cancelled })).body).toMatchObject({ status: 'failed', hintCode: 'userCancel' });
  });

  it('shows an error for an invalid personnummer and leaves the order pending', async () => {
    const orderRef = await startAuth();
    const res = await postForm(`/app/orders/${orderRef}/approve`, { personalNumber: '197803149828' });
    expect(res.location).toMatch(/^\/\?err=/);
    expect(await (await fetch(`${sim.controlUrl}${res.location}`)).text()).toContain('role="alert"');
    expect((await rpCall(sim, 'collect', { orderRef })).body.hintCode).toBe('outstandingTransaction');
  });

  it('refuses cross-origin posts', async () => {
    const orderRef = await startAuth();
    const res = await postForm(`/app/orders/${orderRef}/approve`, { identity: ANNA }, { Origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect((await rpCall(sim, 'collect', { orderRef })).body.status).toBe('pending');
  });
});

describe('control API', () => {
  it('POST /__sim/approve completes the most recent pending order', async () => {
    const older = await startAuth();
    const newer = await startAuth();
    const res = await control(sim, 'POST', '/__sim/approve', { personalNumber: SVEN });
    expect(res.body).toMatchObject({ orderRef: newer, status: 'complete', personalNumber: SVEN });
    expect((await rpCall(sim, 'collect', { orderRef: older })).body.status).toBe('pending');
  });

  it('requirement.personalNumber: approval by someone else is a 400 and the order stays pending', async () => {
    const orderRef = await startAuth({ requirement: { personalNumber: ANNA, pinCode: true } });
    const wrong = await control(sim, 'POST', `/__sim/orders/${orderRef}/approve`, { personalNumber: SVEN });
    expect(wrong.status).toBe(400);
    expect((await control(sim, 'GET', '/__sim/orders')).body[0]).toMatchObject({ orderRef, status: 'pending', personalNumber: ANNA });
  });

  it('phone orders: approve before confirm-call is a 409; after it the order completes', async () => {
    const { orderRef } = (await rpCall(sim, 'phone/sign', { personalNumber: SVEN, callInitiator: 'user', userVisibleData: b64('Text') })).body as { orderRef: string };
    expect((await control(sim, 'POST', `/__sim/orders/${orderRef}/approve`, {})).status).toBe(409);
    const html = await (await fetch(`${sim.controlUrl}/`)).text();
    expect(html).toContain('Ja, jag är i samtal');
    expect((await control(sim, 'POST', `/__sim/orders/${orderRef}/confirm-call`)).body).toMatchObject({ hintCode: 'userSign' });
    expect((await control(sim, 'POST', `/__sim/orders/${orderRef}/approve`, {})).body).toMatchObject({ status: 'complete' });
  });

  it('fail takes any failed hintCode and nothing else; a revoked BankID gives certificateErr', async () => {
    const orderRef = await startAuth();
    expect((await control(sim, 'POST', `/__sim/orders/${orderRef}/fail`, { hintCode: 'userSign' })).status).toBe(400);
    expect((await control(sim, 'POST', `/__sim/orders/${orderRef}/fail`, { hintCode: 'notSupportedByUserApp' })).body).toMatchObject({ status: 'failed' });
    expect((await control(sim, 'POST', `/__sim/orders/${orderRef}/fail`, { hintCode: 'userCancel' })).status).toBe(409);
    const revoked = await startAuth();
    await control(sim, 'POST', `/__sim/orders/${revoked}/approve`, { personalNumber: '195706289849' });
    expect((await rpCall(sim, 'collect', { orderRef: revoked })).body).toMatchObject({ status: 'failed', hintCode: 'certificateErr' });
  });

  it('risk and mrtd: risk from the identity, stepUp only when mrtd was required', async () => {
    const orderRef = await startAuth({ returnRisk: true, requirement: { mrtd: true } });
    await control(sim, 'POST', `/__sim/orders/${orderRef}/approve`, { personalNumber: '199211059838' });
    const data = (await rpCall(sim, 'collect', { orderRef })).body.completionData as Record<string, unknown>;
    expect(data).toMatchObject({ risk: 'high', stepUp: { mrtd: true } });
  });

  it('unknown orders are 404, bad bodies 400, reset clears orders, faults and the clock', async () => {
    expect((await control(sim, 'POST', '/__sim/orders/nope/approve', { personalNumber: ANNA })).status).toBe(404);
    expect((await control(sim, 'POST', '/__sim/clock', { advanceSeconds: 'soon' })).status).toBe(400);
    expect((await control(sim, 'POST', '/__sim/faults', { endpoint: 'login', status: 503, errorCode: 'maintenance' })).status).toBe(400);
    await startAuth();
    await control(sim, 'POST', '/__sim/faults', { endpoint: 'collect', status: 500, errorCode: 'internalError', times: 5 });
    await control(sim, 'POST', '/__sim/clock', { advanceSeconds: 1000 });
    expect((await control(sim, 'POST', '/__sim/reset')).status).toBe(200);
    expect((await control(sim, 'GET', '/__sim/orders')).body).toEqual([]);
    expect((await control(sim, 'GET', '/__sim/faults')).body).toEqual([]);
    const fresh = await startAuth();
    expect((await rpCall(sim, 'collect', { orderRef: fresh })).body.hintCode).toBe('outstandingTransaction');
  });
});
