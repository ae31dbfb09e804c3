/**
 * The registerutdrag on paper (issue #7): when the person chose rekommenderat brev, the
 * samordnare prints one PDF and posts it. In order:
 *
 *   1. the address page for a window envelope, with a checklist for the staff below the window
 *      (and, for förmedling via Skatteverket, a second page: the inner envelope's label) — none
 *      when the reception prints the package for the person standing at the desk (issue #8);
 *   2. the följebrev, written for paper: for the envelope, or for the desk;
 *   3. "Dina uppgifter": every released item with its data — what data.json holds in the ZIP;
 *   4. the released documents, in the order the följebrev lists them, as they are.
 *
 * pdfkit lays out our own pages (renderPdf); pdf-lib joins them with the documents' pages, which
 * pdfkit cannot import. The result is for printing, not a tagged PDF: see ADR 013, also for the
 * envelope geometry and why the whole file is built in memory.
 */
import crypto from 'node:crypto';
import { PDFDocument, type PDFImage } from 'pdf-lib';
import { detectFileType, MAX_FILE_BYTES } from '~/domain/file-types';
import type { IsoDate } from '~/domain/iso-date';
import { formatPersonnummer, parsePersonnummer } from '~/domain/personnummer';
import { addressLine, footerLine, lettersT, longDate, pageLabel, paragraphs, type T } from '../letter-text.server';
import { renderPdf, type PdfOptions, type PdfWriter } from '../pdf.server';
import type { Lang, PostalAddress } from '../types';
import { assertConsistent, hasReleasedData, renderFoljebrev, utdragT, type FoljebrevOptions } from './foljebrev.server';
import type { ItemData, ProvidedRecord, RegisterutdragActivity, RegisterutdragData, ReleasedItem } from './types';

export type Mailing =
  /** To the folkbokföringsadress, looked up at print time and never stored. */
  | { kind: 'address'; recipient: { name: string; address: PostalAddress } }
  /**
   * Skyddade personuppgifter: the letter goes via Skatteverket's förmedling. The full personnummer
   * (12 digits, e.g. "198001019804") goes on the inner envelope only — Skatteverket forwards by it. No address of the person ever.
   */
  | { kind: 'formedling'; personnummer: string };

/**
 * Whom the printout is for: a letter by post (`Mailing`, what a post package stores), or the
 * person at the reception's desk (issue #8), who takes it in their hand — so no address page,
 * no label and nothing of an address; the letter and what follows it as for post.
 */
export type PrintFor = Mailing | { kind: 'desk' };

export type NotPrinted = { itemId: string; title: string; filename: string };
export type PrintBundle = { pdf: Buffer; pages: number; notPrinted: NotPrinted[] };

/** Skatteverket's mail-forwarding address (Skatteverkets förmedlingsuppdrag). */
export const SKATTEVERKET_FORMEDLING: { name: string; address: PostalAddress } = {
  name: 'Skatteverket',
  address: { street: 'Box 2820', postalCode: '403 20', city: 'Göteborg' },
};
/** The line under the name in the window, so that the letter reaches the forwarding unit. */
const FORMEDLING_UNIT = 'Förmedlingsuppdrag';

/**
 * The left window of the kommun's C5 and C4 window envelopes, in millimetres from the sheet's
 * top-left corner: 20 from the left, 50 from the top, 90 × 40. Makers differ by a few
 * millimetres: check a printout against the envelopes before first use and change these
 * numbers, not the layout. A4 goes into C4 flat, into C5 folded once (FOLD_C5), and the window
 * is in the upper half either way.
 */
const WINDOW = { left: 20, top: 50, width: 90, height: 40 } as const;
/** The sheet moves in the envelope: nothing is printed this close to the window's edges. */
const WINDOW_PADDING = 4;
/** The return address, small at the top of the window: PostNord returns an undelivered rekommenderat brev to it. */
const RETURN_LINE_HEIGHT = 6;
/** A4 folded once for a C5 envelope: a short mark at the left edge shows where. */
const FOLD_C5 = 148.5;
/** Where the staff's part of the page starts: well clear of the window. */
const STAFF_TOP = WINDOW.top + WINDOW.height + 12;
/** Images and notices are placed with these margins, so that every office printer prints them whole. */
const SHEET_MARGIN = 20;
/** Above this many bytes of documents in one bundle, the rest are left for printing separately (ADR 013). */
const MAX_PRINTED_DOCUMENT_BYTES = 100 * 1024 * 1024;

