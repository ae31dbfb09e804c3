import { describe, expect, it } from 'vitest';
import {
  contentDisposition,
  detectFileType,
  extensionFor,
  isAttachmentPurpose,
  MAX_FILE_BYTES,
  MAX_FILENAME_LENGTH,
  MAX_FILES,
  safeFilename,
  SNIFF_BYTES,
} from './file-types';

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => new TextEncoder().encode(s);

describe('detectFileType', () => {
  it.each([
    ['PDF', ascii('%PDF-1.7\n%âãÏÓ\n'), 'application/pdf'],
    ['PDF, minimal header', ascii('%PDF-'), 'application/pdf'],
    ['JPEG (JFIF)', bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46), 'image/jpeg'],
    ['JPEG (Exif)', bytes(0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34), 'image/jpeg'],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d), 'image/png'],
    ['empty', bytes(), null],
    ['"%PDF" without the dash', ascii('%PDF1.7'), null],
    ['PDF signature not at the start', ascii(' %PDF-1.7'), null],
    ['lower-case "%pdf-"', ascii('%pdf-1.7'), null],
    ['truncated JPEG signature', bytes(0xff, 0xd8), null],
    ['truncated PNG signature', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a), null],
    ['PNG with a mangled line ending (text-mode transfer)', bytes(0x89, 0x50, 0x4e, 0x47, 0x0a, 0x1a, 0x0a, 0x00), null],
    ['GIF', ascii('GIF89a'), null],
    ['Windows executable', ascii('MZ\x90\x00'), null],
    ['ZIP / docx', bytes(0x50, 0x4b, 0x03, 0x04), null],
    ['HTML', ascii('<!doctype html><script>'), null],
    ['SVG', ascii('<svg xmlns="http://www.w3.org/2000/svg">'), null],
    ['WebP', ascii('RIFF\x00\x00\x00\x00WEBP'), null],
  ])('%s', (_name, input, expected) => {
    expect(detectFileType(input)).toBe(expected);
  });

  it('needs at most SNIFF_BYTES leading bytes', () => {
    expect(SNIFF_BYTES).toBe(8);
  });

  it('has the limits of issue #4', () => {
    expect(MAX_FILES).toBe(10);
    expect(MAX_FILE_BYTES).toBe(10_485_760);
  });

  it.each([
    ['application/pdf', 'pdf'],
    ['image/jpeg', 'jpg'],
    ['image/png', 'png'],
  ] as const)('extensionFor(%s) = %s', (type, ext) => {
    expect(extensionFor(type)).toBe(ext);
  });

  it('knows the attachment purposes', () => {
    expect(isAttachmentPurpose('fullmakt')).toBe(true);
    expect(isAttachmentPurpose('evidence')).toBe(true);
    expect(isAttachmentPurpose('secret')).toBe(false);
    expect(isAttachmentPurpose(undefined)).toBe(false);
  });
});

describe('safeFilename', () => {
  it.each([
    ['plain name', 'fullmakt.pdf', 'fullmakt.pdf'],
    ['keeps åäö and ÅÄÖ', 'Överförmyndarens beslut – Åsa Ärlig.pdf', 'Överförmyndarens beslut – Åsa Ärlig.pdf'],
    ['NFC-normalises decomposed å (macOS)', 'Fo\u0308rsa\u030akringskassan.pdf', 'Försåkringskassan.pdf'],
    ['strips a Unix path', '/home/anna/Dokument/intyg.png', 'intyg.png'],
    ['strips a Windows path', 'C:\\Users\\anna\\Desktop\\intyg.jpg', 'intyg.jpg'],
    ['path traversal', '../../etc/passwd', 'passwd'],
    ['only dots', '..', 'fil'],
    ['leading dots (hidden file)', '.htaccess', 'htaccess'],
    ['trailing dots and spaces', 'beslut.pdf. . ', 'beslut.pdf'],
    ['control characters', 'be\u0000slut\r\n\t.pdf', 'beslut.pdf'],
    ['C1 control and DEL', 'be\u0085sl\u007fut.pdf', 'beslut.pdf'],
    ['right-to-left override trick', 'faktura\u202Efdp.exe', 'fakturafdp.exe'],
    ['zero-width and BOM', '\ufeffin\u200btyg.pdf', 'intyg.pdf'],
    ['characters Windows rejects', 'a<b>c:d"e|f?g*h.pdf', 'a_b_c_d_e_f_g_h.pdf'],
    ['collapses whitespace', '  mitt   \t intyg .pdf ', 'mitt intyg .pdf'],
    ['Windows device name', 'CON.pdf', '_CON.pdf'],
    ['empty', '', 'fil'],
    ['whitespace only', ' \t ', 'fil'],
    ['emoji stay intact', 'kvitto 🧾.png', 'kvitto 🧾.png'],
  ])('%s', (_name, input, expected) => {
    expect(safeFilename(input)).toBe(expected);
  });

  it('uses the given fallback for an empty name', () => {
    expect(safeFilename('', 'bilaga')).toBe('bilaga');
  });

  it('limits the length and keeps the extension', () => {
    const out = safeFilename(`${'å'.repeat(300)}.pdf`);
    expect(Array.from(out)).toHaveLength(MAX_FILENAME_LENGTH);
    expect(out.endsWith('åå.pdf')).toBe(true);
  });

  it('limits a long name without an extension', () => {
    expect(Array.from(safeFilename('x'.repeat(500)))).toHaveLength(MAX_FILENAME_LENGTH);
  });

  it('never splits a surrogate pair when shortening', () => {
    const out = safeFilename(`${'🧾'.repeat(200)}.png`);
    expect(Array.from(out)).toHaveLength(MAX_FILENAME_LENGTH);
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(out.endsWith('.png')).toBe(true);
  });

  it('is idempotent', () => {
    for (const name of ['../a/..b.pdf', 'CON.pdf', `${'ö'.repeat(200)}.jpeg`, 'x\u202E.png']) {
      expect(safeFilename(safeFilename(name))).toBe(safeFilename(name));
    }
  });
});

describe('contentDisposition', () => {
  it.each([
    ['intyg.pdf', `attachment; filename="intyg.pdf"; filename*=UTF-8''intyg.pdf`],
    ['Överklagande å.pdf', `attachment; filename="Overklagande a.pdf"; filename*=UTF-8''%C3%96verklagande%20%C3%A5.pdf`],
    ['"50%" rabatt.pdf', `attachment; filename="_50__ rabatt.pdf"; filename*=UTF-8''_50%25_%20rabatt.pdf`],
    ["it's (1).pdf", `attachment; filename="it's (1).pdf"; filename*=UTF-8''it%27s%20%281%29.pdf`],
    ['kvitto 🧾.png', `attachment; filename="kvitto _.png"; filename*=UTF-8''kvitto%20%F0%9F%A7%BE.png`],
    ['rad\r\nSet-Cookie: x=1', `attachment; filename="radSet-Cookie_ x=1"; filename*=UTF-8''radSet-Cookie_%20x%3D1`],
  ])('%j', (name, header) => {
    expect(contentDisposition(name)).toBe(header);
  });

  it('can be inline', () => {
    expect(contentDisposition('a.png', 'inline')).toBe(`inline; filename="a.png"; filename*=UTF-8''a.png`);
  });
});
