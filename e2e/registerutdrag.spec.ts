/**
 * Registerutdrag (issue #7): two system owners answer with attachments, naming the processing
 * activity; the samordnare excludes one item under DSL 5 kap. 2 §, takes the beslut the exclusion
 * needs, prepares the package; a second samordnare approves (four-eyes in Sjöbacka SN); the resident
 * downloads it. The test unzips the package: the manifest's hashes, data.json with exactly the
 * released items, and a följebrev that states every Art 15 item for each activity.
 */
import crypto from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { pdfText } from '../tests/pdf-text';
import { zipEntries } from '../tests/zip';
import { fileRegisterutdrag, shooter, staffPage } from './journey';

test.describe.configure({ mode: 'serial' });

const shot = shooter('registerutdrag');
const RESIDENT = '198503122387'; // used only by this spec
const ANNA = '197803149827'; // Anna Lindqvist, samordnare Sjöbacka SN
const JONAS = '197711239819'; // Jonas Berg, samordnare Sjöbacka SN (the second pair of eyes)
const LARS = '196504309870'; // Lars Forsberg, systemägare SN
const MAJA = '198804129826'; // Maja Lind, systemägare SN
const PDF = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

async function answer(page: Page, diarienummer: string, who: string, activity: string, system: string, file: [string, string]) {
  await page.getByRole('link', { name: 'Mina uppdrag' }).click();
  await page.getByRole('link', { name: diarienummer }).click();
  await page.getByLabel('Ditt namn och din arbetsplats').fill(who);
  await page.getByLabel('Ja, det finns uppgifter').check();
  await page.getByLabel('I ett verksamhetssystem').check();
  await page.getByLabel('Vilket system, vilken app eller var?').fill(system);
  await page.getByLabel('Från personen själv').check();
  // The activity brings purpose, legal basis, retention and the rest from the registerförteckning.
  await page.getByLabel(activity).check();
  await page.getByLabel(/Bifoga utdrag/).setInputFiles({ name: file[0], mimeType: 'application/pdf', buffer: PDF(file[1]) });
  await page.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(page.getByRole('alert', { name: 'Klart' })).toContainText('Ditt svar är skickat');
}

/** The review form of one item, found by its heading. */
const itemForm = (page: Page, title: string) => page.locator('form.utdrag-item').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

