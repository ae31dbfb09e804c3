/**
 * A small builder for the portal's letters and reports on pdfkit (ADR 009). Every document is a
 * tagged PDF in the spirit of PDF/UA: a structure tree in reading order (H1–H3, P, L/LI, Table),
 * the language and title in the catalog, real text in an embedded font, and everything that is
 * not content (running header, footer, rules) marked as an artifact.
 *
 * The renderers only say what goes on the page; the layout of an A4 letter lives here once.
 */
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Lang } from './types';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** A run of text in a paragraph; `bold` runs are used for a leading label. */
export type Run = { text: string; bold?: boolean };
export type Inline = string | Run[];

export type TableColumn = { header: string; /** Relative width. */ width: number; align?: 'left' | 'right' };

export type PdfOptions = {
  lang: Lang;
  /** The document title, shown in the viewer's title bar (`displayTitle`). */
  title: string;
  /** The organisation the document is from (Info /Author). */
  author: string;
  subject?: string;
  /** On pages 2 and on; page 1 has the letterhead. */
  runningHeader: { left: string; right?: string };
  /** Small print at the foot of every page, e.g. the PUA's postal address and e-mail. */
  footer?: string;
  /** "Sida 1 av 2" — the renderers pass the text from locales. */
  pageLabel: (page: number, pages: number) => string;
  /** For wide tables (the delegation report). */
  landscape?: boolean;
};

/*
 * Noto Sans (SIL OFL 1.1, app/documents/fonts/OFL.txt) ships with the repository so that a
 * letter looks the same on every machine and covers Swedish, the national minority languages'
 * letters (Sámi á č đ ŋ š ŧ ž, Finnish, Meänkieli) and names from most European alphabets.
 * Read from the working directory, like the locales: the Remix build bundles this module into
 * build/, so a path relative to the module would not survive the build.
 */
const FONT_DIR = path.resolve(process.cwd(), 'app/documents/fonts');
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts() {
  fonts ??= {
    regular: fs.readFileSync(path.join(FONT_DIR, 'NotoSans-Regular.ttf')),
    bold: fs.readFileSync(path.join(FONT_DIR, 'NotoSans-Bold.ttf')),
  };
  return fonts;
}

const REGULAR = 'NotoSans';
const BOLD = 'NotoSans-Bold';

/** Millimetres to points. */
const mm = (n: number) => (n * 72) / 25.4;

const PAGE = { size: 'A4' as const, margins: { top: mm(25), bottom: mm(24), left: mm(25), right: mm(20) } };
const COLOR = { text: '#0b0c0c', muted: '#505a5f', rule: '#b1b4b6', fill: '#f3f2f1' };
const SIZE = { body: 10.5, small: 8.5, h1: 16, h2: 12.5, h3: 11 };
const LINE_GAP = 2.5;
const PARAGRAPH_GAP = 7;

/**
 * pdfkit writes Title, Author and Subject into the XMP metadata without escaping them, so an
 * organisation called "Vatten & Miljö AB" would make the XML invalid. The Info dictionary reads
 * the string's value, the XMP template its `toString()`: this string gives each what it needs.
 */
class XmpSafeString extends String {
  toString(): string {
    return this.valueOf().replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  }
}

export class PdfWriter {
  private readonly root: Struct;
  private readonly width: number;
  private readonly left: number;

  private readonly page: typeof PAGE & { layout: 'portrait' | 'landscape' };

  constructor(
    readonly doc: Doc,
    private readonly options: PdfOptions,
  ) {
    this.page = { ...PAGE, layout: options.landscape ? 'landscape' : 'portrait' };
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
    this.left = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  }

