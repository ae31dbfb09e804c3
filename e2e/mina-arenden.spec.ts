/**
 * Issue #4, Mina ärenden: a resident writes to the PUA with a file and downloads it again, sees
 * clear errors that keep what was typed, does the same without JavaScript, withdraws a request
 * through its confirmation page, and uses the case page in English. Each journey files its own
 * short request (a registerutdrag to one PUA) through the real portal: messages and documents from
 * staff have no UI yet. axe runs on every page and after every error; with E2E_SCREENSHOTS set,
 * every step is saved as `mina-<step>.png`.
 */
import fs from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { scanQr, sim } from './bankid';
import { expectNoSwedishUi } from './english';

const RESIDENT_NAMESPACES = ['account', 'common', 'ui', 'request'];
import { approveSigning, continueOn, SHOTS, shooter, type SimOrder } from './journey';

test.describe.configure({ mode: 'serial' }); // shares the simulator's pending orders

const shot = shooter('mina');
/** Without JavaScript axe cannot run in the page: the same pages are scanned in the journeys with it. */
const plainShot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/mina-${name}.png`, fullPage: true });
};

// Residents of their own: the other journeys count the cases of the simulator's test persons.
type Resident = { pnr: string; name: string };
const MARIA: Resident = { pnr: '198606129826', name: 'Maria Nilsson' };
const OMAR: Resident = { pnr: '199203049938', name: 'Omar Haddad' };
const MAX_MESSAGE_LENGTH = 5000;
const MAX_REASON_LENGTH = 2000;
/** "5 000" as the Swedish page writes it (a no-break space between the thousands). */
const SV_5000 = '5\u00a0000';

/** A small but complete one-page PDF with `text` on it (a correct xref table: any PDF reader opens it). */
function tinyPdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    (() => {
      const stream = `BT /F1 18 Tf 72 770 Td (${text}) Tj ET`;
      return `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    })(),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One row of the case page's summary list, by its exact key. */
const summaryRow = (page: Page, key: string) => page.locator('.summary-list__row').filter({ has: page.locator('dt', { hasText: new RegExp(`^${escapeRegExp(key)}$`) }) });

const messageForm = (page: Page) => page.locator('form#skriv');

async function downloaded(download: Download): Promise<Buffer> {
  const path = await download.path();
  return fs.readFile(path);
}

/** How many files the message form's file input holds right now. */
const chosenFiles = (page: Page) => page.locator('#files').evaluate((input: HTMLInputElement) => input.files?.length ?? 0);

/** Clicks a download link and returns the download (works with and without JavaScript). */
async function download(page: Page, name: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name, exact: true }).click()]);
  return file;
}


// ---------------------------------------------------------------------------------------------
// Filing a short request: a registerutdrag to one PUA of Sjöbacka
// ---------------------------------------------------------------------------------------------

/** On the login page that is open: "Mobilt BankID på en annan enhet", scan the QR, approve in the app. */
async function loginHere(page: Page, { pnr: personalNumber, name }: Resident) {
  await page.getByRole('button', { name: 'Mobilt BankID på en annan enhet' }).click();
  const qr = page.getByRole('img', { name: /QR-kod/ });
  await expect(qr).toBeVisible();
  expect((await sim('/__sim/scan', { qrData: await scanQr(qr), personalNumber, name })).status).toBe(200);
  const orders = (await sim('/__sim/orders')).json as SimOrder[];
  const order = orders.find((o) => o.type === 'auth' && o.personalNumber === personalNumber && o.status === 'pending');
  expect(order, 'the scanned login order').toBeTruthy();
  expect((await sim(`/__sim/orders/${order!.orderRef}/approve`, { personalNumber, name })).status).toBe(200);
}

async function logIn(page: Page, resident: Resident) {
  await page.goto('/logga-in');
  await loginHere(page, resident);
  await expect(page).toHaveURL(/\/mina-arenden$/, { timeout: 15_000 });
  await expect(page.getByText(`Inloggad som ${resident.name}`)).toBeVisible();
}

/** Logs in without JavaScript: the QR page, the app approves, then "Jag har legitimerat mig". */
async function loginWithoutJs(page: Page, { pnr: personalNumber, name }: Resident) {
  await page.goto('/logga-in');
  await page.getByRole('button', { name: 'Mobilt BankID på en annan enhet' }).click();
  await expect(page.getByRole('img', { name: /QR-kod/ })).toBeVisible();
  expect((await sim('/__sim/approve', { personalNumber, name })).status).toBe(200);
  await page.getByRole('button', { name: 'Jag har legitimerat mig' }).click();
  await expect(page).toHaveURL(/\/mina-arenden$/);
  await expect(page.getByText(`Inloggad som ${name}`)).toBeVisible();
}

