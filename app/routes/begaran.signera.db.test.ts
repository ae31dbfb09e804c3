/**
 * Filing a request through its pages (issue #4): "Skicka" on the check page starts the BankID
 * order, and the sign page files the request once it is signed, in the language of the pages the
 * person used (issue #6: letters in Swedish, English when the resident uses English).
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDraft } from '~/models/draft.server';
import { getCsrfToken } from '~/utils/csrf.server';
import { localeCookie } from '~/utils/i18next.server';
import { startSession } from '~/utils/session.server';
import { submissions } from '../../db/schema/index';
import { useBankIdSimulator } from '../../tests/bankid-sim';
import { addResident, demoKommun } from '../../tests/cases';
import { useTestDatabase } from '../../tests/db';
import { action as checkAction } from './begaran.$draftId.kontrollera';
import { loader as signLoader } from './begaran.$draftId.signera';

const t = useTestDatabase();
const sim = useBankIdSimulator();
const context = { cspNonce: 'x', clientIp: '127.0.0.1' };
const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]!);

/** A complete request of Anna's for herself, signed and filed with the language switch's cookie set to `lng`. */
async function fileIn(lng: 'sv' | 'en' | null) {
  const { sjobacka } = await demoKommun(t.handle);
  const anna = await addResident(t.handle, '198001019804', 'Anna Andersson');
  const draftId = await createDraft(anna.id, {
    kommunId: sjobacka.id,
    rights: ['registerutdrag'],
    relation: 'self',
    puaIds: [sjobacka.pua.find((p) => p.code === 'SN')!.id],
    details: { registerutdrag: { period: '', matter: '' } },
    protectedIdentity: false,
    delivery: 'portal',
  });
  const session = (await startSession(new Request('http://localhost/'), { kind: 'resident', residentId: anna.id })).split(';')[0]!;
  const csrf = await getCsrfToken(new Request('http://localhost/'));
  const cookies = [session, csrf.setCookie!.split(';')[0]!, ...(lng ? [(await localeCookie.serialize(lng)).split(';')[0]!] : [])];
  const started = (await checkAction({
    request: new Request(`http://localhost/begaran/${draftId}/kontrollera`, {
      method: 'POST',
      headers: { Cookie: cookies.join('; '), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: csrf.token, method: 'qr' }),
    }),
    params: { draftId },
    context,
  }).catch((r: unknown) => r)) as Response;
  expect(started.headers.get('Location')).toBe(`/begaran/${draftId}/signera`);
  cookies.push(...cookiesOf(started));

  const orders = (await sim.control('/__sim/orders')).json as { orderRef: string; type: string }[];
  const order = orders.filter((o) => o.type === 'sign').at(-1)!;
  expect((await sim.control(`/__sim/orders/${order.orderRef}/approve`, { personalNumber: '198001019804' })).status).toBeLessThan(400);
  await t.handle.raw.executeSql('update bankid_orders set last_collect_at = null', []); // skip the 2 s cache

  const filed = (await signLoader({ request: new Request(`http://localhost/begaran/${draftId}/signera`, { headers: { Cookie: cookies.join('; ') } }), params: { draftId }, context }).catch((r: unknown) => r)) as Response;
  expect(filed.headers.get('Location')).toBe(`/begaran/${draftId}/kvitto`);
  const [row] = await t.handle.db.select({ language: submissions.language }).from(submissions).where(eq(submissions.draftId, draftId));
  return row!.language;
}

describe('the sign page files the request in the language the person used', () => {
  it('English pages: the request is filed in English', async () => {
    expect(await fileIn('en')).toBe('en');
  });

  it('Swedish pages, chosen or by default: the request is filed in Swedish', async () => {
    expect(await fileIn('sv')).toBe('sv');
    expect(await fileIn(null)).toBe('sv');
  });
});
