import { describe, expect, it } from 'vitest';
import { pdfAccessibility, pdfFlatText } from '../../tests/pdf-text';
import { renderWalkInReceipt, type WalkInReceiptData } from './kvittens.server';

const byggnadsnamnden = { name: 'Byggnadsnämnden', postalAddress: { street: 'Box 101', postalCode: '641 81', city: 'Granåsa' }, email: 'byggnadsnamnden@granasa.se', phone: '0150-123 40' };
const socialnamnden = { name: 'Socialnämnden', postalAddress: { street: 'Box 102', postalCode: '641 82', city: 'Granåsa' }, email: 'socialnamnden@granasa.se', phone: '0150-123 50' };

/** A visitor at the desk with a passport, asking two nämnder for a registerutdrag and one for changes. */
function walkInReceipt(overrides: Partial<WalkInReceiptData> = {}): WalkInReceiptData {
  return {
    language: 'sv',
    kommun: { name: 'Granåsa kommun', postalAddress: { street: 'Box 100', postalCode: '641 80', city: 'Granåsa' }, email: 'kommun@granasa.se', phone: '0150-123 00', website: 'www.granasa.se' },
    reference: 'DSP-2026-7K3MQX',
    registeredAt: '2026-03-12T09:15:00Z',
    requester: { name: 'Renée Åström', personnummerMasked: '19850412-****' },
    relation: 'self',
    subject: null,
    identity: { method: 'id_document', documentType: 'pass', issuer: 'Polismyndigheten' },
    authorityDocument: null,
    registeredBy: { name: 'Anna Berg' },
    cases: [
      { diarienummer: 'BN 2026/00123', puaName: 'Byggnadsnämnden', puaContact: byggnadsnamnden, kind: 'registerutdrag', rights: ['registerutdrag'], receivedDate: '2026-03-12', deadline: '2026-04-13' },
      { diarienummer: 'BN 2026/00124', puaName: 'Byggnadsnämnden', puaContact: byggnadsnamnden, kind: 'forandring', rights: ['radering', 'rattelse'], receivedDate: '2026-03-12', deadline: '2026-04-13' },
      { diarienummer: 'SN 2026/00042', puaName: 'Socialnämnden', puaContact: socialnamnden, kind: 'registerutdrag', rights: ['registerutdrag'], receivedDate: '2026-03-12', deadline: '2026-04-13' },
    ],
    delivery: 'portal',
    protectedIdentity: false,
    ...overrides,
  };
}

/** The text as one line; a word that wrapped at its own hyphen ("SIS-|märkt") joined again. */
const textOf = async (data: WalkInReceiptData) => (await pdfFlatText(await renderWalkInReceipt(data))).replace(/(\p{L})- (\p{L})/gu, '$1-$2');

/** A personnummer in full: 12 digits, with or without the hyphen (or 10 digits, the short form). */
const FULL_PERSONNUMMER = /\b(\d{2})?\d{6}[-+]?\d{4}\b/;

const child = { relation: 'child', subject: { name: 'Olle Åström', personnummerMasked: '20150601-****' } } as const;
const principal = { relation: 'principal', subject: { name: 'Gösta Ek', personnummerMasked: '19400101-****' }, authorityDocument: 'fullmakt' } as const;
const ward = { relation: 'ward', subject: { name: 'Greta Lund', personnummerMasked: '19520303-****' }, authorityDocument: 'appointment' } as const;

