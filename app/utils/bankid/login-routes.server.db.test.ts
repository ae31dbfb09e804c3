/** Login flow at the route-logic level: order binding, one-time consumption, staff provisioning. */
import { describe, expect, it } from 'vitest';
import { useBankIdSimulator } from '../../../tests/bankid-sim';
import { useTestDatabase } from '../../../tests/db';
import { countAuditRows } from '~/models/audit.server';
import fs from 'node:fs';
import { validateSamverkanConfig } from '~/domain/samverkan-config';
import { importSamverkanConfig } from '~/models/organisation.server';
import { CSRF_FIELD, getCsrfToken } from '../csrf.server';
import { getSession } from '../session.server';
import { loginStatusLoader, startLoginAction } from './login-routes.server';

const db = useTestDatabase();
const sim = useBankIdSimulator();
const context = { cspNonce: '', clientIp: '127.0.0.1' };

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');

/** A browser: keeps its cookies across requests. */
async function browser() {
  const csrf = await getCsrfToken(new Request('http://localhost/'));
  let jar = csrf.setCookie!.split(';')[0]!;
  const remember = (res: Response) => {
    const fresh = cookiesOf(res);
    if (fresh) jar = `${jar}; ${fresh}`;
  };
  return {
    get jar() {
      return jar;
    },
    async start(kind: 'resident' | 'staff', method = 'qr') {
      const body = new URLSearchParams({ method, [CSRF_FIELD]: csrf.token });
      const res = (await startLoginAction(new Request('http://localhost/logga-in', { method: 'POST', body, headers: { Cookie: jar } }), context, kind)) as Response;
      remember(res);
      return res;
    },
    async status(kind: 'resident' | 'staff'): Promise<Response> {
      try {
        const res = await loginStatusLoader(new Request('http://localhost/logga-in/bankid', { headers: { Cookie: jar } }), context, kind);
        remember(res);
        return res;
      } catch (thrown) {
        if (!(thrown instanceof Response)) throw thrown;
        remember(thrown);
        return thrown;
      }
    },
  };
}

async function approveLatest(personalNumber: string) {
  const r = await sim.control('/__sim/approve', { personalNumber });
  expect(r.status).toBe(200);
}

describe('BankID login flows', () => {
  it('an order started in one browser cannot be completed into another', async () => {
    const a = await browser();
    const b = await browser();
    expect((await a.start('resident')).headers.get('Location')).toBe('/logga-in/bankid');
    await approveLatest('198001019804');

    // B has no order of its own: it is sent back to the start, and nothing is logged in for it.
    const bStatus = await b.status('resident');
    expect(bStatus.headers.get('Location')).toBe('/logga-in');
    expect(await getSession(new Request('http://localhost/', { headers: { Cookie: b.jar } }))).toBeNull();

    // A completes: a resident session, redirected to Mina ärenden.
    const aStatus = await a.status('resident');
    expect(aStatus.status).toBe(302);
    expect(aStatus.headers.get('Location')).toBe('/mina-arenden');
    const session = await getSession(new Request('http://localhost/', { headers: { Cookie: a.jar } }));
    expect(session?.kind).toBe('resident');
    expect(await countAuditRows(db.handle.db, 'bankid.identify')).toBe(1);
  });

  it('each order is consumed once: replaying the completed flow does not log in again', async () => {
    const a = await browser();
    await a.start('resident');
    await approveLatest('196504129815');
    const replayJar = a.jar; // the flow cookie before completion
    expect((await a.status('resident')).headers.get('Location')).toBe('/mina-arenden');
    const replay = await loginStatusLoader(new Request('http://localhost/logga-in/bankid', { headers: { Cookie: replayJar } }), context, 'resident').catch((r: Response) => r);
    expect((replay as Response).headers.get('Location')).toBe('/logga-in');
  });

  it('starting again in the same browser cancels the order it had going', async () => {
    const a = await browser();
    await a.start('resident');
    const first = ((await sim.control('/__sim/orders')).json as { orderRef: string; status: string }[]).find((o) => o.status === 'pending')!;
    await a.start('resident', 'autostart');
    const after = (await sim.control(`/__sim/orders/${first.orderRef}`)).json as { status: string; hintCode: string };
    expect(after).toMatchObject({ status: 'failed', hintCode: 'cancelled' });
  });

  it('a high-risk identification is refused', async () => {
    const a = await browser();
    await a.start('resident');
    await approveLatest('199211059838');
    const res = await a.status('resident');
    expect(await res.json()).toMatchObject({ state: 'refused', refusal: 'risk' });
  });

  it('staff: an unknown personnummer gets a clear refusal and nothing is created', async () => {
    const a = await browser();
    await a.start('staff');
    await approveLatest('198001019804');
    const res = await a.status('staff');
    expect(await res.json()).toMatchObject({ state: 'refused', refusal: 'unknown-staff' });
    const staffRows = (await db.handle.raw.executeSql('select count(*)::int as n from staff_users', [])).rows[0] as { n: number };
    expect(staffRows.n).toBe(0);
  });

  it('staff: a provisioned person logs in to a staff session', async () => {
    const demo = validateSamverkanConfig(JSON.parse(fs.readFileSync('db/seed/demo-samverkan.json', 'utf8')));
    if (!demo.ok) throw new Error('demo');
    await importSamverkanConfig(demo.config, { type: 'cli' }, '2026-11-22'); // Erik Holm is demo staff
    const a = await browser();
    await a.start('staff');
    const orders = (await sim.control('/__sim/orders')).json as { orderRef: string }[];
    expect(orders.length).toBeGreaterThan(0);
    await approveLatest('198705199837');
    const res = await a.status('staff');
    expect(res.headers.get('Location')).toBe('/personal');
    const session = await getSession(new Request('http://localhost/', { headers: { Cookie: a.jar } }));
    expect(session?.kind).toBe('staff');
  });
});
