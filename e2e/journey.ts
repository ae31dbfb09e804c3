/** Helpers shared by the journeys: the request (request.spec.ts, rights.spec.ts) and the back office. */
import { expect, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { loginWithQr, sim } from './bankid';
import { pdfText } from '../tests/pdf-text';

/** Folder for full-page screenshots of every step; unset, none are taken. */
export const SHOTS = process.env.E2E_SCREENSHOTS;

/** `shooter('request')(page, 'start')`: axe, then `$E2E_SCREENSHOTS/request-start.png` when screenshots are on. */
export function shooter(prefix: string) {
  return async function shot(page: Page, name: string) {
    await expectNoAxeViolations(page);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${prefix}-${name}.png`, fullPage: true });
  };
}

/** "Fortsätt" (or the button named `label`), then wait for the next page (or, on an error, for the error summary). */
export async function continueOn(page: Page, label = 'Fortsätt') {
  const before = page.url();
  await page.getByRole('button', { name: label }).click();
  await expect(async () => {
    const moved = page.url() !== before;
    const error = await page.getByRole('alert').isVisible();
    expect(moved || error).toBe(true);
  }).toPass();
  await page.waitForLoadState('networkidle');
}

/**
 * The error summary names each field with its own message, in the order of the page, and no two
 * read the same. Each link goes to its own field (without JavaScript too: following an in-page
 * link focuses the field), and the field shows the same message.
 */
export async function expectFieldErrors(page: Page, errors: [field: string, message: string][]) {
  const links = page.getByRole('alert').getByRole('link');
  await expect(links).toHaveText(errors.map(([, message]) => message));
  expect(new Set(errors.map(([, message]) => message)).size, 'no two fields share a message').toBe(errors.length);
  for (const [i, [field, message]] of errors.entries()) {
    await expect(links.nth(i)).toHaveAttribute('href', `#${field}`);
    await expect(page.locator(`[id="${field}-error"]`)).toContainText(message);
    await links.nth(i).click();
    await expect(page.locator(`[id="${field}"]`)).toBeFocused();
  }
}

export type SimOrder = { orderRef: string; type: string; status: string; personalNumber?: string; userVisibleData: string };

/** Approves the pending sign order of this person in the simulated app. */
export async function approveSigning(personalNumber: string) {
  await expect
    .poll(async () => ((await sim('/__sim/orders')).json as SimOrder[]).some((o) => o.type === 'sign' && o.status === 'pending'))
    .toBe(true);
  const orders = (await sim('/__sim/orders')).json as SimOrder[];
  const order = orders.find((o) => o.type === 'sign' && o.status === 'pending')!;
  expect((await sim(`/__sim/orders/${order.orderRef}/approve`, { personalNumber })).status).toBe(200);
  return order;
}

/** Today's date in Europe/Stockholm (`YYYY-MM-DD`): the day a request or an appeal is received. */
export const stockholmToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** "23 november 2026", as the Swedish pages write a date. */
export const longDate = (iso: string) => new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** The value of a summary-list row by its exact key. */
export const rowValue = (page: Page, key: string) => page.locator('.summary-list__row').filter({ has: page.locator('dt', { hasText: new RegExp(`^${key}$`) }) }).locator('dd');

/** A staff member logged in with BankID in a browser context of their own, on the staff start page. */
export async function staffPage(browser: Browser, personnummer: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginWithQr(page, '/personal/logga-in', personnummer);
  await expect(page).toHaveURL(/\/personal$/);
  return page;
}

/**
 * Moves the portal's demo calendar `offsetDays` ahead of the real date (0 puts it back; ADR 010)
 * and returns the portal's today. Timestamps stay real; only the calendar the law counts in moves.
 */
export async function setPortalCalendar(offsetDays: number): Promise<string> {
  const res = await sim('/__portal/calendar', { offsetDays });
  expect(res.status).toBe(200);
  return (res.json as { today: string }).today;
}

export type RegisterutdragRequest = {
  personnummer: string;
  /** Sjöbacka's PUAs to ask, label → diarium prefix. Socialnämnden when not given. */
  puas?: Record<string, string>;
  /** "Tidsperiod" on the Socialnämnden step, when the request narrows it. */
  period?: string;
  email?: string;
  /** The delivery choice's label. */
  delivery?: string;
};

/**
 * Logs in as the resident and files a registerutdrag for themself to Sjöbacka's PUAs; returns the
 * diarienummer per diarium prefix, from the receipt.
 */
export async function fileRegisterutdrag(page: Page, r: RegisterutdragRequest): Promise<Record<string, string>> {
  const puas = r.puas ?? { Socialnämnden: 'SN' };
  await loginWithQr(page, '/logga-in', r.personnummer);
  await expect(page).toHaveURL(/\/mina-arenden$/);
  await page.goto('/begaran');
  await page.getByRole('button', { name: 'Starta' }).click();
  await page.getByLabel('Sjöbacka kommun').check();
  await continueOn(page);
  await page.getByLabel(/^Registerutdrag/).check();
  await continueOn(page);
  await page.getByLabel('Mig själv').check();
  await continueOn(page);
  for (const label of Object.keys(puas)) await page.getByLabel(label, { exact: true }).check();
  await continueOn(page);
  if (r.period) await page.getByLabel('Tidsperiod').fill(r.period);
  await continueOn(page);
  if (r.email) await page.getByLabel(/E-postadress/).fill(r.email);
  await continueOn(page);
  await page.getByLabel(r.delivery ?? 'Här i Dataskyddsportalen').check();
  await continueOn(page);
  await continueOn(page); // no attachments
  await page.getByRole('button', { name: 'Mobilt BankID på en annan enhet' }).click();
  await approveSigning(r.personnummer);
  await expect(page).toHaveURL(/\/kvitto$/, { timeout: 15_000 });
  const dnr = async (p: string) => (await page.getByRole('table').getByRole('cell').filter({ hasText: new RegExp(`^${p} \\d{4}/\\d{5}$`) }).innerText()).trim();
  return Object.fromEntries(await Promise.all(Object.values(puas).map(async (p) => [p, await dnr(p)] as const)));
}

/** The ID document a reception official checks at the desk (issue #8), by the labels of its radio. */
export type IdDocumentSeen = { personnummer: string; name: string; document: 'Nationellt id-kort' | 'Pass' | 'Körkort' | 'SIS-märkt id-kort'; issuer: string; lastFour: string };

/** Fills in and saves the ID check on /personal/besokare; the verified person's page follows. */
export async function checkIdDocument(page: Page, seen: IdDocumentSeen) {
  await page.getByLabel('Personnummer').fill(seen.personnummer);
  await page.getByLabel('Namn som på legitimationen').fill(seen.name);
  await page.getByLabel(seen.document).check();
  await page.getByLabel('Utfärdare').fill(seen.issuer);
  await page.getByLabel('De fyra sista tecknen i legitimationens nummer').fill(seen.lastFour);
  await page.getByLabel(/har sett legitimationen/).check();
  await page.getByRole('button', { name: 'Spara kontrollen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seen.name);
}

/** Clicks a document link and returns the downloaded PDF's text, whitespace collapsed. */
export async function downloadedPdfText(page: Page, link: RegExp): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: link }).first().click();
  const chunks: Buffer[] = [];
  for await (const c of await (await download).createReadStream()) chunks.push(c as Buffer);
  return (await pdfText(Buffer.concat(chunks))).replace(/\s+/g, ' ');
}

/**
 * On an open case page, a samordnare with delegation for avslag registers the case to `assignee`
 * and refuses the erasure: the notes are allmänna handlingar to be kept.
 */
export async function decideAvslag(page: Page, assignee: string) {
  await page.getByLabel('Handläggare', { exact: true }).selectOption({ label: assignee });
  await page.getByRole('button', { name: 'Registrera' }).click();
  await expect(page.getByRole('alert', { name: 'Klart' })).toContainText('Ärendet är registrerat.');
  await page.getByRole('link', { name: 'Skriv beslut' }).click();
  await page.getByLabel('Avslag', { exact: true }).check();
  await page.getByLabel(/Allmänna handlingar/i).check();
  await page.getByLabel('Motivering').fill('Anteckningarna är allmänna handlingar som ska bevaras enligt dokumenthanteringsplanen.');
  await page.getByRole('button', { name: 'Fatta beslut' }).click();
  await expect(page.getByRole('alert', { name: 'Klart' })).toContainText('Beslutet är fattat');
}
