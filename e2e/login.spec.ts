import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { loginWithQr, SIM, sim } from './bankid';

const SHOTS = process.env.E2E_SCREENSHOTS; // set to a folder to keep screenshots of each step

test.describe.configure({ mode: 'serial' }); // the simulator's "most recent order" is shared

test('a resident logs in with Mobilt BankID by scanning the QR code', async ({ page }) => {
  await page.goto('/logga-in');
  await expectNoAxeViolations(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/login-start.png`, fullPage: true });
  await page.getByRole('button', { name: 'Mobilt BankID på en annan enhet' }).click();
  await expect(page.getByRole('status')).toHaveText('Starta BankID-appen.');
  await expectNoAxeViolations(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/login-qr.png`, fullPage: true });
  // The QR code is animated: it changes as time passes.
  const first = await page.getByRole('img', { name: /QR-kod/ }).getAttribute('src');
  await expect.poll(() => page.getByRole('img', { name: /QR-kod/ }).getAttribute('src'), { timeout: 5000 }).not.toBe(first);

  await loginWithQr(page, '/logga-in', '198001019804');
  await expect(page).toHaveURL(/\/mina-arenden$/);
  await expect(page.getByText('Inloggad som Anna Andersson')).toBeVisible();
  await expectNoAxeViolations(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/login-done.png`, fullPage: true });

  // Logout revokes the session: Mina ärenden asks for a login again.
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.goto('/mina-arenden');
  await expect(page).toHaveURL(/\/logga-in\?redirectTo=%2Fmina-arenden/);
});

test('a resident logs in through the simulator’s "BankID-appen" page', async ({ page, context }) => {
  await page.goto('/mina-arenden'); // goes to the login, and back here afterwards
  await page.getByRole('button', { name: 'BankID på den här enheten' }).click();
  await expect(page.getByRole('status')).toHaveText('Försöker starta BankID-appen.');
  await expect(page.getByRole('link', { name: 'Öppna BankID-appen', exact: true })).toHaveAttribute('href', /^bankid:\/\/\/\?autostarttoken=[0-9a-f-]{36}&redirect=null$/);

  const app = await context.newPage();
  await app.goto(`${SIM}/`);
  await expect(app.getByRole('heading', { name: /BankID-appen \(simulator\)/ })).toBeVisible();
  if (SHOTS) await app.screenshot({ path: `${SHOTS}/sim-app.png`, fullPage: true });
  await app.getByLabel('Testperson').first().selectOption('196504129815');
  await app.getByRole('button', { name: 'Identifiera' }).first().click();

  await expect(page).toHaveURL(/\/mina-arenden$/, { timeout: 15_000 });
  await expect(page.getByText('Inloggad som Sven Svensson')).toBeVisible();
});

test('a staff member logs in at the staff entry point', async ({ page }) => {
  await page.goto('/personal/logga-in');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logga in som personal');
  await expectNoAxeViolations(page);
  await loginWithQr(page, '/personal/logga-in', '197803149827');
  await expect(page).toHaveURL(/\/personal$/);
  await expect(page.getByText('Inloggad som Anna Lindqvist')).toBeVisible();
  await expect(page.getByText('GDPR-samordnare – Socialnämnden, Sjöbacka kommun')).toBeVisible();
  await expectNoAxeViolations(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/staff-home.png`, fullPage: true });
});

test('an unknown personnummer is refused at the staff entry point', async ({ page }) => {
  await loginWithQr(page, '/personal/logga-in', '196504129815');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Du kan inte logga in');
  await expect(page.getByRole('alert')).toContainText('finns inte bland kommunens personal');
  await expectNoAxeViolations(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/staff-refused.png`, fullPage: true });
  await page.goto('/personal');
  await expect(page).toHaveURL(/\/personal\/logga-in/);
});

test('cancelling shows "Åtgärden avbröts" and a way to try again', async ({ page }) => {
  await page.goto('/logga-in');
  await page.getByRole('button', { name: 'Mobilt BankID på en annan enhet' }).click();
  await expect(page.getByRole('status')).toHaveText('Starta BankID-appen.');
  const orders = (await sim('/__sim/orders')).json as { orderRef: string; status: string }[];
  const pending = orders.find((o) => o.status === 'pending')!; // the list is newest first
  await sim(`/__sim/orders/${pending.orderRef}/fail`, { hintCode: 'userCancel' });
  await expect(page.getByRole('status')).toHaveText('Åtgärden avbröts.');
  await expect(page.getByRole('link', { name: 'Försök igen' })).toBeVisible();
});

test('"Avbryt" cancels the order at BankID and returns to the choice', async ({ page }) => {
  await page.goto('/logga-in');
  await page.getByRole('button', { name: 'BankID på den här enheten' }).click();
  await expect(page.getByRole('status')).toHaveText('Försöker starta BankID-appen.');
  const orders = (await sim('/__sim/orders')).json as { orderRef: string; status: string }[];
  const pending = orders.filter((o) => o.status === 'pending');
  await page.getByRole('button', { name: 'Avbryt' }).click();
  await expect(page).toHaveURL(/\/logga-in$/);
  for (const o of pending) {
    const after = (await sim(`/__sim/orders/${o.orderRef}`)).json as { status: string };
    expect(after.status).not.toBe('pending');
  }
});

test('the status texts follow the language: English RFA messages', async ({ page }) => {
  await page.goto('/logga-in?lng=en');
  await page.getByRole('button', { name: 'Mobile BankID on another device' }).click();
  await expect(page.getByRole('status')).toHaveText('Start your BankID app.');
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the login completes with the self-refreshing page and "Jag har legitimerat mig"', async ({ page }) => {
    await page.goto('/logga-in');
    await page.getByRole('button', { name: 'Mobilt BankID på en annan enhet' }).click();
    await expect(page).toHaveURL(/\/logga-in\/bankid$/);
    await expect(page.getByRole('img', { name: /QR-kod/ })).toBeVisible();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/login-nojs.png`, fullPage: true });
    expect((await sim('/__sim/approve', { personalNumber: '198001019804' })).status).toBe(200);
    await page.getByRole('button', { name: 'Jag har legitimerat mig' }).click();
    await expect(page).toHaveURL(/\/mina-arenden$/, { timeout: 10_000 });
    await expect(page.getByText('Inloggad som Anna Andersson')).toBeVisible();
  });
});
