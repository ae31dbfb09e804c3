import crypto from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { pdfFlatText } from '../../../tests/pdf-text';
import { renderFoljebrev } from './foljebrev.server';
import { writeRegisterutdragPackage, type Manifest } from './package.server';
import { bibliotekslan, file, JPEG_BYTES, PDF_BYTES, registerutdrag, WITHHELD_MARKER, withheldItems } from './test-fixtures';
import type { RegisterutdragData } from './types';

type ReadEntry = { name: string; data: Buffer; compressionMethod: number };

/** Reads a whole archive back with yauzl, which checks every entry's CRC and sizes. */
function unzip(buffer: Buffer): Promise<ReadEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, strictFileNames: true }, (err, zip?: ZipFile) => {
      if (err || !zip) return reject(err);
      const entries: ReadEntry[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: Entry) => {
        zip.openReadStream(entry, (err2, stream) => {
          if (err2 || !stream) return reject(err2);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({ name: entry.fileName, data: Buffer.concat(chunks), compressionMethod: entry.compressionMethod });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

async function build(data: RegisterutdragData) {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const result = await writeRegisterutdragPackage(data, sink);
  const zip = Buffer.concat(chunks);
  const entries = await unzip(zip);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const text = (name: string) => byName.get(name)!.data.toString('utf8');
  return { ...result, zip, entries, byName, text };
}

const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');
const F = '01 Handläggning av föreningsbidrag';
const L = '02 Lån på kommunens bibliotek';
const N = '03 Nyhetsbrev om kulturevenemang';

describe('writeRegisterutdragPackage', () => {
  it('packs the letter, the readme, data.json, a table per activity, the portable data, the documents and the manifest last', async () => {
    const { entries, zip, bytes, byName } = await build(registerutdrag());
    expect(entries.map((e) => e.name)).toEqual([
      'foljebrev.pdf',
      'LASMIG.txt',
      'data.json',
      `tabeller/${F}.csv`,
      `tabeller/${L}.csv`,
      `tabeller/${N}.csv`,
      `dataportabilitet/${L}.json`,
      `dataportabilitet/${L}.csv`,
      `dataportabilitet/${N}.json`,
      `dataportabilitet/${N}.csv`,
      // Two documents called "ansökan.pdf" both survive; an unsafe name is made safe.
      `dokument/${F}/Ansökan.pdf`,
      `dokument/${F}/ansökan (2).pdf`,
      `dokument/${F}/lokal_foto_.jpg`,
      'manifest.json',
    ]);
    expect(bytes).toBe(zip.length);
    expect(byName.get(`dokument/${F}/Ansökan.pdf`)!.data).toEqual(PDF_BYTES);
    expect(byName.get(`dokument/${F}/lokal_foto_.jpg`)!.data).toEqual(JPEG_BYTES);
    // Stored: PDFs and JPEGs the case holds. Deflated: text, and our own tagged letter.
    const method = (name: string) => byName.get(name)!.compressionMethod;
    expect([method(`dokument/${F}/Ansökan.pdf`), method(`dokument/${F}/lokal_foto_.jpg`)]).toEqual([0, 0]);
    expect([method('foljebrev.pdf'), method('data.json'), method(`tabeller/${F}.csv`), method('manifest.json')]).toEqual([8, 8, 8, 8]);
    // The letter in the package is the letter.
    expect(await pdfFlatText(byName.get('foljebrev.pdf')!.data)).toContain('Registerutdrag – dina personuppgifter hos Kultur- och fritidsnämnden');
  });

  it('adds README.txt for a request in English', async () => {
    const { entries, text } = await build(registerutdrag({ language: 'en' }));
    expect(entries.map((e) => e.name).slice(0, 3)).toEqual(['foljebrev.pdf', 'LASMIG.txt', 'README.txt']);
    expect(text('LASMIG.txt')).toContain('Det här är ett registerutdrag.');
    expect(text('README.txt')).toContain('This is a copy of personal data (registerutdrag).');
    expect(text('README.txt')).toContain('README.txt');
  });

  it('lists every other file in manifest.json with the SHA-256 and size of its bytes', async () => {
    const { entries, manifest, text } = await build(registerutdrag());
    const written = JSON.parse(text('manifest.json')) as Manifest;
    expect(written).toEqual(manifest);
    expect(written).toMatchObject({ diarienummer: 'KFN 2026/00042', builtAt: '2026-03-20T09:30:00Z', algorithm: 'SHA-256' });
    const others = entries.filter((e) => e.name !== 'manifest.json');
    expect(written.files.map((f) => f.path)).toEqual(others.map((e) => e.name));
    for (const e of others) expect(written.files.find((f) => f.path === e.name)).toEqual({ path: e.name, size: e.data.length, sha256: sha256(e.data) });
  });

  it('puts exactly the released items in data.json, each under its activity, with its data', async () => {
    const data = registerutdrag();
    const { text, byName } = await build(data);
    const json = JSON.parse(text('data.json')) as {
      activities: { code: string; items: { id: string; data: unknown; file?: { path: string; sha256: string } }[]; excluded: unknown[]; legalBasis: unknown; thirdCountry: unknown }[];
    };
    expect(json.activities.map((a) => [a.code, a.items.map((i) => i.id)])).toEqual([
      ['foreningsbidrag', ['item-1', 'item-2', 'item-3', 'item-4']],
      ['bibliotekslan', ['item-5']],
      ['nyhetsbrev', ['item-6']],
    ]);
    const first = json.activities[0]!;
    expect(first.legalBasis).toEqual({ basis: 'public_interest', article: '6.1 e', law: 'Kommunallagen (2017:725) 2 kap. 1 §' });
    expect(first.items[0]!.data).toEqual({ fields: expect.arrayContaining([{ label: 'Medsökande', value: 'Olof Berg, 19850412-****' }]) });
    expect(json.activities[2]!.items[0]!.data).toEqual({ text: expect.stringContaining('musik och teater') });
    expect(json.activities[2]!.thirdCountry).toMatchObject({ transfers: true, countries: ['USA'] });
    // Each document's entry in data.json points at its file, with the hash of the bytes in the ZIP.
    for (const item of first.items.filter((i) => i.file)) expect(sha256(byName.get(item.file!.path)!.data)).toBe(item.file!.sha256);
    // Exclusions in general terms: counts and grounds.
    expect(first.excluded).toEqual([
      { ground: 'Utkast och minnesanteckningar', provisions: expect.stringContaining('5 kap. 2 §'), withheld: 1, masked: 0 },
      { ground: 'Andras rättigheter och friheter', provisions: expect.stringContaining('Artikel 15.4'), withheld: 1, masked: 1 },
    ]);
  });

  it('lets nothing of a withheld item into any file of the package', async () => {
    const { zip, entries, byName } = await build(registerutdrag());
    const needles = [WITHHELD_MARKER, ...withheldItems.flatMap((i) => [i.title, i.text])];
    for (const needle of needles) {
      expect(zip.includes(Buffer.from(needle))).toBe(false);
      for (const e of entries) expect(e.data.includes(Buffer.from(needle)), `${needle} in ${e.name}`).toBe(false);
    }
    const letter = await pdfFlatText(byName.get('foljebrev.pdf')!.data);
    for (const needle of needles) expect(letter).not.toContain(needle);
  });

  it('writes portable data only for activities based on consent or a contract, carried out in a system (Art 20)', async () => {
    const data = registerutdrag();
    // A contract kept only on paper: Art 20(1)(b) leaves it out.
    data.activities.push({
      activity: { ...bibliotekslan, code: 'lokalbokning', name: 'Bokning av lokaler', systems: [] },
      items: [{ kind: 'answer', id: 'item-7', title: 'Bokning', description: 'Pärm i receptionen.', data: { kind: 'text', text: 'Bokade Aulan 2025-11-02.' } }],
      exclusions: [],
      portability: { applies: false, reason: 'not_automated' },
    });
    const { entries, text } = await build(data);
    expect(entries.map((e) => e.name).filter((n) => n.startsWith('dataportabilitet/'))).toEqual([
      `dataportabilitet/${L}.json`,
      `dataportabilitet/${L}.csv`,
      `dataportabilitet/${N}.json`,
      `dataportabilitet/${N}.csv`,
    ]);
    const portable = JSON.parse(text(`dataportabilitet/${L}.json`)) as { activity: unknown; records: unknown[] };
    expect(portable.activity).toEqual({ code: 'bibliotekslan', name: 'Lån på kommunens bibliotek', legalBasis: { basis: 'contract', article: '6.1 b' } });
    expect(portable.records).toEqual([
      { id: 'provided-1', title: 'Ansökan om lånekort', providedOn: '2019-08-14', fields: expect.arrayContaining([{ label: 'Adress', value: 'Storgatan 1; 641 80 Granåsa' }]) },
    ]);
    expect(text(`dataportabilitet/${L}.csv`)).toContain('provided-1;Ansökan om lånekort;2019-08-14;Adress;"Storgatan 1; 641 80 Granåsa"\r\n');
    const json = JSON.parse(text('data.json')) as { activities: { code: string; portability: unknown }[] };
    expect(json.activities.map((a) => [a.code, a.portability])).toEqual([
      ['foreningsbidrag', { applies: false, reason: 'legal_basis' }],
      ['bibliotekslan', { applies: true, files: [`dataportabilitet/${L}.json`, `dataportabilitet/${L}.csv`] }],
      ['nyhetsbrev', { applies: true, files: [`dataportabilitet/${N}.json`, `dataportabilitet/${N}.csv`] }],
      ['lokalbokning', { applies: false, reason: 'not_automated' }],
    ]);
  });

  it('writes each activity\'s table for Swedish Excel: BOM, ";", one row per field, formulas defused', async () => {
    const { byName, text } = await build(registerutdrag());
    expect([...byName.get(`tabeller/${L}.csv`)!.data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text(`tabeller/${L}.csv`).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Post;Typ;Titel;Beskrivning;Uppgift;Värde;Fil;Maskerad');
    expect(lines).toContain('item-5;Uppgift;Låntagare i Koha;Uppgifter ur bibliotekssystemet den 3 mars 2026.;Pågående lån;"Mumintrollet; ""Pippi"" – 2 st";;');
    expect(lines).toContain("item-5;Uppgift;Låntagare i Koha;Uppgifter ur bibliotekssystemet den 3 mars 2026.;Avgifter;'=20 kr;;");
    expect(text(`tabeller/${F}.csv`)).toContain(`item-3;Handling;Beslut om föreningsbidrag 2025;Nämndens beslut, med uppgifter om andra styrelseledamöter maskerade.;;;dokument/${F}/ansökan (2).pdf;Ja\r\n`);
  });

  it('explains the files in LASMIG.txt in plain Swedish, readable in Notepad', async () => {
    const { text } = await build(registerutdrag());
    const readme = text('LASMIG.txt');
    expect(readme.startsWith('\uFEFFRegisterutdrag från Kultur- och fritidsnämnden, Granåsa kommun\r\n')).toBe(true);
    for (const part of ['Diarienummer: KFN 2026/00042', 'foljebrev.pdf', 'dokument/', 'data.json', 'tabeller/', 'dataportabilitet/', 'manifest.json', 'Get-FileHash', 'shasum -a 256', 'dataskyddsombud@flen.se', 'kfn@granasa.se', '0150-123\u00a060']) {
      expect(readme).toContain(part);
    }
    expect(readme.split('\r\n').every((line) => line.length <= 78)).toBe(true);
  });

  it('rejects and destroys the destination when a document is not the one the case holds', async () => {
    const data = registerutdrag();
    const doc = data.activities[0]!.items[1]!;
    if (doc.kind !== 'document') throw new Error('fixture');
    doc.file = { ...file('Ansökan.pdf', 'application/pdf', PDF_BYTES), open: () => Readable.from([Buffer.from('%PDF-1.7 något annat')]) };
    const sink = new Writable({ write: (_c, _e, cb) => cb() });
    await expect(writeRegisterutdragPackage(data, sink)).rejects.toThrow(/are not the document's/);
    expect(sink.destroyed).toBe(true);

    const failing = registerutdrag();
    const other = failing.activities[0]!.items[2]!;
    if (other.kind !== 'document') throw new Error('fixture');
    other.file = { ...other.file, open: () => new Readable({ read() { this.destroy(new Error('the file store could not read the file')); } }) };
    await expect(writeRegisterutdragPackage(failing, new Writable({ write: (_c, _e, cb) => cb() }))).rejects.toThrow('the file store could not read the file');
  });

  it('keeps memory flat while it streams a 256 MB package to a slow destination', async () => {
    const size = 64 * 1024 * 1024;
    const count = 4;
    // Fresh 64 KiB chunks made on demand (a writer that kept them would grow), the same bytes every time.
    const bigStream = (seed: number) => {
      let sent = 0;
      return new Readable({
        read() {
          if (sent >= size) return void this.push(null);
          const n = Math.min(65536, size - sent);
          const chunk = Buffer.alloc(n);
          for (let i = 0; i < n; i += 4096) chunk[i] = (sent + i + seed) & 0xff;
          sent += n;
          this.push(chunk);
        },
      });
    };
    const hashes = await Promise.all(
      Array.from({ length: count }, async (_, seed) => {
        const hash = crypto.createHash('sha256');
        for await (const chunk of bigStream(seed)) hash.update(chunk as Buffer);
        return hash.digest('hex');
      }),
    );
    const data = registerutdrag();
    data.activities[0]!.items = Array.from({ length: count }, (_, seed) => ({
      kind: 'document' as const,
      id: `big-${seed}`,
      title: `Inskannad akt del ${seed + 1}`,
      description: 'Ur arkivet.',
      data: null,
      masked: false,
      file: { filename: `akt-${seed + 1}.pdf`, mimeType: 'application/pdf', size, sha256: hashes[seed]!, open: () => bigStream(seed) },
    }));
    await renderFoljebrev(data); // fonts and locales loaded before measuring

    const start = process.memoryUsage();
    let peak = 0;
    let written = 0;
    const sink = new Writable({
      highWaterMark: 1 << 16,
      write(chunk: Buffer, _encoding, callback) {
        written += chunk.length;
        const now = process.memoryUsage();
        peak = Math.max(peak, now.arrayBuffers - start.arrayBuffers, now.rss - start.rss);
        setImmediate(callback);
      },
    });
    const { bytes, manifest } = await writeRegisterutdragPackage(data, sink);
    expect(written).toBe(bytes);
    expect(bytes).toBeGreaterThan(count * size);
    expect(manifest.files.filter((f) => f.path.startsWith('dokument/')).map((f) => f.sha256)).toEqual(hashes);
    // A writer that buffered the documents would hold 256 MB; this one holds a few chunks.
    expect(peak).toBeLessThan(64 * 1024 * 1024);
  }, 120_000);
});
