import { describe, expect, it } from 'vitest';
import {
  aftnar,
  aftonOn,
  allaHelgonsDag,
  allmannaHelgdagar,
  easterSunday,
  helgdagarOn,
  helgdagName,
  isAfton,
  isAllmanHelgdag,
  midsommarafton,
  midsommardagen,
} from './holidays';
import { addDays, isoDate, isoWeekday, SATURDAY, SUNDAY } from './iso-date';

/**
 * Oudin's Easter algorithm (1940) — a second, independently derived Gregorian computus, used only
 * as an oracle for the Meeus/Jones/Butcher implementation under test.
 */
function oudinEaster(y: number): string {
  const g = y % 19;
  const c = Math.floor(y / 100);
  const h = (c - Math.floor(c / 4) - Math.floor((8 * c + 13) / 25) + 19 * g + 15) % 30;
  const i = h - Math.floor(h / 28) * (1 - Math.floor(29 / (h + 1)) * Math.floor((21 - g) / 11));
  const j = (y + Math.floor(y / 4) + i + 2 - c + Math.floor(c / 4)) % 7;
  const l = i - j;
  const month = 3 + Math.floor((l + 40) / 44);
  const day = l + 28 - 31 * Math.floor(month / 4);
  return isoDate(y, month, day);
}

describe('easterSunday — Gregorian computus', () => {
  it.each([
    [2024, '2024-03-31'], // computus; published calendar
    [2025, '2025-04-20'], // computus; published calendar
    [2026, '2026-04-05'], // computus; published calendar
    [2027, '2027-03-28'], // computus; published calendar
    [2038, '2038-04-25'], // computus: latest possible Easter (25 April)
    [2000, '2000-04-23'], // computus: century year divisible by 400
    [2285, '2285-03-22'], // computus: earliest possible Easter (22 March)
    [2008, '2008-03-23'], // computus: early Easter (Kristi himmelsfärd on 1 May)
    [2019, '2019-04-21'], // computus: Easter the day after a Paschal full moon on Saturday
    [1954, '1954-04-18'], // computus: Gauss's method needs its "25 April → 18 April" exception here
    [1981, '1981-04-19'], // computus: Gauss's method needs its "26 April → 19 April" exception here
  ])('%i → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('agrees with Oudin’s independent computus for every year 1583–4099, always a Sunday 22 Mar–25 Apr', () => {
    for (let y = 1583; y <= 4099; y += 1) {
      const e = easterSunday(y);
      if (e !== oudinEaster(y)) throw new Error(`${y}: ${e} ≠ ${oudinEaster(y)}`);
      if (isoWeekday(e) !== SUNDAY) throw new Error(`${y}: ${e} is not a Sunday`);
      if (e < `${y}-03-22` || e > `${y}-04-25`) throw new Error(`${y}: ${e} out of range`);
    }
  });

  it.each([1582, 0, 10000, 2026.5, Number.NaN])('year %s is refused with a RangeError (Gregorian computus from 1583)', (year) => {
    expect(() => easterSunday(year)).toThrow(RangeError);
  });
});

