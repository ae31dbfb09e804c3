/**
 * A folkbokföring read from a JSON file, for the demo and the tests (production uses a Navet
 * adapter, docs/integrations/navet.md). The file, e.g. db/seed/demo-folkbokforing.json:
 *
 *   {
 *     "$comment": "free text",
 *     "persons": {
 *       "<12-digit personnummer>": {
 *         "name": { "given": "Anna", "surname": "Lindqvist" },
 *         "address": { "street": "Björkvägen 7", "postalCode": "645 34", "city": "Sjöbacka", "careOf": "optional, without 'c/o'" },
 *         "protection": "sekretessmarkering" | "skyddad_folkbokforing",   (optional)
 *         "noAddress": "utvandrad" | "avliden" | "saknar_adress"            (optional)
 *       }
 *     }
 *   }
 *
 * An entry needs an address unless it has `protection` or `noAddress`. A protected entry's
 * address is dropped here even when the file has one, so no mistake in a fixture can put a
 * protected person's address on a letter (DOMAIN.md §9). Protection also wins over `noAddress`:
 * the flag is what restricts the case, and it must never be lost.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { parsePersonnummer } from '~/domain/personnummer';
import type { Folkbokforing, FolkbokforingRecord, NoAddressReason, Protection } from './types';

const PROTECTIONS = ['sekretessmarkering', 'skyddad_folkbokforing'] as const satisfies readonly Protection[];
const NO_ADDRESS_REASONS = ['utvandrad', 'avliden', 'saknar_adress'] as const satisfies readonly NoAddressReason[];

const text = z.string().trim().min(1, 'must not be empty');

const postalAddress = z
  .object({
    street: text,
    postalCode: z.string().regex(/^\d{3} ?\d{2}$/, 'must be a Swedish postnummer (NNN NN)'),
    city: text,
    careOf: text.optional(),
  })
  .strict();

const entrySchema = z
  .object({
    name: z.object({ given: text, surname: text }).strict(),
    address: postalAddress.optional(),
    protection: z.enum(PROTECTIONS, { errorMap: () => ({ message: `must be one of ${PROTECTIONS.join(', ')}` }) }).optional(),
    noAddress: z.enum(NO_ADDRESS_REASONS, { errorMap: () => ({ message: `must be one of ${NO_ADDRESS_REASONS.join(', ')}` }) }).optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.protection) return; // any address is dropped below
    if (e.noAddress && e.address) ctx.addIssue({ code: 'custom', path: ['address'], message: `contradicts "noAddress": ${e.noAddress}` });
    if (!e.noAddress && !e.address) ctx.addIssue({ code: 'custom', path: ['address'], message: 'is required unless the entry has "protection" or "noAddress"' });
  });

const fileSchema = z
  .object({
    $comment: z.string().optional(),
    persons: z.record(z.string(), z.unknown()),
  })
  .strict();

type Entry = z.infer<typeof entrySchema>;

export class FolkbokforingFixtureError extends Error {}

/** 12 digits with a real date and Luhn digit; the century rule does not apply to 12 digits. */
const isPersonnummer = (v: string) => /^\d{12}$/.test(v) && parsePersonnummer(v, '9999-12-31').ok;

const normalisePostalCode = (v: string) => v.replace(/^(\d{3}) ?(\d{2})$/, '$1 $2');

function toRecord(e: Entry): FolkbokforingRecord {
  const name = { given: e.name.given, surname: e.name.surname };
  // Built field by field, never spread from the entry, so an address cannot ride along.
  if (e.protection) return { status: 'found', name, protection: e.protection };
  if (e.noAddress) return { status: 'no_address', reason: e.noAddress };
  const a = e.address!;
  const address = { street: a.street, postalCode: normalisePostalCode(a.postalCode), city: a.city, ...(a.careOf ? { careOf: a.careOf } : {}) };
  return { status: 'found', name, protection: null, address };
}

/**
 * Validates a parsed fixture file and returns its records by personnummer. Throws a
 * FolkbokforingFixtureError listing every problem, each naming its entry. `source` (the file
 * name) only makes the message clearer.
 */
export function parseFolkbokforingFixture(json: unknown, source = 'folkbokföring fixture'): Map<string, FolkbokforingRecord> {
  const file = fileSchema.safeParse(json);
  if (!file.success) {
    const lines = file.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new FolkbokforingFixtureError(`${source} is invalid:\n  ${lines.join('\n  ')}`);
  }
  const problems: string[] = [];
  const records = new Map<string, FolkbokforingRecord>();
  for (const [key, value] of Object.entries(file.data.persons)) {
    if (!isPersonnummer(key)) problems.push(`entry "${key}": must be a valid 12-digit personnummer (YYYYMMDDNNNN)`);
    const entry = entrySchema.safeParse(value);
    if (!entry.success) {
      for (const i of entry.error.issues) problems.push(`entry "${key}": ${i.path.join('.') || '(entry)'}: ${i.message}`);
      continue;
    }
    records.set(key, toRecord(entry.data));
  }
  if (problems.length > 0) throw new FolkbokforingFixtureError(`${source} is invalid:\n  ${problems.join('\n  ')}`);
  return records;
}

/** A Folkbokforing answering from a parsed fixture file (see the top of this file for the format). */
export function createFixtureFolkbokforing(entries: unknown, source?: string): Folkbokforing {
  const records = parseFolkbokforingFixture(entries, source);
  return {
    async lookup(personnummer) {
      // The contract is 12 digits; a caller passing anything else has a bug. The value stays
      // out of the message because it may well be a personnummer in another form.
      if (!/^\d{12}$/.test(personnummer)) throw new TypeError('folkbokföring lookup needs a 12-digit personnummer');
      const record = records.get(personnummer);
      // A copy, so a caller that edits its record cannot change the next answer.
      return record ? structuredClone(record) : { status: 'not_found' };
    },
  };
}

/** Reads and validates a fixture file (`file` as given, relative paths from process.cwd()). */
export function readFolkbokforingFixture(file: string): Folkbokforing {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new FolkbokforingFixtureError(`${file} could not be read as JSON: ${(e as Error).message}`);
  }
  return createFixtureFolkbokforing(json, file);
}
