import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  createFileStore,
  deleteStoredFile,
  fileStore,
  readStoredFile,
  storeFile,
  StoredFileError,
  useFileStore,
} from './file-store.server';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsp-files-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const k1 = crypto.randomBytes(32);
const k2 = crypto.randomBytes(32);
const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');
// Recognisable plaintext: a PDF-like file containing a personnummer.
const document = Buffer.from(`%PDF-1.7\nFullmakt för Anna Andersson 19800101-9804\n${'x'.repeat(5000)}\n%%EOF\n`);

describe('file store', () => {
  it('round-trips and names the file by the SHA-256 of its plaintext', async () => {
    const dir = tempDir();
    const store = createFileStore({ dir, keys: [k1] });
    const stored = await store.storeFile(document);
    expect(stored).toEqual({ sha256: sha(document), size: document.length });
    const file = path.join(dir, stored.sha256.slice(0, 2), stored.sha256.slice(2, 4), `${stored.sha256}.enc`);
    expect(store.pathFor(stored.sha256)).toBe(file);
    expect(fs.existsSync(file)).toBe(true);
    expect((await store.readStoredFile(stored.sha256)).equals(document)).toBe(true);
  });

  it('round-trips an empty file and a binary one', async () => {
    const store = createFileStore({ dir: tempDir(), keys: [k1] });
    for (const bytes of [new Uint8Array(0), crypto.randomBytes(100_000)]) {
      const { sha256 } = await store.storeFile(bytes);
      expect(Buffer.compare(await store.readStoredFile(sha256), Buffer.from(bytes))).toBe(0);
    }
  });

  it('encrypts at rest: the file on disk contains no part of the plaintext', async () => {
    const dir = tempDir();
    const store = createFileStore({ dir, keys: [k1] });
    const { sha256 } = await store.storeFile(document);
    const onDisk = fs.readFileSync(store.pathFor(sha256));
    expect(onDisk.subarray(0, 5).toString('ascii')).toBe('DSPF\x01');
    expect(onDisk.length).toBe(document.length + 4 + 1 + 4 + 12 + 16);
    for (const needle of ['%PDF', 'Anna Andersson', '19800101-9804', 'x'.repeat(32)]) {
      expect(onDisk.includes(Buffer.from(needle))).toBe(false);
    }
    const mode = fs.statSync(store.pathFor(sha256)).mode & 0o777;
    expect(mode & 0o077).toBe(0); // readable by the portal's user only
  });

  it('is idempotent: the same content keeps its path and is not rewritten', async () => {
    const dir = tempDir();
    const store = createFileStore({ dir, keys: [k1] });
    const first = await store.storeFile(document);
    const before = fs.readFileSync(store.pathFor(first.sha256));
    const second = await store.storeFile(Buffer.from(document));
    expect(second).toEqual(first);
    expect(fs.readFileSync(store.pathFor(first.sha256)).equals(before)).toBe(true);
    const all = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.enc') || f.endsWith('.tmp'));
    expect(all).toHaveLength(1);
  });

  it('parallel stores of the same content leave one complete file and no temp files', async () => {
    const dir = tempDir();
    const store = createFileStore({ dir, keys: [k1] });
    const big = crypto.randomBytes(2 * 1024 * 1024);
    const results = await Promise.all(Array.from({ length: 5 }, () => store.storeFile(big)));
    expect(new Set(results.map((r) => r.sha256)).size).toBe(1);
    expect((await store.readStoredFile(results[0]!.sha256)).equals(big)).toBe(true);
    const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.(enc|tmp)$/.test(f));
    expect(files).toEqual([path.join(results[0]!.sha256.slice(0, 2), results[0]!.sha256.slice(2, 4), `${results[0]!.sha256}.enc`)]);
  });

  it('uses a fresh IV: the same content encrypts differently in two stores with the same key', async () => {
    const a = createFileStore({ dir: tempDir(), keys: [k1] });
    const b = createFileStore({ dir: tempDir(), keys: [k1] });
    const { sha256 } = await a.storeFile(document);
    await b.storeFile(document);
    expect(fs.readFileSync(a.pathFor(sha256)).equals(fs.readFileSync(b.pathFor(sha256)))).toBe(false);
  });

  describe('tamper detection', () => {
    async function storedCopy() {
      const store = createFileStore({ dir: tempDir(), keys: [k1] });
      const { sha256 } = await store.storeFile(document);
      return { store, sha256, file: store.pathFor(sha256) };
    }
    const expectCode = async (p: Promise<unknown>, code: StoredFileError['code']) => {
      const error = await p.then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(StoredFileError);
      expect((error as StoredFileError).code).toBe(code);
    };

    it('a flipped ciphertext bit fails the GCM tag', async () => {
      const { store, sha256, file } = await storedCopy();
      const bytes = fs.readFileSync(file);
      bytes[100] = bytes[100]! ^ 0x01;
      fs.writeFileSync(file, bytes);
      await expectCode(store.readStoredFile(sha256), 'tampered');
    });

    it('a changed tag or IV fails', async () => {
      for (const offset of [-1, 12]) {
        const { store, sha256, file } = await storedCopy();
        const bytes = fs.readFileSync(file);
        const i = offset < 0 ? bytes.length + offset : offset;
        bytes[i] = bytes[i]! ^ 0x80;
        fs.writeFileSync(file, bytes);
        await expectCode(store.readStoredFile(sha256), 'tampered');
      }
    });

    it('a truncated file fails', async () => {
      const { store, sha256, file } = await storedCopy();
      fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 200));
      await expectCode(store.readStoredFile(sha256), 'tampered');
      fs.writeFileSync(file, Buffer.from('DSPF'));
      await expectCode(store.readStoredFile(sha256), 'bad-format');
    });

    it('a valid file moved to another name fails (the name is authenticated)', async () => {
      const store = createFileStore({ dir: tempDir(), keys: [k1] });
      const a = await store.storeFile(Buffer.from('%PDF-a'));
      const b = await store.storeFile(Buffer.from('%PDF-b'));
      fs.copyFileSync(store.pathFor(a.sha256), store.pathFor(b.sha256));
      await expectCode(store.readStoredFile(b.sha256), 'tampered');
    });

    it('a plaintext file put in place of the ciphertext is rejected', async () => {
      const { store, sha256, file } = await storedCopy();
      fs.writeFileSync(file, document);
      await expectCode(store.readStoredFile(sha256), 'bad-format');
    });

    it('storing the content again repairs a damaged file', async () => {
      const { store, sha256, file } = await storedCopy();
      fs.writeFileSync(file, Buffer.from('garbage'));
      await store.storeFile(document);
      expect((await store.readStoredFile(sha256)).equals(document)).toBe(true);
    });
  });

  describe('key rotation', () => {
    it('reads files written with an older key once a new key is prepended', async () => {
      const dir = tempDir();
      const old = createFileStore({ dir, keys: [k1] });
      const { sha256 } = await old.storeFile(document);
      const rotated = createFileStore({ dir, keys: [k2, k1] });
      expect((await rotated.readStoredFile(sha256)).equals(document)).toBe(true);
      // New files are written with the new key: the old key alone cannot read them.
      const fresh = await rotated.storeFile(Buffer.from('%PDF-new'));
      await expect(old.readStoredFile(fresh.sha256)).rejects.toMatchObject({ code: 'unknown-key' });
      expect((await createFileStore({ dir, keys: [k2] }).readStoredFile(fresh.sha256)).toString()).toBe('%PDF-new');
    });

    it('fails clearly when the file key is no longer configured', async () => {
      const dir = tempDir();
      const { sha256 } = await createFileStore({ dir, keys: [k1] }).storeFile(document);
      await expect(createFileStore({ dir, keys: [k2] }).readStoredFile(sha256)).rejects.toMatchObject({ code: 'unknown-key' });
    });

    it('derives the file key (HKDF) instead of using the personnummer key itself', async () => {
      const store = createFileStore({ dir: tempDir(), keys: [k1] });
      const { sha256 } = await store.storeFile(document);
      const bytes = fs.readFileSync(store.pathFor(sha256));
      const keyId = bytes.subarray(5, 9).toString('hex');
      expect(keyId).not.toBe(crypto.createHash('sha256').update(k1).digest('hex').slice(0, 8));
      const decipher = crypto.createDecipheriv('aes-256-gcm', k1, bytes.subarray(9, 21));
      decipher.setAAD(Buffer.concat([bytes.subarray(0, 21), Buffer.from(sha256)]));
      decipher.setAuthTag(bytes.subarray(bytes.length - 16));
      decipher.update(bytes.subarray(21, bytes.length - 16));
      expect(() => decipher.final()).toThrow();
    });
  });

  it('deletes files and reports missing ones', async () => {
    const store = createFileStore({ dir: tempDir(), keys: [k1] });
    const { sha256 } = await store.storeFile(document);
    expect(await store.hasStoredFile(sha256)).toBe(true);
    expect(await store.deleteStoredFile(sha256)).toBe(true);
    expect(await store.hasStoredFile(sha256)).toBe(false);
    expect(await store.deleteStoredFile(sha256)).toBe(false);
    await expect(store.readStoredFile(sha256)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('rejects anything but a SHA-256 hex digest as a name (no path traversal)', async () => {
    const store = createFileStore({ dir: tempDir(), keys: [k1] });
    for (const bad of ['../../etc/passwd', 'A'.repeat(64), 'ab', `${'a'.repeat(64)}/..`]) {
      await expect(store.readStoredFile(bad)).rejects.toThrow(TypeError);
      await expect(store.deleteStoredFile(bad)).rejects.toThrow(TypeError);
    }
  });

  it('needs a key', () => {
    expect(() => createFileStore({ dir: tempDir(), keys: [] })).toThrow(/key/);
  });

  describe('process-wide store', () => {
    afterEach(() => useFileStore(undefined));

    it('the module functions use the installed store', async () => {
      const store = createFileStore({ dir: tempDir(), keys: [k1] });
      useFileStore(store);
      expect(fileStore()).toBe(store);
      const { sha256 } = await storeFile(document);
      expect(await store.hasStoredFile(sha256)).toBe(true);
      expect((await readStoredFile(sha256)).equals(document)).toBe(true);
      expect(await deleteStoredFile(sha256)).toBe(true);
    });

    it('defaults to FILES_DIR with the configured personnummer keys', () => {
      const store = fileStore();
      expect(store.pathFor('ab'.repeat(32))).toBe(path.resolve('/nonexistent-test-data-dir/files/ab/ab', `${'ab'.repeat(32)}.enc`));
    });
  });
});
