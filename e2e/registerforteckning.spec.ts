/**
 * The registerförteckning (issue #7, "editable by the samordnare"): Anna Lindqvist, GDPR-samordnare
 * of Socialnämnden in Sjöbacka, reads the nämnd's processing activities, adds one and is told that
 * 6.1 e needs the law it rests on, changes it without JavaScript, reads the page in English and
 * removes the activity again (other specs share the database: SN's förteckning ends as it began).
 */
import { expect, test } from '@playwright/test';
import { expectNoSwedishUi } from './english';
import { expectFieldErrors, SHOTS, shooter, staffPage } from './journey';

const shot = shooter('registerforteckning');
const ANNA = '197803149827'; // Anna Lindqvist, GDPR-samordnare of Sjöbacka SN
const NAME = 'Kontaktperson och kontaktfamilj';

test('the samordnare adds, changes and removes a processing activity', async ({ browser }) => {
  test.setTimeout(90_000);
  const anna = await staffPage(browser, ANNA);
  await anna.getByRole('link', { name: 'Registerförteckning', exact: true }).click();
  await expect(anna.getByRole('heading', { level: 1 })).toHaveText('Registerförteckning');
  await expect(anna.getByRole('heading', { level: 2, name: 'Socialnämnden, Sjöbacka kommun: 3 behandlingar' })).toBeVisible();
  const bistand = anna.getByRole('region', { name: 'Handläggning av ekonomiskt bistånd' });
  await expect(bistand).toContainText('Allmänt intresse eller myndighetsutövning (artikel 6.1 e): Socialtjänstlagen (2025:400)');
  await expect(bistand).toContainText('DHP SN 3.2.1');
  await expect(bistand).toContainText('Dataportabilitet gäller inte');
  await shot(anna, 'list');

  // Nothing filled in: every missing part is named.
  await anna.getByRole('button', { name: 'Spara behandlingen' }).click();
  const summary = anna.locator('.error-summary');
  await expect(summary).toContainText('Skriv behandlingens namn');
  await expect(summary).toContainText('Välj den rättsliga grunden');
  await expect(summary).toContainText('Välj om uppgifterna förs över till ett land utanför EU/EES');
  await shot(anna, 'errors');

  // A kontaktfamilj is an insats under SoL: 6.1 e, and the law is left out at first.
  await anna.getByLabel('Behandlingens namn').fill(NAME);
  await anna.getByLabel('Ändamål', { exact: true }).fill('Utreda behovet av kontaktperson eller kontaktfamilj\nMatcha och följa upp uppdragen');
  await anna.getByLabel('Allmänt intresse eller myndighetsutövning (artikel 6.1 e)').check();
  await anna.getByLabel('Kategorier av personuppgifter').fill('Namn, personnummer och adress\nUppgifter om familjeförhållanden');
  await anna.getByLabel('Kategorier av registrerade').fill('Barn och unga\nVårdnadshavare\nKontaktpersoner och kontaktfamiljer');
  await anna.getByLabel('Mottagare (valfritt)').fill('Kontaktpersonen eller kontaktfamiljen, i den mån uppdraget kräver det');
  await anna.getByRole('group', { name: 'Förs uppgifterna över till ett land utanför EU/EES?' }).getByLabel('Nej').check();
  await anna.getByLabel('Lagringstid', { exact: true }).fill('Personakten gallras fem år efter sista anteckningen.');
  await anna.getByLabel('Hänvisning till dokumenthanteringsplanen (valfritt)').fill('DHP SN 4.2.3');
  await anna.getByLabel('Källa', { exact: true }).fill('Vårdnadshavarna och barnet');
  await anna.getByRole('group', { name: 'Fattas automatiserade beslut?' }).getByLabel('Nej').check();
  await anna.getByLabel('System (valfritt)').fill('Treserva');
  await anna.getByRole('button', { name: 'Spara behandlingen' }).click();
  await expectFieldErrors(anna, [['legalBasisLaw', 'Skriv vilken lag behandlingen grundar sig på']]);
  await expect(anna.getByLabel('Behandlingens namn'), 'what was written is kept').toHaveValue(NAME);

  await anna.getByLabel('Lag som behandlingen grundar sig på').fill('Socialtjänstlagen (2025:400)');
  await anna.getByRole('button', { name: 'Spara behandlingen' }).click();
  await expect(anna.getByRole('alert', { name: 'Klart' })).toContainText(`Behandlingen är sparad: ${NAME}`);
  await expect(anna.getByRole('heading', { level: 2, name: 'Socialnämnden, Sjöbacka kommun: 4 behandlingar' })).toBeVisible();
  const added = anna.getByRole('region', { name: NAME });
  await expect(added).toContainText('kontaktperson-och-kontaktfamilj');
  await expect(added).toContainText('Socialtjänstlagen (2025:400)');
  await expect(added).toContainText('Dataportabilitet gäller inte');
  await expect(anna.getByLabel('Behandlingens namn'), 'the form is ready for the next activity').toHaveValue('');
  await shot(anna, 'saved');

  // Changed without JavaScript: the same session in a browser with scripts off.
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await anna.context().storageState() });
  const plain = await noJs.newPage();
  await plain.goto(anna.url().replace(/#.*$/, ''));
  await plain.getByRole('link', { name: `Ändra behandlingen ${NAME}` }).click();
  await expect(plain.getByRole('heading', { level: 2, name: 'Ändra behandlingen' })).toBeVisible();
  await expect(plain.getByText('Kod: kontaktperson-och-kontaktfamilj.')).toBeVisible();
  await expect(plain.getByLabel('Lag som behandlingen grundar sig på')).toHaveValue('Socialtjänstlagen (2025:400)');
  await plain.getByLabel('Hänvisning till dokumenthanteringsplanen (valfritt)').fill('DHP SN 4.2.4');
  await plain.getByLabel('System (valfritt)').fill('Treserva\nKontaktfamiljsregistret');
  await plain.getByRole('button', { name: 'Spara behandlingen' }).click();
  await expect(plain.getByRole('alert', { name: 'Klart' })).toContainText(`Behandlingen är sparad: ${NAME}`);
  const changed = plain.getByRole('region', { name: NAME });
  await expect(changed).toContainText('DHP SN 4.2.4');
  await expect(changed).toContainText('Kontaktfamiljsregistret');
  // axe needs scripts; the same page was checked with them above.
  if (SHOTS) await plain.screenshot({ path: `${SHOTS}/registerforteckning-changed-no-js.png`, fullPage: true });
  await noJs.close();

  // In English: the interface is, the nämnd's own texts stay Swedish (marked lang="sv").
  await anna.goto(`${anna.url().replace(/#.*$/, '').split('?')[0]}?${new URL(anna.url()).searchParams.toString()}&lng=en`);
  await expect(anna.getByRole('heading', { level: 1 })).toHaveText('Record of processing activities');
  const english = anna.getByRole('region', { name: NAME });
  await expect(english).toContainText('Public interest or official authority (Article 6(1)(e)): Socialtjänstlagen (2025:400)');
  await expect(english).toContainText('Data portability does not apply');
  await expectNoSwedishUi(anna, ['office', 'common', 'ui', 'account']);
  await shot(anna, 'english');

  await anna.getByRole('button', { name: `Remove the processing activity ${NAME}` }).click();
  await expect(anna.getByRole('alert')).toContainText(`The processing activity is removed: ${NAME}`);
  await expect(anna.getByRole('heading', { level: 2, name: 'Socialnämnden, Sjöbacka kommun: 3 processing activities' })).toBeVisible();
  await expect(anna.getByRole('region', { name: NAME })).toHaveCount(0);
  await anna.context().close();
});
