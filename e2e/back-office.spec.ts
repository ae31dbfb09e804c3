/**
 * The back office meets the resident (issues #4 and #5): a samordnare registers a new case, asks
 * the resident for a clarification, the resident answers with a file in Mina ärenden, and the
 * samordnare extends the deadline — which the resident then sees with its reason. Another PUA's
 * samordnare does not see the case at all.
 */
import { expect, test, type Page } from '@playwright/test';
import { addMonths } from '../app/domain/iso-date';
import { gdprExtendedDeadline } from '../app/domain/deadlines';
import { fileRegisterutdrag, longDate, rowValue, shooter, staffPage, stockholmToday } from './journey';

test.describe.configure({ mode: 'serial' }); // shares the simulator's pending orders

const shot = shooter('office');
const RESIDENT = '196504129815'; // Sven Svensson (Anna's case count is asserted in request.spec.ts)
const SAMORDNARE_SN = '197803149827'; // Anna Lindqvist, gdpr_samordnare Sjöbacka SN
const SAMORDNARE_BUN = '198309029810'; // Johan Berglund, gdpr_samordnare Sjöbacka BUN, KFN
const SAMORDNARE_KS = '196911279849'; // Karin Åberg, gdpr_samordnare Sjöbacka KS, BN, VON, SBH
const SYSTEMAGARE_SN = '196504309870'; // Lars Forsberg, systemägare Sjöbacka SN, VON
const HANDLAGGARE_SN = '198705199837'; // Erik Holm, handläggare Sjöbacka SN, VON
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Files a registerutdrag to PUAs of Sjöbacka (label → diarium prefix); returns the diarienummer per prefix. */
const fileRegisterutdragTo = (page: Page, puas: Record<string, string>) => fileRegisterutdrag(page, { personnummer: RESIDENT, puas, email: 'anna@example.se' });

