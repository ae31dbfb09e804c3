/**
 * Reading generated PDFs back in tests: the text a person (or a screen reader) gets, and the
 * catalog entries that make a PDF tagged. pdf.js's legacy build runs in Node without a canvas.
 */
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

async function open(buffer: Uint8Array): Promise<PDFDocumentProxy> {
  // pdf.js takes ownership of (detaches) the array it is given: pass a copy.
  return getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
}

/** All text of all pages, one line of the page per line, pages separated by a form feed. */
export async function pdfText(buffer: Uint8Array): Promise<string> {
  const pdf = await open(buffer);
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text);
    }
    return pages.join('\f');
  } finally {
    await pdf.destroy();
  }
}

/** The same text with every run of white space as one space: for phrases that may wrap. */
export async function pdfFlatText(buffer: Uint8Array): Promise<string> {
  return (await pdfText(buffer)).replace(/\s+/g, ' ');
}

type StructNode = { role?: string; children?: StructNode[]; type?: string };

/** What makes the PDF accessible: MarkInfo, language, title, and the structure roles used. */
export async function pdfAccessibility(buffer: Uint8Array) {
  const pdf = await open(buffer);
  try {
    const markInfo = await pdf.getMarkInfo();
    const info = (await pdf.getMetadata()).info as Record<string, unknown>;
    const roles = new Set<string>();
    const walk = (node: StructNode | null | undefined) => {
      if (!node) return;
      if (node.role) roles.add(node.role);
      node.children?.forEach(walk);
    };
    for (let n = 1; n <= pdf.numPages; n++) walk((await (await pdf.getPage(n)).getStructTree()) as StructNode);
    return {
      pages: pdf.numPages,
      marked: markInfo?.Marked === true,
      lang: typeof info.Language === 'string' ? info.Language : null,
      title: typeof info.Title === 'string' ? info.Title : null,
      author: typeof info.Author === 'string' ? info.Author : null,
      roles,
    };
  } finally {
    await pdf.destroy();
  }
}