describe('renderWalkInReceipt', () => {
  it('writes a Swedish kvittens with the reference, each case, its deadline, delivery and whom to ask', async () => {
    const pdf = await renderWalkInReceipt(walkInReceipt());
    const text = await pdfFlatText(pdf);
    for (const part of [
      // Letterhead and title.
      'Granåsa kommun',
      'Kvittens',
      'Registrerad 12 mars 2026 kl. 10:15',
      'Registrerad av Anna Berg',
      'Referensnummer DSP-2026-7K3MQX',
      'Kvittens – begäran registrerad i receptionen',
      'Du har lämnat en begäran enligt dataskyddsförordningen i receptionen hos Granåsa kommun.',
      // Who asked, and how their identity was checked (seed 004 bilaga 6: "giltig legitimation").
      'Din begäran Roll Namn Personnummer Begäran gjord av Renée Åström 19850412-****',
      'Begäran gäller uppgifter om dig själv. Identiteten kontrollerades med giltig legitimation: pass, utfärdat av Polismyndigheten.',
      // The cases, one row each.
      'Nämnd Ärende Diarienummer Svar senast',
      'Begäran har registrerats som 3 ärenden',
      'Byggnadsnämnden Begäran om registerutdrag BN 2026/00123 13 april 2026',
      'Begäran om förändring (rättelse och radering)',
      'BN 2026/00124',
      'Socialnämnden Begäran om registerutdrag SN 2026/00042 13 april 2026',
      // The deadline explained (Art 12(3); DOMAIN.md §5).
      'Begäran kom in den 12 mars 2026. Nämnden ska svara utan onödigt dröjsmål och senast en månad från den dagen (artikel 12.3 i dataskyddsförordningen).',
      'förlänga tiden med högst två månader till',
      'innan den första tiden har gått ut',
      // Delivery.
      'Så får du svaret',
      'Logga in med BankID och välj Mina ärenden.',
      // Whom to ask: each nämnd once.
      'Frågor om ditt ärende besvaras av nämnden.',
      'Nämnd E-post Telefon Byggnadsnämnden byggnadsnamnden@granasa.se 0150-123 40 Socialnämnden socialnamnden@granasa.se 0150-123 50',
    ]) {
      expect(text).toContain(part);
    }
    expect(text.match(/byggnadsnamnden@granasa\.se/g)).toHaveLength(1);
    expect(text).toMatch(/Sida 1 av [12]/);
    expect(await pdfAccessibility(pdf)).toMatchObject({
      marked: true,
      lang: 'sv-SE',
      title: 'Kvittens – begäran registrerad i receptionen – DSP-2026-7K3MQX',
      author: 'Granåsa kommun',
    });
  });

  it('writes the same kvittens in English when the request is in English', async () => {
    const pdf = await renderWalkInReceipt(walkInReceipt({ language: 'en' }));
    const text = await pdfFlatText(pdf);
    for (const part of [
      'Receipt – request registered at the reception',
      'Registered 12 March 2026 at 10:15',
      'Registered by Anna Berg',
      'Reference number DSP-2026-7K3MQX',
      'Your request Role Name Personal identity number Request made by Renée Åström 19850412-****',
      'The request concerns your own data. Identity was checked with valid ID: a passport, issued by Polismyndigheten.',
      'Committee Case Case reference Answer by',
      'Byggnadsnämnden Request for access BN 2026/00123 13 April 2026',
      'Request for change (rectification and erasure)',
      'The request was received on 12 March 2026.',
      'Article 12(3) of the General Data Protection Regulation',
      'extend the time by at most two further months',
      'Log in with BankID and choose My cases.',
      'Questions about your case are answered by the committee.',
      'Committee E-mail Telephone Byggnadsnämnden byggnadsnamnden@granasa.se 0150-123 40',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).toMatch(/Page 1 of [12]/);
    expect(text).not.toContain('Svar senast');
    const a11y = await pdfAccessibility(pdf);
    expect(a11y).toMatchObject({ marked: true, lang: 'en-GB', title: 'Receipt – request registered at the reception – DSP-2026-7K3MQX' });
    expect([...a11y.roles]).toEqual(expect.arrayContaining(['H1', 'H2', 'P', 'Table', 'TH', 'TD']));
  });

  it.each([
    ['self', {}, null, 'Begäran gäller uppgifter om dig själv.', null],
    ['child', child, 'Begäran gäller Olle Åström 20150601-****', 'Du gjorde begäran som vårdnadshavare för Olle Åström.', null],
    ['principal', principal, 'Begäran gäller Gösta Ek 19400101-****', 'Du gjorde begäran med fullmakt för Gösta Ek.', 'Fullmakten från Gösta Ek visades och har skannats in i ärendet.'],
    [
      'ward',
      ward,
      'Begäran gäller Greta Lund 19520303-****',
      'Du gjorde begäran som god man eller förvaltare för Greta Lund.',
      'Beslutet om förordnande som god man eller förvaltare visades och har skannats in i ärendet.',
    ],
  ] as const)('says who asked, for whom (%s), and the proof of authority shown', async (_, overrides, subjectRow, who, proof) => {
    const text = await textOf(walkInReceipt(overrides));
    expect(text).toContain('Begäran gjord av Renée Åström 19850412-****');
    if (subjectRow) expect(text).toContain(subjectRow);
    else expect(text).not.toContain('Begäran gäller Renée');
    expect(text).toContain(who);
    if (proof) expect(text).toContain(proof);
    else expect(text).not.toMatch(/fullmakt|förordnande/i);
  });

  it.each([
    ['child', child, 'as guardian of Olle Åström.', null],
    ['principal', principal, 'with a power of attorney for Gösta Ek.', 'The power of attorney from Gösta Ek was shown and has been scanned into the case.'],
    [
      'ward',
      ward,
      'as trustee or administrator (god man or förvaltare) for Greta Lund.',
      'The decision appointing you as trustee or administrator was shown and has been scanned into the case.',
    ],
  ] as const)('in English too (%s)', async (_, overrides, who, proof) => {
    const text = await textOf(walkInReceipt({ ...overrides, language: 'en' }));
    expect(text).toContain(`Request concerns ${overrides.subject.name} ${overrides.subject.personnummerMasked}`);
    expect(text).toContain(`You made the request ${who}`);
    if (proof) expect(text).toContain(proof);
  });

  it.each([
    ['principal', { ...principal, authorityDocument: null }, 'Ingen fullmakt visades. Nämnden lämnar inte ut något förrän den har fått en skriftlig fullmakt från Gösta Ek.'],
    ['ward', { ...ward, authorityDocument: null }, 'Inget beslut om förordnande visades. Nämnden lämnar inte ut något förrän den har fått beslutet'],
  ] as const)('a %s without proof of authority is told nothing is released until it comes (FL 14–15 §§)', async (_, overrides, missing) => {
    const text = await textOf(walkInReceipt(overrides));
    expect(text).toContain(missing);
    expect(text).not.toContain('har skannats in');
  });

  it.each([
    ['sv', { method: 'id_document', documentType: 'nationellt_id_kort', issuer: 'Polismyndigheten' }, 'Identiteten kontrollerades med giltig legitimation: nationellt id-kort, utfärdat av Polismyndigheten.'],
    ['sv', { method: 'id_document', documentType: 'korkort', issuer: 'Transportstyrelsen' }, 'Identiteten kontrollerades med giltig legitimation: körkort, utfärdat av Transportstyrelsen.'],
    ['sv', { method: 'id_document', documentType: 'sis_id_kort', issuer: 'Swedbank' }, 'Identiteten kontrollerades med giltig legitimation: SIS-märkt id-kort, utfärdat av Swedbank.'],
    ['sv', { method: 'id_document', documentType: 'annat', issuer: 'Migrationsverket' }, 'Identiteten kontrollerades med giltig legitimation: annan legitimationshandling, utfärdad av Migrationsverket.'],
    ['sv', { method: 'bankid_phone' }, 'Identiteten kontrollerades med BankID per telefon.'],
    ['en', { method: 'id_document', documentType: 'korkort', issuer: 'Transportstyrelsen' }, 'Identity was checked with valid ID: a driving licence, issued by Transportstyrelsen.'],
    ['en', { method: 'bankid_phone' }, 'Identity was checked with BankID by phone.'],
  ] as const)('%s: says how identity was checked (%j)', async (language, identity, sentence) => {
    const text = await textOf(walkInReceipt({ language, identity }));
    expect(text).toContain(sentence);
  });

  it('a request taken by phone says so in its title and introduction', async () => {
    const sv = await textOf(walkInReceipt({ identity: { method: 'bankid_phone' } }));
    expect(sv).toContain('Kvittens – begäran registrerad per telefon');
    expect(sv).not.toContain('registrerad i receptionen');
    expect(sv).toContain('Du har lämnat en begäran enligt dataskyddsförordningen per telefon till receptionen hos Granåsa kommun.');
    const en = await textOf(walkInReceipt({ identity: { method: 'bankid_phone' }, language: 'en' }));
    expect(en).toContain('Receipt – request registered by phone');
    expect(en).toContain('by phone to the reception of Granåsa kommun.');
  });

  it.each([
    ['sv', 'portal', false, ['Du får svaret i Dataskyddsportalen. Logga in med BankID och välj Mina ärenden.', 'Du hittar portalen på kommunens webbplats, www.granasa.se.'], ['rekommenderat', 'Skatteverket']],
    ['sv', 'registered_post', false, ['Svaret skickas som rekommenderat brev till din folkbokföringsadress.', 'Du hämtar ut brevet mot legitimation.'], ['Skatteverket', 'Mina ärenden']],
    [
      'sv',
      'registered_post',
      true,
      ['Eftersom ärendet gäller skyddade personuppgifter skickas svaret som rekommenderat brev via Skatteverkets förmedling.', 'Kommunen får aldrig veta din adress.'],
      ['folkbokföringsadress', 'Mina ärenden'],
    ],
    ['sv', 'reception', false, ['Du hämtar svaret här i receptionen hos Granåsa kommun. Ta med giltig legitimation.', 'Svaret lämnas bara ut till dig.'], ['rekommenderat', 'Mina ärenden']],
    ['en', 'portal', false, ['You get the answer in Dataskyddsportalen. Log in with BankID and choose My cases.'], ['registered post']],
    ['en', 'registered_post', false, ['The answer is sent by registered post to your address in the population register (folkbokföringsadress).'], ['Skatteverket']],
    ['en', 'registered_post', true, ["through the Swedish Tax Agency's mail forwarding (Skatteverkets förmedling)", 'The municipality never learns your address.'], ['folkbokföringsadress']],
    ['en', 'reception', false, ['You collect the answer here at the reception of Granåsa kommun. Bring valid ID.'], ['registered post']],
  ] as const)('%s: says how the answer comes by %s (protected: %s)', async (language, delivery, protectedIdentity, says, doesNotSay) => {
    const text = await textOf(walkInReceipt({ language, delivery, protectedIdentity }));
    for (const s of says) expect(text).toContain(s);
    for (const s of doesNotSay) expect(text).not.toContain(s);
  });

  it('gives every case its own diarienummer and long-date deadline, and explains a spread of receipt dates generally', async () => {
    const text = await textOf(
      walkInReceipt({
        cases: [
          { diarienummer: 'BN 2026/00007', puaName: 'Byggnadsnämnden', puaContact: byggnadsnamnden, kind: 'dataportabilitet', rights: ['dataportabilitet'], receivedDate: '2026-01-31', deadline: '2026-03-02' },
          { diarienummer: 'SN 2025/01234', puaName: 'Socialnämnden', puaContact: socialnamnden, kind: 'samtycke', rights: ['aterkalla_samtycke'], receivedDate: '2025-12-01', deadline: '2026-01-02' },
          {
            diarienummer: 'KS 2026/00033',
            puaName: 'Kommunstyrelsen',
            puaContact: { name: 'Kommunstyrelsen', email: 'ks@granasa.se', phone: '0150-123 10' },
            kind: 'forandring',
            rights: ['invandning', 'begransning'],
            receivedDate: '2026-03-03',
            deadline: '2026-04-07',
          },
        ],
      }),
    );
    // The deadline examples of DOMAIN.md §5, as the table writes them.
    expect(text).toContain('Byggnadsnämnden Begäran om dataportabilitet BN 2026/00007 2 mars 2026');
    expect(text).toContain('Socialnämnden Återkallat samtycke SN 2025/01234 2 januari 2026');
    expect(text).toContain('Kommunstyrelsen Begäran om förändring (begränsning och invändning) KS 2026/00033 7 april 2026');
    expect(text).toContain('senast en månad från den dag begäran kom in (artikel 12.3 i dataskyddsförordningen)');
    expect(text).not.toContain('Begäran kom in den');
    expect(text).toContain('Kommunstyrelsen ks@granasa.se 0150-123 10');
  });

  it('says "one case" for a single case', async () => {
    const one = walkInReceipt().cases.slice(0, 1);
    expect(await textOf(walkInReceipt({ cases: one }))).toContain('Begäran har registrerats som ett ärende.');
    expect(await textOf(walkInReceipt({ cases: one, language: 'en' }))).toContain('Your request has been registered as one case.');
  });

  it.each([
    ['sv', 'self', {}],
    ['sv', 'child', child],
    ['sv', 'principal', principal],
    ['en', 'ward', ward],
  ] as const)('%s/%s: prints no full personnummer and no address of the person (DSL 3 kap. 10 §)', async (language, _, overrides) => {
    for (const delivery of ['portal', 'registered_post', 'reception'] as const) {
      for (const protectedIdentity of [false, true]) {
        const pdf = await renderWalkInReceipt(walkInReceipt({ ...overrides, language, delivery, protectedIdentity }));
        const text = await pdfFlatText(pdf);
        expect(text).not.toMatch(FULL_PERSONNUMMER);
        // The only addresses are the kommun's, in the footer; the nämnder's are left out, the person's never known.
        expect(text).not.toContain('Box 101');
        expect(text).not.toMatch(/Postadress|Postal address/);
        expect((await pdfAccessibility(pdf)).pages).toBeLessThanOrEqual(2);
      }
    }
  });

  it('refuses data that would print a full personnummer or does not fit together', async () => {
    await expect(renderWalkInReceipt(walkInReceipt({ requester: { name: 'Renée Åström', personnummerMasked: '19850412-1234' } }))).rejects.toThrow(/masked/);
    await expect(renderWalkInReceipt(walkInReceipt({ ...child, subject: { name: 'Olle Åström', personnummerMasked: '201506011234' } }))).rejects.toThrow(/masked/);
    await expect(renderWalkInReceipt(walkInReceipt({ relation: 'child', subject: null }))).rejects.toThrow(/subject/);
    await expect(renderWalkInReceipt(walkInReceipt({ subject: child.subject }))).rejects.toThrow(/oneself/);
    await expect(renderWalkInReceipt(walkInReceipt({ ...child, authorityDocument: 'fullmakt' }))).rejects.toThrow(/fullmakt/);
    await expect(renderWalkInReceipt(walkInReceipt({ ...principal, authorityDocument: 'appointment' }))).rejects.toThrow(/appointment/);
    await expect(renderWalkInReceipt(walkInReceipt({ cases: [] }))).rejects.toThrow(/at least one case/);
  });
});