describe('allmannaHelgdagar — Lag (1989:253) 1 §', () => {
  it.each([
    // 2026: påskdagen 2026-04-05.
    ['2026-01-01', 'nyarsdagen', 'nyårsdagen'], // Lag 1989:253: 1 januari
    ['2026-01-06', 'trettondedag_jul', 'trettondedag jul'], // Lag 1989:253: 6 januari
    ['2026-04-03', 'langfredagen', 'långfredagen'], // Lag 1989:253: fredagen före påskdagen (påsk − 2)
    ['2026-04-05', 'paskdagen', 'påskdagen'], // Lag 1989:253: computus
    ['2026-04-06', 'annandag_pask', 'annandag påsk'], // Lag 1989:253: dagen efter påskdagen (påsk + 1)
    ['2026-05-01', 'forsta_maj', 'första maj'], // Lag 1989:253: 1 maj
    ['2026-05-14', 'kristi_himmelsfardsdag', 'Kristi himmelsfärdsdag'], // Lag 1989:253: sjätte torsdagen efter påskdagen (påsk + 39)
    ['2026-05-24', 'pingstdagen', 'pingstdagen'], // Lag 1989:253: sjunde söndagen efter påskdagen (påsk + 49)
    ['2026-06-06', 'nationaldagen', 'Sveriges nationaldag'], // Lag 1989:253: 6 juni (since 2005)
    ['2026-06-20', 'midsommardagen', 'midsommardagen'], // Lag 1989:253: lördagen 20–26 juni
    ['2026-10-31', 'alla_helgons_dag', 'alla helgons dag'], // Lag 1989:253: lördagen 31 okt–6 nov
    ['2026-12-25', 'juldagen', 'juldagen'], // Lag 1989:253: 25 december
    ['2026-12-26', 'annandag_jul', 'annandag jul'], // Lag 1989:253: 26 december
  ])('2026: %s is %s (%s)', (date, key, name) => {
    expect(allmannaHelgdagar(2026)).toContainEqual({ date, key, name });
    expect(isAllmanHelgdag(date)).toBe(true);
    expect(helgdagName(date)).toBe(name);
  });

  it('2026 has exactly the 13 named days, in date order (Lag 1989:253; Sundays are not listed)', () => {
    const list = allmannaHelgdagar(2026);
    expect(list).toHaveLength(13);
    expect(list.map((h) => h.date)).toEqual([...list.map((h) => h.date)].sort());
  });

  it.each([
    // Movable feasts follow Easter (Lag 1989:253 + computus).
    [2025, '2025-04-18', '2025-04-21', '2025-05-29', '2025-06-08'],
    [2027, '2027-03-26', '2027-03-29', '2027-05-06', '2027-05-16'],
    [2038, '2038-04-23', '2038-04-26', '2038-06-03', '2038-06-13'],
  ])('%i: långfredag %s, annandag påsk %s, Kristi himmelsfärd %s, pingst %s (Lag 1989:253)', (year, lang, annandag, kristi, pingst) => {
    const byKey = Object.fromEntries(allmannaHelgdagar(year).map((h) => [h.key, h.date]));
    expect([byKey.langfredagen, byKey.annandag_pask, byKey.kristi_himmelsfardsdag, byKey.pingstdagen]).toEqual([lang, annandag, kristi, pingst]);
  });

  it.each([
    [2024, '2024-06-22', '2024-11-02'], // Lag 1989:253: Saturdays in the windows
    [2025, '2025-06-21', '2025-11-01'],
    [2026, '2026-06-20', '2026-10-31'], // both on the first day of the window
    [2027, '2027-06-26', '2027-11-06'], // both on the last day of the window
    [2028, '2028-06-24', '2028-11-04'],
  ])('%i: midsommardagen %s, alla helgons dag %s (Lag 1989:253)', (year, midsommar, allaHelgon) => {
    expect(midsommardagen(year)).toBe(midsommar);
    expect(allaHelgonsDag(year)).toBe(allaHelgon);
  });

  it('for every year 1900–2200: 13 days inside the year, sorted, window days are Saturdays (Lag 1989:253)', () => {
    for (let y = 1900; y <= 2200; y += 1) {
      const list = allmannaHelgdagar(y);
      expect(list).toHaveLength(13);
      const dates = list.map((h) => h.date);
      expect(dates).toEqual([...dates].sort());
      expect(dates.every((d) => d.startsWith(`${y}-`))).toBe(true);
      const m = midsommardagen(y);
      const a = allaHelgonsDag(y);
      expect(isoWeekday(m)).toBe(SATURDAY);
      expect(isoWeekday(a)).toBe(SATURDAY);
      expect(m >= `${y}-06-20` && m <= `${y}-06-26`).toBe(true);
      expect(a >= `${y}-10-31` && a <= `${y}-11-06`).toBe(true);
    }
  });

  it('Kristi himmelsfärdsdag and första maj coincide in 2008 — both kept (Lag 1989:253)', () => {
    expect(helgdagarOn('2008-05-01').map((h) => h.key)).toEqual(['forsta_maj', 'kristi_himmelsfardsdag']);
    expect(helgdagName('2008-05-01')).toBe('första maj och Kristi himmelsfärdsdag');
    expect(allmannaHelgdagar(2008)).toHaveLength(13);
  });
});