  /**
   * The top of page 1, as in a Swedish municipal letter: the sender to the left, the kind of
   * document, date and diarienummer to the right, and below them the addressee.
   */
  letterhead(head: { sender: string; unit?: string; docType: string; fields: [string, string][]; addressee?: string[] }) {
    const doc = this.doc;
    const top = mm(15);
    const rightX = this.left + this.width * 0.56;
    const leftWidth = rightX - this.left - mm(8);
    const rightWidth = this.left + this.width - rightX;

    this.add('P', () => {
      doc.font(BOLD).fontSize(14).fillColor(COLOR.text).text(`${head.sender} `, this.left, top, { width: leftWidth, lineGap: 1 });
      if (head.unit) doc.font(REGULAR).fontSize(SIZE.body).text(`${head.unit} `, { width: leftWidth, lineGap: LINE_GAP });
    });
    const leftBottom = doc.y;

    this.add('P', () => {
      doc.font(BOLD).fontSize(12).fillColor(COLOR.text).text(`${head.docType} `, rightX, top + 1, { width: rightWidth });
    });
    doc.moveDown(0.3);
    for (const [label, value] of head.fields) {
      this.add('P', () => {
        doc.font(REGULAR).fontSize(SIZE.small).fillColor(COLOR.muted).text(`${label} `, rightX, doc.y, { width: rightWidth });
        doc.font(REGULAR).fontSize(SIZE.body).fillColor(COLOR.text).text(`${value} `, { width: rightWidth });
      });
      doc.moveDown(0.2);
    }
    if (head.addressee?.length) {
      doc.y = Math.max(doc.y + mm(6), top + mm(30));
      const lines = head.addressee;
      this.add('P', () => {
        doc.font(REGULAR).fontSize(SIZE.body).fillColor(COLOR.text).text(`${lines.join('\n')} `, rightX, doc.y, { width: rightWidth, lineGap: LINE_GAP });
      });
    }
    doc.y = Math.max(doc.y, leftBottom) + mm(10);
    doc.x = this.left;
  }

  h1(text: string) {
    this.heading('H1', text, SIZE.h1, 0.6);
  }

  h2(text: string) {
    this.heading('H2', text, SIZE.h2, 0.9);
  }

  h3(text: string) {
    this.heading('H3', text, SIZE.h3, 0.5);
  }

  p(text: Inline, opts: { muted?: boolean; size?: number; gap?: number } = {}) {
    const runs = typeof text === 'string' ? [{ text }] : text;
    const size = opts.size ?? SIZE.body;
    this.ensureSpace(this.lineHeight(size) * 2);
    this.add('P', () => this.runs(runs, size, opts.muted ? COLOR.muted : COLOR.text, this.left, this.width));
    this.doc.y += opts.gap ?? PARAGRAPH_GAP;
  }

  /** Several short lines that belong together (an address), as one paragraph. */
  lines(lines: Inline[], opts: { gap?: number } = {}) {
    if (!lines.length) return;
    this.ensureSpace(this.lineHeight(SIZE.body) * Math.min(lines.length, 3));
    this.add('P', () => {
      lines.forEach((line) => {
        const runs = typeof line === 'string' ? [{ text: line }] : line;
        this.runs(runs, SIZE.body, COLOR.text, this.left, this.width);
      });
    });
    this.doc.y += opts.gap ?? PARAGRAPH_GAP;
  }

  /** A bulleted or numbered list (L > LI > Lbl + LBody). */
  list(items: Inline[], opts: { numbered?: boolean } = {}) {
    const doc = this.doc;
    const list = doc.struct('L');
    this.root.add(list);
    const indent = opts.numbered ? 20 : 14;
    items.forEach((item, i) => {
      const runs = typeof item === 'string' ? [{ text: item }] : item;
      this.ensureSpace(this.lineHeight(SIZE.body) * 2);
      const li = doc.struct('LI');
      list.add(li);
      const y = doc.y;
      const label = opts.numbered ? `${i + 1}.` : '•';
      li.add(
        doc.struct('Lbl', {}, () => {
          doc.font(REGULAR).fontSize(SIZE.body).fillColor(COLOR.text).text(`${label} `, this.left + 2, y, { width: indent, lineBreak: false });
        }),
      );
      li.add(doc.struct('LBody', {}, () => this.runs(runs, SIZE.body, COLOR.text, this.left + indent, this.width - indent, y)));
      li.end();
      doc.y += 3;
    });
    list.end();
    doc.y += PARAGRAPH_GAP - 3;
    doc.x = this.left;
  }

