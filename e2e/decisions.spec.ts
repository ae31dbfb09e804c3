/**
 * Beslut and överklagande (issue #6): a handläggare without delegation proposes an avslag on an
 * erasure request, the samordnare with delegation approves; the resident opens the letter (the
 * notification date), appeals within time, signed with BankID; the samordnare runs the
 * rättidsprövning and forwards the package to förvaltningsrätten. The letter is checked for its
 * required parts by text extraction. A second appeal, on paper after the three weeks (the demo
 * calendar moved ahead, ADR 010), is avvisad by a decision with its own appeal instructions. A
 * request filed in English gets its ready texts, letter and appeal pages in English.
 */
import { expect, test, type Page } from '@playwright/test';
import { appealDeadline } from '../app/domain/deadlines';
import { loginWithQr } from './bankid';
import { expectNoSwedishUi } from './english';
import { approveSigning, continueOn, decideAvslag, downloadedPdfText, longDate, rowValue, setPortalCalendar, shooter, staffPage, stockholmToday } from './journey';

test.describe.configure({ mode: 'serial' });

const shot = shooter('decisions');
const RESIDENT = '197405065553'; // used only by this spec
const SAMORDNARE_SN = '197803149827'; // Anna Lindqvist, gdpr_samordnare Sjöbacka SN: delegation for every type
const HANDLAGGARE_SN = '198705199837'; // Erik Holm, handläggare Sjöbacka SN: delegation for bifall only

/** The request journey's words in each language (request.json and bankid.json of each locale). */
const JOURNEY = {
  sv: { start: 'Starta', next: 'Fortsätt', erasure: /^Radering/, self: 'Mig själv', which: 'Vilka uppgifter gäller det?', notNeeded: 'De behövs inte längre för det de samlades in för', email: /E-postadress/, portal: 'Här i Dataskyddsportalen', sign: 'Mobilt BankID på en annan enhet' },
  en: { start: 'Start', next: 'Continue', erasure: /^Erasure/, self: 'Myself', which: 'Which data is it about?', notNeeded: 'It is no longer needed for the purpose it was collected for', email: /Email address/, portal: 'Here in the portal', sign: 'Mobile BankID on another device' },
};

/** The resident asks Socialnämnden in Sjöbacka to erase old notes; returns the diarienummer. */
async function fileErasure(page: Page, lang: keyof typeof JOURNEY = 'sv'): Promise<string> {
  const w = JOURNEY[lang];
  await loginWithQr(page, '/logga-in', RESIDENT);
  await expect(page).toHaveURL(/\/mina-arenden$/);
  await page.goto(lang === 'en' ? '/begaran?lng=en' : '/begaran');
  await page.getByRole('button', { name: w.start, exact: true }).click();
  await page.getByLabel('Sjöbacka kommun').check();
  await continueOn(page, w.next);
  await page.getByLabel(w.erasure).check();
  await continueOn(page, w.next);
  await page.getByLabel(w.self).check();
  await continueOn(page, w.next);
  await page.getByLabel('Socialnämnden', { exact: true }).check();
  await continueOn(page, w.next);
  await page.getByLabel(w.which).fill(lang === 'en' ? 'The notes about me in the social assistance case from 2015.' : 'Anteckningarna om mig i ärendet om ekonomiskt bistånd från 2015.');
  await page.getByLabel(w.notNeeded).check();
  await continueOn(page, w.next);
  await page.getByLabel(w.email).fill('resident@example.se');
  await continueOn(page, w.next);
  await page.getByLabel(w.portal).check();
  await continueOn(page, w.next);
  await continueOn(page, w.next); // no attachments
  await page.getByRole('button', { name: w.sign }).click();
  await approveSigning(RESIDENT);
  await expect(page).toHaveURL(/\/kvitto$/, { timeout: 15_000 });
  return (await page.getByRole('table').getByRole('cell').filter({ hasText: /^SN \d{4}\/\d{5}$/ }).innerText()).trim();
}

