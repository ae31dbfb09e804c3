import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  CHUNK_BYTES,
  createDeliveryStore,
  deliveryStore,
  hasPackage,
  readPackage,
  removePackage,
  useDeliveryStore,
  writePackage,
  type DeliveryStore,
} from './delivery-store.server';
import { StoredFileError } from './file-store.server';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsp-delivery-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const k1 = crypto.randomBytes(32);
const k2 = crypto.randomBytes(32);
const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');
const HEADER_BYTES = 48;
const SEALED = CHUNK_BYTES + 16;
// Recognisable plaintext: a registerutdrag with a personnummer, 3½ chunks long.
const utdrag = Buffer.from(
  `PK\x03\x04Registerutdrag för Anna Andersson 19800101-9804\n${'Ärende BN 2026-00123; '.repeat(10_000)}`.slice(0, 3.5 * CHUNK_BYTES),
);

async function store(s: DeliveryStore, bytes: Uint8Array, pieces = 7919) {
  const { stream, done } = s.writePackage();
  // Odd piece sizes, so chunk boundaries fall inside writes.
  const parts = Array.from({ length: Math.ceil(bytes.length / pieces) }, (_, i) => Buffer.from(bytes.subarray(i * pieces, (i + 1) * pieces)));
  await pipeline(Readable.from(parts), stream);
  return done;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** What the stream emitted before it failed, and how it failed. */
async function readUntilError(stream: Readable): Promise<{ emitted: Buffer; error: unknown }> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk as Buffer);
  } catch (error) {
    return { emitted: Buffer.concat(chunks), error };
  }
  return { emitted: Buffer.concat(chunks), error: null };
}

const expectCode = (error: unknown, code: StoredFileError['code']) => {
  expect(error).toBeInstanceOf(StoredFileError);
  expect((error as StoredFileError).code).toBe(code);
};

/** `size` bytes in fresh chunks of 64 KiB (as in zip.server.test.ts), hashed as they are produced. */
function bigStream(size: number, hash: crypto.Hash): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= size) return void this.push(null);
      const n = Math.min(65536, size - sent);
      const chunk = Buffer.allocUnsafe(n);
      for (let i = 0; i < n; i += 4096) chunk[i] = (sent + i) & 0xff;
      sent += n;
      hash.update(chunk);
      this.push(chunk);
    },
  });
}

