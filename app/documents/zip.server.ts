/**
 * A streaming ZIP writer on yazl (ADR 009). Entries are pulled one at a time from an (async)
 * iterable, and the next one is asked for only when the previous one has been read to its end,
 * so memory stays flat however large the package is (issue #7 builds 1 GB packages): at most
 * one entry's stream is open, and backpressure from `out` reaches the entry being read.
 */
import { Readable, Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

export type ZipEntry = {
  /** The path inside the archive, with `/` between folders. UTF-8, so å, ä and ö are fine. */
  name: string;
  data: Uint8Array | NodeJS.ReadableStream;
  /** Defaults to now. */
  mtime?: Date;
  /** Deflate the entry. Defaults to true, except for formats that are already compressed. */
  compress?: boolean;
};

/** Formats that deflate cannot make smaller: storing them saves time. */
const COMPRESSED = /\.(zip|gz|7z|jpe?g|png|gif|webp|heic|mp4|mov|mp3|m4a|docx|xlsx|pptx|odt|ods)$/i;

function toReadable(data: ZipEntry['data']): Readable {
  if (data instanceof Uint8Array) return Readable.from([data], { objectMode: false });
  return data instanceof Readable ? data : new Readable().wrap(data);
}

/**
 * Writes the entries as a ZIP archive to `out` and resolves when `out` has finished. If an
 * entry's stream, the iterable or `out` fails, it rejects with that error and destroys `out`
 * (an HTTP response is aborted rather than ending in a truncated archive that looks whole).
 */
export async function writeZip(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>, out: NodeJS.WritableStream): Promise<void> {
  const zip = new ZipFile();
  const output = zip.outputStream as Readable;
  let failed = false;
  const fail = (err: unknown) => {
    if (failed) return;
    failed = true;
    output.destroy(err instanceof Error ? err : new Error(String(err)));
  };
  zip.on('error', fail);
  const piped = pipeline(output, out as Writable);
  // Settles only if the pipeline ends early (the destination failed), so an entry never waits forever.
  const broken = piped.then(
    () => Promise.reject(new Error('The ZIP output ended before the archive was complete')),
    (err: unknown) => Promise.reject(err),
  );
  broken.catch(() => {});

  let current: Readable | null = null;
  try {
    for await (const entry of entries) {
      if (failed) break;
      const stream = toReadable(entry.data);
      current = stream;
      // Rejects on the stream's error, and on a stream destroyed before its end.
      const read = finished(stream, { writable: false });
      read.catch(() => {}); // when `broken` wins the race below, this one is not awaited
      zip.addReadStreamLazy(entry.name, { mtime: entry.mtime ?? new Date(), compress: entry.compress ?? !COMPRESSED.test(entry.name) }, (cb) => cb(null, stream));
      await Promise.race([read, broken]);
      current = null;
    }
    if (!failed) zip.end();
  } catch (err) {
    current?.destroy();
    fail(err);
  }
  await piped;
}

/** The whole archive in memory: for small packages and tests. */
export async function zipToBuffer(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await writeZip(entries, sink);
  return Buffer.concat(chunks);
}
