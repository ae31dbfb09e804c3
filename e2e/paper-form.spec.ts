/**
 * A paper form (issue #8): the registrator scans in a registerutdrag that came by post last week,
 * enters its fields and the date on the received stamp; the deadline runs from the stamp, not from
 * today (DOMAIN.md §5), and the case reaches the PUA's inbox as "Pappersblankett".
 */
import { expect, test } from '@playwright/test';
import { gdprDeadline } from '../app/domain/deadlines';
import { addDays } from '../app/domain/iso-date';
import { longDate, rowValue, shooter, staffPage, stockholmToday } from './journey';

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

  await ingrid.getByLabel('Inskannad blankett').setInputFiles({ name: 'blankett-bilaga6.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% Begäran om registerutdrag\n%%EOF\n') });
  await ingrid.locator('#stamp').fill(String(Number(day)));
  await ingrid.locator('#stamp-month').fill(String(Number(month)));
  await ingrid.locator('#stamp-year').fill(year!);
  await ingrid.getByLabel(/^Registerutdrag/).check();
  await ingrid.getByLabel('Socialnämnden', { exact: true }).check();
  await ingrid.getByLabel('Den som har skrivit under').check();
  await ingrid.locator('#subjectPersonnummer').fill(SUBJECT);
  await ingrid.locator('#subjectName').fill('Pia Papper');
  await ingrid.getByLabel('Hämtas i receptionen mot legitimation').check();
  await ingrid.getByRole('button', { name: 'Registrera begäran' }).click();

  // The receipt: the deadline counted from the stamp.
  const row = ingrid.getByRole('row').filter({ hasText: /SN \d{4}\/\d{5}/ });
  await expect(row).toContainText(longDate(stamp));
  await expect(row).toContainText(longDate(gdprDeadline(stamp)));
  const diarienummer = (await row.getByText(/^SN \d{4}\/\d{5}$/).innerText()).trim();
  await shot(ingrid, 'receipt');
  await ingrid.context().close();

  const anna = await staffPage(browser, ANNA);
  await anna.goto(`/personal/arenden?sok=${encodeURIComponent(diarienummer)}`);
  await anna.getByRole('link', { name: diarienummer, exact: true }).click();
  await expect(rowValue(anna, 'Kom in via')).toHaveText('Pappersblankett');
  await expect(anna.getByText('blankett-bilaga6.pdf')).toBeVisible();
  await shot(anna, 'case');
  await anna.context().close();
});
