import PDFKitDocument from 'pdfkit';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { pdfAccessibility, pdfFlatText, pdfText } from '../../../tests/pdf-text';
import { renderFoljebrev } from './foljebrev.server';
import { renderPrintBundle, SKATTEVERKET_FORMEDLING, type Mailing, type PrintFor } from './print.server';
import { file, printableRegisterutdrag, RECIPIENT_ADDRESS, RECIPIENT_PERSONNUMMER, registerutdrag, withFiles } from './test-fixtures';

const squash = (s: string) => s.replace(/\s+/g, '');
const toAddress: Mailing = { kind: 'address', recipient: { name: 'Renée Åström', address: { ...RECIPIENT_ADDRESS, careOf: 'Berg' } } };
const viaSkatteverket: Mailing = { kind: 'formedling', personnummer: RECIPIENT_PERSONNUMMER };
const atTheDesk: PrintFor = { kind: 'desk' };

/** Each page's text, without white space, so that a phrase matches however it was wrapped. */
async function pages(pdf: Buffer): Promise<string[]> {
  return (await pdfText(pdf)).split('\f').map(squash);
}

async function pageCount(pdf: Buffer): Promise<number> {
  return (await PDFDocument.load(pdf)).getPageCount();
}

/** Where a line of text is on page `n`, in millimetres from the sheet's top-left corner. */
async function position(pdf: Buffer, n: number, text: string) {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const page = await doc.getPage(n);
    const height = page.getViewport({ scale: 1 }).height;
    const items = (await page.getTextContent()).items.filter((i) => 'str' in i && i.str.trim() === text);
    const item = items[0];
    if (!item || !('str' in item)) throw new Error(`"${text}" is not on page ${n}`);
    const toMm = (pt: number) => (pt * 25.4) / 72;
    const [, , , , x, baseline] = item.transform as number[];
    return { left: toMm(x!), right: toMm(x! + item.width), top: toMm(height - baseline! - item.height), bottom: toMm(height - baseline!) };
  } finally {
    await doc.destroy();
  }
}