test('a registerutdrag with one item excluded under DSL 5 kap. 2 §, approved by a second samordnare, downloaded by the resident', async ({ page, browser }) => {
  test.setTimeout(180_000);

  // The resident asks Socialnämnden for a registerutdrag.
  const diarienummer = (await fileRegisterutdrag(page, { personnummer: RESIDENT, period: '2015–2026', email: 'resident@example.se' })).SN!;

  // Anna registers it and asks the two system owners.
  const anna = await staffPage(browser, ANNA);
  await anna.goto(`/personal/arenden?sok=${encodeURIComponent(diarienummer)}`);
  await anna.getByRole('link', { name: diarienummer, exact: true }).click();
  await anna.getByLabel('Handläggare', { exact: true }).selectOption({ label: 'Anna Lindqvist' });
  await anna.getByRole('button', { name: 'Registrera' }).click();
  for (const recipient of ['Lars Forsberg (systemägare)', 'Maja Lind (systemägare)']) {
    await anna.getByLabel('Till vem?').selectOption({ label: recipient });
    await anna.getByLabel('Vad ska de söka efter?').fill('Sök på personnumret, 2015 och framåt.');
    await anna.getByRole('button', { name: 'Skicka uppdraget' }).click();
    await expect(anna.getByRole('alert', { name: 'Klart' })).toContainText('Uppdraget är skickat.');
  }

  const lars = await staffPage(browser, LARS);
  await answer(lars, diarienummer, 'Lars Forsberg, IFO', 'Handläggning av ekonomiskt bistånd', 'Treserva', ['akt-treserva.pdf', 'Beslut om bistånd 2016']);
  await shot(lars, 'task-answer');
  await lars.context().close();
  const maja = await staffPage(browser, MAJA);
  await answer(maja, diarienummer, 'Maja Lind, Barn och unga', 'Utredning och insatser för barn och unga', 'Lifecare', ['utredning-utkast.pdf', 'HEMLIGT UTKAST som inte expedierats']);
  await maja.context().close();

  // Anna reviews: everything out except Maja's draft (DSL 5 kap. 2 §).
  await anna.reload();
  await anna.getByRole('link', { name: 'Sammanställ och granska registerutdraget' }).click();
  await expect(anna.getByRole('heading', { level: 1 })).toHaveText('Registerutdrag');
  await expect(anna.getByRole('heading', { name: 'Uppgifter att granska (4)' })).toBeVisible();
  await shot(anna, 'items');
  for (const title of ['Treserva (Lars Forsberg, IFO)', 'akt-treserva.pdf', 'Lifecare (Maja Lind, Barn och unga)']) {
    const form = itemForm(anna, title);
    await form.getByLabel('Ja, lämnas ut').check();
    await form.getByRole('button', { name: 'Spara granskningen' }).click();
    await expect(anna.getByRole('alert', { name: 'Klart' })).toContainText('Granskningen är sparad.');
  }
  const draft = itemForm(anna, 'utredning-utkast.pdf');
  await draft.getByLabel('Nej, lämnas inte ut').check();
  await draft.getByRole('button', { name: 'Spara granskningen' }).click();
  await expect(anna.locator('.error-summary')).toContainText('Välj ett skäl');
  await itemForm(anna, 'utredning-utkast.pdf').getByLabel('Nej, lämnas inte ut').check();
  await itemForm(anna, 'utredning-utkast.pdf').getByLabel('Skäl för att maska eller inte lämna ut').selectOption({ label: 'Utkast och minnesanteckningar (5 kap. 2 § dataskyddslagen)' });
  await itemForm(anna, 'utredning-utkast.pdf').getByLabel('Anteckning').fill('Utkast till utredning som inte har expedierats.');
  await itemForm(anna, 'utredning-utkast.pdf').getByRole('button', { name: 'Spara granskningen' }).click();
  await expect(anna.getByRole('alert', { name: 'Klart' })).toContainText('Granskningen är sparad.');

  // The exclusion is a delvis bifall: the beslut first, drafted from the review.
  await expect(anna.getByText('Fatta beslutet om det som inte lämnas ut innan paketet kan förberedas.')).toBeVisible();
  await shot(anna, 'reviewed');
  await anna.getByRole('button', { name: 'Skriv beslut om delvis bifall' }).click();
  await expect(anna.getByRole('heading', { level: 1 })).toHaveText('Beslut');
  await anna.getByRole('button', { name: 'Fatta beslut' }).click();
  await expect(anna.getByRole('alert', { name: 'Klart' })).toContainText('Beslutet är fattat');
  await anna.getByRole('link', { name: 'Sammanställ och granska registerutdraget' }).click();
  await anna.getByRole('button', { name: 'Förbered paketet' }).click();
  await expect(anna.getByRole('alert', { name: 'Klart' })).toContainText('Paketet är förberett och väntar på godkännande.');
  await expect(anna.getByRole('button', { name: 'Godkänn och skapa paketet' })).toHaveCount(0);
  await anna.context().close();

  // Jonas approves: the package is built.
  const jonas = await staffPage(browser, JONAS);
  await jonas.goto(`/personal/arenden?sok=${encodeURIComponent(diarienummer)}`);
  await jonas.getByRole('link', { name: diarienummer, exact: true }).click();
  await jonas.getByRole('link', { name: 'Sammanställ och granska registerutdraget' }).click();
  await jonas.getByRole('button', { name: 'Godkänn och skapa paketet' }).click();
  await expect(jonas.getByRole('alert', { name: 'Klart' })).toContainText('Paketet är godkänt');
  await shot(jonas, 'approved');
  await jonas.context().close();

  // The resident downloads it (built in the background: wait for it to appear).
  await page.goto('/mina-arenden');
  await page.getByRole('link', { name: diarienummer }).click();
  await expect(page).toHaveURL(/\/mina-arenden\/[0-9a-f-]{36}$/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('link', { name: /^Ladda ner registerutdraget/ })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByText('Socialnämnden skickade ditt registerutdrag')).toBeVisible();
  await shot(page, 'resident');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /^Ladda ner registerutdraget/ }).click();
  const chunks: Buffer[] = [];
  for await (const c of await (await download).createReadStream()) chunks.push(c as Buffer);
  const entries = await zipEntries(Buffer.concat(chunks));

  const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { files: { path: string; sha256: string }[] };
  expect(manifest.files.length).toBe(entries.size - 1);
  for (const f of manifest.files) expect(crypto.createHash('sha256').update(entries.get(f.path)!).digest('hex'), f.path).toBe(f.sha256);

  const data = JSON.parse(entries.get('data.json')!.toString('utf8')) as { activities: { code: string; items: { title: string }[] }[] };
  expect(data.activities.map((a) => [a.code, a.items.map((i) => i.title).sort()])).toEqual([
    ['ekonomiskt-bistand', ['Treserva (Lars Forsberg, IFO)', 'akt-treserva.pdf'].sort()],
    ['barn-och-unga', ['Lifecare (Maja Lind, Barn och unga)']],
  ]);
  const everything = Buffer.concat([...entries.values()]).toString('latin1');
  expect(everything).not.toContain('HEMLIGT UTKAST');

  const letter = (await pdfText(entries.get('foljebrev.pdf')!)).replace(/\s+/g, ' ');
  for (const activity of ['Handläggning av ekonomiskt bistånd', 'Utredning och insatser för barn och unga']) expect(letter).toContain(activity);
  for (const item of ['Varför vi behandlar uppgifterna (ändamål)', 'Vad vi stöder oss på (rättslig grund)', 'Vilka slags uppgifter (kategorier)', 'Vem som får uppgifterna (mottagare)', 'Överföring till land utanför EU/EES', 'Hur länge vi sparar uppgifterna', 'Varifrån uppgifterna kommer', 'Automatiserade beslut']) {
    // Each Art 15(1) item once per activity.
    expect(letter.split(item).length - 1, `the följebrev states "${item}" for each activity`).toBeGreaterThanOrEqual(2);
  }
  for (const right of ['Rättelse (artikel 16)', 'Radering (artikel 17)', 'Begränsning (artikel 18)', 'Invändning (artikel 21)', 'Integritetsskyddsmyndigheten', '5 kap. 2 §', 'Utkast och minnesanteckningar']) expect(letter, `the följebrev names ${right}`).toContain(right);
  expect(letter).not.toContain('HEMLIGT');
  if (process.env.E2E_SCREENSHOTS) (await import('node:fs')).writeFileSync(`${process.env.E2E_SCREENSHOTS}/registerutdrag-foljebrev.pdf`, entries.get('foljebrev.pdf')!);
});