async function openCase(page: Page, diarienummer: string) {
  await page.goto(`/personal/arenden?sok=${encodeURIComponent(diarienummer)}`);
  await page.getByRole('link', { name: diarienummer, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(diarienummer);
}

test('an avslag proposed without delegation, approved by a delegate, appealed in time and forwarded to the court', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const diarienummer = await fileErasure(page);

  // The samordnare registers the case with Erik Holm as handläggare.
  const anna = await staffPage(browser, SAMORDNARE_SN);
  await openCase(anna, diarienummer);
  await anna.getByLabel('Handläggare', { exact: true }).selectOption({ label: 'Erik Holm' });
  await anna.getByRole('button', { name: 'Registrera' }).click();
  await expect(anna.getByRole('alert', { name: 'Klart' })).toContainText('Ärendet är registrerat.');

  // Erik writes an avslag: the ground's ready text comes up once chosen and saved.
  const erik = await staffPage(browser, HANDLAGGARE_SN);
  await openCase(erik, diarienummer);
  await erik.getByRole('link', { name: 'Skriv beslut' }).click();
  await expect(erik.getByRole('heading', { level: 1 })).toHaveText('Beslut');
  await erik.getByRole('button', { name: 'Föreslå beslut' }).click(); // nothing chosen
  await expect(erik.getByRole('alert').first()).toContainText('Välj bifall, delvis bifall, avslag eller avvisning');
  await erik.getByLabel('Avslag', { exact: true }).check();
  await erik.getByLabel(/Allmänna handlingar/i).check();
  await erik.getByRole('button', { name: 'Spara utkast' }).click();
  const groundText = erik.getByLabel(/^Text för/);
  await expect(groundText).toContainText('arkiv');
  await erik.getByLabel('Motivering').fill('Anteckningarna är allmänna handlingar i ett avslutat ärende om ekonomiskt bistånd. De ska bevaras enligt nämndens dokumenthanteringsplan och får inte gallras före 2030.');
  await shot(erik, 'draft');
  // Erik holds delegation only for bifall: deciding an avslag is refused, proposing works.
  await erik.getByRole('button', { name: 'Fatta beslut' }).click();
  await expect(erik.getByRole('alert').first()).toContainText('Du har inte delegation för den här typen av beslut');
  // The letter as it would read, now that the draft is saved: marked as a draft, a delegate to decide.
  const preview = await downloadedPdfText(erik, /^Förhandsgranska brevet/);
  for (const part of ['UTKAST', 'Anteckningarna är allmänna handlingar', '(den delegat som fattar beslutet)', 'Erik Holm', 'Förvaltningsrätten i Linköping']) expect(preview, `the preview shows ${part}`).toContain(part);
  await erik.getByRole('button', { name: 'Föreslå beslut' }).click();
  await expect(erik.getByRole('alert', { name: 'Klart' })).toContainText('Beslutet är föreslaget');
  await erik.context().close();

  // Anna reviews and approves (four-eyes): the decision records both.
  await anna.reload();
  await anna.getByRole('link', { name: 'Fortsätt med beslutet' }).click();
  await expect(anna.getByText('Anteckningarna är allmänna handlingar')).toBeVisible();
  await shot(anna, 'proposal');
  await anna.getByRole('button', { name: 'Godkänn och fatta beslut' }).click();
  await expect(anna.getByRole('alert', { name: 'Klart' })).toContainText('Beslutet är fattat');
  await expect(rowValue(anna, 'Status')).toContainText('Beslutat');
  await expect(anna.locator('#beslut').locator('..')).toContainText('Föreslaget av Erik Holm.');
  await shot(anna, 'decided');

  // The resident opens the letter in Mina ärenden: that is the notification date.
  await page.goto('/mina-arenden');
  await page.getByRole('link', { name: diarienummer }).click();
  await expect(page.getByText('Tiden för att överklaga räknas från den dag du öppnar det.')).toBeVisible();
  const text = await downloadedPdfText(page, /^Beslut/);
  for (const part of [diarienummer, 'Socialnämnden', 'Sjöbacka', 'Avslag', 'Artikel 17.3 b', 'Anna Lindqvist', 'Erik Holm', 'punkt 7.2', 'delegeringsförteckning', 'Förvaltningsrätten i Linköping', 'Skicka överklagandet till Socialnämnden', 'tre veckor', 'Integritetsskyddsmyndigheten']) {
    expect(text, `the letter names ${part}`).toContain(part);
  }
  const today = stockholmToday();
  await page.reload();
  await expect(page.getByText(`Du fick del av beslutet den ${longDate(today)}. Ett överklagande måste ha kommit in senast ${longDate(appealDeadline(today))}.`)).toBeVisible();
  await shot(page, 'resident-decision');

  // The appeal: empty is refused, then written, checked and signed with BankID.
  await page.getByRole('link', { name: 'Överklaga beslutet' }).click();
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await expect(page.getByRole('alert').first()).toContainText('Skriv vilken ändring du vill ha');
  await page.getByLabel('Vilken ändring vill du ha?').fill('Jag vill att anteckningarna om mig raderas.');
  await page.getByLabel('Varför ska beslutet ändras?').fill('Ärendet är avslutat sedan länge och anteckningarna behövs inte.');
  await shot(page, 'appeal-form');
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kontrollera ditt överklagande');
  await page.getByRole('button', { name: 'Mobilt BankID på en annan enhet' }).click();
  await approveSigning(RESIDENT);
  await expect(page.getByRole('alert', { name: 'Klart' })).toContainText('Ditt överklagande har kommit in till Socialnämnden.', { timeout: 15_000 });
  await expect(page.getByText(/Överklagande som kom in den .*: tas om hand av nämnden/)).toBeVisible();

  // Rättidsprövning: in time. Then the package for the court.
  await anna.reload();
  await anna.getByRole('link', { name: /^Överklagande som kom in/ }).click();
  await expect(anna.getByText('Jag vill att anteckningarna om mig raderas.')).toBeVisible();
  await anna.getByRole('button', { name: 'Gör rättidsprövning' }).click();
  await expect(rowValue(anna, 'Resultat')).toContainText('I rätt tid');
  await expect(rowValue(anna, 'Sista dag')).toHaveText(longDate(appealDeadline(today)));
  await shot(anna, 'timeliness');
  await anna.getByRole('button', { name: 'Skapa överlämnande och registrera att det skickats' }).click();
  // Four PDFs and a ZIP are made on the spot.
  await expect(anna.getByRole('link', { name: 'Ladda ner överlämnandet (ZIP)' })).toBeVisible({ timeout: 30_000 });
  await expect(anna.getByRole('alert', { name: 'Klart' })).toContainText('Överlämnandet är skapat');
  const zipDownload = anna.waitForEvent('download');
  await anna.getByRole('link', { name: 'Ladda ner överlämnandet (ZIP)' }).click();
  const zipStream = await (await zipDownload).createReadStream();
  const zipChunks: Buffer[] = [];
  for await (const c of zipStream) zipChunks.push(c as Buffer);
  const zip = Buffer.concat(zipChunks).toString('latin1');
  for (const name of ['01-foljebrev.pdf', '02-overklagande.pdf', '03-beslut-1-', '04-delgivning.pdf', '05-aktforteckning.pdf']) expect(zip, `the package holds ${name}`).toContain(name);

  // The courts' målnummer and outcomes: förvaltningsrätten first, then kammarrätten, which refuses
  // prövningstillstånd (DSL 7 kap. 2 §), so förvaltningsrättens dom stands.
  const court = async (level: string, malnummer: string, outcome: string) => {
    await anna.getByLabel('Domstol', { exact: true }).selectOption({ label: level });
    await anna.getByLabel('Målnummer').fill(malnummer);
    await anna.getByLabel('Utgång').selectOption({ label: outcome });
    await anna.getByLabel('Datum för domen eller beslutet').fill(today);
    await anna.getByRole('button', { name: 'Spara domstolens avgörande' }).click();
  };
  await court('Kammarrätten', '555-26', 'Prövningstillstånd meddelas inte');
  await expect(anna.locator('.error-summary')).toContainText('Registrera förvaltningsrättens avgörande först');
  await court('Förvaltningsrätten', '1234-26', 'Avslag');
  await expect(anna.getByRole('alert', { name: 'Klart' })).toContainText('Domstolens avgörande är registrerat.');
  await court('Kammarrätten', '555-26', 'Prövningstillstånd meddelas inte');
  await expect(anna.getByRole('alert', { name: 'Klart' })).toContainText('Domstolens avgörande är registrerat.');
  await expect(anna.getByText('Kammarrätten, 555-26: Prövningstillstånd meddelas inte')).toBeVisible();
  await shot(anna, 'court');

  // The delegation report lists the decision.
  await anna.goto('/personal/delegationsbeslut');
  await expect(anna.getByRole('row').filter({ hasText: diarienummer })).toContainText('Anna Lindqvist');
  await shot(anna, 'report');
  await anna.context().close();
});

test('an appeal that comes in after three weeks is avvisad, by a decision that can itself be appealed', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const diarienummer = await fileErasure(page);
  const today = stockholmToday();

  // Anna registers the case to herself and decides an avslag (she holds delegation for it).
  const anna = await staffPage(browser, SAMORDNARE_SN);
  await openCase(anna, diarienummer);
  await decideAvslag(anna, 'Anna Lindqvist');

  // The resident opens the letter today: the three weeks run from today.
  await page.goto('/mina-arenden');
  await page.getByRole('link', { name: diarienummer }).click();
  await downloadedPdfText(page, /^Beslut om din begäran/);

  try {
    // A month later a paper appeal arrives: the stamp says today, which is after the last day.
    const later = await setPortalCalendar(30);
    expect(later > appealDeadline(today)).toBe(true);
    await anna.reload();
    await anna.getByRole('link', { name: 'Registrera ett överklagande som kommit in på papper' }).click();
    await expect(anna.getByRole('heading', { level: 1 })).toHaveText('Registrera överklagande på papper');
    await anna.getByLabel('Datum då överklagandet kom in (stämpeln)').fill(later);
    await anna.getByLabel('Ändring som begärs').fill('Jag vill att anteckningarna raderas.');
    await anna.getByRole('button', { name: 'Registrera överklagandet' }).click();
    await expect(anna.getByRole('alert', { name: 'Klart' })).toContainText('Överklagandet är registrerat.');
    await expect(anna.getByRole('heading', { level: 1 })).toContainText('Överklagande');

    // Rättidsprövning: late, under FL 45 § first paragraph; the letter had correct instructions.
    await anna.getByRole('button', { name: 'Gör rättidsprövning' }).click();
    await expect(rowValue(anna, 'Resultat')).toContainText('För sent');
    await expect(rowValue(anna, 'Sista dag')).toHaveText(longDate(appealDeadline(today)));
    await expect(rowValue(anna, 'Regel')).toContainText('45 § första stycket FL');
    await expect(rowValue(anna, 'Överklagandehänvisning')).toHaveText('Brevet hade korrekt överklagandehänvisning');
    await shot(anna, 'late-timeliness');

    // The avvisningsbeslut: its own decision, with its own appeal instructions.
    await anna.getByRole('link', { name: 'Skriv avvisningsbeslut' }).click();
    await expect(anna.getByRole('heading', { level: 1 })).toHaveText('Avvisning av överklagande');
    await shot(anna, 'avvisning');
    await anna.getByRole('button', { name: 'Fatta beslut' }).click();
    await expect(anna.getByRole('alert', { name: 'Klart' })).toContainText('Beslutet är fattat');
    await anna.getByRole('link', { name: /^Överklagande som kom in/ }).click();
    await expect(rowValue(anna, 'Status')).toHaveText('Avvisat');
    await shot(anna, 'avvisad');

    // The resident gets the avvisning letter: why, under which rule, and how to appeal it.
    await page.reload();
    const text = await downloadedPdfText(page, /^Beslut om avvisning av överklagande/);
    for (const part of [diarienummer, 'Beslut om avvisning av överklagande', '45 §', 'Förvaltningsrätten i Linköping', 'tre veckor', 'Anna Lindqvist']) {
      expect(text, `the avvisning letter names ${part}`).toContain(part);
    }
    await shot(page, 'resident-avvisning');
  } finally {
    await setPortalCalendar(0);
  }
  await anna.context().close();
});

