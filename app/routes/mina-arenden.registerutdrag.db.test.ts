/**
 * The resident's side of the registerutdrag package (issue #7), through the route modules: the
 * case page shows the package only once it is built, the download streams the ZIP uncached to the
 * case's own resident (audited, delivered on first download), others get 404 or the login page,
 * and after the last day the download is refused and the page says so.
 */
import fs from 'node:fs';
import { and, eq } from 'drizzle-orm';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { auditLog, utdragPackages } from '../../db/schema/index';
import { addResident, demoKommun, fileCase, useTestDeliveryStore, useTestFileStore } from '../../tests/cases';
import { useTestDatabase } from '../../tests/db';
import { buildTestUtdragPackage, zipEntries } from '../../tests/utdrag';
import { UtdragSection, type ResidentUtdrag } from '~/components/case/utdrag-section';
import { addDays } from '~/domain/iso-date';
import { findResidentCase } from '~/models/resident-cases.server';
import { currentUtdragPackage } from '~/models/utdrag-package.server';
import { todayInStockholm } from '~/utils/dates.server';
import { startSession } from '~/utils/session.server';
import { loader as caseLoader } from './mina-arenden.$caseId';
import { loader as utdragLoader } from './mina-arenden.$caseId_.registerutdrag';

const t = useTestDatabase();
useTestFileStore();
useTestDeliveryStore();

const PNR = '198001019804';

async function cookieFor(owner: { kind: 'resident'; residentId: string } | { kind: 'staff'; staffUserId: string }) {
  return (await startSession(new Request('http://localhost/'), owner)).split(';')[0]!;
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

const args = (url: string, cookie: string, params: Record<string, string>) => ({
  request: new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }),
  params,
  context: { cspNonce: 'test', clientIp: '127.0.0.1' },
});

/** The case page's section as the resident reads it, in Swedish, from the loader's data. */
async function renderSection(utdrag: ResidentUtdrag | null) {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: 'sv',
    ns: ['account'],
    defaultNS: 'account',
    resources: { sv: { account: JSON.parse(fs.readFileSync('locales/sv/account.json', 'utf8')) } },
    interpolation: { escapeValue: false },
  });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: instance }, createElement(UtdragSection, { utdrag, href: '/x', locale: 'sv', puaName: 'Socialnämnden', contactId: 'fragor-om-arendet' })));
}

/** One filed case whose package is built once, shared by the tests below (they run in order). */
let built: Promise<{ caseId: string; diarienummer: string; url: string; anna: string; sven: string; staff: string; residentId: string }> | undefined;
function builtCase() {
  built ??= (async () => {
    const { staff } = await demoKommun(t.handle);
    const resident = await addResident(t.handle, PNR, 'Anna Andersson');
    const other = await addResident(t.handle, '196504129815', 'Sven Svensson');
    const [c] = await fileCase(t.handle, resident, PNR);
    const caseId = c!.id;
    const anna = await cookieFor({ kind: 'resident', residentId: resident.id });
    const url = `/mina-arenden/${caseId}/registerutdrag`;

    // Before the package is built: nothing on the page, nothing to download.
    const before = await (await outcome(() => caseLoader(args(`/mina-arenden/${caseId}`, anna, { caseId })))).json();
    expect(before.utdrag).toBeNull();
    expect(await renderSection(before.utdrag)).toBe('');
    expect((await outcome(() => utdragLoader(args(url, anna, { caseId })))).status).toBe(404);

    await buildTestUtdragPackage(t.handle, caseId);
    return {
      caseId,
      diarienummer: (await findResidentCase(caseId, resident.id))!.diarienummer!,
      url,
      anna,
      sven: await cookieFor({ kind: 'resident', residentId: other.id }),
      staff: await cookieFor({ kind: 'staff', staffUserId: staff.id }),
      residentId: resident.id,
    };
  })();
  return built;
}

