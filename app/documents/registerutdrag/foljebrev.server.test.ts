import { describe, expect, it } from 'vitest';
import { pdfAccessibility, pdfFlatText } from '../../../tests/pdf-text';
import { renderFoljebrev } from './foljebrev.server';
import { registerutdrag, WITHHELD_MARKER, withheldItems } from './test-fixtures';
import type { RegisterutdragActivity, RegisterutdragData } from './types';

/** Without white space: a phrase matches wherever the PDF wrapped it (pdfkit also breaks after "/"). */
const squash = (s: string) => s.replace(/\s+/g, '');

/** The letter's text from each activity's heading to the next one (or to the exclusions section). */
function sections(text: string, data: RegisterutdragData, end: string): string[] {
  const starts = data.activities.map((a, i) => squash(text).lastIndexOf(squash(`${i + 1}. ${a.activity.name}`)));
  const stop = squash(text).indexOf(squash(end));
  expect(starts.every((s) => s > 0)).toBe(true);
  return starts.map((s, i) => squash(text).slice(s, starts[i + 1] ?? stop));
}

/**
 * What only a letter for the post says: the post, the envelope, registered mail. Not "e-post",
 * "Postadress" or "E-mail", which every letter has in its contact details.
 */
const POST_WORDING = { sv: /kuvert|(?<![-\p{L}])post(?!\p{L})|rekommenderat/iu, en: /envelope|(?<![-\p{L}])post(?!\p{L})|registered mail/iu } as const;

/** What Art 15(1)(a)–(h) and 15(2) make the letter say about one activity, as label → phrases. */
function art15Items(a: RegisterutdragActivity, lang: 'sv' | 'en'): [string, string[]][] {
  const { activity } = a;
  const sv = lang === 'sv';
  const third = activity.thirdCountry;
  const auto = activity.automatedDecisions;
  const objection = activity.legalBasis === 'public_interest' || activity.legalBasis === 'legitimate_interest';
  return [
    // (a) purposes, and the legal basis they rest on
    [sv ? 'Varför vi behandlar uppgifterna (ändamål)' : 'Why we process the data (purposes)', activity.purposes],
    [sv ? 'Vad vi stöder oss på (rättslig grund)' : 'What allows us to do so (legal basis)', [sv ? `artikel 6.1 ${activity.legalBasis === 'public_interest' ? 'e' : activity.legalBasis === 'contract' ? 'b' : 'a'}` : 'Article 6(1)', ...(activity.legalBasisLaw ? [activity.legalBasisLaw] : [])]],
    // (b) categories
    [sv ? 'Vilka slags uppgifter (kategorier)' : 'What kinds of data (categories)', [activity.dataCategories.join(', ')]],
    // (c) recipients
    [sv ? 'Vem som får uppgifterna (mottagare)' : 'Who receives the data (recipients)', activity.recipients],
    // 15(2) third-country transfers and safeguards
    [
      sv ? 'Överföring till land utanför EU/EES' : 'Transfer to a country outside the EU/EEA',
      third.transfers ? [...third.countries, third.safeguards, sv ? 'artikel 46' : 'Article 46'] : [sv ? 'Nej. Uppgifterna förs inte över' : 'No. The data is not transferred'],
    ],
    // (d) retention
    [sv ? 'Hur länge vi sparar uppgifterna' : 'How long we keep the data', [activity.retention.replace(/\.$/, ''), ...(activity.retentionReference ? [activity.retentionReference] : [])]],
    // (e) rectification, erasure, restriction, objection
    [
      sv ? 'Dina rättigheter' : 'Your rights',
      sv
        ? ['rättas (artikel 16)', 'raderas (artikel 17)', 'begränsas (artikel 18)', objection ? 'Du kan invända mot behandlingen (artikel 21)' : 'Rätten att invända (artikel 21) gäller inte här']
        : ['correct inaccurate data (Article 16)', 'erase data (Article 17)', 'restrict the processing (Article 18)', objection ? 'You can object to the processing (Article 21)' : 'The right to object (Article 21) does not apply here'],
    ],
    // (f) complaint to IMY
    [sv ? 'Klagomål' : 'Complaints', [sv ? 'Du kan klaga hos Integritetsskyddsmyndigheten (IMY)' : 'You can complain to the Swedish Authority for Privacy Protection (IMY)']],
    // (g) source
    [sv ? 'Varifrån uppgifterna kommer' : 'Where the data comes from', [activity.source]],
    // (h) automated decisions, the logic and the consequences
    [
      sv ? 'Automatiserade beslut' : 'Automated decisions',
      auto.exists ? [auto.logic, auto.significance, sv ? 'en människa prövar beslutet' : 'a person to review the decision'] : [sv ? 'Nej. Vi fattar inga beslut om dig som bara bygger på automatisk behandling' : 'No. We make no decisions about you based solely on automated processing'],
    ],
    // Art 20, said per activity
    [
      sv ? 'Dataportabilitet' : 'Data portability',
      [a.portability.applies ? (sv ? 'Gäller. Uppgifterna som du själv har lämnat' : 'Applies.') : sv ? 'Gäller inte.' : 'Does not apply.'],
    ],
  ];
}

