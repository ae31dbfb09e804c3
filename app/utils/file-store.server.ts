/**
 * Files outside the database (issue #4): uploaded attachments and generated documents, encrypted
 * at rest and named by the SHA-256 of their plaintext, in `${FILES_DIR}/<aa>/<bb>/<sha256>.enc`.
 *
 * File format (binary):
 *   "DSPF" | version (1 byte, 1) | key id (4 bytes) | IV (12 bytes) | ciphertext | GCM tag (16 bytes)
 * AES-256-GCM; the header and the file's SHA-256 are additional authenticated data, so neither the
 * header nor the file's name can be changed or swapped without the tag failing. The key is derived
 * with HKDF-SHA256 from each of PERSONNUMMER_ENCRYPTION_KEYS (info "dataskyddsportalen files v1"),
 * so file keys rotate with those keys: the first encrypts, any configured key decrypts.
 *
 * Same content → same path: storing twice is a no-op. Several attachment rows (even of different
 * residents) may reference one stored file, so `deleteStoredFile` is for gallring, which must
 * first make sure no row references the hash any more.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { loadEnv } from './env.server';
import { setSingleton, singleton } from './singleton.server';

const MAGIC = Buffer.from('DSPF', 'ascii');
const VERSION = 1;
const KEY_ID_BYTES = 4;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + 1 + KEY_ID_BYTES + IV_BYTES;
const HKDF_INFO = 'dataskyddsportalen files v1';
const SHA256_HEX = /^[0-9a-f]{64}$/;

export type StoredFile = { sha256: string; size: number };

export type FileStore = {
  /** Encrypts and writes the file unless it is already stored; returns its hash and size. */
  storeFile(bytes: Uint8Array): Promise<StoredFile>;
  /** The plaintext. Throws when the file is missing, its key is not configured or it was altered. */
  readStoredFile(sha256: string): Promise<Buffer>;
  /** Whether a file with this hash is stored (not whether it is readable). */
  hasStoredFile(sha256: string): Promise<boolean>;
  /** Removes the file; false when there was none. For gallring of unreferenced files. */
  deleteStoredFile(sha256: string): Promise<boolean>;
  /** Where the file with this hash lives (for diagnostics and tests). */
  pathFor(sha256: string): string;
};

export type FileStoreOptions = {
  /** Root directory; created on first write. */
  dir: string;
  /** Master keys, newest first (PERSONNUMMER_ENCRYPTION_KEYS): the first encrypts, all decrypt. */
  keys: readonly Buffer[];
};

export class StoredFileError extends Error {
  constructor(
    message: string,
    readonly code: 'not-found' | 'bad-format' | 'unknown-key' | 'tampered',
  ) {
    super(message);
    this.name = 'StoredFileError';
  }
}

/** A derived AES-256 key and its id (the first bytes of its SHA-256), which names it in a file's header. */
export type StoreKey = { id: Buffer; key: Buffer };
type FileKey = StoreKey;

/** Length of a StoreKey's id. */
export const STORE_KEY_ID_BYTES = KEY_ID_BYTES;

/**
 * HKDF-SHA256 (no salt) of a master key (one of PERSONNUMMER_ENCRYPTION_KEYS) for one purpose,
 * named by `info`: each store gets its own keys, and never the personnummer key itself.
 */
export function deriveStoreKey(master: Buffer, info: string): StoreKey {
  const key = Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  return { id: crypto.createHash('sha256').update(key).digest().subarray(0, KEY_ID_BYTES), key };
}

const deriveFileKey = (master: Buffer): FileKey => deriveStoreKey(master, HKDF_INFO);

function assertHash(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new TypeError('Not a SHA-256 hex digest');
}

const sha256Hex = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