/*
 * The fonts renderPdf registers (pdf.server.ts). Text placed outside PdfWriter's flow names them;
 * were they renamed, pdfkit would look for a file of that name and every test here would fail.
 */
const FONT = { regular: 'NotoSans', bold: 'NotoSans-Bold' } as const;
const COLOR = { text: '#0b0c0c', muted: '#505a5f' } as const;
const LANG_TAG: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

const mm = (n: number) => (n * 72) / 25.4;

/**
 * `docType`: what the printout is, in its properties and the running header of our pages among
 * the documents. "For registered mail" is true of the post, not of a printout handed over at the desk.
 * `desk`: printed for the desk, where there is no envelope to put a document in.
 */
type Texts = { t: T; lt: T; docType: string; desk: boolean };
type Doc = PdfWriter['doc'];

export async function renderPrintBundle(data: RegisterutdragData, mailing: PrintFor): Promise<PrintBundle> {
  assertConsistent(data);
  // Checked before anything is printed: a wrong number sends the letter to someone else.
  const personnummer = mailing.kind === 'formedling' ? innerEnvelopeNumber(mailing.personnummer, data.releasedOn) : null;
  const t = await utdragT(data.language);
  const desk = mailing.kind === 'desk';
  const texts: Texts = { t, lt: await lettersT(data.language), docType: desk ? t('docType') : t('print.docType'), desk };

  // The documents first: at the desk the letter and the data pages, which go before them, say
  // how the person gets a document the printout could not hold.
  const out = await PDFDocument.create();
  const notPrinted = await appendDocuments(out, data, texts);
  const missing = notPrinted.map((n) => n.itemId);
  const letterFor: FoljebrevOptions = desk ? { medium: 'desk', notPrinted: missing } : { medium: 'paper' };
  const letter = await PDFDocument.load(await renderFoljebrev(data, letterFor));
  if (hasReleasedData(data)) await append(out, await PDFDocument.load(await renderDataPages(data, texts, missing)), 0);
  await append(out, letter, 0);

  if (mailing.kind !== 'desk') {
    const mailingPages = await renderMailingPages(data, mailing, personnummer, texts, { letterPages: out.getPageCount(), notPrinted });
    await append(out, mailingPages, 0);
  }

  setMetadata(out, data, texts);
  const pdf = Buffer.from(await out.save());
  return { pdf, pages: out.getPageCount(), notPrinted };
}

/** "YYYYMMDD-NNNN" for the inner envelope; refuses anything but a valid 12-digit personnummer. */
function innerEnvelopeNumber(personnummer: string, today: IsoDate): string {
  // Never the number itself in the message: errors end up in logs.
  if (!/^\d{12}$/.test(personnummer)) throw new Error('Förmedling via Skatteverket needs the full personnummer, 12 digits');
  const parsed = parsePersonnummer(personnummer, today);
  if (!parsed.ok) throw new Error(`The personnummer for förmedling via Skatteverket is not valid (${parsed.error})`);
  return formatPersonnummer(parsed.pnr.value);
}

/** All pages of `source` into `out`, at the end or from page index `at`. */
async function append(out: PDFDocument, source: PDFDocument, at?: number): Promise<void> {
  const pages = await out.copyPages(source, source.getPageIndices());
  pages.forEach((page, i) => (at === undefined ? out.addPage(page) : out.insertPage(at + i, page)));
}

/** What a viewer shows in its title bar and properties. */
function setMetadata(out: PDFDocument, data: RegisterutdragData, { t, docType }: Texts) {
  out.setTitle(t('print.title', { diarienummer: data.diarienummer }), { showInWindowTitleBar: true });
  out.setLanguage(LANG_TAG[data.language]);
  out.setAuthor(`${data.pua.name}, ${data.kommun.name}`);
  out.setSubject(docType);
  out.setCreator('Dataskyddsportalen');
}