describe('renderFoljebrev', () => {
  it.each(['sv', 'en'] as const)('states every Art 15(1)–(2) item for each activity (%s)', async (language) => {
    const data = registerutdrag({ language });
    const text = await pdfFlatText(await renderFoljebrev(data));
    const parts = sections(text, data, language === 'sv' ? 'Det här lämnar vi inte ut, och varför' : 'What we do not release, and why');
    expect(parts).toHaveLength(3);
    data.activities.forEach((a, i) => {
      for (const [label, phrases] of art15Items(a, language)) {
        expect(parts[i], `${a.activity.code}: ${label}`).toContain(squash(label));
        for (const phrase of phrases) expect(parts[i], `${a.activity.code}: ${label}: ${phrase}`).toContain(squash(phrase));
      }
    });
    // The fixture covers what the law treats differently: a transfer to the USA, an automated decision.
    expect(parts[2]).toContain('USA');
    expect(parts[1]).toContain(squash('Systemet spärrar lånekortet automatiskt'));
  });

  it('writes the rest of a Swedish registerutdrag: released items, exclusions in general terms, rights, IMY, next steps, contacts', async () => {
    const data = registerutdrag();
    const pdf = await renderFoljebrev(data);
    const text = squash(await pdfFlatText(pdf));
    for (const part of [
      'Granåsa kommun',
      'Kultur- och fritidsnämnden',
      'Diarienummer KFN 2026/00042',
      'Datum 2026-03-20',
      'Registerutdrag – dina personuppgifter hos Kultur- och fritidsnämnden',
      'Vi fick din begäran om registerutdrag den 27 februari 2026.',
      'Vi har hittat uppgifter i 3 behandlingar:',
      // The package's files.
      'foljebrev.pdf – det här brevet.',
      'manifest.json – en kontrollsumma för varje fil.',
      'LASMIG.txt',
      // Released: answers shown in the letter, documents by their path in the ZIP.
      'Kontaktperson för Granåsa Schackklubb.',
      'Personnummer 19811228-9874',
      'Medsökande Olof Berg, 19850412-****',
      'Fil: dokument/01 Handläggning av föreningsbidrag/Ansökan.pdf',
      'Vissa uppgifter är maskerade. Fil: dokument/01 Handläggning av föreningsbidrag/ansökan (2).pdf',
      'Uppgifterna finns i data.json och i tabellen tabeller/02 Lån på kommunens bibliotek.csv.',
      'Prenumererar sedan 2024-05-01 på ämnena musik och teater.',
      // Exclusions: how many and why, never what.
      '1 uppgift eller handling lämnas inte ut. Skäl: Utkast och minnesanteckningar.',
      '1 uppgift eller handling lämnas inte ut. 1 handling lämnas ut med vissa uppgifter maskerade. Skäl: Andras rättigheter och friheter.',
      'Det här lämnar vi inte ut, och varför',
      'Rätten till tillgång enligt artikel 15 i dataskyddsförordningen gäller inte sådana uppgifter (5 kap. 2 § dataskyddslagen).',
      'Bestämmelser: Artikel 15.4 och 20.4 dataskyddsförordningen (EU) 2016/679',
      'Vi har fattat ett beslut om det den 18 mars 2026.',
      // Art 16–21, Art 7(3), Art 77.
      'Rättelse (artikel 16):',
      'Radering (artikel 17):',
      'Begränsning (artikel 18):',
      'Mottagare får veta (artikel 19):',
      'Dataportabilitet (artikel 20):',
      'Invändning (artikel 21):',
      'Ta tillbaka samtycke (artikel 7.3):',
      'Klagomål till Integritetsskyddsmyndigheten',
      'Integritetsskyddsmyndigheten, Box 8114, 104 20 Stockholm',
      // Next steps, with the appeal of the exclusions' beslut.
      'Vad du kan göra nu',
      'Begär rättelse i Dataskyddsportalen',
      'Då kan du överklaga beslutet från den 18 mars 2026.',
      'inom tre veckor',
      // Contacts of the PUA and the dataskyddsombud.
      'kfn@granasa.se',
      'Dataskyddsombud: Dataskyddsombudet i Sörmlandssamverkan',
      'dataskyddsombud@flen.se',
    ]) {
      expect(text, part).toContain(squash(part));
    }
    for (const item of withheldItems) expect(text).not.toContain(squash(item.title));
    expect(text).not.toContain(WITHHELD_MARKER);
    expect(text).not.toContain('README.txt'); // only in an English package
  });

  it.each([
    ['sv', 'sv-SE', 'Registerutdrag – dina personuppgifter hos Kultur- och fritidsnämnden – KFN 2026/00042'],
    ['en', 'en-GB', 'Copy of your personal data held by Kultur- och fritidsnämnden – KFN 2026/00042'],
  ] as const)('is a tagged PDF with language and title (%s)', async (language, lang, title) => {
    const a11y = await pdfAccessibility(await renderFoljebrev(registerutdrag({ language })));
    expect(a11y).toMatchObject({ marked: true, lang, title, author: 'Kultur- och fritidsnämnden, Granåsa kommun' });
    for (const role of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'Table', 'TH', 'TD']) expect(a11y.roles).toContain(role);
  });

  it('writes the English letter in English, and says why the activities are described in Swedish', async () => {
    const text = squash(await pdfFlatText(await renderFoljebrev(registerutdrag({ language: 'en' }))));
    for (const part of [
      'We received your request for a copy of your personal data on 27 February 2026.',
      'which is kept in Swedish',
      'README.txt – the same explanation in English.',
      '1 item or document is not released. Reason: Drafts and notes.',
      'We made a decision about this on 18 March 2026.',
      'Rectification (Article 16):',
      'Complaint to the Swedish Authority for Privacy Protection',
      'What you can do now',
      'Data protection officer: Dataskyddsombudet i Sörmlandssamverkan',
    ]) {
      expect(text, part).toContain(squash(part));
    }
    for (const swedish of ['Vad du kan göra nu', 'Dina rättigheter', 'Det här lämnar vi ut', 'Sida 1 av']) expect(text).not.toContain(squash(swedish));
  });

  it('names the person asked for when it is not the requester', async () => {
    const text = squash(await pdfFlatText(await renderFoljebrev(registerutdrag({ request: { receivedOn: '2026-02-27', relation: 'child', subjectName: 'Ella Åström' } }))));
    expect(text).toContain(squash('Registerutdrag – personuppgifter om Ella Åström hos Kultur- och fritidsnämnden'));
    expect(text).toContain(squash('Du begärde registerutdraget som vårdnadshavare för Ella Åström.'));
  });

  it('says that everything is released, and offers no appeal, when nothing is excluded', async () => {
    const data = registerutdrag({ exclusionDecision: null });
    data.activities = data.activities.map((a) => ({ ...a, exclusions: [] }));
    const text = squash(await pdfFlatText(await renderFoljebrev(data)));
    expect(text).toContain(squash('Vi lämnar ut allt vi har hittat. Inget har hållits inne eller maskerats.'));
    expect(text).not.toContain(squash('överklaga'));
  });

  it('says when nothing was found', async () => {
    const text = squash(await pdfFlatText(await renderFoljebrev(registerutdrag({ activities: [], exclusionDecision: null }))));
    expect(text).toContain(squash('Vi har inte hittat några personuppgifter om dig hos Kultur- och fritidsnämnden.'));
  });

  it('on paper, lists what is in the envelope instead of the files of the ZIP', async () => {
    const text = squash(await pdfFlatText(await renderFoljebrev(registerutdrag(), { medium: 'paper' })));
    for (const part of [
      'Registerutdraget kommer med post. I kuvertet finns:',
      'Det här brevet.',
      'Sidorna ”Dina uppgifter” – alla uppgifter vi lämnar ut, så som de finns hos oss, ordnade efter behandling.',
      'Handlingarna vi lämnar ut, efter sidorna ”Dina uppgifter” och i samma ordning som i brevet.',
      'Ansökan som föreningen skickade in. Handlingen ligger i kuvertet.',
      'Vissa uppgifter är maskerade. Handlingen ligger i kuvertet.',
      'Uppgifterna finns också på sidorna ”Dina uppgifter”.',
      'Läs brevet, sidorna ”Dina uppgifter” och handlingarna.',
      'Förvara papperen på ett säkert ställe.',
      // Art 20 on paper: the machine-readable files on request.
      'Vill du ha dem i en form som datorer kan läsa (JSON och CSV), så att du kan ta med dem till någon annan (artikel 20)? Då kan du få dem digitalt i Mina ärenden i Dataskyddsportalen, eller på ett USB-minne. Kontakta oss.',
      'Gäller. Uppgifterna som du själv har lämnat finns på sidorna ”Dina uppgifter”. I en form som datorer kan läsa (JSON och CSV) kan du få dem digitalt i Mina ärenden eller på ett USB-minne.',
    ]) {
      expect(text, part).toContain(squash(part));
    }
    for (const zip of ['ZIP', 'foljebrev.pdf', 'data.json', 'LASMIG.txt', 'manifest.json', 'tabeller', 'Fil: dokument/', 'mappen dataportabilitet', 'Skicka dem inte vidare med vanlig e-post']) {
      expect(text, zip).not.toContain(squash(zip));
    }
  });

  it('on paper, offers no machine-readable copy where portability applies to no activity', async () => {
    const data = registerutdrag();
    data.activities = data.activities.filter((a) => !a.portability.applies);
    const text = squash(await pdfFlatText(await renderFoljebrev(data, { medium: 'paper' })));
    expect(text).toContain(squash('Registerutdraget kommer med post.'));
    expect(text).not.toContain('USB');
  });

  it('on paper, in English', async () => {
    const text = squash(await pdfFlatText(await renderFoljebrev(registerutdrag({ language: 'en' }), { medium: 'paper' })));
    for (const part of [
      'The copy comes by post. The envelope contains:',
      'The pages “Your data” – all the data we release, as we hold it, by processing activity.',
      'The document is in the envelope.',
      'You can have it digitally in My cases in Dataskyddsportalen, or on a USB stick. Contact us.',
      'Read the letter, the pages “Your data” and the documents.',
    ]) {
      expect(text, part).toContain(squash(part));
    }
    for (const zip of ['ZIP', 'README.txt', 'data.json', 'Kontakta oss']) expect(text, zip).not.toContain(squash(zip));
  });

  it.each([
    {
      lang: 'sv' as const,
      // The paper letter's sentences about the post, and the desk letter's in their place.
      differs: [
        ['Registerutdraget kommer med post. I kuvertet finns:', 'Vi lämnar registerutdraget till dig i receptionen. Du får:'],
        ['Handlingen ligger i kuvertet.', 'Handlingen finns med som utskrift.'],
      ],
      desk: [
        'Det här finns i registerutdraget Vi lämnar registerutdraget till dig i receptionen. Du får: • Det här brevet.',
        'Ansökan som föreningen skickade in. Handlingen finns med som utskrift.',
        'Vissa uppgifter är maskerade. Handlingen finns med som utskrift.',
        'Läs brevet, sidorna ”Dina uppgifter” och handlingarna.',
        'Förvara papperen på ett säkert ställe.',
      ],
    },
    {
      lang: 'en' as const,
      differs: [
        ['The copy comes by post. The envelope contains:', 'We hand the copy to you at the reception. You get:'],
        ['The document is in the envelope.', 'The document is included as a printout.'],
      ],
      desk: [
        'What the copy contains We hand the copy to you at the reception. You get: • This letter.',
        'Ansökan som föreningen skickade in. The document is included as a printout.',
        'Some information is masked. The document is included as a printout.',
        'Read the letter, the pages “Your data” and the documents.',
        'Keep the papers in a safe place.',
      ],
    },
  ])('at the desk ($lang), says what the person is handed, nothing of the post, and otherwise what the paper letter says', async ({ lang, differs, desk }) => {
    const data = registerutdrag({ language: lang });
    const flat = await pdfFlatText(await renderFoljebrev(data, { medium: 'desk' }));
    const text = squash(flat);
    for (const part of desk) expect(text, part).toContain(squash(part));
    expect(flat.match(POST_WORDING[lang])).toBeNull();
    // Only the sentences about the post differ.
    const paperFlat = await pdfFlatText(await renderFoljebrev(data, { medium: 'paper' }));
    expect(paperFlat.match(POST_WORDING[lang])).not.toBeNull();
    const paper = squash(paperFlat);
    for (const [post] of differs) expect(paper, post).toContain(squash(post!));
    expect(text).toBe(differs.reduce((letter, [post, atDesk]) => letter.replaceAll(squash(post!), squash(atDesk!)), paper));
  });

  it.each([
    {
      lang: 'sv' as const,
      notPrinted: 'Ansökan som föreningen skickade in. Handlingen kunde inte skrivas ut automatiskt. Du får den av receptionen, utskriven för sig eller på ett USB-minne. Du kan också be oss om den.',
      printed: 'Nämndens beslut, med uppgifter om andra styrelseledamöter maskerade. Vissa uppgifter är maskerade. Handlingen finns med som utskrift.',
    },
    {
      lang: 'en' as const,
      notPrinted: 'Ansökan som föreningen skickade in. The document could not be printed automatically. The reception gives it to you separately, printed or on a USB stick. You can also ask us for it.',
      printed: 'Nämndens beslut, med uppgifter om andra styrelseledamöter maskerade. Some information is masked. The document is included as a printout.',
    },
  ])('at the desk ($lang), says how the person gets a document the printout could not hold', async ({ lang, notPrinted, printed }) => {
    const flat = await pdfFlatText(await renderFoljebrev(registerutdrag({ language: lang }), { medium: 'desk', notPrinted: ['item-2'] }));
    expect(squash(flat)).toContain(squash(notPrinted));
    expect(squash(flat)).toContain(squash(printed));
    expect(flat.match(POST_WORDING[lang])).toBeNull();
  });

  it('refuses to hold anything back without a beslut (DSL 7 kap. 2 §)', async () => {
    await expect(renderFoljebrev(registerutdrag({ exclusionDecision: null }))).rejects.toThrow(/beslut/);
  });
});