describe('isAllmanHelgdag — every Sunday and the named days (Lag 1989:253 1 §)', () => {
  it.each([
    ['2026-03-08', true, 'Lag 1989:253: an ordinary Sunday is an allmän helgdag'],
    ['2026-05-24', true, 'Lag 1989:253: pingstdagen (a Sunday)'],
    ['2026-06-06', true, 'Lag 1989:253: nationaldagen, also on a Saturday'],
    ['2026-03-07', false, 'a Saturday is not an allmän helgdag (1182/71 treats it separately)'],
    ['2026-03-09', false, 'an ordinary Monday'],
    ['2026-04-02', false, 'skärtorsdagen is not in Lag 1989:253'],
    ['2026-04-04', false, 'påskafton is not in Lag 1989:253'],
    ['2026-05-25', false, 'annandag pingst: removed by SFS 2004:1320'],
    ['2026-06-19', false, 'midsommarafton is not an allmän helgdag (only Lag 1930:173 treats it so)'],
    ['2026-12-24', false, 'julafton is not an allmän helgdag'],
    ['2026-12-31', false, 'nyårsafton is not an allmän helgdag'],
    ['2026-04-30', false, 'valborgsmässoafton is nothing special in law'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isAllmanHelgdag(date)).toBe(expected);
  });

  it('helgdagName names Sundays and returns null on other days', () => {
    expect(helgdagName('2026-03-08')).toBe('söndag');
    expect(helgdagName('2026-04-05')).toBe('påskdagen');
    expect(helgdagName('2026-03-09')).toBeNull();
  });

  it('every Sunday of 2026 is an allmän helgdag (Lag 1989:253 "alla söndagar")', () => {
    for (let d = '2026-01-04'; d <= '2026-12-27'; d = addDays(d, 7)) expect(isAllmanHelgdag(d)).toBe(true);
  });
});

describe('aftnar — midsommarafton, julafton, nyårsafton (Lag 1930:173)', () => {
  it.each([
    [2024, '2024-06-21'], // Friday before midsommardagen 2024-06-22
    [2025, '2025-06-20'],
    [2026, '2026-06-19'], // earliest possible: 19 June
    [2027, '2027-06-25'], // latest possible: 25 June
  ])('midsommarafton %i = %s (the Friday before midsommardagen)', (year, expected) => {
    expect(midsommarafton(year)).toBe(expected);
    expect(addDays(expected, 1)).toBe(midsommardagen(year));
  });

  it.each([
    ['2026-06-19', 'midsommarafton'], // Lag 1930:173
    ['2026-12-24', 'julafton'], // Lag 1930:173
    ['2026-12-31', 'nyarsafton'], // Lag 1930:173
    ['2027-06-25', 'midsommarafton'], // Lag 1930:173
  ])('%s is an afton (%s)', (date, key) => {
    expect(isAfton(date)).toBe(true);
    expect(aftonOn(date)?.key).toBe(key);
  });

  it.each([
    ['2026-04-04', 'påskafton — not in Lag 1930:173'],
    ['2026-05-23', 'pingstafton — not in Lag 1930:173'],
    ['2026-01-05', 'trettondedagsafton — not in Lag 1930:173'],
    ['2026-04-30', 'valborgsmässoafton — not in Lag 1930:173'],
    ['2026-06-20', 'midsommardagen is a helgdag, not an afton'],
    ['2027-06-18', 'a Friday in the 19–25 June window that is not midsommarafton'],
  ])('%s is not an afton (%s)', (date) => {
    expect(isAfton(date)).toBe(false);
    expect(aftonOn(date)).toBeNull();
  });

  it('aftnar(2026) lists the three, in date order', () => {
    expect(aftnar(2026).map((a) => [a.date, a.name])).toEqual([
      ['2026-06-19', 'midsommarafton'],
      ['2026-12-24', 'julafton'],
      ['2026-12-31', 'nyårsafton'],
    ]);
  });
});

describe('input validation', () => {
  it.each([
    ['isAllmanHelgdag', () => isAllmanHelgdag('2026-02-30')],
    ['isAfton', () => isAfton('2026-13-01')],
    ['helgdagarOn', () => helgdagarOn('26-01-01')],
    ['helgdagName', () => helgdagName('')],
    ['aftonOn', () => aftonOn('2025-02-29')],
    ['midsommarafton', () => midsommarafton(1500)],
  ])('%s throws a RangeError on a malformed date or year', (_name, call) => {
    expect(call).toThrow(RangeError);
  });
});