  /**
   * A table with a header row, repeated (as an artifact) on every page it runs onto. With
   * `rowHeaders` the first column heads its row: used for label–value pairs without a header row.
   */
  table(columns: TableColumn[], rows: string[][], opts: { header?: boolean; rowHeaders?: boolean; size?: number; zebra?: boolean } = {}) {
    const doc = this.doc;
    const header = opts.header ?? true;
    const size = opts.size ?? SIZE.body;
    const pad = { x: 4, y: 3 };
    const total = columns.reduce((a, c) => a + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, w) => a + w, 0));

    const cellHeight = (text: string, i: number, bold: boolean) =>
      doc
        .font(bold ? BOLD : REGULAR)
        .fontSize(size)
        .heightOfString(text || ' ', { width: widths[i]! - 2 * pad.x, lineGap: 1 });
    const rowHeight = (cells: string[], boldFirst: boolean, allBold = false) =>
      Math.max(...cells.map((c, i) => cellHeight(c, i, allBold || (boldFirst && i === 0)))) + 2 * pad.y;

    const drawCell = (text: string, i: number, y: number, bold: boolean) => {
      doc
        .font(bold ? BOLD : REGULAR)
        .fontSize(size)
        .fillColor(COLOR.text)
        .text(`${text} `, xs[i]! + pad.x, y + pad.y, { width: widths[i]! - 2 * pad.x, lineGap: 1, align: columns[i]!.align ?? 'left' });
    };
    const headerCells = columns.map((c) => c.header);
    const headerHeight = header ? rowHeight(headerCells, false, true) : 0;

    const drawHeaderBackground = (y: number) => {
      this.artifact('Layout', () => {
        doc.save().rect(this.left, y, this.width, headerHeight).fill(COLOR.fill).restore();
        doc.save().moveTo(this.left, y + headerHeight).lineTo(this.left + this.width, y + headerHeight).lineWidth(0.8).strokeColor(COLOR.text).stroke().restore();
      });
    };
    /** The header again at the top of a continuation page: decoration, the structure has it once. */
    const repeatHeader = () => {
      const y = doc.y;
      drawHeaderBackground(y);
      this.artifact('Pagination', () => headerCells.forEach((text, i) => drawCell(text, i, y, true)));
      doc.y = y + headerHeight;
    };

    const table = doc.struct('Table');
    this.root.add(table);
    if (header) {
      this.ensureSpace(headerHeight + rowHeight(rows[0] ?? [''], !!opts.rowHeaders) + 2);
      const thead = doc.struct('THead');
      table.add(thead);
      const tr = doc.struct('TR');
      thead.add(tr);
      const y = doc.y;
      drawHeaderBackground(y);
      headerCells.forEach((text, i) => tr.add(this.cell('TH', 'Column', () => drawCell(text, i, y, true))));
      tr.end();
      thead.end();
      doc.y = y + headerHeight;
    }
    const tbody = doc.struct('TBody');
    table.add(tbody);
    rows.forEach((cells, r) => {
      const height = rowHeight(cells, !!opts.rowHeaders);
      if (doc.y + height > this.maxY()) {
        this.newPage();
        if (header) repeatHeader();
      }
      const y = doc.y;
      this.artifact('Layout', () => {
        if (opts.zebra && r % 2 === 1) doc.save().rect(this.left, y, this.width, height).fill('#f8f8f7').restore();
        doc.save().moveTo(this.left, y + height).lineTo(this.left + this.width, y + height).lineWidth(0.4).strokeColor(COLOR.rule).stroke().restore();
      });
      const tr = doc.struct('TR');
      tbody.add(tr);
      cells.forEach((text, i) => {
        const isRowHeader = !!opts.rowHeaders && i === 0;
        tr.add(this.cell(isRowHeader ? 'TH' : 'TD', isRowHeader ? 'Row' : null, () => drawCell(text, i, y, isRowHeader)));
      });
      tr.end();
      doc.y = y + height;
    });
    tbody.end();
    table.end();
    doc.x = this.left;
    doc.y += PARAGRAPH_GAP + 4;
  }

  /** Two blocks of lines side by side, read left then right (contact details). */
  twoColumns(left: Inline[], right: Inline[]) {
    const doc = this.doc;
    const gap = mm(8);
    const w = (this.width - gap) / 2;
    const height = (lines: Inline[]) =>
      lines.reduce<number>((h, l) => h + doc.font(REGULAR).fontSize(SIZE.body).heightOfString(typeof l === 'string' ? l : l.map((r) => r.text).join(''), { width: w, lineGap: LINE_GAP }), 0);
    this.ensureSpace(Math.max(height(left), height(right)) + 4);
    const top = doc.y;
    const block = (lines: Inline[], x: number) => {
      if (!lines.length) return top;
      this.add('P', () => {
        doc.y = top;
        lines.forEach((line) => this.runs(typeof line === 'string' ? [{ text: line }] : line, SIZE.body, COLOR.text, x, w));
      });
      return doc.y;
    };
    const bottom = Math.max(block(left, this.left), block(right, this.left + w + gap));
    doc.x = this.left;
    doc.y = bottom + PARAGRAPH_GAP;
  }

  /** Label–value pairs ("Diarienummer: BN 2026/00123") as a two-column table with row headers. */
  fields(pairs: [string, string][], opts: { labelWidth?: number } = {}) {
    const lw = opts.labelWidth ?? 0.3;
    this.table(
      [
        { header: '', width: lw },
        { header: '', width: 1 - lw },
      ],
      pairs.map(([k, v]) => [k, v]),
      { header: false, rowHeaders: true },
    );
  }

  space(points: number) {
    this.doc.y += points;
  }

  /** Start a new page when less than `height` is left, so that a heading keeps with its text. */
  ensureSpace(height: number) {
    if (this.doc.y + height > this.maxY()) this.newPage();
  }

  private maxY() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  private newPage() {
    this.doc.addPage(this.page);
    this.doc.x = this.left;
  }

  private lineHeight(size: number) {
    return this.doc.font(REGULAR).fontSize(size).currentLineHeight(true) + LINE_GAP;
  }

  private heading(tag: 'H1' | 'H2' | 'H3', text: string, size: number, after: number) {
    const doc = this.doc;
    if (tag !== 'H1') doc.y += size * 0.6;
    // Keep a heading with at least three lines of what follows it.
    this.ensureSpace(this.lineHeight(size) + this.lineHeight(SIZE.body) * 3);
    this.add(tag, () => {
      doc.font(BOLD).fontSize(size).fillColor(COLOR.text).text(`${text} `, this.left, doc.y, { width: this.width, lineGap: 1 });
    });
    doc.y += size * after * 0.5;
  }

  private runs(runs: Run[], size: number, color: string, x: number, width: number, y = this.doc.y) {
    const doc = this.doc;
    doc.fillColor(color).fontSize(size);
    runs.forEach((run, i) => {
      const last = i === runs.length - 1;
      doc.font(run.bold ? BOLD : REGULAR);
      const text = last ? `${run.text} ` : run.text;
      if (i === 0) doc.text(text, x, y, { width, lineGap: LINE_GAP, continued: !last });
      else doc.text(text, { width, lineGap: LINE_GAP, continued: !last });
    });
    doc.x = this.left;
  }

  private add(tag: string, draw: () => void) {
    this.root.add(this.doc.struct(tag, {}, draw));
  }

  /** A table cell; header cells carry their scope so a screen reader can announce them. */
  private cell(tag: 'TH' | 'TD', scope: 'Column' | 'Row' | null, draw: () => void): Struct {
    const el = this.doc.struct(tag, {}, draw);
    if (scope) {
      // pdfkit has no option for structure attributes; its own table sets them the same way.
      (el as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = { O: 'Table', Scope: scope };
    }
    return el;
  }

  private artifact(type: 'Layout' | 'Pagination', draw: () => void) {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** One line ending at the right margin, never wrapped. */
  private rightAligned(text: string, y: number) {
    const w = this.doc.widthOfString(text);
    this.doc.text(text, this.left + this.width - w, y, { lineBreak: false });
  }

  /** Running header (page 2 on) and footer with "Sida n av m", drawn once every page exists. */
  finishPages() {
    const doc = this.doc;
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      const page = doc.page;
      const bottom = page.margins.bottom;
      // Writing inside the bottom margin would make pdfkit start a new page.
      page.margins.bottom = 0;
      const footerY = page.height - mm(15);
      this.artifact('Pagination', () => {
        doc.save().moveTo(this.left, footerY - 6).lineTo(this.left + this.width, footerY - 6).lineWidth(0.4).strokeColor(COLOR.rule).stroke().restore();
        const label = this.options.pageLabel(i - start + 1, count);
        doc.font(REGULAR).fontSize(SIZE.small).fillColor(COLOR.muted);
        const labelWidth = doc.widthOfString(label);
        this.rightAligned(label, footerY);
        if (this.options.footer) {
          doc.fontSize(SIZE.small - 0.5).text(this.options.footer, this.left, footerY, { width: this.width - labelWidth - mm(10), lineGap: 1 });
        }
        if (i > start) {
          const headerY = mm(12);
          const { left, right } = this.options.runningHeader;
          doc.font(REGULAR).fontSize(SIZE.small).fillColor(COLOR.muted);
          const rightWidth = right ? doc.widthOfString(right) : 0;
          doc.text(left, this.left, headerY, { width: this.width - rightWidth - mm(10), height: SIZE.small * 1.5, ellipsis: true });
          if (right) this.rightAligned(right, headerY);
          doc.save().moveTo(this.left, headerY + 14).lineTo(this.left + this.width, headerY + 14).lineWidth(0.4).strokeColor(COLOR.rule).stroke().restore();
        }
      });
      page.margins.bottom = bottom;
    }
  }
}

