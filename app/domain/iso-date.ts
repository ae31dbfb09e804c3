/**
 * Calendar dates as ISO `YYYY-MM-DD` strings (the Swedish civil date), with pure arithmetic.
 *
 * Nothing here looks at the wall clock or the process time zone. Arithmetic works on a day
 * number (days since 1970-01-01 in the proleptic Gregorian calendar, computed with
 * H. Hinnant's `days_from_civil`), so "add one day" can never be shifted by a DST change or by
 * the server's TZ. Valid years are 0001–9999; anything else, or a date that does not exist
 * (`2026-02-30`), throws a `RangeError` that names the bad input.
 */

/** An ISO calendar date `YYYY-MM-DD`. A plain string so values pass straight from the database. */
export type IsoDate = string;

export type DateParts = { year: number; month: number; day: number };

/** ISO weekday: 1 = Monday … 6 = Saturday, 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const MONDAY = 1;
export const FRIDAY = 5;
export const SATURDAY = 6;
export const SUNDAY = 7;

const MIN_YEAR = 1;
const MAX_YEAR = 9999;
const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function quote(input: unknown): string {
  return typeof input === 'string' ? JSON.stringify(input) : String(input);
}

/** Parse and validate; throws `RangeError` for anything that is not a real date in 0001–9999. */
export function parseIsoDate(input: IsoDate): DateParts {
  if (typeof input !== 'string') throw new RangeError(`Invalid ISO date ${quote(input)}: expected a YYYY-MM-DD string`);
  const m = ISO_PATTERN.exec(input);
  if (!m) throw new RangeError(`Invalid ISO date ${quote(input)}: expected YYYY-MM-DD`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR) throw new RangeError(`Invalid ISO date ${quote(input)}: year must be 0001–9999`);
  if (month < 1 || month > 12) throw new RangeError(`Invalid ISO date ${quote(input)}: month ${m[2]} does not exist`);
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Invalid ISO date ${quote(input)}: day ${m[3]} does not exist in ${m[1]}-${m[2]}`);
  }
  return { year, month, day };
}

/** True when `input` is a real `YYYY-MM-DD` date (never throws). */
export function isIsoDate(input: unknown): input is IsoDate {
  try {
    parseIsoDate(input as string);
    return true;
  } catch {
    return false;
  }
}

/** Throws `RangeError` unless `input` is a valid ISO date; returns it unchanged. */
export function assertIsoDate(input: IsoDate): IsoDate {
  parseIsoDate(input);
  return input;
}

/** Build a date from parts, validating them. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) {
    throw new RangeError(`Invalid date parts ${year}-${month}-${day}: must be integers`);
  }
  if (year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`Year ${year} is outside 0001–9999`);
  const s = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return assertIsoDate(s);
}

// Hinnant, "chrono-Compatible Low-Level Date Algorithms": days_from_civil / civil_from_days.
function daysFromCivil({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(n: number): DateParts {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(date: IsoDate): number {
  return daysFromCivil(parseIsoDate(date));
}

export function fromDayNumber(n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Day number ${n} must be an integer`);
  const { year, month, day } = civilFromDays(n);
  return isoDate(year, month, day);
}

function assertInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  assertInteger(days, 'Number of days');
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * `date` plus `months` calendar months: the same day-of-month, or the last day of the target
 * month when it has no such day (31 Jan + 1 month = 28/29 Feb). Reg. 1182/71 art. 3(2)(c).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  assertInteger(months, 'Number of months');
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  if (y < MIN_YEAR || y > MAX_YEAR) throw new RangeError(`${date} + ${months} months is outside 0001–9999`);
  return isoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Calendar days from `from` to `to` (`to − from`; negative when `to` is earlier). */
export function diffDays(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function isoWeekday(date: IsoDate): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  const n = toDayNumber(date);
  return ((((n + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

export function isSaturday(date: IsoDate): boolean {
  return isoWeekday(date) === SATURDAY;
}

export function isSunday(date: IsoDate): boolean {
  return isoWeekday(date) === SUNDAY;
}

/** Validating comparison: negative, 0 or positive (ISO strings sort chronologically). */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(diffDays(b, a));
}

export function minIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) <= 0 ? a : b;
}

export function maxIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) >= 0 ? a : b;
}

const stockholmFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The Swedish calendar date (Europe/Stockholm) of an instant, e.g. the day a request reached the
 * PUA. Pure: the instant is a parameter. `2026-03-31T22:30:00Z` → `2026-04-01` (CEST, UTC+2).
 */
export function stockholmDate(instant: Date): IsoDate {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError('Invalid instant: expected a valid Date');
  const parts = stockholmFormat.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return isoDate(get('year'), get('month'), get('day'));
}
