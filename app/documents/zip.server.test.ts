import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { writeZip, zipToBuffer, type ZipEntry } from './zip.server';

type ReadEntry = { name: string; data: Buffer; compressionMethod: number; mtime: Date };

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
            entries.push({ name: entry.fileName, data: Buffer.concat(chunks), compressionMethod: entry.compressionMethod, mtime: entry.getLastModDate() });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** `size` bytes in fresh chunks of 64 KiB (so a writer that kept them would grow), produced on demand. */
function bigStream(size: number, onRead?: () => void): Readable {
  let sent = 0;
  return new Readable({
    read() {
      onRead?.();
      if (sent >= size) return void this.push(null);
      const n = Math.min(65536, size - sent);
      const chunk = Buffer.allocUnsafe(n);
      for (let i = 0; i < n; i += 4096) chunk[i] = (sent + i) & 0xff;
      sent += n;
      this.push(chunk);
    },
  });
}

describe('writeZip', () => {
  it('writes buffers and streams that read back byte for byte, with UTF-8 names', async () => {
    const pdf = Buffer.from('%PDF-1.7 beslut');
    const mtime = new Date('2026-03-12T09:30:00Z');
    const zip = await zipToBuffer([
      { name: 'Beslut BN 2026-00123.pdf', data: pdf, mtime },
      { name: 'Bilagor/Överklagande – Renée Åström.txt', data: Readable.from([Buffer.from('Jag överklagar '), Buffer.from('beslutet.')]), mtime },
      { name: 'Bilagor/foto.jpg', data: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), mtime },
    ]);
    const entries = await unzip(zip);
    expect(entries.map((e) => e.name)).toEqual(['Beslut BN 2026-00123.pdf', 'Bilagor/Överklagande – Renée Åström.txt', 'Bilagor/foto.jpg']);
    expect(entries[0]!.data).toEqual(pdf);
    expect(entries[1]!.data.toString('utf8')).toBe('Jag överklagar beslutet.');
    expect([...entries[2]!.data]).toEqual([0xff, 0xd8, 0xff, 0xe0]);
    // Deflated, except formats that are compressed already.
    expect(entries.map((e) => e.compressionMethod)).toEqual([8, 8, 0]);
    expect(entries[0]!.mtime.toISOString()).toBe(mtime.toISOString());
  });

  it('writes an empty archive', async () => {
    expect(await unzip(await zipToBuffer([]))).toEqual([]);
  });

  it('asks the iterable for the next entry only when the previous one has been read', async () => {
    const log: string[] = [];
    async function* entries(): AsyncGenerator<ZipEntry> {
      for (const name of ['a.txt', 'b.txt', 'c.txt']) {
        log.push(`yield ${name}`);
        yield { name, data: bigStream(300_000, () => log.push(`read ${name}`)) };
      }
    }
    const zip = await zipToBuffer(entries());
    expect((await unzip(zip)).map((e) => [e.name, e.data.length])).toEqual([
      ['a.txt', 300_000],
      ['b.txt', 300_000],
      ['c.txt', 300_000],
    ]);
    expect(log.indexOf('yield b.txt')).toBeGreaterThan(log.lastIndexOf('read a.txt'));
    expect(log.indexOf('yield c.txt')).toBeGreaterThan(log.lastIndexOf('read b.txt'));
  });

  it('keeps memory flat while it streams a large entry to a slow destination', async () => {
    const size = 256 * 1024 * 1024;
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
    await writeZip([{ name: 'stort.bin', data: bigStream(size), compress: false }], sink);
    expect(written).toBeGreaterThan(size);
    // A writer that buffered the entry would hold 256 MB; this one holds a few chunks.
    expect(peak).toBeLessThan(64 * 1024 * 1024);
  }, 60_000);

  it('rejects when an entry\'s stream fails, and when the iterable throws', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('disk read failed'));
      },
    });
    await expect(zipToBuffer([{ name: 'a.txt', data: Buffer.from('a') }, { name: 'b.txt', data: failing }])).rejects.toThrow('disk read failed');

    async function* broken(): AsyncGenerator<ZipEntry> {
      yield { name: 'a.txt', data: Buffer.from('a') };
      throw new Error('the case file could not be read');
    }
    await expect(zipToBuffer(broken())).rejects.toThrow('the case file could not be read');
  });

  it('rejects when the destination fails, without waiting for the rest of the entries', async () => {
    const sink = new Writable({
      write(_chunk, _encoding, callback) {
        callback(new Error('client went away'));
      },
    });
    await expect(writeZip([{ name: 'stort.bin', data: bigStream(50 * 1024 * 1024) }], sink)).rejects.toThrow('client went away');
  });

  it('refuses a name that would escape the folder it is unpacked in', async () => {
    await expect(zipToBuffer([{ name: '../utanför.txt', data: Buffer.from('x') }])).rejects.toThrow();
    await expect(zipToBuffer([{ name: '/etc/passwd', data: Buffer.from('x') }])).rejects.toThrow();
  });
});
