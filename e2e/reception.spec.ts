/**
 * Reception and kontaktcenter (issue #8): a registerutdrag the resident chose to collect at the
 * reception is built, appears on the reception's pick-up list, and is handed over after an ID
 * check at the desk — the resident then sees it as collected. The kontaktcenter identifies a caller
 * with BankID on the phone (through the simulator) and sees the status of their cases only, with
 * the nämnd's contact details.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { sim } from './bankid';
import { expectNoSwedishUi } from './english';
import { checkIdDocument, fileRegisterutdrag, shooter, SHOTS, type SimOrder, staffPage } from './journey';

test.describe.configure({ mode: 'serial' });

const shot = shooter('reception');
const RESIDENT = '199402039813'; // used only by this spec; the simulator calls an unknown number "Test Testsson"
const ANNA = '197803149827'; // Anna Lindqvist, samordnare Sjöbacka SN
const JONAS = '197711239819'; // Jonas Berg, samordnare Sjöbacka SN (four-eyes)
const AMIRA = '199306169906'; // Amira Hassan, reception Sjöbacka
const DANIEL = '198910119919'; // Daniel Karlsson, kontaktcenter Sjöbacka

test('a registerutdrag collected at the reception against ID, and status help from the kontaktcenter', async ({ page, browser }) => {
  test.setTimeout(180_000);

  const diarienummer = (await fileRegisterutdrag(page, { personnummer: RESIDENT, period: '2024–2026', delivery: 'Jag hämtar det i kommunens reception' })).SN!;

  // Anna registers it, adds the one document there is, and prepares; Jonas approves.
  const anna = await staffPage(browser, ANNA);
  await anna.goto(`/personal/arenden?sok=${encodeURIComponent(diarienummer)}`);
  await anna.getByRole('link', { name: diarienummer, exact: true }).click();
  await anna.getByLabel('Handläggare', { exact: true }).selectOption({ label: 'Anna Lindqvist' });
  await anna.getByRole('button', { name: 'Registrera' }).click();
  await anna.getByRole('link', { name: 'Sammanställ och granska registerutdraget' }).click();
  await expect(anna.getByText('Svaret lämnas: i receptionen, mot legitimation.')).toBeVisible();
  await anna.getByLabel('Vad är det för handling?').fill('Anteckning från besök 2025');
  await anna.locator('#docActivityCode').selectOption({ label: 'Handläggning av ekonomiskt bistånd' });
  await anna.getByLabel('Fil').setInputFiles({ name: 'anteckning.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% Anteckning\n%%EOF\n') });
  await anna.getByRole('button', { name: 'Lägg till handlingen' }).click();
  await expect(anna.getByRole('alert', { name: 'Klart' })).toContainText('Handlingen är tillagd.');
  await anna.locator('form.utdrag-item').getByLabel('Ja, lämnas ut').check();
  await anna.locator('form.utdrag-item').getByRole('button', { name: 'Spara granskningen' }).click();
  await expect(anna.getByRole('alert', { name: 'Klart' })).toContainText('Granskningen är sparad.');
  await anna.getByRole('button', { name: 'Förbered paketet' }).click();
  await expect(anna.getByRole('alert', { name: 'Klart' })).toContainText('väntar på godkännande');
  await anna.context().close();
  const jonas = await staffPage(browser, JONAS);
  await jonas.goto(`/personal/arenden?sok=${encodeURIComponent(diarienummer)}`);
  await jonas.getByRole('link', { name: diarienummer, exact: true }).click();
  await jonas.getByRole('link', { name: 'Sammanställ och granska registerutdraget' }).click();
  await jonas.getByRole('button', { name: 'Godkänn och skapa paketet' }).click();
  await expect(jonas.getByRole('alert', { name: 'Klart' })).toContainText('Paketet är skapat och finns att hämta i receptionen.');
  await jonas.context().close();

  // The resident is told where to collect it.
  await page.goto('/mina-arenden');
  await page.getByRole('link', { name: diarienummer }).click();
  await expect(page).toHaveURL(/\/mina-arenden\/[0-9a-f-]{36}$/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(/^Registerutdraget finns att hämta i receptionen/)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole('link', { name: /^Ladda ner registerutdraget/ })).toHaveCount(0);

  // At the reception: the pick-up list, then the ID check, then the handover.
  const amira = await staffPage(browser, AMIRA);
  await amira.getByRole('link', { name: 'Att hämta i receptionen' }).click();
  const row = amira.getByRole('row').filter({ hasText: diarienummer });
  await expect(row).toContainText('19940203-****');
  await shot(amira, 'pickup-list');
  await amira.getByRole('link', { name: 'Kontrollera legitimationen på den som hämtar' }).click();
  await amira.getByRole('button', { name: 'Spara kontrollen' }).click();
  await expect(amira.locator('.error-summary')).toContainText('Skriv personnumret');
  await shot(amira, 'verify-errors');
  await checkIdDocument(amira, { personnummer: '19940203-9813', name: 'Test Testsson', document: 'Nationellt id-kort', issuer: 'Polismyndigheten', lastFour: '7Q2K' });
  await expect(amira.getByText('Nationellt id-kort utfärdat av Polismyndigheten, nummer som slutar på 7Q2K')).toBeVisible();
  await expect(amira.getByRole('table').getByRole('row').filter({ hasText: diarienummer })).toContainText('Socialnämnden');
  await shot(amira, 'person');
  await amira.getByRole('button', { name: `Lämna ut registerutdraget i ${diarienummer}` }).click();
  await expect(amira.getByRole('alert', { name: 'Klart' })).toContainText('Registerutdraget är utlämnat');
  await expect(amira.getByRole('alert', { name: 'Klart' })).toContainText('skriv ut det, eller lägg ZIP-filen på ett USB-minne');
  await shot(amira, 'handed-over');
  const download = amira.waitForEvent('download');
  await amira.getByRole('link', { name: /^Ladda ner registerutdraget \(ZIP\)/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^registerutdrag-SN-\d{4}-\d{5}\.zip$/);
  // The printout: the same package as one PDF, to print at the desk.
  const handedOver = amira.url();
  const printed = amira.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/utskrift'));
  const pdfDownload = amira.waitForEvent('download');
  await amira.getByRole('link', { name: 'Skriv ut registerutdraget' }).click();
  const response = await printed;
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect((await pdfDownload).suggestedFilename()).toMatch(/^registerutdrag-SN-\d{4}-\d{5}\.pdf$/);
  expect(readFileSync((await (await pdfDownload).path())!).subarray(0, 5).toString()).toBe('%PDF-');
  // The banner in English, for an official who works in English.
  await amira.goto(`${handedOver}&lng=en`);
  await expect(amira.getByRole('link', { name: 'Print the copy of personal data' })).toBeVisible();
  await expectNoSwedishUi(amira, ['visitor', 'common', 'ui']);
  await shot(amira, 'handed-over-en');
  await amira.context().close();

  await page.reload();
  await expect(page.getByText('Du har hämtat registerutdraget i receptionen.')).toBeVisible();
  await expect(page.getByText('Du hämtade ditt registerutdrag i receptionen')).toBeVisible();
  await shot(page, 'resident');

  // The kontaktcenter: the person calls; BankID on the phone identifies them (the simulator's app
  // confirms the call and approves), then status only, with the nämnd to ask about the content.
  const daniel = await staffPage(browser, DANIEL);
  await daniel.getByRole('link', { name: 'Besökare och samtal' }).click();
  await daniel.getByRole('link', { name: 'Personen är i telefon: identifiera med BankID i stället' }).click();
  await daniel.getByLabel('Personens personnummer').fill('199402039813');
  await daniel.getByLabel('Personen ringde oss').check();
  await shot(daniel, 'phone-start');
  await daniel.getByRole('button', { name: 'Starta BankID' }).click();
  await expect(daniel.getByRole('heading', { level: 1 })).toHaveText('Identifiering med BankID pågår');
  await shot(daniel, 'phone-pending');
  await expect.poll(async () => ((await sim('/__sim/orders')).json as SimOrder[]).some((o) => o.type === 'phone/auth' && o.status === 'pending')).toBe(true);
  const order = ((await sim('/__sim/orders')).json as SimOrder[]).find((o) => o.type === 'phone/auth' && o.status === 'pending')!;
  expect((await sim(`/__sim/orders/${order.orderRef}/confirm-call`, {})).status).toBe(200);
  expect((await sim(`/__sim/orders/${order.orderRef}/approve`, { personalNumber: RESIDENT })).status).toBe(200);
  await expect(daniel.getByText('Med BankID i telefon')).toBeVisible({ timeout: 15_000 });
  const caseRow = daniel.getByRole('table').getByRole('row').filter({ hasText: diarienummer });
  await expect(caseRow).toContainText('socialnamnden@sjobacka.example.se');
  await expect(daniel.getByText(/hänvisa till nämndens kontaktuppgifter/)).toBeVisible();
  await expect(daniel.getByRole('heading', { name: 'Att lämna ut' })).toHaveCount(0);
  await shot(daniel, 'kontaktcenter');
  await daniel.goto(`${daniel.url()}?lng=en`);
  await expect(daniel.getByRole('heading', { name: 'Cases' })).toBeVisible();
  await expectNoSwedishUi(daniel, ['visitor', 'common', 'ui']);
  await shot(daniel, 'kontaktcenter-en');
  await daniel.goto(`${daniel.url().split('?')[0]}?lng=sv`);
  if (SHOTS) await daniel.screenshot({ path: `${SHOTS}/reception-kontaktcenter-sv.png`, fullPage: true });
  await daniel.context().close();
});
