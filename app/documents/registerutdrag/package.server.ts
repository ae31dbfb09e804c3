/**
 * The registerutdrag package (issue #7): one ZIP with the följebrev, the released documents,
 * data.json, a CSV per processing activity, the portable data (Art 20) where it applies,
 * LASMIG.txt (and README.txt for an English request), and manifest.json with the size and
 * SHA-256 of every other file. Paths: layout.ts.
 *
 * Streamed (ADR 009): the entries are produced one at a time and the ZIP writer asks for the
 * next only when the previous one has been read, so memory stays flat however large the
 * package is. Each file is hashed as it passes into the ZIP; manifest.json is the last entry,
 * written when every hash is known. A document whose bytes do not match the SHA-256 and size
 * the case holds for it stops the package: a half-written ZIP is never delivered.
 *
 * What goes in is only what the contract carries: released items and, for exclusions, counts
 * and grounds. No content of an excluded item can reach the package, because none reaches here.
 */
import crypto from 'node:crypto';
import { pipeline, Transform, type Writable } from 'node:stream';
import { pipeline as pipelinePromise } from 'node:stream/promises';
import { ART_6_1 } from '~/domain/processing-activities';
import { lettersT, longDate, type T } from '../letter-text.server';
import type { Lang } from '../types';
import { writeZip, type ZipEntry } from '../zip.server';
import { toCsv } from './csv';
import { renderFoljebrev, utdragT } from './foljebrev.server';
import { FILES, FOLDERS, packageLayout, type ActivityLayout } from './layout';
import type { ItemData, RegisterutdragActivity, RegisterutdragData } from './types';

export type ManifestEntry = { path: string; size: number; sha256: string };
export type Manifest = {
  format: 'dataskyddsportalen/registerutdrag-manifest';
  version: 1;
  diarienummer: string;
  builtAt: string;
  algorithm: 'SHA-256';
  /** Every file of the package except manifest.json, in the order they are in the ZIP. */
  files: ManifestEntry[];
};

/**
 * Whether the ZIP deflates a document, by its type. Formats that are compressed already are
 * stored: JPEG, PNG and the like, Office files (ZIPs themselves), audio and video — and PDF,
 * whose content streams are deflated or JPEG-encoded inside the file: on ordinary PDFs deflate
 * saves 2–3 % and costs the CPU time of the whole file, on a server with 2 cores. Text, JSON,
 * CSV, XML and unknown types are deflated. (foljebrev.pdf is the exception the other way: a
 * tagged PDF carries its structure tree as thousands of small uncompressed objects, and deflate
 * makes ours about 40 % smaller.)
 */
const ALREADY_COMPRESSED =
  /^(image\/(jpeg|png|gif|webp|heic|heif|avif)|video\/|audio\/|application\/(pdf|zip|gzip|x-7z-compressed|x-rar-compressed|vnd\.openxmlformats-officedocument\.|vnd\.oasis\.opendocument\.|epub\+zip))/i;

export const deflates = (mimeType: string) => !ALREADY_COMPRESSED.test(mimeType);

/**
 * Writes the package as a ZIP to `output` and resolves with the manifest and the number of
 * bytes written. Rejects — and destroys `output` — when a document cannot be read or does not
 * match its hash, or when `output` fails.
 */
export async function writeRegisterutdragPackage(data: RegisterutdragData, output: Writable): Promise<{ manifest: Manifest; bytes: number }> {
  const files: ManifestEntry[] = [];
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  const delivered = pipelinePromise(counter, output);
  delivered.catch(() => {}); // awaited below; writeZip sees the same failure through `counter`
  const manifest: Manifest = { format: 'dataskyddsportalen/registerutdrag-manifest', version: 1, diarienummer: data.diarienummer, builtAt: data.builtAt, algorithm: 'SHA-256', files };
  try {
    await writeZip(entries(data, files, manifest), counter);
    await delivered;
  } catch (err) {
    output.destroy(err instanceof Error ? err : new Error(String(err)));
    throw err;
  }
  return { manifest, bytes };
}

async function* entries(data: RegisterutdragData, files: ManifestEntry[], manifest: Manifest): AsyncGenerator<ZipEntry> {
  const mtime = new Date(data.builtAt);
  const layout = packageLayout(data);
  const lang = data.language;
  const t = await utdragT(lang);
  const lt = await lettersT(lang);
  const small = (name: string, bytes: Buffer, compress = true): ZipEntry => {
    files.push({ path: name, size: bytes.length, sha256: sha256(bytes) });
    return { name, data: bytes, mtime, compress };
  };

  yield small(FILES.letter, await renderFoljebrev(data));
  yield small(FILES.readme, readme('sv', await utdragT('sv'), data, layout));
  if (lang === 'en') yield small(FILES.readmeEn, readme('en', t, data, layout));
  yield small(FILES.data, json(dataJson(data, layout)));
  for (const [i, a] of data.activities.entries()) {
    if (a.items.length) yield small(layout[i]!.table, itemsCsv(a, layout[i]!, t, lt));
  }
  for (const [i, a] of data.activities.entries()) {
    const paths = layout[i]!.portability;
    if (!paths || !a.portability.applies) continue;
    yield small(paths.json, json(portabilityJson(data, a)));
    yield small(paths.csv, portabilityCsv(a, t));
  }
  // The documents last among the files: a person opening the ZIP sees the letter and the readme first.
  for (const [i, a] of data.activities.entries()) {
    for (const item of a.items) {
      if (item.kind !== 'document') continue;
      const name = layout[i]!.files.get(item.id)!;
      yield { name, data: hashing(item.file.open(), name, item.file, files), mtime, compress: deflates(item.file.mimeType) };
    }
  }
  yield { name: FILES.manifest, data: json(manifest), mtime, compress: true };
}

