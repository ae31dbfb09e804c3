/**
 * Identity checks by reception and kontaktcenter staff (issue #8; DOMAIN.md §3; seed 004 bilaga 6:
 * "Fylls i av tjänsteman: giltig legitimation"). A visitor shows a valid ID document; the official
 * records which (type, issuer, the last four characters of its number — enough to find it again,
 * never the whole number) and that they checked it. A caller is identified with BankID on the phone
 * instead. A check holds for one conversation: CHECK_VALID_MINUTES, in the official's own session.
 * Pure.
 */
import { parsePersonnummer, type Personnummer } from './personnummer';

/** The ID documents Swedish authorities accept as "giltig legitimation". */
export const ID_DOCUMENT_TYPES = ['nationellt_id_kort', 'pass', 'korkort', 'sis_id_kort', 'annat'] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];

export const CHECK_METHODS = ['id_document', 'bankid_phone'] as const;
export type CheckMethod = (typeof CHECK_METHODS)[number];

/** One visit or call: long enough to talk and hand over, short enough not to outlive it. */
export const CHECK_VALID_MINUTES = 30;
export const MAX_NAME = 200;
export const MAX_ISSUER = 100;

export type IdDocument = { type: IdDocumentType; issuer: string; lastFour: string };
export type DocumentCheckInput = { personnummer: string; name: string; documentType: string; issuer: string; lastFour: string };
export type DocumentCheckField = 'personnummer' | 'name' | 'documentType' | 'issuer' | 'lastFour';
export type DocumentCheckError = 'required' | 'format' | 'date' | 'checksum' | 'future' | 'tooLong';
export type DocumentCheck =
  | { ok: true; personnummer: Personnummer; name: string; document: IdDocument }
  | { ok: false; errors: Partial<Record<DocumentCheckField, DocumentCheckError>> };

/**
 * What the official typed after looking at the document: a real personnummer, the name as on the
 * document, its type and issuer ("Polismyndigheten", "Transportstyrelsen", a bank for a SIS-märkt
 * card), and the last four letters or digits of the document number.
 */
export function checkIdDocument(input: DocumentCheckInput, today: string): DocumentCheck {
  const errors: Partial<Record<DocumentCheckField, DocumentCheckError>> = {};
  const pnr = input.personnummer.trim() ? parsePersonnummer(input.personnummer, today) : null;
  if (!pnr) errors.personnummer = 'required';
  else if (!pnr.ok) errors.personnummer = pnr.error;
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) errors.name = 'required';
  else if (name.length > MAX_NAME) errors.name = 'tooLong';
  if (!(ID_DOCUMENT_TYPES as readonly string[]).includes(input.documentType)) errors.documentType = 'required';
  const issuer = input.issuer.trim().replace(/\s+/g, ' ');
  if (!issuer) errors.issuer = 'required';
  else if (issuer.length > MAX_ISSUER) errors.issuer = 'tooLong';
  const lastFour = input.lastFour.replace(/\s+/g, '').toUpperCase();
  if (!lastFour) errors.lastFour = 'required';
  else if (!/^[A-Z0-9]{4}$/.test(lastFour)) errors.lastFour = 'format';
  if (Object.keys(errors).length || !pnr?.ok) return { ok: false, errors };
  return { ok: true, personnummer: pnr.pnr, name, document: { type: input.documentType as IdDocumentType, issuer, lastFour } };
}

/** Whether a check made at `checkedAt` still holds at `now`. */
export function checkStillValid(checkedAt: Date, now: Date): boolean {
  const age = now.getTime() - checkedAt.getTime();
  return age >= 0 && age <= CHECK_VALID_MINUTES * 60_000;
}
