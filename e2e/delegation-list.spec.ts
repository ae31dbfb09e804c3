/**
 * The delegeringsförteckning (issue #6, "editable by admin"): the admin of Sjöbacka adds a point
 * for a named person in Kultur- och fritidsnämnden, is told what is missing, changes the point
 * without JavaScript, reads the page in English, and removes the point again (KFN is used by no
 * other spec, and the list ends as it began).
 */
import { expect, test } from '@playwright/test';
import { expectNoSwedishUi } from './english';
import { SHOTS, shooter, staffPage } from './journey';

const shot = shooter('delegation-list');
const ADMIN = '198008219936'; // Magnus Lund, admin of Sjöbacka kommun

test('the admin adds, changes and removes a delegation point', async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await staffPage(browser, ADMIN);
  await admin.getByRole('link', { name: 'Delegeringsförteckning' }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Delegeringsförteckning');
  await admin.getByLabel('Nämnd', { exact: true }).selectOption({ label: 'Kultur- och fritidsnämnden, Sjöbacka kommun' });
  await admin.getByRole('button', { name: 'Visa' }).click();
  const table = admin.getByRole('table', { name: /^Kultur- och fritidsnämnden, Sjöbacka kommun: 5 punkter/ });
  await expect(table).toBeVisible();
  await shot(admin, 'list');

  // Nothing filled in: every missing part is named, and linked to its field.
  await admin.getByRole('button', { name: 'Spara punkten' }).click();
  const summary = admin.locator('.error-summary');
  await expect(summary).toContainText('Skriv punktens nummer');
  await expect(summary).toContainText('Välj minst en typ av beslut');
  await expect(summary).toContainText('Välj en roll, en person eller båda');
  await shot(admin, 'errors');

  // Point 7.6: Sara Nyström, by name, may decide avslag and delvis bifall.
  await admin.getByLabel('Punkt', { exact: true }).fill('7.6');
  await admin.getByLabel('Avslag', { exact: true }).check();
  await admin.getByLabel('Delvis bifall', { exact: true }).check();
  await admin.getByLabel('Namngiven person (valfritt)').selectOption({ label: 'Sara Nyström (Handläggare)' });
  await admin.getByLabel('Anmärkning').fill('Under ordinarie samordnares semester.');
  await admin.getByRole('button', { name: 'Spara punkten' }).click();
  await expect(admin.getByRole('alert', { name: 'Klart' })).toContainText('Punkt 7.6 är sparad.');
  const row = admin.getByRole('row').filter({ has: admin.getByRole('rowheader', { name: '7.6', exact: true }) });
  await expect(row).toContainText('Delvis bifall, Avslag');
  await expect(row).toContainText('Sara Nyström');
  await expect(admin.getByLabel('Punkt', { exact: true }), 'the form is ready for the next point').toHaveValue('');
  await shot(admin, 'saved');

  // Changed without JavaScript: the same session in a browser with scripts off.
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await admin.context().storageState() });
  const plain = await noJs.newPage();
  await plain.goto(admin.url().replace(/#.*$/, ''));
  await plain.getByRole('link', { name: 'Ändra punkt 7.6' }).click();
  await expect(plain.getByRole('heading', { name: 'Ändra punkt 7.6' })).toBeVisible();
  await expect(plain.getByLabel('Avslag', { exact: true })).toBeChecked();
  await plain.getByLabel('GDPR-samordnare').check();
  await plain.getByLabel('Namngiven person (valfritt)').selectOption({ label: 'Ingen namngiven person' });
  await plain.getByRole('button', { name: 'Spara punkten' }).click();
  await expect(plain.getByRole('alert', { name: 'Klart' })).toContainText('Punkt 7.6 är sparad.');
  await expect(plain.getByRole('row').filter({ has: plain.getByRole('rowheader', { name: '7.6', exact: true }) })).toContainText('Alla med rollen GDPR-samordnare');
  // axe needs scripts; the same page was checked with them above.
  if (SHOTS) await plain.screenshot({ path: `${SHOTS}/delegation-list-changed-no-js.png`, fullPage: true });
  await noJs.close();

  // In English.
  await admin.goto(`${admin.url().replace(/#.*$/, '').split('?')[0]}?${new URL(admin.url()).searchParams.toString()}&lng=en`);
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Delegation list');
  await expect(admin.getByRole('row').filter({ has: admin.getByRole('rowheader', { name: '7.6', exact: true }) })).toContainText('Everyone with the role GDPR coordinator');
  await expectNoSwedishUi(admin, ['office', 'common', 'ui', 'account']);
  await shot(admin, 'english');

  await admin.getByRole('button', { name: 'Remove point 7.6' }).click();
  await expect(admin.getByRole('alert')).toContainText('Point 7.6 is removed.');
  await expect(admin.getByRole('table', { name: /: 5 points$/ })).toBeVisible();
  await admin.context().close();
});
