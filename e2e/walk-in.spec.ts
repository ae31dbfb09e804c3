/**
 * A walk-in request (issue #8): a visitor without BankID comes to the reception. Amira checks
 * their ID, fills in the same questions the e-tjänst asks, registers the registerutdrag and prints
 * the kvittens; the case reaches Socialnämnden's inbox as come in via the reception. The check page
 * is also read in English, and registering works without JavaScript. A beslut on a walk-in request
 * waits at the reception and is handed over against ID: that day is the day it is notified.
 */
import { expect, test, type Page } from '@playwright/test';
import { appealDeadline, gdprDeadline } from '../app/domain/deadlines';
import { expectNoSwedishUi } from './english';
import { checkIdDocument, continueOn, decideAvslag, downloadedPdfText, longDate, rowValue, shooter, SHOTS, staffPage, stockholmToday } from './journey';

const shot = shooter('walk-in');
const AMIRA = '199306169906'; // Amira Hassan, reception Sjöbacka
const ANNA = '197803149827'; // Anna Lindqvist, samordnare Sjöbacka SN
const VISITOR = '199507089879'; // used only by this spec
const OLLE = '198803151235'; // used only by this spec

test('the reception registers a walk-in registerutdrag against ID and prints the kvittens', async ({ browser }) => {
  test.setTimeout(120_000);
  const amira = await staffPage(browser, AMIRA);
  await amira.getByRole('link', { name: 'Besökare och samtal' }).click();
  await checkIdDocument(amira, { personnummer: '19950708-9879', name: 'Vera Lindström', document: 'Körkort', issuer: 'Transportstyrelsen', lastFour: 'K3M9' });
  const personPage = amira.url();

  await amira.getByRole('link', { name: 'Registrera en begäran för Vera Lindström' }).click();
  await expect(amira.getByRole('heading', { level: 1 })).toHaveText('Registrera en begäran');
  await shot(amira, 'start');
  await amira.getByRole('button', { name: 'Börja' }).click();

  // The resident's own questions, each with the visitor named above it.
  await expect(amira.getByText('Begäran för Vera Lindström, 19950708-****')).toBeVisible();
  await continueOn(amira);
  await expect(amira.locator('.error-summary')).toContainText('Välj minst en sak');
  await shot(amira, 'rights-error');
  await amira.getByLabel(/^Registerutdrag/).check();
  await continueOn(amira);
  await amira.getByLabel('Mig själv').check();
  await continueOn(amira);
  await amira.getByLabel('Socialnämnden', { exact: true }).check();
  await shot(amira, 'puas');
  await continueOn(amira);
  await amira.getByLabel('Tidsperiod').fill('2023–2026');
  await continueOn(amira);
  await continueOn(amira); // no e-mail or phone
  await amira.getByLabel('Jag hämtar det i kommunens reception').check();
  await continueOn(amira);
  await continueOn(amira); // no attachments
  await expect(amira.getByRole('heading', { level: 1 })).toHaveText('Kontrollera svaren och registrera');
  await expect(amira.getByText('Körkort utfärdat av Transportstyrelsen, nummer som slutar på K3M9')).toBeVisible();
  await shot(amira, 'check');
  const checkPage = amira.url();

  // The check page for an official who works in English.
  await amira.goto(`${checkPage}?lng=en`);
  await expect(amira.getByRole('heading', { level: 1 })).toHaveText('Check the answers and register');
  await expectNoSwedishUi(amira, ['walkin', 'request', 'visitor', 'common', 'ui']);
  await shot(amira, 'check-en');
  await amira.goto(`${checkPage}?lng=sv`);

  // Registering is a plain form post: it works without JavaScript.
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await amira.context().storageState() });
  const plain = await noJs.newPage();
  await plain.goto(checkPage);
  await plain.getByRole('button', { name: 'Registrera begäran' }).click();
  await expect(plain.getByRole('heading', { level: 1 })).toHaveText('Begäran är registrerad');
  const receiptPage = plain.url();
  if (SHOTS) await plain.screenshot({ path: `${SHOTS}/walk-in-receipt-no-js.png`, fullPage: true });
  await noJs.close();

  await amira.goto(receiptPage);
  const row = amira.getByRole('row').filter({ hasText: /SN \d{4}\/\d{5}/ });
  const today = stockholmToday();
  await expect(row).toContainText(longDate(gdprDeadline(today)));
  const diarienummer = (await row.getByText(/^SN \d{4}\/\d{5}$/).innerText()).trim();
  await expect(amira.getByText(/hämtar svaret här i receptionen/)).toBeVisible();
  await shot(amira, 'receipt');

  // The kvittens to print and hand over: case number, deadline, how the answer comes; masked personnummer.
  const kvittens = await downloadedPdfText(amira, /^Skriv ut kvittensen/);
  expect(kvittens).toContain('Kvittens');
  expect(kvittens).toContain(diarienummer);
  expect(kvittens).toContain(longDate(gdprDeadline(today)));
  expect(kvittens).toContain('19950708-****');
  expect(kvittens).not.toContain(VISITOR.slice(2));
  expect(kvittens).toContain('Transportstyrelsen');

  // Back on the person's page, the new case is there with its status.
  await amira.goto(personPage);
  await expect(amira.getByRole('table').getByRole('row').filter({ hasText: diarienummer })).toContainText('Socialnämnden');
  await amira.context().close();

  // Socialnämnden's samordnare finds it in the inbox, come in via the reception.
  const anna = await staffPage(browser, ANNA);
  await anna.goto(`/personal/arenden?sok=${encodeURIComponent(diarienummer)}`);
  const inboxRow = anna.getByRole('row').filter({ hasText: diarienummer });
  await expect(inboxRow).toContainText('Kom in via receptionen');
  await expect(inboxRow).toContainText('Vera Lindström');
  await shot(anna, 'inbox');
  await anna.getByRole('link', { name: diarienummer, exact: true }).click();
  await expect(rowValue(anna, 'Kom in via')).toHaveText('Receptionen');
  await expect(rowValue(anna, 'Mottaget')).toHaveText(longDate(today));
  await anna.context().close();
});