/**
 * From Mina ärenden: files a registerutdrag to `puaName`, signs it, and opens the new case from
 * Mina ärenden. Returns the case's diarienummer and address.
 */
async function fileAndOpenCase(page: Page, { pnr: personalNumber }: Resident, puaName: string, { js = true } = {}) {
  const next = () => (js ? continueOn(page) : page.getByRole('button', { name: 'Fortsätt' }).click());
  await page.getByRole('link', { name: 'Gör en begäran' }).click();
  await page.getByRole('button', { name: 'Starta' }).click();
  await page.getByLabel('Sjöbacka kommun').check();
  await next();
  await page.getByLabel(/^Registerutdrag/).check();
  await next();
  await page.getByLabel('Mig själv').check();
  await next();
  await page.getByLabel(puaName, { exact: true }).check();
  await next();
  await page.getByLabel('Tidsperiod').fill('2012–2026');
  await next();
  await next(); // no notices
  await page.getByLabel('Här i Dataskyddsportalen').check();
  await next();
  await next(); // no attachments
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kontrollera dina svar');
  await page.getByRole('button', { name: 'Mobilt BankID på en annan enhet' }).click();
  if (js) {
    await approveSigning(personalNumber);
  } else {
    await expect(page.getByRole('img', { name: /QR-kod/ })).toBeVisible();
    const orders = (await sim('/__sim/orders')).json as SimOrder[];
    const order = orders.find((o) => o.type === 'sign' && o.status === 'pending')!;
    expect((await sim(`/__sim/orders/${order.orderRef}/approve`, { personalNumber })).status).toBe(200);
    await page.getByRole('button', { name: 'Jag har skrivit under' }).click();
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Din begäran är skickad', { timeout: 15_000 });
  const row = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader', { name: puaName, exact: true }) });
  const dnr = (await row.getByRole('cell').nth(1).innerText()).trim();
  expect(dnr).toMatch(/^[A-Z]+ \d{4}\/\d{5}$/);

  await page.getByRole('link', { name: 'Till Mina ärenden' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mina ärenden');
  await page.getByRole('link', { name: dnr, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Begäran om registerutdrag ${dnr}`);
  return { dnr, url: new URL(page.url()).pathname };
}

// ---------------------------------------------------------------------------------------------
// The journeys
// ---------------------------------------------------------------------------------------------

test('a resident writes to the nämnd with a PDF, sees it in the thread and downloads it again', async ({ page }) => {
  test.setTimeout(90_000);
  await logIn(page, MARIA);
  const { dnr, url } = await fileAndOpenCase(page, MARIA, 'Socialnämnden');

  await expect(page).toHaveTitle(`Begäran om registerutdrag ${dnr} – Dataskyddsportalen`);
  await expect(page.locator('.caption-l')).toHaveText('Socialnämnden, Sjöbacka kommun');
  await expect(summaryRow(page, 'Status').locator('dd')).toHaveText('Mottagen');
  await expect(summaryRow(page, 'Du har begärt').locator('dd')).toHaveText('Registerutdrag');
  await expect(page.getByRole('heading', { level: 2, name: 'Meddelanden' })).toBeVisible();
  await expect(page.getByText('Inga meddelanden än.')).toBeVisible();
  await expect(page.locator('#body-hint')).toContainText(`får vara högst ${SV_5000} tecken`); // the limit is said before it is hit
  await expect(page.getByRole('heading', { level: 2, name: 'Dokument' })).toBeVisible();
  await expect(page.getByText('Här hamnar brev och beslut, och svaret på din begäran, när Socialnämnden skickar dem.')).toBeVisible();
  await expect(page.getByRole('link', { name: '0150-123 20' })).toHaveAttribute('href', 'tel:015012320');
  await expect(page.getByRole('link', { name: 'Återkalla din begäran' })).toBeVisible();
  await shot(page, 'case');

  // Sent empty: the error summary names the field, the title says "Fel:", focus is on the summary.
  const form = messageForm(page);
  const textbox = page.getByLabel('Skriv ett meddelande');
  await form.getByRole('button', { name: 'Skicka meddelandet' }).click();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('Det finns ett problem');
  await expect(alert.getByRole('listitem')).toHaveText(['Skriv ett meddelande eller bifoga en fil']);
  await expect(page).toHaveTitle(`Fel: Begäran om registerutdrag ${dnr} – Dataskyddsportalen`);
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#body-error')).toHaveText('Fel: Skriv ett meddelande eller bifoga en fil');
  await shot(page, 'message-empty');
  // The summary's link takes the person to the text box.
  await alert.getByRole('link', { name: 'Skriv ett meddelande eller bifoga en fil' }).click();
  await expect(textbox).toBeFocused();

  // Too long, with the intyg chosen: refused; every character typed is still there, and so is
  // the file; the summary takes focus again and says by how much it is too long.
  const long = 'Jag vill också ha uppgifterna från min tid i familjehem. '.repeat(90).slice(0, MAX_MESSAGE_LENGTH + 1);
  expect(long.length).toBe(MAX_MESSAGE_LENGTH + 1);
  const pdf = tinyPdf('Intyg om familjehemsplacering 2012-2014');
  await textbox.fill(long);
  await page.getByLabel('Bifoga filer (valfritt)').setInputFiles({ name: 'Intyg familjehem 2012–2014.pdf', mimeType: 'application/pdf', buffer: pdf });
  await form.getByRole('button', { name: 'Skicka meddelandet' }).click();
  await expect(alert.getByRole('listitem')).toHaveText([`Meddelandet får vara högst ${SV_5000} tecken – du har skrivit 1 tecken för mycket`]);
  await expect(page).toHaveTitle(/^Fel: /);
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(textbox).toHaveValue(long);
  expect(await chosenFiles(page)).toBe(1);
  await expect(page.getByText('Om du hade valt filer behöver du välja dem igen.')).toHaveCount(0); // they are still chosen
  await shot(page, 'message-too-long');

  // Shortened, the file still chosen: sent.
  const text = 'Jag vill också ha uppgifterna från min tid i familjehem 2012–2014.\nJag bifogar ett intyg från familjehemmet.';
  await textbox.fill(text);
  await form.getByRole('button', { name: 'Skicka meddelandet' }).click();

  await expect(page).toHaveURL(/\?klart=meddelande#meddelanden$/);
  const banner = page.getByRole('alert');
  await expect(banner.getByRole('heading')).toHaveText('Klart');
  await expect(banner).toContainText('Ditt meddelande är skickat till Socialnämnden.');
  await expect(page).toHaveTitle(`Begäran om registerutdrag ${dnr} – Dataskyddsportalen`);
  const thread = page.getByRole('list', { name: 'Meddelanden i ärendet' });
  const mine = thread.getByRole('listitem').filter({ hasText: 'Från dig' });
  await expect(mine).toHaveCount(1);
  await expect(mine.locator('.message__body')).toHaveText(text);
  await expect(mine.getByRole('link', { name: 'Intyg familjehem 2012–2014.pdf' })).toBeVisible();
  await expect(page.getByText('Inga meddelanden än.')).toHaveCount(0);
  await expect(page.locator('.timeline li').last()).toContainText('Du skickade ett meddelande');
  // The page opens at the thread: the banner and the message are what the person sees.
  await expect(banner).toBeInViewport();
  await expect(mine).toBeInViewport();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/mina-message-sent-viewport.png` });
  // The form is empty again for the next message.
  await expect(textbox).toHaveValue('');
  expect(await chosenFiles(page)).toBe(0);
  await shot(page, 'message-sent');

  // The file comes back byte for byte, under its own name.
  const file = await download(page, 'Intyg familjehem 2012–2014.pdf');
  expect(file.suggestedFilename()).toBe('Intyg familjehem 2012–2014.pdf');
  expect((await downloaded(file)).equals(pdf)).toBe(true);

  // A download needs a login (a recent one, see requireRecentResidentLogin): without one, the link
  // leads to the login page rather than saving that page as a file, and the login leads back.
  await page.context().clearCookies();
  await page.getByRole('link', { name: 'Intyg familjehem 2012–2014.pdf', exact: true }).click();
  await expect(page).toHaveURL(/\/logga-in\?redirectTo=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logga in med BankID');
  await loginHere(page, MARIA);
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(url)}$`), { timeout: 15_000 });
  const again = await download(page, 'Intyg familjehem 2012–2014.pdf');
  expect((await downloaded(again)).equals(pdf)).toBe(true);
});

test('a resident withdraws a request before it is decided', async ({ page }) => {
  test.setTimeout(90_000);
  await logIn(page, MARIA);
  const { dnr, url } = await fileAndOpenCase(page, MARIA, 'Byggnadsnämnden');
  await expect(page.getByText('Du kan återkalla din begäran så länge Byggnadsnämnden inte har fattat beslut.')).toBeVisible();

  await page.getByRole('link', { name: 'Återkalla din begäran' }).click();
  await expect(page).toHaveURL(`${url}/aterkalla`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Återkalla din begäran');
  await expect(page).toHaveTitle('Återkalla din begäran – Dataskyddsportalen');
  await expect(page.getByText(`Begäran om registerutdrag ${dnr}`)).toBeVisible();
  await expect(page.getByText('Om du återkallar din begäran får Byggnadsnämnden veta det och slutar handlägga den.')).toBeVisible();
  await expect(page.getByText('Du kan inte ångra en återkallelse.')).toBeVisible();
  await shot(page, 'withdraw');

  // "Avbryt" leaves the case as it was.
  await page.getByRole('link', { name: 'Avbryt' }).click();
  await expect(page).toHaveURL(url);
  await expect(summaryRow(page, 'Status').locator('dd')).toHaveText('Mottagen');

  // A reason longer than the limit is refused with the text kept, not cut short.
  await page.getByRole('link', { name: 'Återkalla din begäran' }).click();
  const reason = page.getByLabel('Varför återkallar du din begäran? (valfritt)');
  const tooLong = `${'Jag har fått uppgifterna på annat sätt, '.repeat(60).slice(0, MAX_REASON_LENGTH + 4)}.`; // no space at either end
  await reason.fill(tooLong);
  await page.getByRole('button', { name: 'Återkalla begäran' }).click();
  await expect(page.getByRole('alert').getByRole('listitem')).toHaveText(['Skälet får vara högst 2\u00a0000 tecken – du har skrivit 5 tecken för mycket']);
  await expect(page).toHaveTitle('Fel: Återkalla din begäran – Dataskyddsportalen');
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(reason).toHaveValue(tooLong);
  await shot(page, 'withdraw-error');
  await reason.fill('Jag har fått uppgifterna på annat sätt.');
  await page.getByRole('button', { name: 'Återkalla begäran' }).click();

  await expect(page).toHaveURL(`${url}?klart=aterkallad`);
  const banner = page.getByRole('alert');
  await expect(banner.getByRole('heading')).toHaveText('Klart');
  await expect(banner).toContainText('Din begäran är återkallad. Byggnadsnämnden har fått veta det.');
  await expect(summaryRow(page, 'Status').locator('dd')).toHaveText('Återkallad');
  await expect(summaryRow(page, 'Kommunen ska svara senast')).toHaveCount(0); // no answer is coming
  await expect(page.getByRole('heading', { level: 2, name: 'Det här har hänt' })).toBeVisible();
  await expect(page.locator('.timeline li').last()).toContainText('Du återkallade din begäran');
  await expect(messageForm(page)).toHaveCount(0);
  await expect(page.getByLabel('Skriv ett meddelande')).toHaveCount(0);
  await expect(page.getByText('Du har återkallat din begäran och kan inte skicka fler meddelanden i ärendet.')).toBeVisible();
  await expect(page.getByText('Det finns inga dokument i ärendet.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Återkalla din begäran' })).toHaveCount(0);
  await shot(page, 'withdrawn');

  // The confirmation page is gone, and Mina ärenden says so too.
  await page.goto(`${url}/aterkalla`);
  await expect(page).toHaveURL(url);
  await page.getByRole('link', { name: 'Mina ärenden' }).first().click();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: dnr, exact: true }) });
  await expect(row.getByRole('cell').nth(2)).toHaveText('Återkallad');
  await expect(row.getByRole('cell').nth(3)).toHaveText('Inget svar väntas');
  await shot(page, 'my-cases-withdrawn');
});

test('the case page in English: message, errors, download and withdrawal', async ({ page }) => {
  test.setTimeout(90_000);
  await logIn(page, MARIA);
  const { dnr, url } = await fileAndOpenCase(page, MARIA, 'Barn- och utbildningsnämnden');

  await page.getByRole('navigation', { name: 'Språk' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(url)}\\?lng=en$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Request for access ${dnr}`);
  await expect(page).toHaveTitle(`Request for access ${dnr} – Data Protection Portal`);
  await expect(summaryRow(page, 'Status').locator('dd')).toHaveText('Received');
  await expect(summaryRow(page, 'You asked for').locator('dd')).toHaveText('Access');
  await expect(page.getByText('No messages yet.')).toBeVisible();
  await expect(page.locator('#body-hint')).toContainText('can be at most 5,000 characters');
  await expect(page.getByRole('listitem').filter({ hasText: 'Your request reached Barn- och utbildningsnämnden' })).toBeVisible();
  await expectNoSwedishUi(page, RESIDENT_NAMESPACES);
  await shot(page, 'en-case');

  const form = messageForm(page);
  const textbox = page.getByLabel('Write a message');
  await form.getByRole('button', { name: 'Send message' }).click();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('There is a problem');
  await expect(alert.getByRole('listitem')).toHaveText(['Write a message or attach a file']);
  await expect(page).toHaveTitle(`Error: Request for access ${dnr} – Data Protection Portal`);
  await expect(page.locator('#body-error')).toHaveText('Error: Write a message or attach a file');
  await expectNoSwedishUi(page, RESIDENT_NAMESPACES);
  await shot(page, 'en-message-empty');

  const long = 'x'.repeat(MAX_MESSAGE_LENGTH + 12);
  await textbox.fill(long);
  await form.getByRole('button', { name: 'Send message' }).click();
  await expect(alert.getByRole('listitem')).toHaveText(['The message must be 5,000 characters or fewer – you have written 12 characters too many']);
  await expect(textbox).toHaveValue(long);
  await expectNoSwedishUi(page, RESIDENT_NAMESPACES);
  await shot(page, 'en-message-too-long');

  const pdf = tinyPdf('School report 2019');
  await textbox.fill('Please include my school reports from 2019.');
  await page.getByLabel('Attach files (optional)').setInputFiles({ name: 'school-report-2019.pdf', mimeType: 'application/pdf', buffer: pdf });
  await form.getByRole('button', { name: 'Send message' }).click();
  await expect(page.getByRole('alert')).toContainText('Your message has been sent to Barn- och utbildningsnämnden.');
  const mine = page.getByRole('list', { name: 'Messages in the case' }).getByRole('listitem').filter({ hasText: 'From you' });
  await expect(mine.locator('.message__body')).toHaveText('Please include my school reports from 2019.');
  await expect(page.locator('.timeline li').last()).toContainText('You sent a message');
  await expectNoSwedishUi(page, RESIDENT_NAMESPACES);
  await shot(page, 'en-message-sent');
  const file = await download(page, 'school-report-2019.pdf');
  expect(file.suggestedFilename()).toBe('school-report-2019.pdf');
  expect((await downloaded(file)).equals(pdf)).toBe(true);

  await page.getByRole('link', { name: 'Withdraw your request' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Withdraw your request');
  await expect(page).toHaveTitle('Withdraw your request – Data Protection Portal');
  await expectNoSwedishUi(page, RESIDENT_NAMESPACES);
  await shot(page, 'en-withdraw');
  await page.getByLabel('Why are you withdrawing your request? (optional)').fill('r'.repeat(MAX_REASON_LENGTH + 1));
  await page.getByRole('button', { name: 'Withdraw request' }).click();
  await expect(page.getByRole('alert').getByRole('listitem')).toHaveText(['The reason must be 2,000 characters or fewer – you have written 1 character too many']);
  await expect(page).toHaveTitle('Error: Withdraw your request – Data Protection Portal');
  await expectNoSwedishUi(page, RESIDENT_NAMESPACES);
  await shot(page, 'en-withdraw-error');
  await page.getByLabel('Why are you withdrawing your request? (optional)').fill('');
  await page.getByRole('button', { name: 'Withdraw request' }).click();
  await expect(page.getByRole('alert')).toContainText('Your request has been withdrawn. Barn- och utbildningsnämnden has been told.');
  await expect(summaryRow(page, 'Status').locator('dd')).toHaveText('Withdrawn');
  await expect(page.locator('.timeline li').last()).toContainText('You withdrew your request');
  await expect(messageForm(page)).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Withdraw your request' })).toHaveCount(0);
  await expectNoSwedishUi(page, RESIDENT_NAMESPACES);
  await shot(page, 'en-withdrawn');
  await page.getByRole('link', { name: 'My cases' }).first().click();
  await expect(page.getByRole('row').filter({ has: page.getByRole('link', { name: dnr, exact: true }) }).getByRole('cell').nth(3)).toHaveText('No answer expected');
  await expectNoSwedishUi(page, RESIDENT_NAMESPACES);
  await shot(page, 'en-my-cases');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a resident writes with a file, gets the same errors, downloads the file and withdraws', async ({ page }) => {
    test.setTimeout(90_000);
    await loginWithoutJs(page, OMAR);
    const { dnr, url } = await fileAndOpenCase(page, OMAR, 'Kultur- och fritidsnämnden', { js: false });
    const form = messageForm(page);
    const textbox = page.getByLabel('Skriv ett meddelande');
    const files = page.getByLabel('Bifoga filer (valfritt)');

    await form.getByRole('button', { name: 'Skicka meddelandet' }).click();
    await expect(page.getByRole('alert').getByRole('listitem')).toHaveText(['Skriv ett meddelande eller bifoga en fil']);
    await expect(page).toHaveTitle(`Fel: Begäran om registerutdrag ${dnr} – Dataskyddsportalen`); // server-rendered
    await expect(page.getByText('Om du hade valt filer behöver du välja dem igen.')).toHaveCount(0); // none were sent
    await plainShot(page, 'nojs-message-empty');

    // Too long, and a "PDF" that is not one: both named, the text kept; the page is new, so the
    // person is told that the files must be chosen again.
    const long = 'Föreningsbidrag 2018–2020. '.repeat(200).slice(0, MAX_MESSAGE_LENGTH + 1);
    await textbox.fill(long);
    await files.setInputFiles({ name: 'kvitto.pdf', mimeType: 'application/pdf', buffer: Buffer.from('inte en pdf') });
    await form.getByRole('button', { name: 'Skicka meddelandet' }).click();
    await expect(page.getByRole('alert').getByRole('listitem')).toHaveText([`Meddelandet får vara högst ${SV_5000} tecken – du har skrivit 1 tecken för mycket`, 'kvitto.pdf är inte en PDF-, JPEG- eller PNG-fil']);
    await expect(textbox).toHaveValue(long);
    await expect(page.getByText('Om du hade valt filer behöver du välja dem igen.')).toBeVisible();
    await plainShot(page, 'nojs-message-errors');

    // A file alone is a message too.
    const pdf = tinyPdf('Kvitto medlemsavgift 2019');
    await textbox.fill('');
    await files.setInputFiles({ name: 'kvitto-medlemsavgift.pdf', mimeType: 'application/pdf', buffer: pdf });
    await form.getByRole('button', { name: 'Skicka meddelandet' }).click();
    await expect(page).toHaveURL(/\?klart=meddelande#meddelanden$/);
    await expect(page.getByRole('alert')).toContainText('Ditt meddelande är skickat till Kultur- och fritidsnämnden.');
    const mine = page.getByRole('list', { name: 'Meddelanden i ärendet' }).getByRole('listitem').filter({ hasText: 'Från dig' });
    await expect(mine.getByRole('link', { name: 'kvitto-medlemsavgift.pdf' })).toBeVisible();
    await expect(page).toHaveTitle(`Begäran om registerutdrag ${dnr} – Dataskyddsportalen`);
    await expect(textbox).toHaveValue('');
    await plainShot(page, 'nojs-message-sent');
    const file = await download(page, 'kvitto-medlemsavgift.pdf');
    expect(file.suggestedFilename()).toBe('kvitto-medlemsavgift.pdf');
    expect((await downloaded(file)).equals(pdf)).toBe(true);

    await page.getByRole('link', { name: 'Återkalla din begäran' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Återkalla din begäran');
    const reason = page.getByLabel('Varför återkallar du din begäran? (valfritt)');
    const tooLong = 'x'.repeat(MAX_REASON_LENGTH + 1);
    await reason.fill(tooLong);
    await page.getByRole('button', { name: 'Återkalla begäran' }).click();
    await expect(page.getByRole('alert').getByRole('listitem')).toHaveText(['Skälet får vara högst 2\u00a0000 tecken – du har skrivit 1 tecken för mycket']);
    await expect(page).toHaveTitle('Fel: Återkalla din begäran – Dataskyddsportalen');
    await expect(reason).toHaveValue(tooLong);
    await reason.fill('Jag flyttar från kommunen.');
    await page.getByRole('button', { name: 'Återkalla begäran' }).click();
    await expect(page).toHaveURL(`${url}?klart=aterkallad`);
    await expect(summaryRow(page, 'Status').locator('dd')).toHaveText('Återkallad');
    await expect(page.getByRole('alert')).toContainText('Din begäran är återkallad.');
    await expect(messageForm(page)).toHaveCount(0);
    await plainShot(page, 'nojs-withdrawn');
  });
});