test('a request filed in English: the decision, its letter and the appeal in English, on both sides', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const STAFF_UI = ['office', 'common', 'ui', 'account', 'request'];
  const RESIDENT_UI = ['account', 'common', 'ui', 'request'];
  const diarienummer = await fileErasure(page, 'en');

  // Anna works in English: register, then a refusal whose ready texts come in the request's language.
  const anna = await staffPage(browser, SAMORDNARE_SN);
  await anna.goto('/personal?lng=en');
  await openCase(anna, diarienummer);
  await anna.getByLabel('Case officer', { exact: true }).selectOption({ label: 'Anna Lindqvist' });
  await anna.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(anna.getByRole('alert', { name: 'Done' })).toContainText('The case is registered.');
  await anna.getByRole('link', { name: 'Write a decision' }).click();
  await anna.getByLabel('Refused', { exact: true }).check();
  await anna.getByLabel(/Official documents/).check();
  await anna.getByRole('button', { name: 'Save draft' }).click();
  await expect(anna.getByLabel(/^Text for/)).toContainText('Archives Act');
  await anna.getByLabel('Reasons').fill('The notes are official documents in a closed case and must be kept under the records management plan until 2030.');
  await expectNoSwedishUi(anna, STAFF_UI);
  await shot(anna, 'en-draft');
  await anna.getByRole('button', { name: 'Take the decision' }).click();
  await expect(anna.getByRole('alert', { name: 'Done' })).toContainText('The decision is taken');
  await expectNoSwedishUi(anna, STAFF_UI);
  await shot(anna, 'en-decided');

  // The resident's letter is in English, with the appeal instructions and IMY.
  await page.goto('/mina-arenden?lng=en');
  await page.getByRole('link', { name: diarienummer }).click();
  const text = await downloadedPdfText(page, /^Decision on your request/);
  for (const part of [diarienummer, 'Decision on your request', 'Refused', 'Article 17(3)(b)', 'Anna Lindqvist', 'Förvaltningsrätten i Linköping', 'three weeks', 'Swedish Authority for Privacy Protection']) {
    expect(text, `the English letter names ${part}`).toContain(part);
  }
  await page.reload();
  await expect(page.getByText(/^You received the decision on /)).toBeVisible();
  await expectNoSwedishUi(page, RESIDENT_UI);
  await shot(page, 'en-resident-decision');

  await page.getByRole('link', { name: 'Appeal the decision' }).click();
  await page.getByLabel('What change do you want?').fill('I want the notes about me erased.');
  await page.getByLabel('Why should the decision be changed?').fill('The case was closed long ago and the notes are not needed.');
  await expectNoSwedishUi(page, RESIDENT_UI);
  await shot(page, 'en-appeal-form');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your appeal');
  await expectNoSwedishUi(page, RESIDENT_UI);
  await shot(page, 'en-appeal-check');
  await page.getByRole('button', { name: 'Mobile BankID on another device' }).click();
  await approveSigning(RESIDENT);
  await expect(page.getByRole('alert', { name: 'Done' })).toBeVisible({ timeout: 15_000 });
  await expectNoSwedishUi(page, RESIDENT_UI);

  // Anna's appeal page and the rättidsprövning, in English.
  await anna.reload();
  await anna.getByRole('link', { name: /^Appeal received/ }).click();
  await anna.getByRole('button', { name: 'Check timeliness' }).click();
  await expect(rowValue(anna, 'Result')).toContainText('In time');
  await expectNoSwedishUi(anna, STAFF_UI);
  await shot(anna, 'en-timeliness');
  await anna.goto('/personal/delegationsbeslut');
  await expect(anna.getByRole('row').filter({ hasText: diarienummer })).toContainText('Anna Lindqvist');
  await expectNoSwedishUi(anna, STAFF_UI);
  await shot(anna, 'en-report');
  await anna.context().close();
});
