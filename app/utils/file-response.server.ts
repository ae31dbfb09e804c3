import { contentDisposition } from '~/domain/file-types';

/**
 * A download of personal data: never cached (a shared computer's browser cache is not the
 * resident's), never sniffed into another type, always a download rather than rendered inline.
 */
export function fileResponse(file: { bytes: Uint8Array; filename: string; mimeType: string }): Response {
  // Buffers from the file store are backed by a plain ArrayBuffer, never a SharedArrayBuffer.
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Length': String(file.bytes.byteLength),
      'Content-Disposition': contentDisposition(file.filename),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
