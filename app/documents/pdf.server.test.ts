import { describe, expect, it } from 'vitest';
import { pdfAccessibility, pdfFlatText, pdfText } from '../../tests/pdf-text';
import { renderPdf, type PdfOptions } from './pdf.server';

const options = (overrides: Partial<PdfOptions> = {}): PdfOptions => ({
  lang: 'sv',
  title: 'Provbrev – BN 2026/00001',
  author: 'Byggnadsnämnden, Granåsa kommun',
  runningHeader: { left: 'Granåsa kommun  ·  Byggnadsnämnden', right: 'Dnr BN 2026/00001' },
  footer: 'Byggnadsnämnden  ·  Box 101, 641 81 Granåsa',
  pageLabel: (page, pages) => `Sida ${page} av ${pages}`,
  ...overrides,
});

describe('renderPdf', () => {
  it('makes a tagged PDF with language, title and a structure of headings, paragraphs, lists and tables', async () => {
    const pdf = await renderPdf(options(), (w) => {
      w.letterhead({ sender: 'Granåsa kommun', unit: 'Byggnadsnämnden', docType: 'Beslut', fields: [['Datum', '2026-03-12']], addressee: ['Renée Åström'] });
      w.h1('Rubrik');
      w.h2('Underrubrik');
      w.h3('Mindre rubrik');
      w.p('Ett stycke.');
      w.list(['Ett', 'Två'], { numbered: true });
      w.table([{ header: 'Datum', width: 1 }, { header: 'Ärende', width: 2 }], [['2026-03-12', 'BN 2026/00001']]);
      w.fields([['Klagande', 'Renée Åström']]);
    });
    const a11y = await pdfAccessibility(pdf);
    expect(a11y).toMatchObject({ marked: true, lang: 'sv-SE', title: 'Provbrev – BN 2026/00001', author: 'Byggnadsnämnden, Granåsa kommun' });
    for (const role of ['Document', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'THead', 'TBody', 'TR', 'TH', 'TD']) expect(a11y.roles).toContain(role);

    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toContain('/Scope /Column');
    expect(raw).toContain('/Scope /Row');
    // PDF/UA identification in the XMP metadata.
    expect(raw).toContain('<pdfuaid:part>1</pdfuaid:part>');
  });

  it('embeds its own font, so Swedish letters and the en dash are real text', async () => {
    const pdf = await renderPdf(options(), (w) => w.p('Åsa Öberg, Renée Ärlig – 3 § förvaltningslagen'));
    expect(await pdfFlatText(pdf)).toContain('Åsa Öberg, Renée Ärlig – 3 § förvaltningslagen');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/);
    expect(raw).not.toContain('/Helvetica');
  });

  it('numbers the pages "Sida n av m" and repeats the running header from page 2', async () => {
    const pdf = await renderPdf(options(), (w) => {
      w.h1('Lång text');
      for (let i = 0; i < 80; i++) w.p(`Stycke ${i + 1}.`);
    });
    const pages = (await pdfText(pdf)).split('\f');
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => expect(page).toContain(`Sida ${i + 1} av ${pages.length}`));
    expect(pages[0]).not.toContain('Dnr BN 2026/00001');
    expect(pages[1]).toContain('Dnr BN 2026/00001');
  });

  it('sets English as the language of an English document', async () => {
    const pdf = await renderPdf(options({ lang: 'en', pageLabel: (p, n) => `Page ${p} of ${n}` }), (w) => w.p('Hello.'));
    expect((await pdfAccessibility(pdf)).lang).toBe('en-GB');
    expect(await pdfText(pdf)).toContain('Page 1 of 1');
  });

  it('keeps the XMP metadata valid when a name contains an ampersand', async () => {
    const pdf = await renderPdf(options({ author: 'Vatten & Miljö i Granåsa AB' }), (w) => w.p('Text.'));
    expect((await pdfAccessibility(pdf)).author).toBe('Vatten & Miljö i Granåsa AB');
    const xmp = pdf.toString('utf8');
    expect(xmp).toContain('Vatten &#38; Miljö i Granåsa AB');
    expect(xmp).not.toContain('<rdf:li>Vatten & Miljö');
  });

  it('repeats a long table\'s header on every page and keeps every row', async () => {
    const rows = Array.from({ length: 70 }, (_, i) => [`Rad ${i + 1}`, 'text']);
    const pdf = await renderPdf(options(), (w) => w.table([{ header: 'Kolumn A', width: 1 }, { header: 'Kolumn B', width: 1 }], rows));
    const pages = (await pdfText(pdf)).split('\f');
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('Kolumn A');
    const flat = pages.join(' ');
    for (let i = 1; i <= 70; i++) expect(flat).toMatch(new RegExp(`Rad ${i}\\b`));
  });
});