const LANG_TAG: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

/** Lays out a document with `draw` and returns the PDF's bytes. */
export function renderPdf(options: PdfOptions, draw: (pdf: PdfWriter) => void): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    ...PAGE,
    layout: options.landscape ? 'landscape' : 'portrait',
    pdfVersion: '1.7',
    // pdfkit's types lag behind its PDF/UA support (accessibility.md: `subset: 'PDF/UA'`).
    subset: 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets,
    tagged: true,
    lang: LANG_TAG[options.lang],
    displayTitle: true,
    bufferPages: true,
    font: regular as unknown as string,
    info: {
      Title: new XmpSafeString(options.title) as unknown as string,
      Author: new XmpSafeString(options.author) as unknown as string,
      ...(options.subject ? { Subject: new XmpSafeString(options.subject) as unknown as string } : {}),
      Creator: 'Dataskyddsportalen',
    },
  });
  doc.registerFont(REGULAR, regular);
  doc.registerFont(BOLD, bold);
  doc.font(REGULAR);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    const writer = new PdfWriter(doc, options);
    draw(writer);
    writer.finishPages();
  } catch (err) {
    // Leave no half-written document behind; the caller gets the layout error.
    doc.removeAllListeners('data');
    doc.end();
    return Promise.reject(err);
  }
  doc.end();
  return done;
}
