/**
 * Delivery packages (issue #7, ADR 011): registerutdrag ZIPs of up to about 1 GB, encrypted at rest
 * and streamed in and out, so memory stays flat however large the package. The file store
 * (file-store.server.ts) seals a whole file with one GCM tag and so must hold it whole; this store
 * seals it in chunks instead, after the STREAM construction of Hoang, Reyhanitabar, Rogaway and
 * Vizár ("Online Authenticated-Encryption and its Nonce-Reuse Misuse-Resistance", CRYPTO 2015).
 *
 * File format (binary), in `${DATA_DIR}/delivery/<id>.enc`:
 *   header: "DSPD" | version (1 byte, 1) | key id (4 bytes) | salt (32 bytes) | nonce prefix (7 bytes)
 *   chunks: AES-256-GCM ciphertext of 64 KiB of plaintext | GCM tag (16 bytes), repeated; the last
 *           chunk holds 0–64 KiB (an empty package is one empty last chunk).
 * The store key is derived with HKDF-SHA256 from each of PERSONNUMMER_ENCRYPTION_KEYS (info
 * "dataskyddsportalen delivery v1"), so it rotates with them: the first encrypts, any configured
 * key decrypts. Each package gets its own key, HKDF of the store key with the random salt, so GCM
 * nonces need only be unique within one package. Chunk i's nonce is prefix | i (uint32, big-endian)
 * | last (1 byte, 0 or 1), and the header, the package id, i and the last flag are its additional
 * authenticated data: a chunk that is altered, moved, dropped, duplicated or taken from another
 * package, a package cut off at a chunk boundary or extended, and a file copied to another id all
 * fail their tag. The reader emits a chunk's plaintext only after its tag has been checked.
 *
 * Ids are random, not content hashes: two identical packages may have different lifetimes.
 * Nothing here removes a package by itself; keeping and removing them is the caller's job.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { loadEnv } from './env.server';
import { deriveStoreKey, STORE_KEY_ID_BYTES, StoredFileError, type StoreKey } from './file-store.server';
import { setSingleton, singleton } from './singleton.server';

const MAGIC = Buffer.from('DSPD', 'ascii');
const VERSION = 1;
const SALT_BYTES = 32;
const PREFIX_BYTES = 7;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + 1 + STORE_KEY_ID_BYTES + SALT_BYTES + PREFIX_BYTES;
/** Plaintext bytes per chunk; every chunk but the last is exactly this long. */
export const CHUNK_BYTES = 64 * 1024;
const SEALED_CHUNK_BYTES = CHUNK_BYTES + TAG_BYTES;
const MAX_CHUNKS = 0x1_0000_0000; // the counter is 32 bits: 256 TiB per package
const HKDF_INFO = 'dataskyddsportalen delivery v1';
const PACKAGE_KEY_INFO = 'dataskyddsportalen delivery v1 package';
const ID = /^[0-9a-f]{32}$/;

export type StoredPackage = {
  id: string;
  /** SHA-256 (hex) of the plaintext, e.g. for the checksum shown next to the download. */
  sha256: string;
  /** Plaintext bytes. */
  size: number;
};

/**
 * Write the package's bytes to `stream` and end it (or hand it to `pipeline`/`writeZip`). `done`
 * resolves once the package is complete on disk; until then nobody can read it. If the stream is
 * destroyed, with or without an error, before it finished, the partial file is removed and `done`
 * rejects. `done` never causes an unhandled rejection, but a caller must await it to learn the id.
 */
export type PackageWriter = { stream: Writable; done: Promise<StoredPackage> };

export type DeliveryStore = {
  /** Starts a new package with a fresh random id. */
  writePackage(): PackageWriter;
  /**
   * The plaintext, chunk by chunk, each verified before it is emitted. The stream errors with a
   * StoredFileError when the package is missing ('not-found'), is not one ('bad-format'), was
   * written with a key no longer configured ('unknown-key') or was altered ('tampered'); what it
   * emitted before that is an authentic prefix of the package, so a consumer must treat the error
   * as failure of the whole (an HTTP response is aborted, not ended).
   */
  readPackage(id: string): Readable;
  /** Whether a package with this id is stored (not whether it is readable). */
  hasPackage(id: string): Promise<boolean>;
  /** Removes the package; false when there was none. */
  removePackage(id: string): Promise<boolean>;
  /** Where the package with this id lives (for diagnostics and tests). */
  pathFor(id: string): string;
};

export type DeliveryStoreOptions = {
  /** Directory; created on first write. */
  dir: string;
  /** Master keys, newest first (PERSONNUMMER_ENCRYPTION_KEYS): the first encrypts, all decrypt. */
  keys: readonly Buffer[];
};

const packageKey = (storeKey: StoreKey, salt: Buffer) =>
  Buffer.from(crypto.hkdfSync('sha256', storeKey.key, salt, PACKAGE_KEY_INFO, 32));