test('a samordnare registers, asks for a clarification, the resident answers; the extension reaches Mina ärenden', async ({ page, browser }) => {
  test.setTimeout(120_000); // two kinds of user, several BankID logins
  // One request to two PUAs: one case at each, each PUA's samordnare sees only their own.
  const filed = await fileRegisterutdragTo(page, { Socialnämnden: 'SN', 'Barn- och utbildningsnämnden': 'BUN' });
  const diarienummer = filed.SN!;
  const bunCase = filed.BUN!;
  const bun = await staffPage(browser, SAMORDNARE_BUN);
  await bun.goto('/personal/arenden?sok=Sven+Svensson');
  await expect(bun.getByRole('link', { name: bunCase, exact: true })).toBeVisible();
  await expect(bun.getByRole('link', { name: diarienummer, exact: true })).toHaveCount(0);
  await bun.goto(`/personal/arenden?sok=${encodeURIComponent(diarienummer)}`);
  await expect(bun.getByText('Inga ärenden matchar.')).toBeVisible();
  await bun.context().close();

  // The SN samordnare finds it in the inbox, soonest deadline first, with days left in words.
  const staff = await staffPage(browser, SAMORDNARE_SN);
  await expect(staff.getByText('ärende ska besvaras denna vecka').or(staff.getByText('ärenden ska besvaras denna vecka'))).toBeVisible();
  await shot(staff, 'home');
  await staff.getByRole('link', { name: 'Ärenden', exact: true }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Ärenden');
  await expect(staff.getByRole('link', { name: bunCase, exact: true })).toHaveCount(0);
  const row = staff.getByRole('row').filter({ has: staff.getByRole('link', { name: diarienummer, exact: true }) });
  await expect(row).toContainText('Sven Svensson');
  await expect(row).toContainText(/\d+ dagar kvar/);
  await shot(staff, 'inbox');
  await row.getByRole('link', { name: diarienummer }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText(`Begäran om registerutdrag ${diarienummer}`);
  await expect(staff.getByText('Sven Svensson, 19650412-****')).toBeVisible(); // masked by default
  await staff.getByRole('button', { name: 'Visa hela personnumret' }).click();
  await expect(staff.getByText('Sven Svensson, 19650412-9815')).toBeVisible();
  await shot(staff, 'case-new');

  // Register with Erik Holm as handläggare.
  await staff.getByLabel('Handläggare', { exact: true }).selectOption({ label: 'Erik Holm' });
  await staff.getByRole('button', { name: 'Registrera' }).click();
  await expect(staff.getByRole('alert', { name: 'Klart' })).toContainText('Ärendet är registrerat.');
  await expect(staff.locator('.summary-list__row', { hasText: 'Handläggare' }).first()).toContainText('Erik Holm');

  // Tasks to a system owner and to a handläggare, due in a week.
  for (const recipient of ['Lars Forsberg (systemägare)', 'Erik Holm (handläggare)']) {
    await staff.getByLabel('Till vem?').selectOption({ label: recipient });
    await staff.getByLabel('Vad ska de söka efter?').fill('Sök på personnumret i era system, 2019 och framåt.');
    await staff.getByRole('button', { name: 'Skicka uppdraget' }).click();
    await expect(staff.getByRole('alert', { name: 'Klart' })).toContainText('Uppdraget är skickat.');
  }
  await expect(staff.locator('#uppdrag + ul > li')).toHaveCount(2);

  // The system owner finds data and attaches an extract; the handläggare finds none.
  const owner = await staffPage(browser, SYSTEMAGARE_SN);
  await owner.getByRole('link', { name: 'Mina uppdrag' }).click();
  await owner.getByRole('link', { name: diarienummer }).click();
  await expect(owner.getByText('Sven Svensson, 19650412-****')).toBeVisible();
  await owner.getByRole('button', { name: 'Skicka svaret' }).click(); // nothing filled in
  await expect(owner.getByRole('alert').first()).toContainText('Välj ett svar: Har du hittat uppgifter om personen?');
  await owner.getByLabel('Ditt namn och din arbetsplats').fill('Lars Forsberg, IFO');
  await owner.getByLabel('Ja, det finns uppgifter').check();
  await owner.getByLabel('I ett verksamhetssystem').check();
  await owner.getByLabel('Vilket system, vilken app eller var?').fill('Treserva');
  await owner.getByLabel('Från personen själv').check();
  await owner.getByLabel('Vad används uppgifterna till (ändamål)?').fill('Handläggning av ekonomiskt bistånd');
  await owner.getByLabel('Allmänt intresse eller myndighetsutövning').check();
  await owner.getByLabel('Vilken lag bygger det på?').fill('Socialtjänstlagen (2001:453)');
  await owner.getByLabel('Hur länge sparas uppgifterna?').fill('Fem år efter sista anteckningen');
  await owner.getByRole('group', { name: 'Förs uppgifterna över till ett land utanför EU/EES?' }).getByLabel('Nej').check();
  await owner.getByRole('group', { name: 'Fattas automatiserade beslut med uppgifterna?' }).getByLabel('Nej').check();
  await owner.getByLabel(/Bifoga utdrag/).setInputFiles({ name: 'utdrag-treserva.pdf', mimeType: 'application/pdf', buffer: PDF });
  await shot(owner, 'task-form');
  await owner.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(owner.getByRole('alert', { name: 'Klart' })).toContainText('Ditt svar är skickat');
  await owner.context().close();

  const holm = await staffPage(browser, HANDLAGGARE_SN);
  await holm.goto('/personal/uppdrag');
  await holm.getByRole('link', { name: diarienummer }).click();
  await holm.getByLabel('Ditt namn och din arbetsplats').fill('Erik Holm, Socialförvaltningen');
  await holm.getByLabel('Nej, inga uppgifter funna').check();
  await holm.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(holm.getByRole('alert', { name: 'Klart' })).toContainText('Ditt svar är skickat');
  await holm.context().close();

  await staff.reload();
  const tasks = staff.locator('#uppdrag + ul > li');
  await expect(tasks.filter({ hasText: 'Lars Forsberg' })).toContainText('Treserva');
  await expect(tasks.filter({ hasText: 'Lars Forsberg' }).getByRole('link', { name: 'utdrag-treserva.pdf' })).toBeVisible();
  await expect(tasks.filter({ hasText: 'Erik Holm' })).toContainText('Nej, inga uppgifter funna');
  await shot(staff, 'case-tasks');

  // Ask for a clarification: an empty one is refused with a message, then sent.
  await staff.getByLabel('Begäran om förtydligande').check();
  await staff.getByRole('button', { name: 'Skicka', exact: true }).click();
  await expect(staff.getByRole('alert').first()).toContainText('Skriv ett meddelande');
  await expect(staff).toHaveTitle(/^Fel: /);
  await staff.getByLabel('Begäran om förtydligande').check();
  await staff.getByLabel('Meddelande', { exact: true }).fill('Gäller det alla år, eller en viss period?');
  await staff.getByRole('button', { name: 'Skicka', exact: true }).click();
  await expect(staff.getByRole('alert', { name: 'Klart' })).toContainText('Meddelandet är skickat');
  await expect(staff.locator('.summary-list__row', { hasText: 'Status' }).first()).toContainText('Väntar på den enskilde');

  // The resident sees that an answer is needed and answers with a file.
  await page.goto('/mina-arenden');
  await page.getByRole('link', { name: diarienummer }).click();
  await expect(page.getByRole('region', { name: 'Viktigt' })).toContainText('Socialnämnden behöver ett förtydligande av din begäran.');
  await expect(page.getByText('Gäller det alla år, eller en viss period?')).toBeVisible();
  await shot(page, 'resident-asked');
  await page.getByLabel('Ditt svar').fill('Åren 2020 till 2023.');
  await page.getByLabel(/Bifoga filer/).setInputFiles({ name: 'underlag.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: 'Skicka ditt svar' }).click();
  await expect(page.getByRole('alert', { name: 'Klart' })).toContainText('Ditt meddelande är skickat till Socialnämnden.');
  await expect(page.getByRole('region', { name: 'Viktigt' })).toHaveCount(0);

  // Back at the office: the answer with its file; the case is back in work.
  await staff.reload();
  await expect(staff.getByText('Åren 2020 till 2023.')).toBeVisible();
  await expect(staff.getByText('Från den enskilde').first()).toBeVisible();
  await expect(staff.locator('.summary-list__row', { hasText: 'Status' }).first()).toContainText('Handläggs');
  const download = staff.waitForEvent('download');
  await staff.getByRole('link', { name: 'underlag.pdf' }).click();
  expect((await download).suggestedFilename()).toBe('underlag.pdf');

  // Extend: the reason is required; then the new deadline is three months from receipt.
  await staff.getByRole('button', { name: 'Förläng tiden' }).click();
  await expect(staff.getByRole('alert').first()).toContainText('Skriv skälet till förlängningen');
  await staff.getByLabel('Skäl till förlängningen').fill('Uppgifterna finns i många system och måste sammanställas.');
  await staff.getByRole('button', { name: 'Förläng tiden' }).click();
  await expect(staff.getByRole('alert', { name: 'Klart' })).toContainText('Tiden är förlängd');
  const received = stockholmToday();
  const extended = gdprExtendedDeadline(received);
  expect(extended >= addMonths(received, 3)).toBe(true);
  await expect(staff.getByText(longDate(extended)).first()).toBeVisible();
  await shot(staff, 'case-extended');

  // The resident sees the new date and the reason, in the list and on the case.
  await page.goto('/mina-arenden');
  const mine = page.getByRole('row').filter({ has: page.getByRole('link', { name: diarienummer }) });
  await expect(mine).toContainText(longDate(extended));
  await expect(mine).toContainText('Förlängd');
  await mine.getByRole('link', { name: diarienummer }).click();
  await expect(page.getByText('Skäl: Uppgifterna finns i många system och måste sammanställas.')).toBeVisible();
  await shot(page, 'resident-extended');
  await staff.context().close();
});

test('a request sent to the wrong nämnd is re-routed: new diarienummer, same received date, a trail in both', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const first = (await fileRegisterutdragTo(page, { Kommunstyrelsen: 'KS' })).KS!;
  const ks = await staffPage(browser, SAMORDNARE_KS);
  await ks.goto(`/personal/arenden?sok=${encodeURIComponent(first)}`);
  await ks.getByRole('link', { name: first }).click();
  const received = await rowValue(ks, 'Mottaget').innerText();
  await ks.getByLabel('Till vilken nämnd eller vilket bolag?').selectOption({ label: 'Socialnämnden' });
  await ks.getByRole('button', { name: 'Skicka vidare' }).click();
  await expect(ks.getByRole('alert', { name: 'Klart' })).toContainText('Ärendet är skickat vidare');
  await expect(rowValue(ks, 'Status')).toHaveText('Avslutat');
  await expect(ks.getByText('Skickat vidare till annan nämnd')).toBeVisible();
  await ks.context().close();

  const sn = await staffPage(browser, SAMORDNARE_SN);
  await sn.goto('/personal/arenden?sok=Sven+Svensson');
  const row = sn.getByRole('row').filter({ hasText: 'Socialnämnden' }).filter({ hasText: 'Mottaget' }).first();
  await expect(row).toBeVisible();
  await row.getByRole('link').first().click();
  await expect(rowValue(sn, 'Mottaget')).toHaveText(received);
  await expect(sn.getByText('Kom från annan nämnd')).toBeVisible();
  await expect(sn.getByRole('heading', { level: 1 })).toContainText(/SN \d{4}\/\d{5}/);
  await shot(sn, 'rerouted');
  await sn.context().close();

  // The resident sees both: the first case sent on, the new one at Socialnämnden.
  await page.goto('/mina-arenden');
  await page.getByRole('link', { name: first }).click();
  await expect(page.getByText('Kommunstyrelsen skickade din begäran vidare till den nämnd som ansvarar för uppgifterna')).toBeVisible();
});