describe('the registerutdrag in Mina ärenden', () => {
  it('is offered on the case page and streams as an uncached ZIP to the case’s resident, audited', async () => {
    const { caseId, diarienummer, url, anna, residentId } = await builtCase();
    const page = await (await outcome(() => caseLoader(args(`/mina-arenden/${caseId}`, anna, { caseId })))).json();
    const p = (await currentUtdragPackage(caseId))!;
    expect(page.utdrag).toEqual({ method: 'portal', size: p.size, availableUntil: p.availableUntil, expired: false });
    const html = await renderSection(page.utdrag);
    expect(html).toContain('Ditt registerutdrag');
    expect(html).toMatch(/<a href="\/x">Ladda ner registerutdraget \(ZIP, \d+(,\d)? kB\)<\/a>/);
    expect(html).toContain('LASMIG.txt');

    // A HEAD probe answers like a GET but is no download: not logged, not the delivery.
    const head = { ...args(url, anna, { caseId }), request: new Request(`http://localhost${url}`, { method: 'HEAD', headers: { Cookie: anna } }) };
    const probed = await outcome(() => utdragLoader(head));
    expect(probed.status).toBe(200);
    expect(probed.headers.get('Content-Length')).toBe(String(p.size));
    expect(await currentUtdragPackage(caseId)).toMatchObject({ status: 'built' });
    expect(await t.handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'utdrag.download'), eq(auditLog.entityId, caseId)))).toHaveLength(0);

    const response = await outcome(() => utdragLoader(args(url, anna, { caseId })));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/zip');
    expect(response.headers.get('Content-Length')).toBe(String(p.size));
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    // "SN 2026/00001": the space and the slash become hyphens.
    const filename = `registerutdrag-${diarienummer.replace(' ', '-').replace('/', '-')}.zip`;
    expect(filename).toMatch(/^registerutdrag-SN-\d{4}-\d{5}\.zip$/);
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="${filename}"; filename*=UTF-8''${filename}`);
    const zip = Buffer.from(await response.arrayBuffer());
    expect(zip.length).toBe(p.size);
    const entries = await zipEntries(zip);
    expect([...entries.keys()]).toEqual(expect.arrayContaining(['foljebrev.pdf', 'data.json', 'LASMIG.txt', 'manifest.json']));

    expect(await currentUtdragPackage(caseId)).toMatchObject({ status: 'delivered' });
    const audited = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'utdrag.download'), eq(auditLog.entityId, caseId)));
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ actorType: 'resident', actorId: residentId, details: { packageId: p.id } });

    // Delivered, still within its days: the page keeps offering it.
    expect((await (await outcome(() => caseLoader(args(`/mina-arenden/${caseId}`, anna, { caseId })))).json()).utdrag.expired).toBe(false);
  });

  it('is 404 for another resident and sends a staff session to the resident login', async () => {
    const { caseId, url, sven, staff } = await builtCase();
    expect((await outcome(() => utdragLoader(args(url, sven, { caseId })))).status).toBe(404);
    expect((await outcome(() => caseLoader(args(`/mina-arenden/${caseId}`, sven, { caseId })))).status).toBe(404);
    const asStaff = await outcome(() => utdragLoader(args(url, staff, { caseId })));
    expect(asStaff.status).toBe(302);
    expect(asStaff.headers.get('Location')).toBe(`/logga-in?redirectTo=${encodeURIComponent(`/mina-arenden/${caseId}`)}`);
    // Neither opened it: the one download logged is still the resident's own.
    expect(await t.handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'utdrag.download'), eq(auditLog.entityId, caseId)))).toHaveLength(1);
  });

  it('is refused after its last day, and the case page says it is no longer available', async () => {
    const { caseId, url, anna } = await builtCase();
    const yesterday = addDays(todayInStockholm(), -1);
    await t.handle.db.update(utdragPackages).set({ availableUntil: yesterday }).where(eq(utdragPackages.caseId, caseId));
    expect((await outcome(() => utdragLoader(args(url, anna, { caseId })))).status).toBe(404);
    const page = await (await outcome(() => caseLoader(args(`/mina-arenden/${caseId}`, anna, { caseId })))).json();
    expect(page.utdrag).toMatchObject({ availableUntil: yesterday, expired: true });
    const html = await renderSection(page.utdrag);
    expect(html).toContain('Registerutdraget går inte längre att ladda ner.');
    expect(html).toContain('Kontakta Socialnämnden om du behöver det igen.');
    expect(html).toContain('href="#fragor-om-arendet"');
    expect(html).not.toContain('Ladda ner registerutdraget');
  });
});
