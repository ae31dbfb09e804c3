import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

const SHOTS = process.env.E2E_SCREENSHOTS;
const PAGES = [
  { path: '/', sv: 'Dina rättigheter när kommunen behandlar dina personuppgifter', en: 'Your rights when the municipality processes your personal data' },
  { path: '/tillganglighet', sv: 'Tillgänglighetsredogörelse', en: 'Accessibility statement' },
  { path: '/personuppgifter', sv: 'Så behandlar vi dina personuppgifter', en: /personal data/i },
] as const;

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

for (const p of PAGES) {
  test(`${p.path} in Swedish and English, axe clean`, async ({ page }) => {
    await page.goto(p.path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    await expect(h1(page)).toHaveText(p.sv);
    await expectNoAxeViolations(page);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/page${p.path.replace(/\//g, '_')}-sv.png`, fullPage: true });
    await page.goto(`${p.path}?lng=en`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(h1(page)).toHaveText(p.en);
    await expectNoAxeViolations(page);
  });
}

test('the start page names the kommuner, the seven rights and the way in', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText(/Granåsa kommun och Sjöbacka kommun/).first()).toBeVisible();
  for (const right of ['registerutdrag', 'rättelse', 'radering', 'begränsning', 'invändning', 'dataportabilitet', 'samtycke']) {
    await expect(page.getByRole('heading', { name: new RegExp(right, 'i') }).first()).toBeVisible();
  }
  await page.getByRole('link', { name: 'Logga in med BankID' }).first().click();
  await expect(page).toHaveURL(/\/logga-in$/);
});

test('the language choice persists in a cookie and works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto('/tillganglighet');
  await expect(h1(page)).toHaveText('Accessibility statement');
  await page.getByRole('link', { name: 'Svenska' }).click();
  await page.goto('/personuppgifter');
  await expect(h1(page)).toHaveText('Så behandlar vi dina personuppgifter');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/privacy-nojs.png`, fullPage: true });
  await context.close();
});

test('client-side navigation shows translated text, never raw keys', async ({ page }) => {
  await page.goto('/tillganglighet?lng=en');
  await page.waitForLoadState('networkidle'); // hydrated: the links below navigate client-side
  await page.getByRole('link', { name: 'Data Protection Portal' }).click();
  await expect(h1(page)).toHaveText('Your rights when the municipality processes your personal data');
  await page.getByRole('link', { name: 'Log in with BankID' }).first().click();
  await expect(page).toHaveURL(/\/logga-in$/);
  await expect(h1(page)).toHaveText('Log in with BankID');
  await expect(page.getByRole('button', { name: 'Mobile BankID on another device' })).toBeVisible();
});
