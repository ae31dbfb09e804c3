/**
 * Attachments (issue #4 "Attachments"): which files a resident may upload, recognised by their
 * content — never by the name or the Content-Type the browser claims — and how a file name from
 * a browser is made safe to store and show. Pure: also usable in the browser (e.g. `accept`).
 */

export const ALLOWED_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AllowedFileType = (typeof ALLOWED_FILE_TYPES)[number];

/** At most this many files per request (draft). */
export const MAX_FILES = 10;
/** At most this many bytes per file (10 MiB). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** For `<input type="file" accept=…>`: a hint for the file picker only, never a check. */
export const FILE_INPUT_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** What a file is for (the `attachments.purpose` column). */
export const ATTACHMENT_PURPOSES = ['fullmakt', 'custody', 'appointment', 'evidence', 'message', 'task', 'appeal'] as const;
export type AttachmentPurpose = (typeof ATTACHMENT_PURPOSES)[number];

export const isAttachmentPurpose = (value: unknown): value is AttachmentPurpose =>
  typeof value === 'string' && (ATTACHMENT_PURPOSES as readonly string[]).includes(value);

const SIGNATURES: ReadonlyArray<{ type: AllowedFileType; magic: readonly number[] }> = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // "%PDF-"
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The longest signature: this many leading bytes are enough for `detectFileType`. */
export const SNIFF_BYTES = Math.max(...SIGNATURES.map((s) => s.magic.length));

/** The type of a file from its first bytes, or null when it is not an allowed type. */
export function detectFileType(bytes: Uint8Array): AllowedFileType | null {
  for (const { type, magic } of SIGNATURES) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return type;
  }
  return null;
}

const EXTENSIONS: Record<AllowedFileType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

export const extensionFor = (type: AllowedFileType): string => EXTENSIONS[type];

/** Longest stored file name, in characters (code points), extension included. */
export const MAX_FILENAME_LENGTH = 120;

// C0/C1 control characters, bidirectional overrides/isolates and marks (the "gpj.exe" trick),
// zero-width characters and the byte order mark.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
// Reserved on Windows or awkward in a Content-Disposition header.
const RESERVED_CHARS = /[<>:"|?*;]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name that is safe to store, show and offer for download: the last path segment only,
 * NFC-normalised (macOS sends "å" as "a" + ring), without control or invisible characters,
 * without characters Windows rejects, without leading dots, and at most MAX_FILENAME_LENGTH
 * characters (the extension is kept when the name is shortened). Letters such as å, ä, ö stay.
 * An empty result becomes `fallback`.
 */
export function safeFilename(name: string, fallback = 'fil'): string {
  const base = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let clean = base
    .replace(INVISIBLE, '')
    .replace(RESERVED_CHARS, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const dot = clean.lastIndexOf('.');
  const stem = dot > 0 ? clean.slice(0, dot) : clean;
  if (WINDOWS_DEVICE.test(stem)) clean = `_${clean}`;
  return truncate(clean, MAX_FILENAME_LENGTH) || fallback;
}

function truncate(name: string, max: number): string {
  const chars = Array.from(name); // code points: never split a surrogate pair
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (ext.length === 0 || ext.length > 10) return chars.slice(0, max).join('').trimEnd();
  const stem = Array.from(name.slice(0, dot));
  return stem.slice(0, max - ext.length).join('').trimEnd() + ext.join('');
}

/**
 * A `Content-Disposition` header that makes the browser save the file (never render it inline)
 * under its stored name: an ASCII fallback for old clients and the UTF-8 name (RFC 6266/8187),
 * so "Överklagande.pdf" keeps its Ö.
 */
export function contentDisposition(filename: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const name = safeFilename(filename);
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/gu, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