/** The options every page we lay out shares; `pageLabel` and `footer` differ by part. */
function pdfOptions(data: RegisterutdragData, { lt, docType }: Texts, title: string, header: string): PdfOptions {
  return {
    lang: data.language,
    title,
    author: `${data.pua.name}, ${data.kommun.name}`,
    subject: docType,
    runningHeader: { left: `${data.kommun.name}  ·  ${data.pua.name}`, right: `${header}  ·  ${lt('common.dnr')} ${data.diarienummer}` },
    footer: footerLine(data.pua, [data.kommun.website]),
    pageLabel: pageLabel(lt),
  };
}

// ---------------------------------------------------------------------------------------------
// 1. The address page, and the inner envelope's label for förmedling

/** `letterPages`: the pages after the address pages, all of which go to the person. */
type MailingCounts = { letterPages: number; notPrinted: NotPrinted[] };

/**
 * The address page(s) state how many pages the whole printout has, their own included. They are
 * laid out once with the usual count (1, or 2 with the label) and again should a long list of
 * documents to print separately have pushed them onto one more page.
 */
async function renderMailingPages(data: RegisterutdragData, mailing: Mailing, personnummer: string | null, texts: Texts, counts: MailingCounts): Promise<PDFDocument> {
  let own = mailing.kind === 'formedling' ? 2 : 1;
  for (let attempt = 0; attempt < 3; attempt++) {
    const doc = await PDFDocument.load(await renderMailing(data, mailing, personnummer, texts, { ...counts, own }));
    if (doc.getPageCount() === own) return doc;
    own = doc.getPageCount();
  }
  throw new Error('The address pages of the printout did not settle on a page count');
}

function renderMailing(data: RegisterutdragData, mailing: Mailing, personnummer: string | null, texts: Texts, counts: MailingCounts & { own: number }): Promise<Buffer> {
  const { t, lt } = texts;
  const total = counts.own + counts.letterPages;
  const options = pdfOptions(data, texts, t('print.title', { diarienummer: data.diarienummer }), texts.docType);
  // The printout's own page numbers: these pages are the first of it.
  const numbered = { ...options, pageLabel: (page: number) => lt('page', { page, pages: total }) };
  return renderPdf(numbered, (pdf) => {
    addressPage(pdf, data, mailing, texts, { ...counts, total });
    // The label is the last page of this part, after any page the staff's part ran onto.
    if (personnummer) labelPage(pdf, data, personnummer, texts, { from: counts.own + 1, to: total });
  });
}

function addressPage(pdf: PdfWriter, data: RegisterutdragData, mailing: Mailing, texts: Texts, counts: MailingCounts & { own: number; total: number }) {
  const { t } = texts;
  const doc = pdf.doc;
  senderHead(doc, data);
  registeredMark(doc, t('print.registered'));
  windowBlock(doc, `${t('print.returnAddress')} ${returnAddress(data).join(', ')}`, recipientLines(mailing));
  foldMark(doc);
  staffPart(pdf, data, mailing, texts, counts);
}

function senderHead(doc: Doc, data: RegisterutdragData) {
  const x = doc.page.margins.left;
  const width = mm(WINDOW.left + WINDOW.width) - x;
  doc.font(FONT.bold).fontSize(12).fillColor(COLOR.text).text(data.kommun.name, x, mm(15), { width });
  doc.font(FONT.regular).fontSize(10).text(data.pua.name, { width });
}

/** Boxed, at the top right: what the staff and the post office see first. */
function registeredMark(doc: Doc, text: string) {
  const pad = mm(2.5);
  doc.font(FONT.bold).fontSize(12);
  const width = doc.widthOfString(text) + 2 * pad;
  const height = doc.currentLineHeight() + 2 * pad;
  const x = doc.page.width - doc.page.margins.right - width;
  const y = mm(15);
  doc.save().lineWidth(1.2).strokeColor(COLOR.text).rect(x, y, width, height).stroke().restore();
  doc.fillColor(COLOR.text).text(text, x + pad, y + pad, { lineBreak: false });
}