function chunkNonce(prefix: Buffer, index: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(PREFIX_BYTES + 5);
  prefix.copy(nonce);
  nonce.writeUInt32BE(index, PREFIX_BYTES);
  nonce[PREFIX_BYTES + 4] = last ? 1 : 0;
  return nonce;
}

function chunkAad(header: Buffer, id: string, index: number, last: boolean): Buffer {
  const position = Buffer.alloc(5);
  position.writeUInt32BE(index);
  position[4] = last ? 1 : 0;
  return Buffer.concat([header, Buffer.from(id, 'ascii'), position]);
}

type PackageCipher = { header: Buffer; id: string; key: Buffer; prefix: Buffer };

function seal(c: PackageCipher, index: number, last: boolean, plaintext: Buffer): Buffer {
  const cipher = crypto.createCipheriv('aes-256-gcm', c.key, chunkNonce(c.prefix, index, last));
  cipher.setAAD(chunkAad(c.header, c.id, index, last));
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

function open(c: PackageCipher, index: number, last: boolean, sealed: Buffer): Buffer {
  const decipher = crypto.createDecipheriv('aes-256-gcm', c.key, chunkNonce(c.prefix, index, last));
  decipher.setAAD(chunkAad(c.header, c.id, index, last));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    // update() returns unauthenticated plaintext; it leaves this function only if final() passes.
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new StoredFileError(`Delivery package chunk ${index} failed its integrity check`, 'tampered');
  }
}

const isNotFound = (e: unknown) => (e as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

async function writeFully(handle: fs.FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, null);
    offset += bytesWritten;
  }
}

async function readFully(handle: fs.FileHandle, length: number, position: number): Promise<Buffer> {
  const bytes = Buffer.allocUnsafe(length);
  let offset = 0;
  while (offset < length) {
    const { bytesRead } = await handle.read(bytes, offset, length - offset, position + offset);
    if (bytesRead === 0) throw new StoredFileError('Delivery package ended early', 'tampered');
    offset += bytesRead;
  }
  return bytes;
}

/**
 * Runs the async work of a stream callback and remembers it, so that destroy() can wait for the
 * work in progress before it closes the file under it.
 */
function worker() {
  let busy: Promise<unknown> = Promise.resolve();
  return {
    run(op: () => Promise<void>, callback: (error?: Error | null) => void) {
      const p = op();
      busy = p.catch(() => {});
      p.then(() => callback(), (e: unknown) => callback(asError(e)));
    },
    idle: () => busy,
  };
}