function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/**
 * Passes a document's bytes through, hashing and counting them; at the end records them in the
 * manifest, or fails the package when they are not the bytes the case holds.
 */
function hashing(source: NodeJS.ReadableStream, path: string, expected: { size: number; sha256: string }, files: ManifestEntry[]): Transform {
  const hash = crypto.createHash('sha256');
  let size = 0;
  const through = new Transform({
    transform(chunk: Buffer | string, _encoding, callback) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      hash.update(buffer);
      size += buffer.length;
      callback(null, buffer);
    },
    flush(callback) {
      const digest = hash.digest('hex');
      if (digest !== expected.sha256.toLowerCase() || size !== expected.size) {
        return callback(new Error(`${path}: the bytes read (${size} bytes, SHA-256 ${digest}) are not the document's (${expected.size} bytes, ${expected.sha256})`));
      }
      files.push({ path, size, sha256: digest });
      callback();
    },
  });
  // A failing source destroys `through` with its error, which fails the ZIP writer.
  pipeline(source, through, () => {});
  return through;
}

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

/** "6.1 e": the letter of Art 6(1), for readers who know the regulation. */
const article = (a: RegisterutdragActivity) => `6.1 ${ART_6_1[a.activity.legalBasis]}`;

function itemDataJson(data: ItemData | null) {
  if (!data) return null;
  return data.kind === 'fields' ? { fields: data.fields.map((f) => ({ label: f.label, value: f.value })) } : { text: data.text };
}

/**
 * data.json: every released item under its processing activity, with the activity's Art 15
 * facts, the portable data's files and, in general terms, what was not released. Keys in
 * English like most machine-readable formats; LASMIG.txt explains them in Swedish.
 */
function dataJson(data: RegisterutdragData, layout: ActivityLayout[]) {
  return {
    format: 'dataskyddsportalen/registerutdrag',
    version: 1,
    language: data.language,
    diarienummer: data.diarienummer,
    releasedOn: data.releasedOn,
    builtAt: data.builtAt,
    controller: { name: data.pua.name, kommun: data.kommun.name, email: data.pua.email ?? null, phone: data.pua.phone ?? null },
    dataProtectionOfficer: { name: data.dataskyddsombud.name, email: data.dataskyddsombud.email ?? null, phone: data.dataskyddsombud.phone ?? null },
    dataSubject: { name: data.request.subjectName, requestedBy: data.recipient.name, relation: data.request.relation },
    exclusionDecision: data.exclusionDecision,
    activities: data.activities.map((a, i) => {
      const { activity } = a;
      const paths = layout[i]!;
      return {
        number: i + 1,
        code: activity.code,
        name: activity.name,
        purposes: activity.purposes,
        legalBasis: { basis: activity.legalBasis, article: article(a), law: activity.legalBasisLaw ?? null },
        dataCategories: activity.dataCategories,
        sensitiveCategories: activity.sensitiveCategories ?? [],
        recipients: activity.recipients,
        thirdCountry: activity.thirdCountry,
        retention: activity.retention,
        retentionReference: activity.retentionReference ?? null,
        source: activity.source,
        automatedDecisions: activity.automatedDecisions,
        systems: activity.systems,
        portability: a.portability.applies ? { applies: true, files: [paths.portability!.json, paths.portability!.csv] } : { applies: false, reason: a.portability.reason },
        table: a.items.length ? paths.table : null,
        items: a.items.map((item) => ({
          id: item.id,
          kind: item.kind,
          title: item.title,
          description: item.description,
          data: itemDataJson(item.data),
          ...(item.kind === 'document'
            ? { masked: item.masked, file: { path: paths.files.get(item.id)!, mimeType: item.file.mimeType, size: item.file.size, sha256: item.file.sha256.toLowerCase() } }
            : {}),
        })),
        excluded: a.exclusions
          .filter((e) => e.withheld + e.masked > 0)
          .map((e) => ({ ground: e.ground.label, provisions: e.ground.provisions, withheld: e.withheld, masked: e.masked })),
      };
    }),
  };
}

/**
 * One row per field ("long" form), since the items of an activity have different fields: item,
 * kind, title, description, field, value, file, masked. A free text is one row; a document
 * without facts one row with its file.
 */
