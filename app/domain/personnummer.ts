/**
 * Swedish personnummer and samordningsnummer (Folkbokföringslagen 18 §, SKV 704 / 707).
 * Pure: the reference date for century rules is a parameter, never the wall clock.
 *
 * We do not use the `personnummer` npm package: it resolves the century of a 10-digit number
 * against the current time, which makes the rule untestable and would let a number change
 * meaning at midnight inside one request.
 */
import { luhnValid } from './luhn';

export type Personnummer = {
  /** Normalised 12 digits, YYYYMMDDNNNN (the form stored and sent to BankID). */
  value: string;
  birthDate: string; // YYYY-MM-DD
  /** Samordningsnummer: day of birth + 60. */
  samordningsnummer: boolean;
};

export type PersonnummerError = 'format' | 'date' | 'checksum' | 'future';

export type ParseResult = { ok: true; pnr: Personnummer } | { ok: false; error: PersonnummerError };

const PATTERN = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * Century for a 10-digit number (Skatteverket): with "-" (or no separator) the person is under
 * 100 on `today`, so the most recent century whose date is not in the future; with "+" the person
 * has turned 100, so one century earlier still.
 */
function resolveCentury(yy: number, month: number, day: number, plus: boolean, today: string): number {
  const [ty] = today.split('-').map(Number) as [number];
  let year = Math.floor(ty / 100) * 100 + yy;
  if (iso(year, month, day) > today) year -= 100;
  if (plus) year -= 100;
  return year;
}

/** `today` is an ISO date (Europe/Stockholm) used for the century rule and the future check. */
export function parsePersonnummer(input: string, today: string): ParseResult {
  const compact = input.replace(/\s+/g, '');
  const m = PATTERN.exec(compact);
  if (!m) return { ok: false, error: 'format' };
  const [, cc, yyS, mmS, ddS, sep, serial, check] = m as unknown as string[];
  const month = Number(mmS);
  const rawDay = Number(ddS);
  const samordningsnummer = rawDay > 60;
  const day = samordningsnummer ? rawDay - 60 : rawDay;
  const yy = Number(yyS);
  // A "+" only has meaning in the 10-digit form; the 12-digit form names its century.
  if (cc && sep === '+') return { ok: false, error: 'format' };
  const year = cc ? Number(cc) * 100 + yy : resolveCentury(yy, month, day, sep === '+', today);
  if (!isRealDate(year, month, day)) return { ok: false, error: 'date' };
  if (!luhnValid(`${yyS}${mmS}${ddS}${serial}${check}`)) return { ok: false, error: 'checksum' };
  const birthDate = iso(year, month, day);
  if (birthDate > today) return { ok: false, error: 'future' };
  return {
    ok: true,
    pnr: { value: `${String(year).padStart(4, '0')}${mmS}${ddS}${serial}${check}`, birthDate, samordningsnummer },
  };
}

/** `YYYYMMDD-****`: the default way to show a personnummer (DSL 3 kap. 10 §; DOMAIN.md §9). */
export function maskPersonnummer(normalised: string): string {
  return `${normalised.slice(0, 8)}-****`;
}

/** Full form for deliberate display: `YYYYMMDD-NNNN`. */
export function formatPersonnummer(normalised: string): string {
  return `${normalised.slice(0, 8)}-${normalised.slice(8)}`;
}

/** Age in whole years on `date` (ISO), e.g. to check that a child is under 18. */
export function ageOn(pnr: Personnummer, date: string): number {
  const [by, bm, bd] = pnr.birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Organisationsnummer (Lag 1974:174): ten digits, Luhn, the "month" digits at least 20 so it
 * cannot be a personnummer. Returns the normalised `NNNNNN-NNNN` form or null.
 */
export function parseOrganisationsnummer(input: string): string | null {
  const m = /^(\d{6})-?(\d{4})$/.exec(input.trim());
  if (!m) return null;
  const digits = `${m[1]}${m[2]}`;
  if (Number(digits.slice(2, 4)) < 20 || !luhnValid(digits)) return null;
  return `${m[1]}-${m[2]}`;
}

/*
 * A personnummer or samordningsnummer written anywhere in free text: 12 digits (YYYYMMDDNNNN)
 * or 10 (YYMMDDNNNN), with "-", "+", a space or nothing before the last four. Not inside a longer
 * run of digits.
 */
const IN_TEXT = /(?<!\d)(\d{8}|\d{6})([-+ ]?)(\d{4})(?!\d)/g;

/** Month 01–12 and a day that exists in it (a samordningsnummer adds 60 to the day). */
function plausibleDate(head: string): boolean {
  const year = head.length === 8 ? Number(head.slice(0, 4)) : 2000; // 2000: 29 February is possible
  if (head.length === 8 && (year < 1800 || year >= 2100)) return false;
  const month = Number(head.slice(-4, -2));
  const rawDay = Number(head.slice(-2));
  const day = rawDay > 60 ? rawDay - 60 : rawDay;
  return isRealDate(year, month, day);
}

/**
 * Every personnummer and samordningsnummer in a free text masked (DSL 3 kap. 10 §; DOMAIN.md §9):
 * "19811228-9874" and "198112289874" become "19811228-****". A 10-digit number keeps its form,
 * "811228-9874" → "811228-****": its century cannot be known from the text, and a guessed one
 * would state a wrong date of birth. Numbers in `keep` (any form; e.g. the person's own number
 * in their own registerutdrag) stay as written.
 *
 * What counts: a real date (or samordningsnummer day), then "-" or "+" and four digits — the
 * way a personnummer is written, so a mistyped check digit is masked too. Without a separator
 * (or with a space) the Luhn check digit must also be right, which spares most telephone,
 * account and order numbers. Anything this misses — a number split over lines, or written with
 * dots — has to be masked by a person.
 */
export function maskPersonnummerInText(text: string, keep: readonly string[] = []): string {
  const kept = keep.map((k) => k.replace(/\D/g, '')).filter((k) => k.length === 10 || k.length === 12);
  const isKept = (digits: string) =>
    kept.some((k) => (k.length === digits.length ? k === digits : k.slice(-10) === digits.slice(-10)));
  return text.replace(IN_TEXT, (match, head: string, sep: string, tail: string) => {
    if (!plausibleDate(head)) return match;
    const digits = `${head}${tail}`;
    if ((sep === '' || sep === ' ') && !luhnValid(digits.slice(-10))) return match;
    if (isKept(digits)) return match;
    return `${head}${head.length === 6 && sep === '+' ? '+' : '-'}****`;
  });
}