/** The return address small at the top of the window, the recipient below it, shrunk until it fits. */
function windowBlock(doc: Doc, returnLine: string, recipient: string[]) {
  const x = mm(WINDOW.left + WINDOW_PADDING);
  const width = mm(WINDOW.width - 2 * WINDOW_PADDING);
  const top = mm(WINDOW.top + WINDOW_PADDING);
  const returnSize = fitSize(doc, [returnLine], width, mm(RETURN_LINE_HEIGHT), { max: 7, min: 5 });
  doc.font(FONT.regular).fontSize(returnSize).fillColor(COLOR.muted).text(returnLine, x, top, { lineBreak: false });

  const recipientTop = top + mm(RETURN_LINE_HEIGHT);
  const bottom = mm(WINDOW.top + WINDOW.height - WINDOW_PADDING);
  const size = fitSize(doc, recipient, width, bottom - recipientTop, { max: 11, min: 8 });
  doc.font(FONT.regular).fontSize(size).fillColor(COLOR.text);
  let y = recipientTop;
  for (const line of recipient) {
    doc.text(line, x, y, { lineBreak: false });
    y += lineHeight(doc);
  }
}

/**
 * The largest size from `max` down to `min` at which every line fits the width and all of them
 * the height. A line too long even at `min` runs on past the window, where the staff sees it
 * before sealing the envelope; cutting a name or a street short would misdeliver quietly.
 */
function fitSize(doc: Doc, lines: string[], width: number, height: number, { max, min }: { max: number; min: number }): number {
  doc.font(FONT.regular);
  for (let size = max; size > min; size -= 0.5) {
    doc.fontSize(size);
    if (lines.every((l) => doc.widthOfString(l) <= width) && lines.length * lineHeight(doc) <= height) return size;
  }
  return min;
}

const lineHeight = (doc: Doc) => doc.currentLineHeight(true) + 1;

function foldMark(doc: Doc) {
  const y = mm(FOLD_C5);
  doc.save().moveTo(mm(8), y).lineTo(mm(13), y).lineWidth(0.5).strokeColor(COLOR.muted).stroke().restore();
}

/** The window's lines: the person's name and address, or Skatteverket's — never the person's then. */
function recipientLines(mailing: Mailing): string[] {
  if (mailing.kind === 'formedling') {
    const { name, address } = SKATTEVERKET_FORMEDLING;
    return [name, FORMEDLING_UNIT, address.street, `${address.postalCode} ${address.city}`];
  }
  const { name, address } = mailing.recipient;
  const careOf = address.careOf?.trim().replace(/^c\/o\s*/i, '');
  return [name, careOf ? `c/o ${careOf}` : null, address.street, `${address.postalCode} ${address.city}`].filter((l): l is string => !!l);
}

/** The PUA's postal address, or the kommun's when the PUA has none of its own (a nämnd often has not). */
function returnAddress(data: RegisterutdragData): string[] {
  const address = data.pua.postalAddress ?? data.kommun.postalAddress;
  return [data.pua.name, ...(address ? [addressLine(address)] : [])];
}

/** Below the window: what the staff member needs to post the letter right. */
function staffPart(pdf: PdfWriter, data: RegisterutdragData, mailing: Mailing, { t, lt }: Texts, counts: MailingCounts & { own: number; total: number }) {
  const doc = pdf.doc;
  doc.x = doc.page.margins.left;
  doc.y = mm(STAFF_TOP);
  pdf.h2(t('print.staff.heading'));
  pdf.fields([
    [lt('common.diarienummer'), data.diarienummer],
    [lt('common.date'), data.releasedOn],
    [t('print.staff.pages'), t('print.staff.pagesValue', { count: counts.total })],
  ]);
  pdf.h3(t('print.staff.checklist'));
  const printSeparately = counts.notPrinted.length ? [t('print.staff.printSeparately')] : [];
  const steps =
    mailing.kind === 'address'
      ? [...printSeparately, t('print.staff.address.envelope'), t('print.staff.send')]
      : [
          ...printSeparately,
          t('print.staff.formedling.inner', { from: counts.own + 1, to: counts.total, label: counts.own }),
          t('print.staff.formedling.outer'),
          t('print.staff.formedling.send'),
        ];
  for (const step of [...steps, t('print.staff.record')]) checkItem(pdf, step);
  if (counts.notPrinted.length) {
    pdf.p(t('print.staff.notPrinted'), { gap: 3 });
    pdf.list(counts.notPrinted.map((n) => `${n.title} (${n.filename})`));
  }
}

