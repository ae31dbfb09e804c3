/**
 * Reading a form with file inputs (issue #4 "Attachments"). Everything a person can get wrong
 * with a file — too big, wrong type, too many, empty — comes back as a typed error next to the
 * text fields they entered, so the page can show an error summary and keep their input.
 *
 * Limits are enforced while the body streams in: a file part is held in memory only up to
 * `maxFileBytes`; a part over the limit, of the wrong type or beyond `maxFiles` is read to its end
 * and discarded chunk by chunk (the multipart parser would otherwise buffer the rest itself).
 * Only abuse that no browser sends is answered with a thrown `Response` (Remix's idiom, like
 * `validateCsrf`): a malformed body (400) or a body/field/part count over the hard limits (413).
 *
 * The files are in memory only: validate the CSRF token in `formData` before storing them.
 */
import { unstable_parseMultipartFormData, type UploadHandlerPart } from '@remix-run/node';
import { detectFileType, MAX_FILE_BYTES, MAX_FILES, safeFilename, SNIFF_BYTES, type AllowedFileType } from '~/domain/file-types';

export type UploadErrorCode = 'too-large' | 'wrong-type' | 'too-many' | 'empty';
/** `filename` is already made safe with `safeFilename`, for the error message. */
export type UploadError = { code: UploadErrorCode; filename: string };

export type UploadedFile = {
  /** Made safe with `safeFilename`. */
  filename: string;
  bytes: Uint8Array;
  /** Sniffed from the content; the browser's Content-Type is ignored. */
  mimeType: AllowedFileType;
  size: number;
};

export type ParsedUpload = {
  /** The text fields only (the CSRF token among them); never the files. */
  formData: FormData;
  /** Accepted files of `fieldName`, in the order they were sent. */
  files: UploadedFile[];
  errors: UploadError[];
};

export type UploadOptions = {
  /** The file input's name; file parts of other names are read and ignored. */
  fieldName: string;
  /** How many more files may be accepted (e.g. MAX_FILES minus those already in the draft). */
  maxFiles?: number;
  maxFileBytes?: number;
  /** Per text field; more is abuse (413). Default 256 KiB. */
  maxFieldBytes?: number;
  /** Whole body, discarded parts included; more is abuse (413). Default 2 × 10 × 10 MiB + 1 MiB. */
  maxRequestBytes?: number;
  /** Number of parts; more is abuse (413). Default 1000. */
  maxParts?: number;
};

const tooLarge = () => new Response('Payload Too Large', { status: 413 });
const badRequest = () => new Response('Bad Request', { status: 400 });

const isMalformed = (e: unknown) =>
  e instanceof Error && (/^malformed multipart/.test(e.message) || e.message === 'Could not parse content as FormData.');

function concat(chunks: Uint8Array[], size: number): Buffer {
  return Buffer.concat(chunks, size);
}

export async function parseUploadForm(request: Request, options: UploadOptions): Promise<ParsedUpload> {
  const maxFiles = Math.max(0, options.maxFiles ?? MAX_FILES);
  const maxFileBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  const maxFieldBytes = options.maxFieldBytes ?? 256 * 1024;
  const maxRequestBytes = options.maxRequestBytes ?? 2 * Math.max(maxFiles, MAX_FILES) * maxFileBytes + 1024 * 1024;
  const maxParts = options.maxParts ?? 1000;

  const declared = Number(request.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > maxRequestBytes) throw tooLarge();

  const contentType = request.headers.get('Content-Type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType)) return parsePlainForm(request, options.fieldName);

  const files: UploadedFile[] = [];
  const errors: UploadError[] = [];
  let requestBytes = 0;
  let parts = 0;

  /** Every byte of the body passes through here, kept or not. */
  async function* counted(part: UploadHandlerPart): AsyncGenerator<Uint8Array> {
    for await (const chunk of part.data) {
      requestBytes += chunk.byteLength;
      if (requestBytes > maxRequestBytes) throw tooLarge();
      yield chunk;
    }
  }

  async function drain(part: UploadHandlerPart): Promise<void> {
    for await (const _chunk of counted(part)) {
      // discarded
    }
  }

  async function textField(part: UploadHandlerPart): Promise<string> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of counted(part)) {
      size += chunk.byteLength;
      if (size > maxFieldBytes) throw tooLarge();
      chunks.push(chunk);
    }
    return new TextDecoder().decode(concat(chunks, size));
  }

  async function fileField(part: UploadHandlerPart): Promise<void> {
    const rawName = part.filename ?? '';
    const filename = safeFilename(rawName);
    if (files.length >= maxFiles) {
      // Still tell "no file chosen" (an empty part with no name) apart from an extra file.
      let size = 0;
      for await (const chunk of counted(part)) size += chunk.byteLength;
      if (size > 0 || rawName !== '') errors.push({ code: 'too-many', filename });
      return;
    }
    let state: 'reading' | 'too-large' | 'wrong-type' = 'reading';
    let mimeType: AllowedFileType | null = null;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of counted(part)) {
      size += chunk.byteLength;
      if (state !== 'reading') continue;
      if (size > maxFileBytes) {
        state = 'too-large';
        chunks.length = 0;
        continue;
      }
      chunks.push(chunk);
      if (mimeType === null && size >= SNIFF_BYTES) {
        mimeType = detectFileType(concat(chunks, size).subarray(0, SNIFF_BYTES));
        if (mimeType === null) {
          state = 'wrong-type';
          chunks.length = 0;
        }
      }
    }
    if (size === 0) {
      // Browsers send an empty, nameless part for a file input with no file chosen.
      if (rawName !== '') errors.push({ code: 'empty', filename });
      return;
    }
    if (state !== 'reading') {
      errors.push({ code: state, filename });
      return;
    }
    const bytes = concat(chunks, size);
    mimeType ??= detectFileType(bytes); // files shorter than SNIFF_BYTES
    if (mimeType === null) {
      errors.push({ code: 'wrong-type', filename });
      return;
    }
    files.push({ filename, bytes, mimeType, size });
  }

  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, async (part) => {
      if (++parts > maxParts) throw tooLarge();
      if (part.name === options.fieldName) {
        // A part without a filename is a text value, which the file field never has: ignored.
        if (part.filename === undefined) await drain(part);
        else await fileField(part);
        return undefined;
      }
      if (part.filename === undefined) return textField(part);
      await drain(part); // a file under another name
      return undefined;
    });
  } catch (e) {
    if (isMalformed(e)) throw badRequest();
    throw e;
  }
  return { formData, files, errors };
}

/** A form posted without `enctype="multipart/form-data"` carries no files, only text. */
async function parsePlainForm(request: Request, fieldName: string): Promise<ParsedUpload> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw badRequest();
  }
  const text = new FormData();
  for (const [key, value] of formData) {
    if (key !== fieldName && typeof value === 'string') text.append(key, value);
  }
  return { formData: text, files: [], errors: [] };
}