describe('renderPrintBundle', () => {
  it('puts the name and address in the window of a C5/C4 envelope, marked as rekommenderat brev', async () => {
    const bundle = await renderPrintBundle(await printableRegisterutdrag(), toAddress);
    const [first] = await pages(bundle.pdf);
    for (const part of ['REKOMMENDERAT BREV', 'Renée Åström', 'c/o Berg', 'Hemliga stigen 7', '123 45 Lönnby', 'Avs. Kultur- och fritidsnämnden, Box 102, 641 82 Granåsa']) {
      expect(first, part).toContain(squash(part));
    }
    // Below the window, for the staff: the case, the date, the pages, the checklist.
    for (const part of ['Diarienummer KFN 2026/00042', 'Datum 2026-03-20', `${bundle.pages} sidor, den här sidan inräknad`, 'Skicka brevet som rekommenderat brev.', 'kolli-id']) {
      expect(first, part).toContain(squash(part));
    }
    // Every line of the address inside the window (20 mm from the left, 50 mm from the top, 90 × 40 mm).
    for (const line of ['Renée Åström', 'c/o Berg', 'Hemliga stigen 7', '123 45 Lönnby']) {
      const at = await position(bundle.pdf, 1, line);
      expect(at.left, line).toBeGreaterThanOrEqual(20);
      expect(at.right, line).toBeLessThanOrEqual(110);
      expect(at.top, line).toBeGreaterThanOrEqual(50);
      expect(at.bottom, line).toBeLessThanOrEqual(90);
    }
  });

  it('holds the address page, the paper följebrev, the data pages and every page of every document, in that order', async () => {
    const data = await printableRegisterutdrag();
    const bundle = await renderPrintBundle(data, toAddress);
    const letter = await pages(await renderFoljebrev(data, { medium: 'paper' }));
    const text = await pages(bundle.pdf);

    expect(bundle.notPrinted).toEqual([]);
    expect(bundle.pages).toBe(await pageCount(bundle.pdf));
    expect(text).toHaveLength(bundle.pages);

    expect(text[0]).toContain('REKOMMENDERAT');
    expect(text.slice(1, 1 + letter.length)).toEqual(letter);
    const data0 = 1 + letter.length;
    const documents = text.slice(-4);
    const dataPages = text.slice(data0, -4);
    expect(dataPages.length).toBeGreaterThanOrEqual(1);
    expect(dataPages[0]!.startsWith(squash('Dina uppgifter'))).toBe(true);
    for (const page of dataPages.slice(1)) expect(page).toContain(squash('Dina uppgifter · Dnr KFN 2026/00042'));
    // The documents in the följebrev's order: the two-page PDF as it is, then the PNG and the JPEG on a page each, captioned.
    expect(documents[0]).toBe(squash('Bilaga sida 1'));
    expect(documents[1]).toBe(squash('Bilaga sida 2'));
    expect(documents[2]).toContain(squash('Beslut om föreningsbidrag 2025 (Beslut.png)'));
    expect(documents[3]).toContain(squash('Foto från föreningens lokal (Foto.jpg)'));
    expect(bundle.pages).toBe(1 + letter.length + dataPages.length + 4);
  });

  it('prints what data.json holds on the pages "Dina uppgifter": every item, masked ones marked, and the portable data', async () => {
    const bundle = await renderPrintBundle(await printableRegisterutdrag(), toAddress);
    const text = (await pages(bundle.pdf)).filter((p) => p.includes(squash('Dina uppgifter · Dnr')) || p.startsWith(squash('Dina uppgifter'))).join('');
    for (const part of [
      '1. Handläggning av föreningsbidrag',
      'Kontaktperson för Granåsa Schackklubb.',
      'Personnummer 19811228-9874',
      'Medsökande Olof Berg, 19850412-****',
      'Ansökan om föreningsbidrag 2025.',
      'Inkom 2025-02-10',
      'Beslut om föreningsbidrag 2025. Nämndens beslut, med uppgifter om andra styrelseledamöter maskerade. Vissa uppgifter är maskerade.',
      'Lånekort 2000123456',
      'Prenumererar sedan 2024-05-01 på ämnena musik och teater.',
      'Uppgifter som du själv har lämnat (dataportabilitet, artikel 20)',
      'Ansökan om lånekort. Lämnad 14 augusti 2019.',
      'Adress Storgatan 1; 641 80 Granåsa',
      'Intressen musik, teater',
    ]) {
      expect(text, part).toContain(squash(part));
    }
  });

  it('sends a letter for a person with skyddade personuppgifter to Skatteverket: the personnummer only on the label, no address of the person anywhere', async () => {
    const data = await printableRegisterutdrag();
    const bundle = await renderPrintBundle(data, viaSkatteverket);
    const text = await pages(bundle.pdf);
    const [window, label, ...letter] = text;

    for (const part of ['REKOMMENDERAT BREV', 'Skatteverket', 'Förmedlingsuppdrag', 'Box 2820', '403 20 Göteborg']) expect(window, part).toContain(squash(part));
    expect(window).not.toContain(squash('Renée Åström'));
    expect(window).toContain(squash(`Gör i ordning innerkuvertet med brevet (sidorna 3–${bundle.pages}) enligt sidan 2.`));
    const at = await position(bundle.pdf, 1, 'Box 2820');
    expect(at.left).toBeGreaterThanOrEqual(20);
    expect(at.bottom).toBeLessThanOrEqual(90);

    // The label: the number Skatteverket forwards by, and the steps of its rules; for the staff only.
    for (const part of [
      '19800101-9804',
      'Rekommenderat – förmedling via Skatteverket',
      'skickas inte till mottagaren',
      'klistra igen',
      'Skriv mottagarens personnummer på kuvertet',
      'returadress på kuvertets baksida',
      'Skicka ytterkuvertet som rekommenderat brev till Skatteverkets förmedling: Skatteverket, Förmedlingsuppdrag, Box 2820, 403 20 Göteborg.',
      'Lägg bara ett brev i varje ytterkuvert.',
    ]) {
      expect(label, part).toContain(squash(part));
    }
    expect(label).not.toContain(squash('Renée Åström'));
    for (const page of [window!, ...letter]) {
      expect(page).not.toContain('19800101-9804');
      expect(page).not.toContain(RECIPIENT_PERSONNUMMER);
    }
    // The person's address: the same data sent to the address shows it, förmedling nowhere.
    const all = text.join('');
    for (const part of [RECIPIENT_ADDRESS.street, `${RECIPIENT_ADDRESS.postalCode} ${RECIPIENT_ADDRESS.city}`, RECIPIENT_ADDRESS.city]) expect(all).not.toContain(squash(part));
    const control = (await pages((await renderPrintBundle(data, toAddress)).pdf)).join('');
    expect(control).toContain(squash(RECIPIENT_ADDRESS.street));

    expect(bundle.pages).toBe(await pageCount(bundle.pdf));
    expect(bundle.pages).toBe((await pageCount((await renderPrintBundle(data, toAddress)).pdf)) + 1);
    expect(SKATTEVERKET_FORMEDLING).toEqual({ name: 'Skatteverket', address: { street: 'Box 2820', postalCode: '403 20', city: 'Göteborg' } });
  });

  it('puts a notice in place of a document it cannot print, and lists it for the staff', async () => {
    const data = withFiles(await printableRegisterutdrag(), { 'item-2': file('Ansökan.pdf', 'application/pdf', Buffer.from('%PDF-1.7 garbage')) });
    const bundle = await renderPrintBundle(data, toAddress);
    expect(bundle.notPrinted).toEqual([{ itemId: 'item-2', title: 'Ansökan om föreningsbidrag 2025', filename: 'Ansökan.pdf' }]);
    const text = await pages(bundle.pdf);
    const documents = text.slice(-3);
    expect(documents[0]).toContain(squash('Dokumentet «Ansökan om föreningsbidrag 2025» kunde inte skrivas ut automatiskt — skriv ut det separat och lägg det i kuvertet.'));
    expect(documents[0]).toContain(squash('Fil: Ansökan.pdf'));
    expect(documents[1]).toContain(squash('Beslut.png'));
    expect(text[0]).toContain(squash('Handlingar som inte kunde skrivas ut automatiskt: • Ansökan om föreningsbidrag 2025 (Ansökan.pdf)'));
    expect(text[0]).toContain(squash('Skriv ut handlingarna i listan nedan och lägg dem i kuvertet'));
    expect(bundle.pages).toBe(await pageCount(bundle.pdf));
  });

  it('leaves out, for printing by hand, an encrypted PDF, a file of another type and a file over the size limit without reading it', async () => {
    const tooLarge = { ...file('Stor.pdf', 'application/pdf', Buffer.from('%PDF-1.7')), size: 11 * 1024 * 1024, open: () => { throw new Error('read a file over the limit'); } };
    const data = withFiles(await printableRegisterutdrag(), {
      'item-2': file('Låst.pdf', 'application/pdf', await encryptedPdf()),
      'item-3': tooLarge,
      'item-4': file('Anteckning.txt', 'text/plain', Buffer.from('Inte en bild')),
    });
    const bundle = await renderPrintBundle(data, toAddress);
    expect(bundle.notPrinted.map((n) => n.itemId)).toEqual(['item-2', 'item-3', 'item-4']);
  });

  it('counts its own pages right when the list of documents to print by hand runs onto another page', async () => {
    const data = registerutdrag();
    const broken = Array.from({ length: 20 }, (_, i) => ({
      kind: 'document' as const,
      id: `broken-${i + 1}`,
      title: `Skannad handling nummer ${i + 1} från pärmen`,
      description: 'Ur pärmen.',
      data: null,
      masked: false,
      file: file(`skanning-${i + 1}.pdf`, 'application/pdf', Buffer.from(`%PDF-1.7 garbage ${i}`)),
    }));
    data.activities[0] = { ...data.activities[0]!, items: [...data.activities[0]!.items, ...broken] };
    const bundle = await renderPrintBundle(data, viaSkatteverket);
    const text = await pages(bundle.pdf);
    expect(bundle.notPrinted).toHaveLength(23);
    expect(bundle.pages).toBe(await pageCount(bundle.pdf));
    // The staff's list ran onto page 2, so the label is page 3 and the letter starts on page 4.
    expect(text[1]).toContain(squash('Skannad handling nummer 20 från pärmen (skanning-20.pdf)'));
    expect(text[2]).toContain('19800101-9804');
    expect(text[0]).toContain(squash(`${bundle.pages} sidor, den här sidan inräknad`));
    expect(text[0]).toContain(squash(`(sidorna 4–${bundle.pages}) enligt sidan 3. Sidan 3 skickas inte till mottagaren.`));
    expect(text[3]).toContain(squash('Registerutdrag – dina personuppgifter hos Kultur- och fritidsnämnden'));
  });

  it('prints only the address page and the letter when nothing was found', async () => {
    const data = registerutdrag({ activities: [], exclusionDecision: null });
    const bundle = await renderPrintBundle(data, toAddress);
    const letter = await renderFoljebrev(data, { medium: 'paper' });
    expect(bundle.pages).toBe(1 + (await pageCount(letter)));
    expect((await pages(bundle.pdf)).join('')).not.toContain(squash('Dina uppgifter'));
  });

  it('refuses a document whose bytes are not the ones the case holds', async () => {
    const tampered = { ...file('Ansökan.pdf', 'application/pdf', Buffer.from('%PDF-1.7 original')), open: () => file('x', 'x', Buffer.from('%PDF-1.7 another')).open() };
    const data = withFiles(await printableRegisterutdrag(), { 'item-2': tampered });
    await expect(renderPrintBundle(data, toAddress)).rejects.toThrow(/not the document's/);
  });

  it('refuses förmedling without a valid 12-digit personnummer, and does not repeat the number', async () => {
    const data = registerutdrag();
    await expect(renderPrintBundle(data, { kind: 'formedling', personnummer: '8001019804' })).rejects.toThrow(/12 digits/);
    const wrong = renderPrintBundle(data, { kind: 'formedling', personnummer: '198001019805' });
    await expect(wrong).rejects.toThrow(/not valid \(checksum\)/);
    await expect(wrong).rejects.not.toThrow(/198001019805/);
  });

  it('names the printout, its language and author', async () => {
    const a11y = await pdfAccessibility((await renderPrintBundle(await printableRegisterutdrag(), toAddress)).pdf);
    expect(a11y).toMatchObject({ title: 'Registerutdrag – KFN 2026/00042 – utskrift', lang: 'sv-SE', author: 'Kultur- och fritidsnämnden, Granåsa kommun' });
  });

  it('writes the mailing pages in English for an English request', async () => {
    const data = await printableRegisterutdrag({ language: 'en' });
    const bundle = await renderPrintBundle(data, viaSkatteverket);
    const [window, label, ...rest] = await pages(bundle.pdf);
    for (const part of ['REGISTERED MAIL', 'From Kultur- och fritidsnämnden', 'For the member of staff who posts the letter', `${bundle.pages} pages, including this one`, 'Send the outer envelope by registered mail']) {
      expect(window, part).toContain(squash(part));
    }
    for (const part of ['Label for the inner envelope', '19800101-9804', 'is not sent to the recipient', 'Put only one letter in each outer envelope.']) expect(label, part).toContain(squash(part));
    expect(rest.join('')).toContain(squash('Your data'));
    for (const swedish of ['REKOMMENDERAT BREV', 'Till dig som skickar brevet', 'Att göra', 'Etikett för innerkuvertet', 'Dina uppgifter']) {
      expect([window, label, ...rest].join(''), swedish).not.toContain(squash(swedish));
    }
    const a11y = await pdfAccessibility(bundle.pdf);
    expect(a11y).toMatchObject({ title: 'Copy of personal data – KFN 2026/00042 – printout', lang: 'en-GB' });
  });
});

describe('renderPrintBundle for the desk (handed over at the reception, issue #8)', () => {
  /** What only the address page and the label say: the window, the post, the staff's checklist, Skatteverket. */
  const envelopeTexts = (lang: 'sv' | 'en') =>
    lang === 'sv'
      ? ['REKOMMENDERAT BREV', 'Avs. Kultur- och fritidsnämnden', 'Till dig som skickar brevet', 'fönsterkuvert', 'kolli-id', 'den här sidan inräknad', 'Etikett för innerkuvertet', 'utskrift för rekommenderat brev']
      : ['REGISTERED MAIL', 'From Kultur- och fritidsnämnden', 'For the member of staff who posts the letter', 'window envelope', 'including this one', 'Label for the inner envelope', 'printout for registered mail'];
  const addressTexts = [RECIPIENT_ADDRESS.street, `${RECIPIENT_ADDRESS.postalCode} ${RECIPIENT_ADDRESS.city}`, 'c/o Berg', ...Object.values(SKATTEVERKET_FORMEDLING.address), 'Skatteverket', 'Förmedlingsuppdrag', '19800101-9804'];
  /**
   * What only a printout for the post says: the post, the envelope, registered mail. Not "e-post",
   * "Postadress" or "E-mail", which the contact details and the data hold.
   */
  const postWording = { sv: /kuvert|(?<![-\p{L}])post(?!\p{L})|rekommenderat/iu, en: /envelope|(?<![-\p{L}])post(?!\p{L})|registered mail/iu } as const;

  it.each([
    {
      what: 'Swedish, with data and documents',
      lang: 'sv' as const,
      post: 'Registerutdrag, utskrift för rekommenderat brev',
      docType: 'Registerutdrag',
      // The post's sentences, and the desk's in their place: the följebrev's, then the data pages'.
      differs: [
        ['Registerutdraget kommer med post. I kuvertet finns:', 'Vi lämnar registerutdraget till dig i receptionen. Du får:'],
        ['Handlingen ligger i kuvertet.', 'Handlingen finns med som utskrift.'],
        ['Handlingen ligger i kuvertet, efter de här sidorna.', 'Handlingen finns med som utskrift, efter de här sidorna.'],
      ],
    },
    {
      what: 'English, with data and documents',
      lang: 'en' as const,
      post: 'Copy of personal data, printout for registered mail',
      docType: 'Copy of personal data',
      differs: [
        ['The copy comes by post. The envelope contains:', 'We hand the copy to you at the reception. You get:'],
        ['The document is in the envelope.', 'The document is included as a printout.'],
        ['The document is in the envelope, after these pages.', 'The document is included as a printout, after these pages.'],
      ],
    },
  ])('$what: no address page, the desk följebrev first, then the rest as for post, in the desk’s words', async ({ lang, post: printout, docType, differs }) => {
    const data = await printableRegisterutdrag({ language: lang });
    const desk = await renderPrintBundle(data, atTheDesk);
    const byPost = await renderPrintBundle(data, toAddress);
    const letter = await pages(await renderFoljebrev(data, { medium: 'desk' }));
    const text = await pages(desk.pdf);

    expect(desk.pages).toBe(await pageCount(desk.pdf));
    expect(desk.pages).toBe(byPost.pages - 1);
    expect(desk.notPrinted).toEqual([]);
    expect(text.slice(0, letter.length)).toEqual(letter);
    // Page for page what the post holds after its address page; only the name of the printout and the post's sentences differ.
    const post = (await pages(byPost.pdf)).slice(1);
    for (const [said] of differs) expect(post.join(''), said).toContain(squash(said!));
    const asAtTheDesk = (page: string) => differs.reduce((p, [said, atDesk]) => p.replaceAll(squash(said!), squash(atDesk!)), page.replaceAll(squash(printout), squash(docType)));
    expect(text).toEqual(post.map(asAtTheDesk));

    const flat = await pdfFlatText(desk.pdf);
    expect(flat.match(postWording[lang])).toBeNull();
    expect((await pdfFlatText(byPost.pdf)).match(postWording[lang])).not.toBeNull();
    const all = text.join('');
    for (const [, atDesk] of differs) expect(all, atDesk).toContain(squash(atDesk!));
    for (const part of [...envelopeTexts(lang), ...addressTexts]) expect(all, part).not.toContain(squash(part));
    expect((await PDFDocument.load(desk.pdf)).getSubject()).toBe(docType);
    expect(await pdfAccessibility(desk.pdf)).toMatchObject({ title: (await pdfAccessibility(byPost.pdf)).title, lang: lang === 'sv' ? 'sv-SE' : 'en-GB' });
  });

  const unprintable = async (language: 'sv' | 'en') => withFiles(await printableRegisterutdrag({ language }), { 'item-2': file('Ansökan.pdf', 'application/pdf', Buffer.from('%PDF-1.7 garbage')) });

  it.each([
    { what: 'nothing was found: the letter only', lang: 'sv' as const, data: async () => registerutdrag({ activities: [], exclusionDecision: null }), notPrinted: [] as string[], notice: null, person: null },
    {
      what: 'a document it cannot print: a notice for the staff in its place, and the person told how they get it (sv)',
      lang: 'sv' as const,
      data: () => unprintable('sv'),
      notPrinted: ['item-2'],
      notice: 'Dokumentet «Ansökan om föreningsbidrag 2025» kunde inte skrivas ut automatiskt — skriv ut det separat, eller lägg det på ett USB-minne (det finns i ZIP-filen). Fil: Ansökan.pdf',
      person: 'Ansökan som föreningen skickade in. Handlingen kunde inte skrivas ut automatiskt. Du får den av receptionen, utskriven för sig eller på ett USB-minne. Du kan också be oss om den.',
    },
    {
      what: 'a document it cannot print: a notice for the staff in its place, and the person told how they get it (en)',
      lang: 'en' as const,
      data: () => unprintable('en'),
      notPrinted: ['item-2'],
      notice: 'The document «Ansökan om föreningsbidrag 2025» could not be printed automatically — print it separately, or put it on a USB stick (it is in the ZIP file). File: Ansökan.pdf',
      person: 'Ansökan som föreningen skickade in. The document could not be printed automatically. The reception gives it to you separately, printed or on a USB stick. You can also ask us for it.',
    },
  ])('$what', async ({ lang, data: make, notPrinted, notice, person }) => {
    const data = await make();
    const desk = await renderPrintBundle(data, atTheDesk);
    // The desk's sentence for a document it could not print is longer: the page count may differ from the post's.
    expect(desk.pages).toBe(await pageCount(desk.pdf));
    expect(desk.notPrinted.map((n) => n.itemId)).toEqual(notPrinted);
    const text = await pages(desk.pdf);
    const letter = await pages(await renderFoljebrev(data, { medium: 'desk', notPrinted }));
    expect(text.slice(0, letter.length)).toEqual(letter);
    if (notice) expect(text.at(-3)).toContain(squash(notice)); // then the PNG's page and the JPEG's
    // In the följebrev and again on the pages "Dina uppgifter".
    if (person) expect(text.join('').split(squash(person))).toHaveLength(3);
    expect((await pdfFlatText(desk.pdf)).match(postWording[lang])).toBeNull();
    for (const part of envelopeTexts(lang)) expect(text.join(''), part).not.toContain(squash(part));
  });
});

/** A PDF with an owner password: pdf-lib reads its structure but cannot decrypt its pages. */
function encryptedPdf(): Promise<Buffer> {
  const doc = new PDFKitDocument({ ownerPassword: 'hemligt', userPassword: '', permissions: { printing: 'highResolution' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text('Låst handling');
  doc.end();
  return done;
}