function encrypt(plaintext: Uint8Array, sha256: string, fileKey: FileKey): Buffer {
  const iv = crypto.randomBytes(IV_BYTES);
  const header = Buffer.concat([MAGIC, Buffer.from([VERSION]), fileKey.id, iv]);
  const cipher = crypto.createCipheriv('aes-256-gcm', fileKey.key, iv);
  cipher.setAAD(Buffer.concat([header, Buffer.from(sha256, 'ascii')]));
  return Buffer.concat([header, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

function decrypt(stored: Buffer, sha256: string, fileKeys: readonly FileKey[]): Buffer {
  if (stored.length < HEADER_BYTES + TAG_BYTES || !stored.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new StoredFileError('Not an encrypted portal file', 'bad-format');
  }
  const version = stored[MAGIC.length];
  if (version !== VERSION) throw new StoredFileError(`Unknown file format version ${version}`, 'bad-format');
  const idStart = MAGIC.length + 1;
  const id = stored.subarray(idStart, idStart + KEY_ID_BYTES);
  const fileKey = fileKeys.find((k) => k.id.equals(id));
  if (!fileKey) throw new StoredFileError(`No configured key ${id.toString('hex')} for this file`, 'unknown-key');
  const header = stored.subarray(0, HEADER_BYTES);
  const iv = stored.subarray(idStart + KEY_ID_BYTES, HEADER_BYTES);
  const decipher = crypto.createDecipheriv('aes-256-gcm', fileKey.key, iv);
  decipher.setAAD(Buffer.concat([header, Buffer.from(sha256, 'ascii')]));
  decipher.setAuthTag(stored.subarray(stored.length - TAG_BYTES));
  let plaintext: Buffer;
  try {
    plaintext = Buffer.concat([decipher.update(stored.subarray(HEADER_BYTES, stored.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new StoredFileError('Stored file failed its integrity check', 'tampered');
  }
  // Belt and braces: the content must be what its name says.
  if (sha256Hex(plaintext) !== sha256) throw new StoredFileError('Stored file does not match its hash', 'tampered');
  return plaintext;
}

const isNotFound = (e: unknown) => (e as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

export function createFileStore(options: FileStoreOptions): FileStore {
  if (options.keys.length === 0) throw new Error('File store needs at least one key');
  const fileKeys = options.keys.map(deriveFileKey);
  const root = path.resolve(options.dir);

  const pathFor = (sha256: string) => {
    assertHash(sha256);
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), `${sha256}.enc`);
  };

  async function readStoredFile(sha256: string): Promise<Buffer> {
    const file = pathFor(sha256);
    let stored: Buffer;
    try {
      stored = await fs.readFile(file);
    } catch (e) {
      if (isNotFound(e)) throw new StoredFileError('No stored file with this hash', 'not-found');
      throw e;
    }
    return decrypt(stored, sha256, fileKeys);
  }

  /** An existing file counts only if it can be read back: a damaged or orphaned-key one is replaced. */
  async function alreadyStored(sha256: string): Promise<boolean> {
    try {
      await readStoredFile(sha256);
      return true;
    } catch (e) {
      if (e instanceof StoredFileError) return false;
      throw e;
    }
  }

  async function storeFile(bytes: Uint8Array): Promise<StoredFile> {
    const sha256 = sha256Hex(bytes);
    const result = { sha256, size: bytes.byteLength };
    if (await alreadyStored(sha256)) return result;
    const file = pathFor(sha256);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    // Atomic: readers see either no file or the whole file, never a partial one.
    const temp = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    try {
      const handle = await fs.open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(encrypt(bytes, sha256, fileKeys[0]!));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, file);
    } catch (e) {
      await fs.rm(temp, { force: true });
      throw e;
    }
    return result;
  }

  async function hasStoredFile(sha256: string): Promise<boolean> {
    try {
      await fs.access(pathFor(sha256));
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  async function deleteStoredFile(sha256: string): Promise<boolean> {
    try {
      await fs.unlink(pathFor(sha256));
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  return { storeFile, readStoredFile, hasStoredFile, deleteStoredFile, pathFor };
}

const NAME = 'fileStore';

/** The process-wide store in FILES_DIR with the configured keys. */
export function fileStore(): FileStore {
  return singleton(NAME, () => {
    const env = loadEnv();
    return createFileStore({ dir: env.FILES_DIR, keys: env.pnrEncryptionKeys });
  });
}

/** For tests: make the module functions use this store (undefined: back to FILES_DIR). */
export function useFileStore(store: FileStore | undefined): void {
  setSingleton(NAME, store);
}

export const storeFile = (bytes: Uint8Array) => fileStore().storeFile(bytes);
export const readStoredFile = (sha256: string) => fileStore().readStoredFile(sha256);
export const hasStoredFile = (sha256: string) => fileStore().hasStoredFile(sha256);
export const deleteStoredFile = (sha256: string) => fileStore().deleteStoredFile(sha256);
