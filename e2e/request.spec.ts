import { expect, test } from '@playwright/test';
import { loginWithQr, sim } from './bankid';
import { approveSigning, continueOn, expectFieldErrors, SHOTS, shooter } from './journey';

test.describe.configure({ mode: 'serial' }); // shares the simulator's pending orders

const shot = shooter('request');

test('a resident asks every PUA for a registerutdrag, signs, and finds the cases in Mina ärenden', async ({ page }) => {
  await loginWithQr(page, '/logga-in', '198001019804');
  await expect(page).toHaveURL(/\/mina-arenden$/);
  await page.getByRole('link', { name: 'Gör en begäran' }).click();
  await shot(page, 'start');
  await page.getByRole('button', { name: 'Starta' }).click();

  // Two kommuner in the demo: the first question is which.
  await expect(page.getByRole('group', { name: 'Vilken kommun gäller din begäran?' })).toBeVisible();
  await continueOn(page); // nothing chosen → error summary, focus, title prefix
  await expect(page.getByRole('alert')).toContainText('Välj vilken kommun din begäran gäller');
  await shot(page, 'error');
  await page.getByLabel('Sjöbacka kommun').check();
  await continueOn(page);

  await page.getByLabel(/^Registerutdrag/).check();
  await shot(page, 'rights');
  await continueOn(page);
  await page.getByLabel('Mig själv').check();
  await continueOn(page);
  await page.getByLabel('Jag vet inte – skicka till alla').check();
  await shot(page, 'puas');
  await continueOn(page);
  await page.getByLabel('Tidsperiod').fill('2020–2026');
  await continueOn(page);
  await page.getByLabel(/E-postadress/).fill('anna@example.se');
  await continueOn(page);
  await page.getByLabel('Här i Dataskyddsportalen').check();
  await continueOn(page);
  await continueOn(page); // no attachments

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kontrollera dina svar');
  await expect(page.getByText('Alla nämnder och bolag')).toBeVisible();
  await shot(page, 'check');
  await page.getByRole('button', { name: 'Mobilt BankID på en annan enhet' }).click();
  await expect(page.getByRole('status')).toHaveText('Starta BankID-appen.');
  const order = await approveSigning('198001019804');
  expect(order.userVisibleData).toContain('Begäran till Sjöbacka kommun');

  await expect(page).toHaveURL(/\/kvitto$/, { timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Din begäran är skickad');
  await expect(page.getByText(/^DSP-\d{4}-/)).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(1 + 7); // header + one registerutdrag case per PUA of Sjöbacka
  await shot(page, 'receipt');

  await page.getByRole('link', { name: 'Till Mina ärenden' }).click();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(1 + 7);
  await shot(page, 'my-cases');
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByText(/Din begäran kom in till/)).toBeVisible();
  await shot(page, 'case');
});

test('another resident gets 404 for someone else’s case', async ({ page, browser }) => {
  await loginWithQr(page, '/logga-in', '196504129815');
  await expect(page).toHaveURL(/\/mina-arenden$/);
  const other = await browser.newContext();
  const owner = await other.newPage();
  await loginWithQr(owner, '/logga-in', '198001019804');
  const caseLink = owner.getByRole('table').getByRole('link').first();
  const href = await caseLink.getAttribute('href');
  expect(href).toMatch(/^\/mina-arenden\/[0-9a-f-]{36}$/);
  const res = await page.goto(href!);
  expect(res?.status()).toBe(404);
  await other.close();
});

test('a representative must attach the fullmakt; files are checked by content', async ({ page }) => {
  await loginWithQr(page, '/logga-in', '196504129815');
  await expect(page).toHaveURL(/\/mina-arenden$/);
  await page.goto('/begaran');
  await page.getByRole('button', { name: 'Starta' }).click();
  await page.getByLabel('Sjöbacka kommun').check();
  await continueOn(page);
  await page.getByLabel(/^Dataportabilitet/).check();
  await continueOn(page);
  await page.getByLabel('Någon som har gett mig fullmakt').check();
  await continueOn(page);
  await page.getByLabel('För- och efternamn').fill('Anna Andersson');
  await page.getByLabel('Personnummer').fill('19800101-9804');
  await continueOn(page);
  await page.getByLabel('Kultur- och fritidsnämnden').check();
  await continueOn(page);
  await page.getByLabel('Vilka uppgifter gäller det?').fill('Mina uppgifter i föreningsbidragsansökan');
  await page.getByLabel('JSON').check();
  await continueOn(page);
  await continueOn(page);
  await page.getByLabel(/Rekommenderat brev/).check();
  await continueOn(page);

  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await expect(page.getByRole('alert')).toContainText('Bifoga fullmakten');
  await page.getByLabel('Välj filer').setInputFiles({ name: 'fullmakt.pdf', mimeType: 'application/pdf', buffer: Buffer.from('inte en pdf') });
  await page.getByRole('button', { name: 'Ladda upp' }).click();
  await expect(page.getByRole('alert')).toContainText('fullmakt.pdf är inte en PDF-, JPEG- eller PNG-fil');
  await page.getByLabel('Välj filer').setInputFiles({ name: 'fullmakt.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% fullmakt\n%%EOF\n') });
  await page.getByRole('button', { name: 'Ladda upp' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'fullmakt.pdf' })).toBeVisible();
  await shot(page, 'attachments');
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kontrollera dina svar');
  await expect(page.getByText('fullmakt.pdf')).toBeVisible();
  await page.getByRole('button', { name: 'Mobilt BankID på en annan enhet' }).click();
  await approveSigning('196504129815');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Din begäran är skickad', { timeout: 15_000 });
  await expect(page.getByRole('table')).toContainText('Begäran om dataportabilitet');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a guardian asks for rättelse on behalf of a child, the whole way without JavaScript', async ({ page }) => {
    await page.goto('/begaran');
    await page.getByRole('button', { name: 'Mobilt BankID på en annan enhet' }).click();
    expect((await sim('/__sim/approve', { personalNumber: '196504129815' })).status).toBe(200);
    await page.getByRole('button', { name: 'Jag har legitimerat mig' }).click();
    await expect(page).toHaveURL(/\/begaran$/);

    await page.getByRole('button', { name: 'Starta' }).click();
    await page.getByLabel('Granåsa kommun').check();
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await page.getByLabel(/^Rättelse/).check();
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await page.getByLabel('Mitt barn, som jag är vårdnadshavare för').check();
    await page.getByRole('button', { name: 'Fortsätt' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Om barnet');
    await page.getByRole('button', { name: 'Fortsätt' }).click(); // nothing answered: each question says what is missing
    await expectFieldErrors(page, [
      ['name', 'Skriv för- och efternamn'],
      ['personnummer', 'Skriv personnumret'],
      ['custody', 'Välj vem som är vårdnadshavare'],
    ]);
    await page.getByLabel('För- och efternamn').fill('Elsa Svensson');
    await page.getByLabel('Personnummer').fill('19800101-9804'); // an adult: refused, input kept
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await expect(page.getByRole('alert')).toContainText('Barnet ska vara under 18 år');
    await expect(page.getByLabel('För- och efternamn')).toHaveValue('Elsa Svensson');
    await expect(page).toHaveTitle(/^Fel: Om barnet/); // the server-rendered title says so too
    await page.getByLabel('Personnummer').fill('20100321-9829');
    await page.getByLabel('Jag är ensam vårdnadshavare').check();
    await page.getByRole('button', { name: 'Fortsätt' }).click();

    // The pages speak of the child, not of the guardian's own data.
    await expect(page.getByText('Välj de som du tror har uppgifter om barnet. Varje nämnd beslutar för sig.')).toBeVisible();
    await page.getByLabel('Socialnämnden').check();
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vilka uppgifter vill du få rättade?');
    await page.getByRole('button', { name: 'Fortsätt' }).click(); // three required questions, three different messages
    await expectFieldErrors(page, [
      ['which', 'Skriv vilka uppgifter som är fel'],
      ['wrong', 'Skriv vad som är fel i uppgifterna'],
      ['correct', 'Skriv vad som ska stå i stället'],
    ]);
    await expect(page).toHaveTitle(/^Fel: Vilka uppgifter vill du få rättade\?/);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/request-child-rattelse-error-nojs.png`, fullPage: true });
    await page.getByLabel('Vilka uppgifter gäller det?').fill('Adressen i elevakten');
    await page.getByLabel('Vad är fel?').fill('Gammal adress');
    await page.getByLabel('Vad är rätt?').fill('Storgatan 1, Granåsa');
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await expect(page.getByRole('group', { name: 'Har du eller barnet skyddade personuppgifter?' })).toBeVisible();
    await page.getByRole('button', { name: 'Fortsätt' }).click(); // no contact details
    await page.getByLabel('Jag hämtar det i kommunens reception').check();
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await page.getByRole('button', { name: 'Fortsätt' }).click(); // no attachments

    await expect(page.getByText('Elsa Svensson, 20100321-****')).toBeVisible(); // masked on the check page
    await page.getByRole('button', { name: 'Mobilt BankID på en annan enhet' }).click();
    await expect(page.getByRole('img', { name: /QR-kod/ })).toBeVisible();
    const orders = (await sim('/__sim/orders')).json as { orderRef: string; type: string; status: string; userVisibleData: string }[];
    const order = orders.find((o) => o.type === 'sign' && o.status === 'pending')!;
    expect(order.userVisibleData).toContain('Elsa Svensson (Mitt barn)');
    expect((await sim(`/__sim/orders/${order.orderRef}/approve`, { personalNumber: '196504129815' })).status).toBe(200);
    await page.getByRole('button', { name: 'Jag har skrivit under' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Din begäran är skickad');
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
    await expect(page.getByRole('table')).toContainText('Begäran om förändring');
    await expect(page.getByText('Varje nämnd registrerar sitt ärende och tar reda på vilka uppgifter den har om barnet.')).toBeVisible();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/request-child-receipt-nojs.png`, fullPage: true });
    await page.getByRole('link', { name: 'Till Mina ärenden' }).click();
    await expect(page.getByText('Gäller Elsa Svensson (för ditt barn)')).toBeVisible();
  });
});