/** A line of the checklist with a box to tick (the font has no ☐). */
function checkItem(pdf: PdfWriter, text: string) {
  const doc = pdf.doc;
  const x = doc.page.margins.left;
  const box = 8;
  const indent = box + 8;
  const width = doc.page.width - doc.page.margins.right - x - indent;
  doc.font(FONT.regular).fontSize(10.5);
  pdf.ensureSpace(doc.heightOfString(text, { width, lineGap: 2.5 }) + 4);
  const y = doc.y;
  doc.save().lineWidth(0.8).strokeColor(COLOR.text).rect(x, y + 2, box, box).stroke().restore();
  doc.fillColor(COLOR.text).text(text, x + indent, y, { width, lineGap: 2.5 });
  doc.x = x;
  doc.y += 4;
}

/**
 * The inner envelope's label (Skatteverket's rules for registered mail through förmedling): the
 * personnummer it forwards by, our return address for the back, and the steps. For the staff.
 */
function labelPage(pdf: PdfWriter, data: RegisterutdragData, personnummer: string, { t }: Texts, letter: { from: number; to: number }) {
  const doc = pdf.doc;
  doc.addPage();
  doc.x = doc.page.margins.left;
  doc.y = doc.page.margins.top;
  pdf.h1(t('print.label.heading'));
  pdf.p(t('print.label.staffOnly'));
  cutOut(pdf, [
    { text: t('print.label.front'), size: 8.5, muted: true },
    { text: personnummer, size: 24, bold: true },
    { text: t('print.label.mark'), size: 11, bold: true },
  ]);
  const [name, ...address] = returnAddress(data);
  cutOut(pdf, [
    { text: t('print.label.back'), size: 8.5, muted: true },
    { text: `${t('print.returnAddress')} ${name}`, size: 10.5, bold: true },
    ...address.map((text) => ({ text, size: 10.5 })),
  ]);
  const { name: skv, address: skvAddress } = SKATTEVERKET_FORMEDLING;
  pdf.h2(t('print.label.howHeading'));
  pdf.list(
    [
      t('print.label.steps.envelope', letter),
      t('print.label.steps.personnummer'),
      t('print.label.steps.back'),
      t('print.label.steps.outer'),
      t('print.label.steps.send', { address: `${skv}, ${FORMEDLING_UNIT}, ${addressLine(skvAddress)}` }),
      t('print.label.steps.one'),
    ],
    { numbered: true },
  );
  pdf.p(t('print.label.source'), { muted: true });
}

type LabelLine = { text: string; size: number; bold?: boolean; muted?: boolean };

/** A label in a dashed frame, to cut out and tape on the envelope. */
function cutOut(pdf: PdfWriter, lines: LabelLine[]) {
  const doc = pdf.doc;
  const pad = mm(5);
  const width = mm(110);
  const heights = lines.map((l) => doc.font(l.bold ? FONT.bold : FONT.regular).fontSize(l.size).currentLineHeight(true) + 3);
  const height = heights.reduce((a, h) => a + h, 0) + 2 * pad;
  pdf.ensureSpace(height + mm(6));
  const x = doc.page.margins.left;
  const top = doc.y;
  doc.save().dash(4, { space: 3 }).lineWidth(0.8).strokeColor(COLOR.muted).rect(x, top, width, height).stroke().undash().restore();
  let y = top + pad;
  lines.forEach((l, i) => {
    doc
      .font(l.bold ? FONT.bold : FONT.regular)
      .fontSize(l.size)
      .fillColor(l.muted ? COLOR.muted : COLOR.text)
      .text(l.text, x + pad, y, { width: width - 2 * pad, lineBreak: false });
    y += heights[i]!;
  });
  doc.x = x;
  doc.y = top + height + mm(6);
}

// ---------------------------------------------------------------------------------------------
// 3. "Dina uppgifter": what data.json holds, on paper

/** `notPrinted`: the documents (item ids) left out of the printout, for the desk's wording. */
function renderDataPages(data: RegisterutdragData, texts: Texts, notPrinted: readonly string[]): Promise<Buffer> {
  const { t } = texts;
  const heading = t('print.data.heading');
  const subject = data.request.relation === 'self' ? t('intro.you') : data.request.subjectName;
  return renderPdf(pdfOptions(data, texts, `${heading} – ${data.diarienummer}`, heading), (pdf) => {
    pdf.h1(heading);
    pdf.p(t('print.data.intro', { subject }));
    data.activities.forEach((a, i) => dataActivity(pdf, data.language, a, i, texts, notPrinted));
  });
}

