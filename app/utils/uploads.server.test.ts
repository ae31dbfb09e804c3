import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, MAX_FILES } from '~/domain/file-types';
import { parseUploadForm, type ParsedUpload } from './uploads.server';

const URL_ = 'http://localhost/ansokan/bilagor';
const PDF = (body = 'hej') => new TextEncoder().encode(`%PDF-1.7\n${body}\n%%EOF\n`);
const JPEG = () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const PNG = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);

function post(form: FormData): Request {
  return new Request(URL_, { method: 'POST', body: form });
}

function form(fields: Record<string, string>, files: File[] = [], fieldName = 'bilagor'): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const f of files) fd.append(fieldName, f);
  return fd;
}

const parse = (request: Request, options: Partial<Parameters<typeof parseUploadForm>[1]> = {}) =>
  parseUploadForm(request, { fieldName: 'bilagor', ...options });

const summary = (r: ParsedUpload) => ({
  fields: [...r.formData.entries()],
  files: r.files.map((f) => [f.filename, f.mimeType, f.size]),
  errors: r.errors.map((e) => [e.code, e.filename]),
});

async function thrownStatus(p: Promise<unknown>): Promise<number | undefined> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  return e instanceof Response ? e.status : undefined;
}

describe('parseUploadForm', () => {
  it('returns the text fields and the sniffed files', async () => {
    const r = await parse(post(form(
      { csrf: 'token', beskrivning: 'Det gäller min dotter – Åsa', purpose: 'fullmakt' },
      [new File([PDF()], 'fullmakt.pdf', { type: 'application/pdf' }), new File([JPEG()], 'foto.jpg'), new File([PNG()], 'skärmbild.png')],
    )));
    expect(summary(r)).toEqual({
      fields: [['csrf', 'token'], ['beskrivning', 'Det gäller min dotter – Åsa'], ['purpose', 'fullmakt']],
      files: [['fullmakt.pdf', 'application/pdf', PDF().length], ['foto.jpg', 'image/jpeg', 10], ['skärmbild.png', 'image/png', 12]],
      errors: [],
    });
    expect(Buffer.from(r.files[0]!.bytes).equals(Buffer.from(PDF()))).toBe(true);
  });

  it('detects the type by content: the name and the claimed Content-Type are ignored', async () => {
    const r = await parse(post(form({}, [
      new File([PDF()], 'bild.png', { type: 'image/png' }),
      new File([new TextEncoder().encode('<script>alert(1)</script>')], 'intyg.pdf', { type: 'application/pdf' }),
      new File([new TextEncoder().encode('MZ\u0090\u0000 not really')], 'faktura.pdf.exe'),
    ])));
    expect(summary(r)).toEqual({
      fields: [],
      files: [['bild.png', 'application/pdf', PDF().length]],
      errors: [['wrong-type', 'intyg.pdf'], ['wrong-type', 'faktura.pdf.exe']],
    });
  });

  it('recognises a file shorter than the longest signature', async () => {
    const r = await parse(post(form({}, [new File([new Uint8Array([0xff, 0xd8, 0xff])], 'liten.jpg'), new File(['%PD'], 'kort.pdf')])));
    expect(summary(r).files).toEqual([['liten.jpg', 'image/jpeg', 3]]);
    expect(summary(r).errors).toEqual([['wrong-type', 'kort.pdf']]);
  });

  it('reports a file over the limit and keeps the other files and fields', async () => {
    const big = new Uint8Array(1001);
    big.set(PDF());
    const exact = new Uint8Array(1000);
    exact.set(PDF());
    const r = await parse(post(form({ namn: 'Anna' }, [new File([big], 'stor.pdf'), new File([exact], 'lagom.pdf')])), { maxFileBytes: 1000 });
    expect(summary(r)).toEqual({
      fields: [['namn', 'Anna']],
      files: [['lagom.pdf', 'application/pdf', 1000]],
      errors: [['too-large', 'stor.pdf']],
    });
  });

  it('uses 10 MiB as the default limit', async () => {
    const over = new Uint8Array(MAX_FILE_BYTES + 1);
    over.set(PDF());
    const r = await parse(post(form({}, [new File([over], 'skanning.pdf'), new File([over.subarray(0, MAX_FILE_BYTES)], 'precis.pdf')])));
    expect(summary(r).errors).toEqual([['too-large', 'skanning.pdf']]);
    expect(summary(r).files).toEqual([['precis.pdf', 'application/pdf', MAX_FILE_BYTES]]);
  });

  it('reports files beyond maxFiles as too many, keeping the first ones', async () => {
    const files = Array.from({ length: 4 }, (_, i) => new File([PDF(String(i))], `bilaga-${i + 1}.pdf`));
    const r = await parse(post(form({}, files)), { maxFiles: 2 });
    expect(summary(r).files.map((f) => f[0])).toEqual(['bilaga-1.pdf', 'bilaga-2.pdf']);
    expect(summary(r).errors).toEqual([['too-many', 'bilaga-3.pdf'], ['too-many', 'bilaga-4.pdf']]);
  });

  it('defaults to MAX_FILES and counts only accepted files against it', async () => {
    const files = [new File(['nej'], 'fel.txt'), ...Array.from({ length: MAX_FILES + 1 }, (_, i) => new File([PDF(String(i))], `b${i}.pdf`))];
    const r = await parse(post(form({}, files)));
    expect(r.files).toHaveLength(MAX_FILES);
    expect(summary(r).errors).toEqual([['wrong-type', 'fel.txt'], ['too-many', `b${MAX_FILES}.pdf`]]);
  });

  it('maxFiles 0 (draft already full) rejects every file', async () => {
    const r = await parse(post(form({ csrf: 't' }, [new File([PDF()], 'en.pdf')])), { maxFiles: 0 });
    expect(summary(r)).toEqual({ fields: [['csrf', 't']], files: [], errors: [['too-many', 'en.pdf']] });
  });

  it('ignores the empty part a browser sends when no file was chosen', async () => {
    // What a browser sends for <input type="file"> left empty: filename="" and no content.
    const browserBody = (boundary: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\nt\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="bilagor"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n` +
      `--${boundary}--\r\n`;
    const browser = (options = {}) =>
      parse(new Request(URL_, { method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=----WebKitFormBoundaryX' }, body: browserBody('----WebKitFormBoundaryX') }), options);
    expect(summary(await browser())).toEqual({ fields: [['csrf', 't']], files: [], errors: [] });
    expect(summary(await browser({ maxFiles: 0 }))).toEqual({ fields: [['csrf', 't']], files: [], errors: [] });
    // Node's FormData leaves out an empty filename altogether: also ignored, not a text field.
    const r = await parse(post(form({ csrf: 't' }, [new File([], '', { type: 'application/octet-stream' })])));
    expect(summary(r)).toEqual({ fields: [['csrf', 't']], files: [], errors: [] });
  });

  it('reports a chosen file that is empty', async () => {
    const r = await parse(post(form({}, [new File([], 'tom.pdf', { type: 'application/pdf' })])));
    expect(summary(r)).toEqual({ fields: [], files: [], errors: [['empty', 'tom.pdf']] });
  });

  it('makes file names safe', async () => {
    const r = await parse(post(form({}, [new File([PDF()], 'be\u202Eslut\u0007.pdf'), new File(['x'], 'Förs\u0308lag<1>.txt')])));
    expect(r.files[0]!.filename).toBe('beslut.pdf');
    expect(r.errors[0]!.filename).toBe('Förs\u0308lag_1_.txt'.normalize('NFC'));
  });

  it('ignores files sent under another field name and never puts files in formData', async () => {
    const fd = form({ csrf: 't' }, [new File([PDF()], 'a.pdf')]);
    fd.append('annat', new File([PDF()], 'b.pdf'));
    fd.append('annat', new Blob([PDF()]));
    const r = await parse(post(fd));
    expect(summary(r)).toEqual({ fields: [['csrf', 't']], files: [['a.pdf', 'application/pdf', PDF().length]], errors: [] });
  });

  it('keeps repeated text fields and multi-byte text split across chunks', async () => {
    const long = 'åäö€🧾'.repeat(20_000); // > 64 KiB, multi-byte characters cross chunk borders
    const fd = form({ right: 'rattelse' });
    fd.append('right', 'radering');
    fd.append('text', long);
    const r = await parse(post(fd));
    expect(r.formData.getAll('right')).toEqual(['rattelse', 'radering']);
    expect(r.formData.get('text')).toBe(long);
  });

  it('answers a form without multipart encoding with its text fields and no files', async () => {
    const body = new URLSearchParams({ csrf: 't', namn: 'Åsa', bilagor: 'fullmakt.pdf' });
    const r = await parse(new Request(URL_, { method: 'POST', body }));
    expect(summary(r)).toEqual({ fields: [['csrf', 't'], ['namn', 'Åsa']], files: [], errors: [] });
  });

  describe('abuse is a 4xx, never a 500', () => {
    it('a malformed multipart body is 400', async () => {
      const request = new Request(URL_, {
        method: 'POST',
        headers: { 'Content-Type': 'multipart/form-data; boundary=XYZ' },
        body: '--XYZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated',
      });
      expect(await thrownStatus(parse(request))).toBe(400);
    });

    it('a part without Content-Disposition is 400', async () => {
      const request = new Request(URL_, {
        method: 'POST',
        headers: { 'Content-Type': 'multipart/form-data; boundary=XYZ' },
        body: '--XYZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XYZ--\r\n',
      });
      expect(await thrownStatus(parse(request))).toBe(400);
    });

    it('a body that is neither multipart nor a form is 400', async () => {
      const request = new Request(URL_, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' });
      expect(await thrownStatus(parse(request))).toBe(400);
    });

    it('a declared Content-Length over the request limit is 413 before reading', async () => {
      const request = new Request(URL_, {
        method: 'POST',
        headers: { 'Content-Type': 'multipart/form-data; boundary=XYZ', 'Content-Length': '5000' },
        body: new ReadableStream({ pull: () => { throw new Error('must not be read'); } }),
        duplex: 'half',
      } as RequestInit);
      expect(await thrownStatus(parse(request, { maxRequestBytes: 4000 }))).toBe(413);
    });

    it('a streamed body over the request limit is 413', async () => {
      const files = Array.from({ length: 5 }, (_, i) => new File([new Uint8Array(1000).fill(i)], `f${i}.pdf`));
      expect(await thrownStatus(parse(post(form({}, files)), { maxRequestBytes: 3000 }))).toBe(413);
    });

    it('an enormous text field is 413', async () => {
      expect(await thrownStatus(parse(post(form({ text: 'x'.repeat(2000) })), { maxFieldBytes: 1000 }))).toBe(413);
    });

    it('too many parts is 413', async () => {
      const fd = new FormData();
      for (let i = 0; i < 20; i++) fd.append(`f${i}`, 'x');
      expect(await thrownStatus(parse(post(fd), { maxParts: 10 }))).toBe(413);
    });
  });

  it('discards an oversized file while it streams instead of buffering it', async () => {
    // 128 MiB of file content in fresh 64 KiB chunks, limit 1 MiB. If the parser or the handler
    // kept the discarded chunks, external memory would grow by ~128 MiB.
    const boundary = 'streamtest';
    const enc = new TextEncoder();
    const head = enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\nt\r\n--${boundary}\r\nContent-Disposition: form-data; name="bilagor"; filename="stor.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`);
    const tail = enc.encode(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="efter"\r\n\r\nkvar\r\n--${boundary}--\r\n`);
    const chunk = 64 * 1024;
    const total = 128 * 1024 * 1024;
    let sent = 0;
    let peak = 0;
    const base = process.memoryUsage().arrayBuffers;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head);
      },
      pull(controller) {
        peak = Math.max(peak, process.memoryUsage().arrayBuffers - base);
        if (sent >= total) {
          controller.enqueue(tail);
          controller.close();
          return;
        }
        controller.enqueue(new Uint8Array(chunk).fill(0x41));
        sent += chunk;
      },
    });
    const request = new Request(URL_, {
      method: 'POST',
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit);
    const r = await parse(request, { maxFileBytes: 1024 * 1024, maxRequestBytes: 1024 * 1024 * 1024 });
    expect(summary(r)).toEqual({ fields: [['csrf', 't'], ['efter', 'kvar']], files: [], errors: [['too-large', 'stor.pdf']] });
    expect(sent).toBe(total);
    expect(peak).toBeLessThan(100 * 1024 * 1024); // ~40 MiB of not yet collected garbage; ≥ 128 MiB if kept
  });
});