describe('delivery store', () => {
  it('round-trips a package of several chunks and reports its SHA-256 and size', async () => {
    const s = createDeliveryStore({ dir: tempDir(), keys: [k1] });
    const stored = await store(s, utdrag);
    expect(stored).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/), sha256: sha(utdrag), size: utdrag.length });
    expect(await s.hasPackage(stored.id)).toBe(true);
    expect((await readAll(s.readPackage(stored.id))).equals(utdrag)).toBe(true);
  });

  it('round-trips an empty package, one byte, and exactly one and two chunks', async () => {
    const s = createDeliveryStore({ dir: tempDir(), keys: [k1] });
    for (const bytes of [Buffer.alloc(0), Buffer.from('x'), crypto.randomBytes(CHUNK_BYTES), crypto.randomBytes(2 * CHUNK_BYTES)]) {
      const stored = await store(s, bytes);
      expect(stored.sha256).toBe(sha(bytes));
      expect(stored.size).toBe(bytes.length);
      expect(fs.statSync(s.pathFor(stored.id)).size).toBe(HEADER_BYTES + Math.max(1, Math.ceil(bytes.length / CHUNK_BYTES)) * 16 + bytes.length);
      expect((await readAll(s.readPackage(stored.id))).equals(bytes)).toBe(true);
    }
  });

  it('gives identical packages different ids and different ciphertexts', async () => {
    const s = createDeliveryStore({ dir: tempDir(), keys: [k1] });
    const a = await store(s, utdrag);
    const b = await store(s, utdrag);
    expect(a.id).not.toBe(b.id);
    expect(a.sha256).toBe(b.sha256);
    expect(fs.readFileSync(s.pathFor(a.id)).equals(fs.readFileSync(s.pathFor(b.id)))).toBe(false);
  });

  it('encrypts at rest: the file on disk contains no part of the plaintext and only the portal may read it', async () => {
    const s = createDeliveryStore({ dir: tempDir(), keys: [k1] });
    const { id } = await store(s, utdrag);
    const onDisk = fs.readFileSync(s.pathFor(id));
    expect(onDisk.subarray(0, 5).toString('ascii')).toBe('DSPD\x01');
    for (const needle of ['PK\x03\x04', 'Anna Andersson', '19800101-9804', 'Ärende BN']) {
      expect(onDisk.includes(Buffer.from(needle))).toBe(false);
    }
    expect(fs.statSync(s.pathFor(id)).mode & 0o077).toBe(0);
  });

  it('keeps memory flat while 256 MB go in and out, and the SHA-256 matches', async () => {
    const size = 256 * 1024 * 1024;
    const s = createDeliveryStore({ dir: tempDir(), keys: [k1] });
    const start = process.memoryUsage();
    let peak = 0;
    const measure = () => {
      const now = process.memoryUsage();
      peak = Math.max(peak, now.arrayBuffers - start.arrayBuffers, now.rss - start.rss);
    };

    const produced = crypto.createHash('sha256');
    const { stream, done } = s.writePackage();
    const measuring = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        measure();
        if (stream.write(chunk)) callback();
        else stream.once('drain', () => callback());
      },
      final(callback) {
        stream.end(callback);
      },
    });
    await pipeline(bigStream(size, produced), measuring);
    const stored = await done;
    expect(stored.size).toBe(size);
    expect(stored.sha256).toBe(produced.digest('hex'));

    const consumed = crypto.createHash('sha256');
    let read = 0;
    // A slow destination, as in zip.server.test.ts: the reader must wait for it, not buffer ahead.
    const sink = new Writable({
      highWaterMark: 1 << 16,
      write(chunk: Buffer, _encoding, callback) {
        read += chunk.length;
        consumed.update(chunk);
        measure();
        setImmediate(callback);
      },
    });
    await pipeline(s.readPackage(stored.id), sink);
    expect(read).toBe(size);
    expect(consumed.digest('hex')).toBe(stored.sha256);
    // A store that buffered the package would hold 256 MB; this one holds a few chunks.
    expect(peak).toBeLessThan(64 * 1024 * 1024);
  }, 120_000);

  it('removes the temporary file and rejects `done` when writing fails', async () => {
    const dir = tempDir();
    const s = createDeliveryStore({ dir, keys: [k1] });
    const { stream, done } = s.writePackage();
    let pushed = 0;
    const failing = new Readable({
      read() {
        if (pushed++ === 3) return void this.destroy(new Error('the case file could not be read'));
        this.push(crypto.randomBytes(CHUNK_BYTES));
      },
    });
    await expect(pipeline(failing, stream)).rejects.toThrow('the case file could not be read');
    await expect(done).rejects.toThrow('the case file could not be read');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('rejects `done` when the stream is destroyed without an error before it ended', async () => {
    const dir = tempDir();
    const s = createDeliveryStore({ dir, keys: [k1] });
    const { stream, done } = s.writePackage();
    stream.write(crypto.randomBytes(3 * CHUNK_BYTES));
    stream.destroy();
    await expect(done).rejects.toThrow(/destroyed before it ended/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  describe('tamper detection', () => {
    async function storedCopy() {
      const s = createDeliveryStore({ dir: tempDir(), keys: [k1] });
      const { id } = await store(s, utdrag);
      const file = s.pathFor(id);
      return { s, id, file, bytes: fs.readFileSync(file) };
    }
    const chunkAt = (i: number) => HEADER_BYTES + i * SEALED;

    it('a flipped byte in the middle fails that chunk, and nothing of it is emitted', async () => {
      const { s, id, file, bytes } = await storedCopy();
      bytes[chunkAt(2) + 1000] = bytes[chunkAt(2) + 1000]! ^ 0x01;
      fs.writeFileSync(file, bytes);
      const { emitted, error } = await readUntilError(s.readPackage(id));
      expectCode(error, 'tampered');
      // Only the two authentic chunks before it came out.
      expect(emitted.length).toBeLessThanOrEqual(2 * CHUNK_BYTES);
      expect(emitted.equals(utdrag.subarray(0, emitted.length))).toBe(true);
    });

    it('a changed tag, salt, nonce prefix or key id fails', async () => {
      for (const offset of [-1, 9, HEADER_BYTES - 1, 6]) {
        const { s, id, file, bytes } = await storedCopy();
        const i = offset < 0 ? bytes.length + offset : offset;
        bytes[i] = bytes[i]! ^ 0x80;
        fs.writeFileSync(file, bytes);
        const { error } = await readUntilError(s.readPackage(id));
        expectCode(error, offset === 6 ? 'unknown-key' : 'tampered');
      }
    });

    it('a truncated last chunk fails', async () => {
      const { s, id, file, bytes } = await storedCopy();
      fs.writeFileSync(file, bytes.subarray(0, bytes.length - 1));
      const { emitted, error } = await readUntilError(s.readPackage(id));
      expectCode(error, 'tampered');
      expect(emitted.length).toBeLessThanOrEqual(3 * CHUNK_BYTES);
    });

    it('a package cut off at a chunk boundary, or with the last chunk dropped, fails', async () => {
      for (const end of [chunkAt(3), chunkAt(1), chunkAt(0) + 10]) {
        const { s, id, file, bytes } = await storedCopy();
        fs.writeFileSync(file, bytes.subarray(0, end));
        expectCode((await readUntilError(s.readPackage(id))).error, 'tampered');
      }
    });

    it('a chunk appended after the last one fails', async () => {
      const { s, id, file, bytes } = await storedCopy();
      fs.writeFileSync(file, Buffer.concat([bytes, bytes.subarray(chunkAt(1), chunkAt(2))]));
      expectCode((await readUntilError(s.readPackage(id))).error, 'tampered');
    });

    it('two swapped chunks fail, and a duplicated one too', async () => {
      const { s, id, file, bytes } = await storedCopy();
      const swapped = Buffer.concat([
        bytes.subarray(0, chunkAt(0)),
        bytes.subarray(chunkAt(1), chunkAt(2)),
        bytes.subarray(chunkAt(0), chunkAt(1)),
        bytes.subarray(chunkAt(2)),
      ]);
      fs.writeFileSync(file, swapped);
      const { emitted, error } = await readUntilError(s.readPackage(id));
      expectCode(error, 'tampered');
      expect(emitted.length).toBe(0);

      const duplicated = Buffer.concat([bytes.subarray(0, chunkAt(1)), bytes.subarray(chunkAt(0), chunkAt(1)), bytes.subarray(chunkAt(2))]);
      fs.writeFileSync(file, duplicated);
      expectCode((await readUntilError(s.readPackage(id))).error, 'tampered');
    });

    it('a chunk from another package with the same key fails', async () => {
      const { s, id, file, bytes } = await storedCopy();
      const other = fs.readFileSync(s.pathFor((await store(s, utdrag)).id));
      bytes.set(other.subarray(chunkAt(1), chunkAt(2)), chunkAt(1));
      fs.writeFileSync(file, bytes);
      expectCode((await readUntilError(s.readPackage(id))).error, 'tampered');
    });

    it('a valid package copied to another id fails (the id is authenticated)', async () => {
      const { s, id } = await storedCopy();
      const other = await store(s, Buffer.from('PK-annan'));
      fs.copyFileSync(s.pathFor(id), s.pathFor(other.id));
      expectCode((await readUntilError(s.readPackage(other.id))).error, 'tampered');
    });

    it('a plaintext or too short file in place of the package is rejected', async () => {
      const { s, id, file } = await storedCopy();
      fs.writeFileSync(file, utdrag);
      expectCode((await readUntilError(s.readPackage(id))).error, 'bad-format');
      fs.writeFileSync(file, Buffer.from('DSPD\x01'));
      expectCode((await readUntilError(s.readPackage(id))).error, 'bad-format');
    });
  });

  describe('keys', () => {
    it('reads packages written with an older key once a new key is prepended', async () => {
      const dir = tempDir();
      const old = createDeliveryStore({ dir, keys: [k1] });
      const { id } = await store(old, utdrag);
      const rotated = createDeliveryStore({ dir, keys: [k2, k1] });
      expect((await readAll(rotated.readPackage(id))).equals(utdrag)).toBe(true);
      // New packages are written with the new key: the old key alone cannot read them.
      const fresh = await store(rotated, Buffer.from('PK-ny'));
      expectCode((await readUntilError(old.readPackage(fresh.id))).error, 'unknown-key');
      expect((await readAll(createDeliveryStore({ dir, keys: [k2] }).readPackage(fresh.id))).toString()).toBe('PK-ny');
    });

    it('the wrong key fails without emitting anything', async () => {
      const dir = tempDir();
      const { id } = await store(createDeliveryStore({ dir, keys: [k1] }), utdrag);
      const { emitted, error } = await readUntilError(createDeliveryStore({ dir, keys: [k2] }).readPackage(id));
      expectCode(error, 'unknown-key');
      expect(emitted.length).toBe(0);
    });

    it('a header claiming another configured key fails its tag', async () => {
      const dir = tempDir();
      const s = createDeliveryStore({ dir, keys: [k1, k2] });
      const mine = await store(s, utdrag);
      const rotated = await store(createDeliveryStore({ dir, keys: [k2, k1] }), Buffer.from('x'));
      const bytes = fs.readFileSync(s.pathFor(mine.id));
      fs.readFileSync(s.pathFor(rotated.id)).copy(bytes, 5, 5, 9);
      fs.writeFileSync(s.pathFor(mine.id), bytes);
      expectCode((await readUntilError(s.readPackage(mine.id))).error, 'tampered');
    });

    it('does not share keys with the file store, nor use the personnummer key itself', async () => {
      const s = createDeliveryStore({ dir: tempDir(), keys: [k1] });
      const { id } = await store(s, Buffer.from('PK'));
      const keyId = fs.readFileSync(s.pathFor(id)).subarray(5, 9).toString('hex');
      const fileKey = Buffer.from(crypto.hkdfSync('sha256', k1, Buffer.alloc(0), 'dataskyddsportalen files v1', 32));
      for (const other of [k1, fileKey]) {
        expect(keyId).not.toBe(crypto.createHash('sha256').update(other).digest('hex').slice(0, 8));
      }
    });

    it('needs a key', () => {
      expect(() => createDeliveryStore({ dir: tempDir(), keys: [] })).toThrow(/key/);
    });
  });

  it('removes packages and reports missing ones', async () => {
    const s = createDeliveryStore({ dir: tempDir(), keys: [k1] });
    const { id } = await store(s, utdrag);
    expect(await s.removePackage(id)).toBe(true);
    expect(await s.hasPackage(id)).toBe(false);
    expect(await s.removePackage(id)).toBe(false);
    expectCode((await readUntilError(s.readPackage(id))).error, 'not-found');
  });

  it('rejects anything but a package id (no path traversal)', async () => {
    const s = createDeliveryStore({ dir: tempDir(), keys: [k1] });
    for (const bad of ['../../etc/passwd', 'A'.repeat(32), 'ab', `${'a'.repeat(32)}/..`, 'a'.repeat(64)]) {
      expect(() => s.readPackage(bad)).toThrow(TypeError);
      await expect(s.hasPackage(bad)).rejects.toThrow(TypeError);
      await expect(s.removePackage(bad)).rejects.toThrow(TypeError);
    }
  });

  describe('process-wide store', () => {
    afterEach(() => useDeliveryStore(undefined));

    it('the module functions use the installed store', async () => {
      const s = createDeliveryStore({ dir: tempDir(), keys: [k1] });
      useDeliveryStore(s);
      expect(deliveryStore()).toBe(s);
      const { stream, done } = writePackage();
      stream.end(utdrag);
      const { id } = await done;
      expect(await hasPackage(id)).toBe(true);
      expect((await readAll(readPackage(id))).equals(utdrag)).toBe(true);
      expect(await removePackage(id)).toBe(true);
    });

    it('defaults to DATA_DIR/delivery with the configured personnummer keys', () => {
      expect(deliveryStore().pathFor('ab'.repeat(16))).toBe(path.resolve('/nonexistent-test-data-dir/delivery', `${'ab'.repeat(16)}.enc`));
    });
  });
});
