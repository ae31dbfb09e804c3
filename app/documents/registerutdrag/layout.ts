/**
 * Where everything goes in a registerutdrag package. The följebrev names the paths and the
 * package writes them, so both take them from here. Pure.
 *
 *   foljebrev.pdf
 *   LASMIG.txt                          (README.txt too when the request was in English)
 *   dokument/01 <behandling>/<fil>      the released documents, one folder per activity
 *   data.json                           every released item with its activity and data
 *   tabeller/01 <behandling>.csv        the same, one table per activity
 *   dataportabilitet/01 <behandling>.json and .csv   Art 20, where it applies
 *   manifest.json                       size and SHA-256 of every other file; the last entry
 *
 * Folder and file names are Swedish like the package's audience (the English README explains
 * them). The number matches the activity's heading in the letter and keeps names unique even
 * when two activities share a name.
 */
import { safeFilename } from '~/domain/file-types';
import type { RegisterutdragData } from './types';

export const FILES = {
  letter: 'foljebrev.pdf',
  readme: 'LASMIG.txt',
  readmeEn: 'README.txt',
  data: 'data.json',
  manifest: 'manifest.json',
} as const;

export const FOLDERS = { documents: 'dokument', tables: 'tabeller', portability: 'dataportabilitet' } as const;

/** Activity names can be long; the folder name is cut so that paths stay well under Windows' 260. */
const MAX_FOLDER_NAME = 64;

export type ActivityLayout = {
  /** "01 Handläggning av ekonomiskt bistånd". */
  base: string;
  /** `dokument/01 …`: the activity's documents. */
  documentsDir: string;
  /** `tabeller/01 ….csv`. */
  table: string;
  /** `dataportabilitet/01 ….json` and `.csv`, where portability applies. */
  portability: { json: string; csv: string } | null;
  /** Item id → the document's path in the archive. */
  files: Map<string, string>;
};

export function packageLayout(data: RegisterutdragData): ActivityLayout[] {
  const width = Math.max(2, String(data.activities.length).length);
  const ids = new Set<string>();
  return data.activities.map((a, i) => {
    const number = String(i + 1).padStart(width, '0');
    // A "/" in the name would otherwise make safeFilename keep only what follows it.
    const base = safeFilename(cut(`${number} ${a.activity.name.replace(/[/\\]/g, '-')}`, MAX_FOLDER_NAME), number);
    const taken = new Set<string>();
    const files = new Map<string, string>();
    for (const item of a.items) {
      if (ids.has(item.id)) throw new Error(`Item id ${item.id} occurs twice in the package`);
      ids.add(item.id);
      if (item.kind !== 'document') continue;
      files.set(item.id, `${FOLDERS.documents}/${base}/${uniqueName(safeFilename(item.file.filename, 'handling'), taken)}`);
    }
    return {
      base,
      documentsDir: `${FOLDERS.documents}/${base}`,
      table: `${FOLDERS.tables}/${base}.csv`,
      portability: a.portability.applies ? { json: `${FOLDERS.portability}/${base}.json`, csv: `${FOLDERS.portability}/${base}.csv` } : null,
      files,
    };
  });
}

/** "intyg.pdf", "intyg (2).pdf" …: unique ignoring case, as Windows and macOS compare names. */
function uniqueName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLocaleLowerCase('sv')); n++) candidate = `${stem} (${n})${ext}`;
  taken.add(candidate.toLocaleLowerCase('sv'));
  return candidate;
}

function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('').trimEnd();
}