function dataActivity(pdf: PdfWriter, lang: Lang, entry: RegisterutdragActivity, index: number, texts: Texts, notPrinted: readonly string[]) {
  const { t } = texts;
  const provided = entry.portability.applies ? entry.portability.provided : [];
  pdf.h2(t('activity.heading', { number: index + 1, name: entry.activity.name }));
  if (!entry.items.length && !provided.length) pdf.p(t('print.data.none'));
  for (const item of entry.items) dataItem(pdf, item, item.kind === 'document' ? t(documentPlace(item.id, texts, notPrinted)) : null, t);
  if (!provided.length) return;
  pdf.h3(t('print.data.portability'));
  for (const record of provided) providedRecord(pdf, record, lang, t);
}

/** Where the data pages say a document is: in the envelope after them, or, at the desk, printed after them or given separately. */
function documentPlace(itemId: string, { desk }: Texts, notPrinted: readonly string[]): string {
  if (!desk) return 'print.data.document';
  return notPrinted.includes(itemId) ? 'activity.released.deskNotPrinted' : 'print.data.deskDocument';
}

/** `where`: for a document, the sentence saying where it is. */
function dataItem(pdf: PdfWriter, item: ReleasedItem, where: string | null, t: T) {
  const notes = [item.description, item.kind === 'document' && item.masked ? t('activity.released.masked') : null, where];
  pdf.p([{ text: `${item.title}. `, bold: true }, { text: notes.filter(Boolean).join(' ') }], { gap: 3 });
  itemData(pdf, item.data);
}

function itemData(pdf: PdfWriter, data: ItemData | null) {
  if (data?.kind === 'fields' && data.fields.length) pdf.fields(data.fields.map((f) => [f.label, f.value]));
  if (data?.kind === 'text') for (const paragraph of paragraphs(data.text)) pdf.p(paragraph);
}

function providedRecord(pdf: PdfWriter, record: ProvidedRecord, lang: Lang, t: T) {
  const when = record.providedOn ? ` ${t('print.data.providedOn', { date: longDate(record.providedOn, lang) })}` : '';
  pdf.p([{ text: `${record.title}.`, bold: true }, { text: when }], { gap: 3 });
  if (record.fields.length) pdf.fields(record.fields.map((f) => [f.label, f.value]));
}

// ---------------------------------------------------------------------------------------------
// 4. The documents

type DocumentItem = Extract<ReleasedItem, { kind: 'document' }>;

/** Every released document in the följebrev's order; returns those left for printing by hand. */
async function appendDocuments(out: PDFDocument, data: RegisterutdragData, texts: Texts): Promise<NotPrinted[]> {
  const notPrinted: NotPrinted[] = [];
  let budget = MAX_PRINTED_DOCUMENT_BYTES;
  for (const item of data.activities.flatMap((a) => a.items)) {
    if (item.kind !== 'document') continue;
    const fits = item.file.size <= MAX_FILE_BYTES && item.file.size <= budget;
    const bytes = fits ? await readDocument(item) : null;
    if (bytes) budget -= bytes.length;
    const printed = bytes ? await appendDocument(out, bytes, item, data, texts) : false;
    if (printed) continue;
    await append(out, await PDFDocument.load(await renderNotice(item, data, texts)));
    notPrinted.push({ itemId: item.id, title: item.title, filename: item.file.filename });
  }
  return notPrinted;
}

/**
 * A document's bytes, checked against the SHA-256 and size the case holds for it, as the ZIP
 * does: a printout never carries other bytes than the ones reviewed.
 */
async function readDocument(item: DocumentItem): Promise<Buffer> {
  const { file } = item;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of file.open()) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    // A source that runs on past the stated size is wrong already; stop holding it.
    if (size > file.size) break;
    chunks.push(buffer);
  }
  const bytes = Buffer.concat(chunks);
  const digest = crypto.createHash('sha256').update(bytes).digest('hex');
  if (size !== file.size || digest !== file.sha256.toLowerCase()) {
    throw new Error(`Document ${item.id}: the bytes read (${size} bytes, SHA-256 ${digest}) are not the document's (${file.size} bytes, ${file.sha256})`);
  }
  return bytes;
}