export function createDeliveryStore(options: DeliveryStoreOptions): DeliveryStore {
  if (options.keys.length === 0) throw new Error('Delivery store needs at least one key');
  const storeKeys = options.keys.map((k) => deriveStoreKey(k, HKDF_INFO));
  const root = path.resolve(options.dir);

  const pathFor = (id: string) => {
    if (!ID.test(id)) throw new TypeError('Not a delivery package id');
    return path.join(root, `${id}.enc`);
  };

  function writePackage(): PackageWriter {
    const id = crypto.randomBytes(16).toString('hex');
    const file = pathFor(id);
    // Atomic: readers see either no package or the whole package, never a partial one.
    const temp = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    const storeKey = storeKeys[0]!;
    const salt = crypto.randomBytes(SALT_BYTES);
    const prefix = crypto.randomBytes(PREFIX_BYTES);
    const header = Buffer.concat([MAGIC, Buffer.from([VERSION]), storeKey.id, salt, prefix]);
    const c: PackageCipher = { header, id, key: packageKey(storeKey, salt), prefix };

    const hash = crypto.createHash('sha256');
    // One chunk of plaintext waits here until we know whether it is the last one.
    const staging = Buffer.allocUnsafe(CHUNK_BYTES);
    let filled = 0;
    let index = 0;
    let size = 0;
    let handle: fs.FileHandle | undefined;
    let completed = false;
    const { run, idle } = worker();

    let resolveDone!: (p: StoredPackage) => void;
    let rejectDone!: (e: Error) => void;
    const done = new Promise<StoredPackage>((resolve, reject) => {
      resolveDone = resolve;
      rejectDone = reject;
    });
    done.catch(() => {});

    const sealStaged = async (last: boolean) => {
      if (index >= MAX_CHUNKS) throw new Error('Delivery package too large');
      await writeFully(handle!, seal(c, index, last, staging.subarray(0, filled)));
      index += 1;
      filled = 0;
    };

    const stream = new Writable({
      highWaterMark: CHUNK_BYTES,
      construct(callback) {
        run(async () => {
          await fs.mkdir(root, { recursive: true, mode: 0o700 });
          handle = await fs.open(temp, 'wx', 0o600);
          await writeFully(handle, header);
        }, callback);
      },
      write(chunk: Buffer, _encoding, callback) {
        run(async () => {
          hash.update(chunk);
          size += chunk.length;
          let offset = 0;
          while (offset < chunk.length) {
            // A full staged chunk is not the last one once more bytes arrive.
            if (filled === CHUNK_BYTES) await sealStaged(false);
            const n = Math.min(CHUNK_BYTES - filled, chunk.length - offset);
            chunk.copy(staging, filled, offset, offset + n);
            filled += n;
            offset += n;
          }
        }, callback);
      },
      final(callback) {
        run(async () => {
          await sealStaged(true);
          await handle!.sync();
          await handle!.close();
          handle = undefined;
          await fs.rename(temp, file);
          completed = true;
          resolveDone({ id, sha256: hash.digest('hex'), size });
        }, callback);
      },
      destroy(error, callback) {
        void (async () => {
          await idle();
          if (!completed) {
            await handle?.close().catch(() => {});
            handle = undefined;
            await fs.rm(temp, { force: true }).catch(() => {});
            rejectDone(error ?? new Error('The delivery package stream was destroyed before it ended'));
          }
        })().then(() => callback(error));
      },
    });

    return { stream, done };
  }

  function readPackage(id: string): Readable {
    const file = pathFor(id);
    let handle: fs.FileHandle | undefined;
    let c: PackageCipher | undefined;
    let size = 0;
    let position = HEADER_BYTES;
    let index = 0;
    const { run, idle } = worker();

    const stream: Readable = new Readable({
      highWaterMark: CHUNK_BYTES,
      construct(callback) {
        run(async () => {
          try {
            handle = await fs.open(file, 'r');
          } catch (e) {
            if (isNotFound(e)) throw new StoredFileError('No delivery package with this id', 'not-found');
            throw e;
          }
          size = (await handle.stat()).size;
          const header = size >= HEADER_BYTES ? await readFully(handle, HEADER_BYTES, 0) : undefined;
          if (!header?.subarray(0, MAGIC.length).equals(MAGIC)) {
            throw new StoredFileError('Not an encrypted delivery package', 'bad-format');
          }
          const version = header[MAGIC.length];
          if (version !== VERSION) throw new StoredFileError(`Unknown delivery package version ${version}`, 'bad-format');
          let at = MAGIC.length + 1;
          const keyId = header.subarray(at, (at += STORE_KEY_ID_BYTES));
          const storeKey = storeKeys.find((k) => k.id.equals(keyId));
          if (!storeKey) throw new StoredFileError(`No configured key ${keyId.toString('hex')} for this package`, 'unknown-key');
          const salt = header.subarray(at, (at += SALT_BYTES));
          const prefix = header.subarray(at, (at += PREFIX_BYTES));
          c = { header, id, key: packageKey(storeKey, salt), prefix };
        }, callback);
      },
      read() {
        run(async () => {
          const remaining = size - position;
          const last = remaining <= SEALED_CHUNK_BYTES;
          // Every chunk has a tag, the last one too: less than a tag means the file was cut short.
          if (remaining < TAG_BYTES || index >= MAX_CHUNKS) {
            throw new StoredFileError('Delivery package is truncated', 'tampered');
          }
          const length = last ? remaining : SEALED_CHUNK_BYTES;
          const plaintext = open(c!, index, last, await readFully(handle!, length, position));
          position += length;
          index += 1;
          if (plaintext.length > 0) stream.push(plaintext);
          if (last) stream.push(null);
        }, (error) => {
          if (error) stream.destroy(error);
        });
      },
      destroy(error, callback) {
        void (async () => {
          await idle();
          await handle?.close().catch(() => {});
          handle = undefined;
        })().then(() => callback(error));
      },
    });
    return stream;
  }

  async function hasPackage(id: string): Promise<boolean> {
    try {
      await fs.access(pathFor(id));
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  async function removePackage(id: string): Promise<boolean> {
    try {
      await fs.unlink(pathFor(id));
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  return { writePackage, readPackage, hasPackage, removePackage, pathFor };
}

const NAME = 'deliveryStore';

/** The process-wide store in `${DATA_DIR}/delivery` with the configured keys. */
export function deliveryStore(): DeliveryStore {
  return singleton(NAME, () => {
    const env = loadEnv();
    return createDeliveryStore({ dir: path.join(env.DATA_DIR, 'delivery'), keys: env.pnrEncryptionKeys });
  });
}

/** For tests: make the module functions use this store (undefined: back to DATA_DIR/delivery). */
export function useDeliveryStore(store: DeliveryStore | undefined): void {
  setSingleton(NAME, store);
}

export const writePackage = () => deliveryStore().writePackage();
export const readPackage = (id: string) => deliveryStore().readPackage(id);
export const hasPackage = (id: string) => deliveryStore().hasPackage(id);
export const removePackage = (id: string) => deliveryStore().removePackage(id);
