/**
 * The resident's case page and downloads, through the route modules themselves: scoping (404 for
 * someone else), the message form (multipart, CSRF, errors keep the text), withdrawal, and the
 * fresh-login rule for downloads (issue #4 "re-authentication required after the idle limit").
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sessions } from '../../db/schema/index';
import { useTestDatabase } from '../../tests/db';
import { addResident, demoKommun, fileCase, useTestFileStore } from '../../tests/cases';
import { publishCaseDocument } from '~/models/case-documents.server';
import { getCsrfToken } from '~/utils/csrf.server';
import { startSession } from '~/utils/session.server';
import { action as caseAction, loader as caseLoader } from './mina-arenden.$caseId';
import { loader as documentLoader } from './mina-arenden.$caseId_.dokument.$documentId';
import { action as withdrawAction } from './mina-arenden.$caseId_.aterkalla';

const t = useTestDatabase();
useTestFileStore();

const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

async function residentCookies(personnummer: string, name: string) {
  const resident = await addResident(t.handle, personnummer, name);
  const session = (await startSession(new Request('http://localhost/'), { kind: 'resident', residentId: resident.id })).split(';')[0]!;
  const csrf = await getCsrfToken(new Request('http://localhost/'));
  return { resident, cookie: `${session}; ${csrf.setCookie!.split(';')[0]}`, csrf: csrf.token };
}

async function outcome(run: () => Promise<unknown>): Promise<Response> {
  try {
    const value = await run();
    if (value instanceof Response) return value;
    throw new Error('expected a Response');
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

const args = (url: string, init: RequestInit & { cookie: string }, params: Record<string, string>) => ({
  request: new Request(`http://localhost${url}`, { ...init, headers: { Cookie: init.cookie, ...(init.headers ?? {}) } }),
  params,
  context: { cspNonce: 'test', clientIp: '127.0.0.1' },
});

describe('the resident case page', () => {
  it('shows the case to its resident and 404 to anyone else', async () => {
    await demoKommun(t.handle);
    const anna = await residentCookies('198001019804', 'Anna Andersson');
    const sven = await residentCookies('196504129815', 'Sven Svensson');
    const [c] = await fileCase(t.handle, anna.resident, '198001019804');
    const ok = await outcome(() => caseLoader(args(`/mina-arenden/${c!.id}`, { cookie: anna.cookie }, { caseId: c!.id })));
    expect(ok.status).toBe(200);
    const data = await ok.json();
    expect(data.case.diarienummer).toBe(c!.diarienummer);
    expect(data.canWithdraw).toBe(true);
    const other = await outcome(() => caseLoader(args(`/mina-arenden/${c!.id}`, { cookie: sven.cookie }, { caseId: c!.id })));
    expect(other.status).toBe(404);
  });

  it('sends a message from the multipart form; an over-long one comes back with the text kept', async () => {
    const anna = await residentCookies('198001019804', 'Anna Andersson');
    const [c] = await fileCase(t.handle, anna.resident, '198001019804');
    const form = new FormData();
    form.set('csrf', anna.csrf);
    form.set('body', 'Gäller även 2019.');
    form.set('files', new File([PDF], 'bilaga.pdf', { type: 'application/pdf' }));
    const sent = await outcome(() => caseAction(args(`/mina-arenden/${c!.id}`, { cookie: anna.cookie, method: 'POST', body: form }, { caseId: c!.id })));
    expect(sent.status).toBe(302);
    expect(sent.headers.get('Location')).toBe(`/mina-arenden/${c!.id}?klart=meddelande#meddelanden`);
    const page = await (await outcome(() => caseLoader(args(`/mina-arenden/${c!.id}`, { cookie: anna.cookie }, { caseId: c!.id })))).json();
    expect(page.messages[0]).toMatchObject({ body: 'Gäller även 2019.', attachments: [{ filename: 'bilaga.pdf' }] });

    const long = new FormData();
    long.set('csrf', anna.csrf);
    long.set('body', 'x'.repeat(5001));
    const refused = await outcome(() => caseAction(args(`/mina-arenden/${c!.id}`, { cookie: anna.cookie, method: 'POST', body: long }, { caseId: c!.id })));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ errors: { body: 'tooLong' }, body: 'x'.repeat(5001) });

    const forged = new FormData();
    forged.set('csrf', 'wrong'.repeat(10));
    forged.set('body', 'Hej');
    expect((await outcome(() => caseAction(args(`/mina-arenden/${c!.id}`, { cookie: anna.cookie, method: 'POST', body: forged }, { caseId: c!.id })))).status).toBe(403);
  });

  it('withdraws the request through the confirmation page', async () => {
    const anna = await residentCookies('198001019804', 'Anna Andersson');
    const [c] = await fileCase(t.handle, anna.resident, '198001019804');
    const form = new URLSearchParams({ csrf: anna.csrf, reason: '' });
    const done = await outcome(() => withdrawAction(args(`/mina-arenden/${c!.id}/aterkalla`, { cookie: anna.cookie, method: 'POST', body: form }, { caseId: c!.id })));
    expect(done.headers.get('Location')).toBe(`/mina-arenden/${c!.id}?klart=aterkallad`);
    const page = await (await outcome(() => caseLoader(args(`/mina-arenden/${c!.id}`, { cookie: anna.cookie }, { caseId: c!.id })))).json();
    expect(page.case.status).toBe('withdrawn');
    expect(page.canWithdraw).toBe(false);
    expect(page.events.map((e: { type: string }) => e.type)).toContain('withdrawn');
  });
});

describe('downloads', () => {
  it('need a login more recent than the idle limit; the file comes uncached; others get 404', async () => {
    const anna = await residentCookies('198001019804', 'Anna Andersson');
    const sven = await residentCookies('196504129815', 'Sven Svensson');
    const { staff } = await demoKommun(t.handle);
    const [c] = await fileCase(t.handle, anna.resident, '198001019804');
    const doc = await publishCaseDocument({ caseId: c!.id, staffId: staff.id, kind: 'decision', title: 'Beslut', filename: 'beslut.pdf', mimeType: 'application/pdf', bytes: PDF });
    const url = `/mina-arenden/${c!.id}/dokument/${doc.id}`;
    const params = { caseId: c!.id, documentId: doc.id };

    const file = await outcome(() => documentLoader(args(url, { cookie: anna.cookie }, params)));
    expect(file.status).toBe(200);
    expect(file.headers.get('Cache-Control')).toBe('no-store');
    expect(file.headers.get('Content-Disposition')).toContain('beslut.pdf');
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(PDF))).toBe(true);

    expect((await outcome(() => documentLoader(args(url, { cookie: sven.cookie }, params)))).status).toBe(404);

    // Logged in 31 minutes ago (kept alive by activity): the default idle limit is 30 minutes.
    await t.handle.db.update(sessions).set({ createdAt: sql`now() - interval '31 minutes'` }).where(eq(sessions.residentId, anna.resident.id));
    const stale = await outcome(() => documentLoader(args(url, { cookie: anna.cookie }, params)));
    expect(stale.status).toBe(302);
    expect(stale.headers.get('Location')).toBe(`/logga-in?redirectTo=${encodeURIComponent(`/mina-arenden/${c!.id}`)}&reauth=1`);
  });
});
