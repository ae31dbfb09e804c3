import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareIsoDates,
  diffDays,
  fromDayNumber,
  isIsoDate,
  isoDate,
  isoWeekday,
  parseIsoDate,
  stockholmDate,
  toDayNumber,
} from './iso-date';

describe('parseIsoDate / isIsoDate', () => {
  it.each([
    ['2026-01-31', { year: 2026, month: 1, day: 31 }], // ordinary date
    ['2024-02-29', { year: 2024, month: 2, day: 29 }], // leap day (divisible by 4)
    ['2000-02-29', { year: 2000, month: 2, day: 29 }], // leap day (divisible by 400)
    ['0001-01-01', { year: 1, month: 1, day: 1 }], // lower bound of the ISO 4-digit year
    ['9999-12-31', { year: 9999, month: 12, day: 31 }], // upper bound
  ])('%s is a real date (proleptic Gregorian calendar)', (input, parts) => {
    expect(parseIsoDate(input)).toEqual(parts);
    expect(isIsoDate(input)).toBe(true);
  });

  it.each([
    ['2026-02-30', /day 30 does not exist/], // February never has 30 days
    ['2025-02-29', /day 29 does not exist/], // 2025 is not a leap year
    ['1900-02-29', /day 29 does not exist/], // century not divisible by 400
    ['2026-04-31', /day 31 does not exist/], // April has 30 days
    ['2026-13-01', /month 13 does not exist/],
    ['2026-00-10', /month 00 does not exist/],
    ['2026-01-00', /day 00 does not exist/],
    ['0000-01-01', /year must be/],
    ['2026-1-1', /expected YYYY-MM-DD/], // no zero padding
    ['2026-01-01T00:00:00Z', /expected YYYY-MM-DD/], // a timestamp is not a calendar date
    [' 2026-01-01', /expected YYYY-MM-DD/],
    ['', /expected YYYY-MM-DD/],
    ['20260101', /expected YYYY-MM-DD/],
  ])('%j throws a RangeError', (input, message) => {
    expect(() => parseIsoDate(input)).toThrow(RangeError);
    expect(() => parseIsoDate(input)).toThrow(message);
    expect(isIsoDate(input)).toBe(false);
  });

  it('rejects non-strings at runtime (data from untyped sources)', () => {
    expect(() => parseIsoDate(undefined as unknown as string)).toThrow(RangeError);
    expect(() => parseIsoDate(20260101 as unknown as string)).toThrow(RangeError);
    expect(isIsoDate(null)).toBe(false);
  });

  it('isoDate builds and validates from parts', () => {
    expect(isoDate(2026, 3, 2)).toBe('2026-03-02');
    expect(() => isoDate(2026, 2, 30)).toThrow(RangeError);
    expect(() => isoDate(10000, 1, 1)).toThrow(RangeError);
    expect(() => isoDate(2026, 1.5, 1)).toThrow(RangeError);
  });
});

describe('day arithmetic (UTC-free day numbers)', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['2026-01-01', 20454],
  ])('%s is day %i since the Unix epoch', (date, n) => {
    expect(toDayNumber(date)).toBe(n);
    expect(fromDayNumber(n)).toBe(date);
  });

  it('agrees with Date.UTC for every day 1900–2100 (round trip and weekday)', () => {
    for (let n = toDayNumber('1900-01-01'); n <= toDayNumber('2100-12-31'); n += 1) {
      const d = new Date(n * 86_400_000);
      const expected = d.toISOString().slice(0, 10);
      const date = fromDayNumber(n);
      if (date !== expected) throw new Error(`day ${n}: ${date} ≠ ${expected}`);
      if (isoWeekday(date) !== (d.getUTCDay() || 7)) throw new Error(`weekday of ${date}`);
    }
  });

  it.each([
    ['2026-02-28', 1, '2026-03-01'], // non-leap February
    ['2024-02-28', 1, '2024-02-29'], // leap February
    ['2025-12-31', 1, '2026-01-01'], // year change
    ['2026-03-28', 1, '2026-03-29'], // DST starts 2026-03-29 in Sweden: no effect on dates
    ['2026-10-24', 2, '2026-10-26'], // DST ends 2026-10-25
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-12-03', 21, '2026-12-24'], // three weeks
  ])('addDays(%s, %i) = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    // Reg. 1182/71 art. 3(2)(c): same date, or the month's last day when it has none.
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2026-01-31', 3, '2026-04-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', -13, '2024-12-15'],
    ['2026-01-31', 0, '2026-01-31'],
  ])('addMonths(%s, %i) = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it('diffDays / compareIsoDates', () => {
    expect(diffDays('2026-01-01', '2026-12-31')).toBe(364);
    expect(diffDays('2024-01-01', '2025-01-01')).toBe(366);
    expect(diffDays('2026-03-02', '2026-02-28')).toBe(-2);
    expect(compareIsoDates('2026-01-01', '2026-01-02')).toBe(-1);
    expect(compareIsoDates('2026-01-02', '2026-01-02')).toBe(0);
    expect(compareIsoDates('2027-01-01', '2026-12-31')).toBe(1);
  });

  it('rejects non-integer amounts and results outside 0001–9999', () => {
    expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
    expect(() => addMonths('2026-01-01', Number.NaN)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addMonths('0001-01-31', -1)).toThrow(RangeError);
  });
});

describe('stockholmDate (the Swedish calendar day of an instant)', () => {
  it.each([
    ['2026-01-31T22:59:59Z', '2026-01-31'], // CET (UTC+1): 23:59:59 local
    ['2026-01-31T23:00:00Z', '2026-02-01'], // CET: midnight local
    ['2026-03-31T21:59:59Z', '2026-03-31'], // CEST (UTC+2): 23:59:59 local
    ['2026-03-31T22:30:00Z', '2026-04-01'], // CEST: 00:30 local
    ['2026-12-31T23:30:00Z', '2027-01-01'], // new year in Sweden before UTC
  ])('%s → %s', (instant, expected) => {
    expect(stockholmDate(new Date(instant))).toBe(expected);
  });

  it('rejects an invalid Date', () => {
    expect(() => stockholmDate(new Date('nope'))).toThrow(RangeError);
  });
});