/** Appends the document's pages; false when it cannot be read as a PDF, JPEG or PNG. */
async function appendDocument(out: PDFDocument, bytes: Buffer, item: DocumentItem, data: RegisterutdragData, texts: Texts): Promise<boolean> {
  const type = detectFileType(bytes) ?? item.file.mimeType;
  if (type === 'application/pdf') {
    const pages = await copiedPdfPages(out, bytes);
    pages?.forEach((page) => out.addPage(page));
    return !!pages;
  }
  if (type === 'image/jpeg' || type === 'image/png') {
    const image = await embeddedImage(out, bytes, type);
    if (!image) return false;
    await appendImagePage(out, image, item, data, texts);
    return true;
  }
  return false;
}

/**
 * The pages of a PDF, copied into `out` but not yet added, or null when it cannot be used:
 * broken, without pages, or encrypted (pdf-lib cannot decrypt; copying would print garbage).
 */
async function copiedPdfPages(out: PDFDocument, bytes: Buffer) {
  try {
    const source = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    if (source.isEncrypted || source.getPageCount() === 0) return null;
    return await out.copyPages(source, source.getPageIndices());
  } catch {
    return null;
  }
}

async function embeddedImage(out: PDFDocument, bytes: Buffer, type: 'image/jpeg' | 'image/png'): Promise<PDFImage | null> {
  // pdf-lib's JPEG reader views `bytes.buffer` from offset 0, and a Node Buffer is often a slice of a
  // shared pool: give it an array of its own.
  const own = new Uint8Array(bytes);
  try {
    return type === 'image/jpeg' ? await out.embedJpg(own) : await out.embedPng(own);
  } catch {
    return null;
  }
}

/** One A4 page: a header line naming the document, the image scaled to fit inside the margins. */
async function appendImagePage(out: PDFDocument, image: PDFImage, item: DocumentItem, data: RegisterutdragData, texts: Texts) {
  const sheet = await PDFDocument.load(await renderCaptionSheet(item, data, texts));
  const [page] = await out.copyPages(sheet, [0]);
  out.addPage(page!);
  const margin = mm(SHEET_MARGIN);
  const box = { width: page!.getWidth() - 2 * margin, height: page!.getHeight() - 2 * margin };
  const scale = Math.min(box.width / image.width, box.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  // pdf-lib measures from the bottom left: the image hangs from the top margin, centred.
  page!.drawImage(image, { x: margin + (box.width - width) / 2, y: page!.getHeight() - margin - height, width, height });
}

/** Options for a page of our own among the documents: no page numbers, the case in the footer. */
function sheetOptions(item: DocumentItem, data: RegisterutdragData, texts: Texts): PdfOptions {
  const { lt, docType } = texts;
  return {
    ...pdfOptions(data, texts, `${item.title} – ${data.diarienummer}`, docType),
    footer: `${data.pua.name}  ·  ${lt('common.dnr')} ${data.diarienummer}`,
    pageLabel: () => '',
  };
}

function renderCaptionSheet(item: DocumentItem, data: RegisterutdragData, texts: Texts): Promise<Buffer> {
  const caption = texts.t('print.document.caption', { title: item.title, filename: item.file.filename });
  return renderPdf(sheetOptions(item, data, texts), (pdf) => {
    const doc = pdf.doc;
    const x = mm(SHEET_MARGIN);
    doc
      .font(FONT.regular)
      .fontSize(8.5)
      .fillColor(COLOR.muted)
      .text(caption, x, mm(SHEET_MARGIN) - 14, { width: doc.page.width - 2 * x, height: 12, ellipsis: true });
  });
}

/** In place of a document that could not be printed: the person, or the staff, sees what is missing. */
function renderNotice(item: DocumentItem, data: RegisterutdragData, texts: Texts): Promise<Buffer> {
  const { t } = texts;
  return renderPdf(sheetOptions(item, data, texts), (pdf) => {
    pdf.h1(item.title);
    // For the staff: by post it goes in the envelope; at the desk there is none, but there is the ZIP.
    pdf.p(t(texts.desk ? 'print.document.deskNotPrinted' : 'print.document.notPrinted', { title: item.title }));
    pdf.p(t('print.document.file', { filename: item.file.filename }), { muted: true });
  });
}