function itemsCsv(a: RegisterutdragActivity, layout: ActivityLayout, t: T, lt: T): Buffer {
  const header = ['item', 'kind', 'title', 'description', 'field', 'value', 'file', 'masked'].map((k) => t(`csv.${k}`));
  const rows = a.items.flatMap((item) => {
    const file = item.kind === 'document' ? layout.files.get(item.id)! : '';
    const masked = item.kind === 'document' ? lt(item.masked ? 'common.yes' : 'common.no') : '';
    const base = [item.id, t(`csv.kinds.${item.kind}`), item.title, item.description];
    const pairs = fieldPairs(item.data, t);
    return (pairs.length ? pairs : [['', ''] as [string, string]]).map(([field, value]) => [...base, field, value, file, masked]);
  });
  return toCsv(header, rows);
}

function fieldPairs(data: ItemData | null, t: T): [string, string][] {
  if (!data) return [];
  return data.kind === 'fields' ? data.fields.map((f) => [f.label, f.value]) : [[t('csv.text'), data.text]];
}

/** Art 20: the data the person provided, "in a structured, commonly used and machine-readable format". */
function portabilityJson(data: RegisterutdragData, a: RegisterutdragActivity) {
  if (!a.portability.applies) throw new Error('unreachable');
  return {
    format: 'dataskyddsportalen/dataportabilitet',
    version: 1,
    controller: { name: data.pua.name, kommun: data.kommun.name },
    activity: { code: a.activity.code, name: a.activity.name, legalBasis: { basis: a.activity.legalBasis, article: article(a) } },
    exportedAt: data.builtAt,
    records: a.portability.provided.map((r) => ({ id: r.id, title: r.title, providedOn: r.providedOn, fields: r.fields.map((f) => ({ label: f.label, value: f.value })) })),
  };
}

function portabilityCsv(a: RegisterutdragActivity, t: T): Buffer {
  if (!a.portability.applies) throw new Error('unreachable');
  const header = ['item', 'title', 'providedOn', 'field', 'value'].map((k) => t(`csv.${k}`));
  const rows = a.portability.provided.flatMap((r) => (r.fields.length ? r.fields : [{ label: '', value: '' }]).map((f) => [r.id, r.title, r.providedOn ?? '', f.label, f.value]));
  return toCsv(header, rows);
}

/**
 * LASMIG.txt / README.txt: what each file is and how to check it, in plain words. CRLF and a
 * byte order mark so that Windows' Notepad shows å, ä and ö; lines wrapped at 78 characters
 * because older Notepads do not wrap them.
 */
function readme(lang: Lang, t: T, data: RegisterutdragData, layout: ActivityLayout[]): Buffer {
  const subject = data.request.relation === 'self' ? t('intro.you') : data.request.subjectName;
  const hasDocuments = layout.some((l) => l.files.size > 0);
  const hasTables = data.activities.some((a) => a.items.length > 0);
  const hasPortability = layout.some((l) => l.portability);
  // No-break spaces keep "0150-123 60" on one line.
  const contact = [data.pua.email, data.pua.phone?.replace(/ /g, '\u00a0')].filter(Boolean).join(', ');
  const dpo = [data.dataskyddsombud.name, data.dataskyddsombud.email].filter(Boolean).join(', ');
  const file = (name: string, text: string) => [name, ...wrap(text, 74).map((l) => `    ${l}`), ''];
  const heading = (text: string) => [text.toLocaleUpperCase(lang === 'sv' ? 'sv-SE' : 'en-GB'), ''];
  const lines = [
    t('readme.title', { pua: data.pua.name, kommun: data.kommun.name }),
    t('readme.reference', { diarienummer: data.diarienummer }),
    t('readme.date', { date: longDate(data.releasedOn, lang) }),
    '',
    ...wrap(t('readme.what', { subject, pua: data.pua.name }), 78),
    '',
    ...wrap(t('readme.start'), 78),
    '',
    ...heading(t('readme.filesHeading')),
    ...file(FILES.letter, t('readme.letter')),
    ...(hasDocuments ? file(`${FOLDERS.documents}/`, t('readme.documents')) : []),
    ...file(FILES.data, t('readme.data')),
    ...(hasTables ? file(`${FOLDERS.tables}/`, t('readme.tables')) : []),
    ...(hasPortability ? file(`${FOLDERS.portability}/`, t('readme.portability')) : []),
    ...(data.language === 'en' ? file(FILES.readmeEn, t('readme.readmeEn')) : []),
    ...file(FILES.manifest, t('readme.manifest')),
    ...heading(t('readme.checkHeading')),
    ...wrap(t('readme.check'), 78),
    '',
    ...heading(t('readme.safeHeading')),
    ...wrap(t('readme.safe'), 78),
    '',
    ...heading(t('readme.contactHeading')),
    ...wrap(t('readme.contact', { pua: data.pua.name, contact, dpo }), 78),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Greedy word wrap; a word longer than the line stands on its own line. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[ \t\r\n]+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
