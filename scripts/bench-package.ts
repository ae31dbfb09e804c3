/**
 * Registerutdrag package benchmark (issue #7): "a package of 1,000 documents totalling 1 GB …
 * reports time and peak memory next to `zip` on the same files".
 *
 *   npm run bench:package -- [--files=1000] [--total-mb=1024] [--keep]
 *
 * A benchmark, not a test. It
 * 1. writes the documents into a temporary folder: half of them "scanned" PDFs and a fifth
 *    JPEG photos, filled with random bytes (their content is compressed already, so deflate
 *    could not shrink it either), and the rest text exports (.txt, .xml, .csv) of Swedish-like
 *    words, dates and numbers, which deflate shrinks several times — so the deflater does real
 *    work on them. Sizes vary (about 0.25–1.75 MiB) and add up to exactly --total-mb MiB;
 * 2. builds the package with `writeRegisterutdragPackage` to a file, the documents behind
 *    `fs.createReadStream`, and reports the wall time and the peak RSS (sampled every 50 ms);
 *    the package stores PDF and JPEG and deflates the rest (package.server.ts, `deflates`);
 * 3. runs Info-ZIP `zip -r` on the same files twice — as it is (deflates everything) and with
 *    `-n .pdf:.jpg` (stores what the package stores) — and reports its time and peak RSS
 *    (GNU time's %M). Without `zip` it says so and skips this part;
 * 4. prints a Markdown table, and removes the folder (--keep leaves it).
 *
 * The files are read from the page cache in every run: they were just written, and the machine
 * has memory to spare. Figures therefore compare CPU work, not disks.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import yauzl from 'yauzl';
import { renderFoljebrev } from '../app/documents/registerutdrag/foljebrev.server';
import { writeRegisterutdragPackage } from '../app/documents/registerutdrag/package.server';
import { registerutdrag } from '../app/documents/registerutdrag/test-fixtures';
import type { RegisterutdragData, ReleasedItem } from '../app/documents/registerutdrag/types';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const raw = args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const n = raw === undefined ? fallback : Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
};
if (flag('help')) {
  console.log('Usage: npm run bench:package -- [--files=1000] [--total-mb=1024] [--keep]');
  process.exit(0);
}
const FILES = option('files', 1000);
const TOTAL = option('total-mb', 1024) * 1024 * 1024;
const KEEP = flag('keep');
const CHUNK = 1024 * 1024;

const MiB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// The folder and its clean-up
// ---------------------------------------------------------------------------------------------

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dsp-bench-package-'));
const filesDir = path.join(root, 'files');
fs.mkdirSync(filesDir);
function cleanUp() {
  if (KEEP) console.log(`\n--keep: the files and archives are left in ${root}`);
  else fs.rmSync(root, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------------------------
// The documents
// ---------------------------------------------------------------------------------------------

/** mulberry32: the same files on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20260320);

type Kind = { ext: string; mimeType: string; text: boolean; header: string };
const PDF: Kind = { ext: 'pdf', mimeType: 'application/pdf', text: false, header: '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n' };
const JPEG: Kind = { ext: 'jpg', mimeType: 'image/jpeg', text: false, header: '\xff\xd8\xff\xe0\x00\x10JFIF\x00' };
const TEXT: Kind[] = [
  { ext: 'txt', mimeType: 'text/plain', text: true, header: '' },
  { ext: 'xml', mimeType: 'application/xml', text: true, header: '<?xml version="1.0" encoding="UTF-8"?>\n' },
  { ext: 'csv', mimeType: 'text/csv', text: true, header: 'datum;händelse;handläggare;belopp\n' },
];
const kindOf = (i: number): Kind => (i % 10 < 5 ? PDF : i % 10 < 7 ? JPEG : TEXT[i % 3]!);

const WORDS = (
  'ansökan beslut handläggare nämnden ärendet bifall avslag utredning insats besök samtal underlag yttrande kontakt ' +
  'vårdnadshavare barnet skolan bygglov fastigheten tomten ritning kontroll tillsyn föreläggande avgift faktura betalning ' +
  'bidrag förening lokal bokning lån bibliotek medlem styrelse protokoll anteckning telefon e-post brev adress postnummer ' +
  'granåsa storgatan kommun förvaltningen enheten avdelningen registrerad mottagen skickad diarieförd gallras bevaras ' +
  'och att det som för med på av till är en ett inte har vi du om men eller så från efter enligt under mellan'
).split(' ');

/** A megabyte of text the way system exports look: words, dates, amounts. Deflate makes it about a third. */
function textChunk(size: number): Buffer {
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const words = 6 + Math.floor(random() * 10);
    let line = `2026-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')};`;
    for (let w = 0; w < words; w++) line += `${WORDS[Math.floor(random() * WORDS.length)]} `;
    line += `;${Math.floor(random() * 100000)} kr\n`;
    parts.push(line);
    length += Buffer.byteLength(line);
  }
  return Buffer.from(parts.join(''), 'utf8').subarray(0, size);
}

type Doc = { path: string; name: string; mimeType: string; size: number; sha256: string };

async function writeDocuments(): Promise<Doc[]> {
  const weights = Array.from({ length: FILES }, () => 0.25 + 1.5 * random());
  const sum = weights.reduce((a, w) => a + w, 0);
  const sizes = weights.map((w) => Math.floor((w / sum) * TOTAL));
  sizes[sizes.length - 1]! += TOTAL - sizes.reduce((a, s) => a + s, 0);
  const docs: Doc[] = [];
  for (let i = 0; i < FILES; i++) {
    const kind = kindOf(i);
    const name = `handling-${String(i + 1).padStart(4, '0')}.${kind.ext}`;
    const file = path.join(filesDir, name);
    const hash = crypto.createHash('sha256');
    const handle = await fs.promises.open(file, 'w');
    let left = sizes[i]!;
    let first = true;
    while (left > 0) {
      const n = Math.min(CHUNK, left);
      let chunk = kind.text ? textChunk(n) : crypto.randomBytes(n);
      if (first && kind.header) chunk = Buffer.concat([Buffer.from(kind.header, 'latin1'), chunk]).subarray(0, n);
      first = false;
      hash.update(chunk);
      await handle.write(chunk);
      left -= n;
    }
    await handle.close();
    docs.push({ path: file, name, mimeType: kind.mimeType, size: sizes[i]!, sha256: hash.digest('hex') });
  }
  return docs;
}