/** Amira registers Olle's request to erase old notes, to be answered at the reception; returns the diarienummer. */
async function walkInErasure(amira: Page): Promise<string> {
  await amira.getByRole('link', { name: 'Registrera en begäran för Olle Nordin' }).click();
  await amira.getByRole('button', { name: 'Börja' }).click();
  await amira.getByLabel(/^Radering/).check();
  await continueOn(amira);
  await amira.getByLabel('Mig själv').check();
  await continueOn(amira);
  await amira.getByLabel('Socialnämnden', { exact: true }).check();
  await continueOn(amira);
  await amira.getByLabel('Vilka uppgifter gäller det?').fill('Anteckningarna om mig från 2015.');
  await amira.getByLabel('De behövs inte längre för det de samlades in för').check();
  await continueOn(amira);
  await continueOn(amira); // no e-mail or phone
  await amira.getByLabel('Jag hämtar det i kommunens reception').check();
  await continueOn(amira);
  await continueOn(amira); // no attachments
  await amira.getByRole('button', { name: 'Registrera begäran' }).click();
  await expect(amira.getByRole('heading', { level: 1 })).toHaveText('Begäran är registrerad');
  return (await amira.getByRole('row').getByText(/^SN \d{4}\/\d{5}$/).innerText()).trim();
}

test('a beslut waiting at the reception is handed over against ID, and that day starts the appeal period', async ({ browser }) => {
  test.setTimeout(150_000);
  const amira = await staffPage(browser, AMIRA);
  await amira.getByRole('link', { name: 'Besökare och samtal' }).click();
  await checkIdDocument(amira, { personnummer: OLLE, name: 'Olle Nordin', document: 'Pass', issuer: 'Polismyndigheten', lastFour: 'P4X7' });
  const personPage = amira.url();
  const diarienummer = await walkInErasure(amira);

  // Socialnämnden refuses: the notes are allmänna handlingar to be kept.
  const anna = await staffPage(browser, ANNA);
  await anna.goto(`/personal/arenden?sok=${encodeURIComponent(diarienummer)}`);
  await anna.getByRole('link', { name: diarienummer, exact: true }).click();
  await decideAvslag(anna, 'Anna Lindqvist');

  // At the reception: the letter is on the pick-up list, then handed over to Olle after his ID check.
  await amira.goto('/personal/uthamtning');
  await expect(amira.getByRole('row').filter({ hasText: diarienummer })).toContainText('19880315-****');
  await shot(amira, 'pickup-list-decision');
  await amira.goto(personPage);
  await expect(amira.getByRole('heading', { name: 'Beslut att lämna ut' })).toBeVisible();
  await shot(amira, 'decision-waiting');
  await amira.getByRole('button', { name: `Lämna ut beslutet i ${diarienummer}` }).click();
  await expect(amira.getByRole('alert', { name: 'Klart' })).toContainText('Beslutet är utlämnat');
  await shot(amira, 'decision-handed-over');
  const letter = await downloadedPdfText(amira, /^Skriv ut beslutet/);
  for (const part of [diarienummer, 'Avslag', 'tre veckor', 'Förvaltningsrätten']) expect(letter, `the letter names ${part}`).toContain(part);
  await expect(amira.getByRole('button', { name: `Lämna ut beslutet i ${diarienummer}` })).toHaveCount(0);
  await amira.goto(`${personPage}?lng=en`);
  await expectNoSwedishUi(amira, ['visitor', 'common', 'ui']);
  await amira.context().close();

  // The case says it was received today, in person; the three weeks run from today.
  await anna.reload();
  const today = stockholmToday();
  await expect(anna.locator('#beslut').locator('..')).toContainText(longDate(appealDeadline(today)));
  await expect(anna.locator('#beslut').locator('..')).toContainText('utlämnat i receptionen');
  await anna.context().close();
});
