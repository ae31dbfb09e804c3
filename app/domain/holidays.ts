/**
 * Swedish public holidays (allmänna helgdagar) and the "aftnar" that Swedish deadline law treats
 * like them. Computed from the rules, never from a table of years.
 *
 * Sources:
 * - Lag (1989:253) om allmänna helgdagar, 1 §, as in force since 2005 (SFS 2004:1320: Sveriges
 *   nationaldag became a holiday and annandag pingst stopped being one). Dates before 2005 are
 *   therefore computed by today's list; the portal only handles dates after GDPR (2018).
 * - Lag (1930:173) om beräkning av lagstadgad tid: midsommarafton, julafton and nyårsafton are
 *   treated like allmänna helgdagar when a statutory limit ends (see `deadlines.ts`).
 * - Easter: the Gregorian computus (Anonymous Gregorian algorithm, Meeus/Jones/Butcher). Sweden
 *   has used it since 1845 (1753–1844 it used its own astronomical Easter), so years before 1583
 *   are refused and years before 1845 follow the Gregorian rule, not Swedish historical practice.
 */
import { addDays, isoDate, isSunday, isoWeekday, parseIsoDate, SATURDAY, type IsoDate } from './iso-date';

export type HelgdagKey =
  | 'nyarsdagen'
  | 'trettondedag_jul'
  | 'langfredagen'
  | 'paskdagen'
  | 'annandag_pask'
  | 'forsta_maj'
  | 'kristi_himmelsfardsdag'
  | 'pingstdagen'
  | 'nationaldagen'
  | 'midsommardagen'
  | 'alla_helgons_dag'
  | 'juldagen'
  | 'annandag_jul';

/** One named allmän helgdag (Sundays are helgdagar too but are not listed). */
export type Helgdag = { date: IsoDate; key: HelgdagKey; name: string };

export type AftonKey = 'midsommarafton' | 'julafton' | 'nyarsafton';
export type Afton = { date: IsoDate; key: AftonKey; name: string };

const FIRST_GREGORIAN_YEAR = 1583;

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_GREGORIAN_YEAR || year > 9999) {
    throw new RangeError(`Year ${year} is outside ${FIRST_GREGORIAN_YEAR}–9999 (Gregorian computus)`);
  }
}

/** Easter Sunday (påskdagen) of `year` by the Gregorian computus. */
export function easterSunday(year: number): IsoDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** The Saturday in the seven-day window starting at `month`/`firstDay` of `year`. */
function saturdayFrom(year: number, month: number, firstDay: number): IsoDate {
  const start = isoDate(year, month, firstDay);
  return addDays(start, (SATURDAY - isoWeekday(start) + 7) % 7);
}

/** Midsommardagen: the Saturday 20–26 June (Lag 1989:253 1 §). */
export function midsommardagen(year: number): IsoDate {
  assertYear(year);
  return saturdayFrom(year, 6, 20);
}

/** Midsommarafton: the Friday before midsommardagen (so 19–25 June). */
export function midsommarafton(year: number): IsoDate {
  return addDays(midsommardagen(year), -1);
}

/** Alla helgons dag: the Saturday 31 October – 6 November (Lag 1989:253 1 §). */
export function allaHelgonsDag(year: number): IsoDate {
  assertYear(year);
  return saturdayFrom(year, 10, 31);
}

/** The 13 named allmänna helgdagar of `year` (Lag 1989:253 1 §), in date order; Sundays not listed. */
export function allmannaHelgdagar(year: number): Helgdag[] {
  const easter = easterSunday(year);
  const list: Helgdag[] = [
    { date: isoDate(year, 1, 1), key: 'nyarsdagen', name: 'nyårsdagen' },
    { date: isoDate(year, 1, 6), key: 'trettondedag_jul', name: 'trettondedag jul' },
    { date: addDays(easter, -2), key: 'langfredagen', name: 'långfredagen' },
    { date: easter, key: 'paskdagen', name: 'påskdagen' },
    { date: addDays(easter, 1), key: 'annandag_pask', name: 'annandag påsk' },
    { date: isoDate(year, 5, 1), key: 'forsta_maj', name: 'första maj' },
    { date: addDays(easter, 39), key: 'kristi_himmelsfardsdag', name: 'Kristi himmelsfärdsdag' },
    { date: addDays(easter, 49), key: 'pingstdagen', name: 'pingstdagen' },
    { date: isoDate(year, 6, 6), key: 'nationaldagen', name: 'Sveriges nationaldag' },
    { date: midsommardagen(year), key: 'midsommardagen', name: 'midsommardagen' },
    { date: allaHelgonsDag(year), key: 'alla_helgons_dag', name: 'alla helgons dag' },
    { date: isoDate(year, 12, 25), key: 'juldagen', name: 'juldagen' },
    { date: isoDate(year, 12, 26), key: 'annandag_jul', name: 'annandag jul' },
  ];
  // Stable sort: when two coincide (e.g. Kristi himmelsfärdsdag on 1 May 2008) the law's order stays.
  return list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** Aftnar of `year` that Lag (1930:173) treats like helgdagar, in date order. */
export function aftnar(year: number): Afton[] {
  return [
    { date: midsommarafton(year), key: 'midsommarafton', name: 'midsommarafton' },
    { date: isoDate(year, 12, 24), key: 'julafton', name: 'julafton' },
    { date: isoDate(year, 12, 31), key: 'nyarsafton', name: 'nyårsafton' },
  ];
}

// Pure memoisation: a year's holidays never change, and working-day loops ask many times.
const helgdagCache = new Map<number, Map<IsoDate, Helgdag[]>>();
const aftonCache = new Map<number, Map<IsoDate, Afton>>();

function helgdagIndex(year: number): Map<IsoDate, Helgdag[]> {
  let index = helgdagCache.get(year);
  if (!index) {
    index = new Map();
    for (const h of allmannaHelgdagar(year)) index.set(h.date, [...(index.get(h.date) ?? []), h]);
    helgdagCache.set(year, index);
  }
  return index;
}

function aftonIndex(year: number): Map<IsoDate, Afton> {
  let index = aftonCache.get(year);
  if (!index) {
    index = new Map(aftnar(year).map((a) => [a.date, a]));
    aftonCache.set(year, index);
  }
  return index;
}

/** The named helgdagar on `date` (usually zero or one; two when they coincide). Sundays as such are not named. */
export function helgdagarOn(date: IsoDate): Helgdag[] {
  const { year } = parseIsoDate(date);
  return [...(helgdagIndex(year).get(date) ?? [])];
}

/** True for every Sunday and every named allmän helgdag (Lag 1989:253 1 §: "alla söndagar" are helgdagar). */
export function isAllmanHelgdag(date: IsoDate): boolean {
  return isSunday(date) || helgdagarOn(date).length > 0;
}

/**
 * Human name of the helgdag on `date` for texts ("juldagen", "första maj och Kristi
 * himmelsfärdsdag", "söndag"), or null when it is not an allmän helgdag.
 */
export function helgdagName(date: IsoDate): string | null {
  const named = helgdagarOn(date);
  if (named.length > 0) return named.map((h) => h.name).join(' och ');
  return isSunday(date) ? 'söndag' : null;
}

/** The afton on `date` (midsommarafton, julafton, nyårsafton), or null. */
export function aftonOn(date: IsoDate): Afton | null {
  const { year } = parseIsoDate(date);
  return aftonIndex(year).get(date) ?? null;
}

/** True on midsommarafton, julafton and nyårsafton (Lag 1930:173). Påsk- and pingstafton are not included. */
export function isAfton(date: IsoDate): boolean {
  return aftonOn(date) !== null;
}
