/**
 * A paper form (issue #8): the registrator scans in a registerutdrag that came by post last week,
 * enters its fields and the date on the received stamp; the deadline runs from the stamp, not from
 * today (DOMAIN.md §5), and the case reaches the PUA's inbox as "Pappersblankett". The valid
 * form is sent without JavaScript; the page is also checked in English.
 */
import { expect, test } from '@playwright/test';
import { gdprDeadline } from '../app/domain/deadlines';
import { addDays } from '../app/domain/iso-date';
import { expectNoSwedishUi } from './english';
import { longDate, rowValue, shooter, SHOTS, staffPage, stockholmToday } from './journey';

const shot = shooter('paper');
const INGRID = '196212059882'; // Ingrid Hedlund, registrator Sjöbacka
const ANNA = '197803149827'; // Anna Lindqvist, samordnare Sjöbacka SN
const SUBJECT = '199402039821'; // used only by this spec

test('a paper form with last week’s stamp gets its deadline from the stamp and reaches the inbox', async ({ browser }) => {
  test.setTimeout(120_000);
  const stamp = addDays(stockholmToday(), -7);
  const [year, month, day] = stamp.split('-');

  const ingrid = await staffPage(browser, INGRID);
  await ingrid.getByRole('link', { name: 'Registrera pappersblankett' }).click();
  await expect(ingrid.getByRole('heading', { level: 1 })).toHaveText('Registrera pappersblankett');
  await ingrid.getByRole('button', { name: 'Registrera begäran' }).click();
  await expect(ingrid.locator('.error-summary')).toContainText('Välj den inskannade blanketten');
  await shot(ingrid, 'errors');

  // The same page in English.
  await ingrid.goto('/personal/pappersblankett?lng=en');
  await expect(ingrid.getByRole('heading', { level: 1 })).toHaveText('Register a paper form');
  await expectNoSwedishUi(ingrid, ['paper', 'common', 'ui']);
  await shot(ingrid, 'form-en');
  await ingrid.goto('/personal/pappersblankett?lng=sv');

  // The form itself is filled in and sent without JavaScript: a plain multipart post.
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await ingrid.context().storageState() });
  await ingrid.context().close();
  const plain = await noJs.newPage();
  await plain.goto('/personal/pappersblankett');
  await plain.getByLabel('Inskannad blankett').setInputFiles({ name: 'blankett-bilaga6.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% Begäran om registerutdrag\n%%EOF\n') });
  await plain.locator('#stamp').fill(String(Number(day)));
  await plain.locator('#stamp-month').fill(String(Number(month)));
  await plain.locator('#stamp-year').fill(year!);
  await plain.getByLabel(/^Registerutdrag/).check();
  await plain.getByLabel('Socialnämnden', { exact: true }).check();
  await plain.getByLabel('Den som har skrivit under').check();
  await plain.locator('#subjectPersonnummer').fill(SUBJECT);
  await plain.locator('#subjectName').fill('Pia Papper');
  await plain.getByLabel('Hämtas i receptionen mot legitimation').check();
  await plain.getByRole('button', { name: 'Registrera begäran' }).click();

  // The receipt: the deadline counted from the stamp.
  const row = plain.getByRole('row').filter({ hasText: /SN \d{4}\/\d{5}/ });
  await expect(row).toContainText(longDate(stamp));
  await expect(row).toContainText(longDate(gdprDeadline(stamp)));
  const diarienummer = (await row.getByText(/^SN \d{4}\/\d{5}$/).innerText()).trim();
  // axe needs JavaScript: a plain screenshot here (the page with JavaScript passed axe above).
  if (SHOTS) await plain.screenshot({ path: `${SHOTS}/paper-receipt-no-js.png`, fullPage: true });
  await noJs.close();

  const anna = await staffPage(browser, ANNA);
  await anna.goto(`/personal/arenden?sok=${encodeURIComponent(diarienummer)}`);
  await anna.getByRole('link', { name: diarienummer, exact: true }).click();
  await expect(rowValue(anna, 'Kom in via')).toHaveText('Pappersblankett');
  await expect(anna.getByText('blankett-bilaga6.pdf')).toBeVisible();
  await shot(anna, 'case');
  await anna.context().close();
});