/** The demo registerutdrag with its three activities, the documents spread over them (60/25/15 %). */
function packageData(docs: Doc[]): RegisterutdragData {
  const data = registerutdrag();
  data.activities.forEach((a) => (a.items = []));
  docs.forEach((doc, i) => {
    const share = i % 20;
    const activity = data.activities[share < 12 ? 0 : share < 17 ? 1 : 2]!;
    const item: ReleasedItem = {
      kind: 'document',
      id: `doc-${i + 1}`,
      title: `Handling ${i + 1}`,
      description: 'Ur verksamhetssystemet.',
      data: null,
      masked: false,
      file: { filename: doc.name, mimeType: doc.mimeType, size: doc.size, sha256: doc.sha256, open: () => fs.createReadStream(doc.path) },
    };
    activity.items.push(item);
  });
  return data;
}

// ---------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------

type Result = { label: string; ms: number; peakRss: number | null; baseRss?: number; size: number };

async function measurePackage(data: RegisterutdragData, out: string): Promise<Result> {
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const start = performance.now();
  const { bytes, manifest } = await writeRegisterutdragPackage(data, fs.createWriteStream(out));
  const ms = performance.now() - start;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const entries = await countEntries(out);
  if (entries !== manifest.files.length + 1) throw new Error(`The archive has ${entries} entries, the manifest lists ${manifest.files.length} + itself`);
  return { label: '`writeRegisterutdragPackage` (stores PDF and JPEG, deflates the rest; SHA-256 of every file)', ms, peakRss, baseRss, size: bytes };
}

function countEntries(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: false, autoClose: true }, (err, zip) => (err || !zip ? reject(err) : resolve(zip.entryCount)));
  });
}

function hasZip(): boolean {
  const r = spawnSync('zip', ['-v'], { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

function measureZip(label: string, extra: string[], out: string): Result {
  const gnuTime = fs.existsSync('/usr/bin/time');
  const zipArgs = ['-r', '-q', ...extra, out, '.'];
  const start = performance.now();
  const r = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', 'maxrss_kb=%M', 'zip', ...zipArgs], { cwd: filesDir, encoding: 'utf8' })
    : spawnSync('zip', zipArgs, { cwd: filesDir, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`zip failed: ${r.stderr}`);
  const kb = /maxrss_kb=(\d+)/.exec(r.stderr ?? '')?.[1];
  return { label, ms, peakRss: kb ? Number(kb) * 1024 : null, size: fs.statSync(out).size };
}

// ---------------------------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------------------------

try {
  const cpu = os.cpus();
  console.log(`Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${mb(os.totalmem())} RAM, ${os.platform()} ${os.release()}`);
  console.log(`Writing ${FILES} documents, ${mb(TOTAL)} in all, to ${filesDir} …`);
  let t0 = performance.now();
  const docs = await writeDocuments();
  const byKind = (ext: string) => docs.filter((d) => d.name.endsWith(`.${ext}`));
  console.log(
    `  ${seconds(performance.now() - t0)}: ${['pdf', 'jpg', 'txt', 'xml', 'csv'].map((e) => `${byKind(e).length} .${e} (${mb(byKind(e).reduce((a, d) => a + d.size, 0))})`).join(', ')}`,
  );

  const data = packageData(docs);
  t0 = performance.now();
  const letter = await renderFoljebrev(data); // also loads fonts and locales before measuring
  const letterMs = performance.now() - t0;
  console.log(`Följebrev listing ${FILES} documents: ${seconds(letterMs)}, ${(letter.length / 1024).toFixed(0)} KiB (first render, fonts and locales loaded)`);

  const results: Result[] = [];
  console.log('Building the package …');
  results.push(await measurePackage(data, path.join(root, 'registerutdrag.zip')));

  if (hasZip()) {
    console.log('Running zip -r on the same files …');
    results.push(measureZip('`zip -r` (Info-ZIP 3.0, deflates everything, level 6)', [], path.join(root, 'zip-default.zip')));
    results.push(measureZip('`zip -r -n .pdf:.jpg` (stores what the package stores)', ['-n', '.pdf:.jpg'], path.join(root, 'zip-stored.zip')));
  } else {
    console.log('\n`zip` is not installed, so there is nothing to compare with (Debian/Ubuntu: apt-get install zip). Skipping the comparison.');
  }

  console.log(`\n${FILES} documents, ${mb(TOTAL)} (${docs.filter((d) => d.mimeType === 'application/pdf' || d.mimeType === 'image/jpeg').length} PDF/JPEG of random bytes, the rest text):\n`);
  console.log('| Archiver | Wall time | Peak RSS | Archive |');
  console.log('|---|---|---|---|');
  for (const r of results) {
    const rss = r.peakRss === null ? 'n/a' : r.baseRss !== undefined ? `${mb(r.peakRss)} (${mb(r.peakRss - r.baseRss)} above the ${mb(r.baseRss)} before)` : mb(r.peakRss);
    console.log(`| ${r.label} | ${seconds(r.ms)} | ${rss} | ${mb(r.size)} |`);
  }
} finally {
  cleanUp();
}
