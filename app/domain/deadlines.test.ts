import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  appealDeadline,
  canExtend,
  type ClockPause,
  daysLeft,
  deadlineAfterPause,
  deadlineWithPauses,
  decisionDemandableFrom,
  gdprClock,
  gdprDeadline,
  gdprDeadlineWarnings,
  gdprExtendedDeadline,
  gdprNominalDeadline,
  internalDeadlines,
  isAppealInTime,
  isGdprWorkingDay,
  isWorkingDay,
  rollForwardGdpr,
  swedishStatutoryDeadline,
  taskAnswerDeadline,
  workingDaysBetween,
} from './deadlines';
import { addDays, addMonths, daysInMonth, parseIsoDate } from './iso-date';

// Weekdays of the dates used below are noted as (Mon)…(Sun). 2026: påskdagen 04-05,
// Kristi himmelsfärd 05-14, pingst 05-24, midsommarafton 06-19, alla helgons dag 10-31.

describe('gdprDeadline — Art 12(3) GDPR + Reg. 1182/71', () => {
  it.each([
    // received, deadline — source / rule
    ['2026-01-31', '2026-03-02', 'DOMAIN.md §5 example: 02-28 (Sat) → Mon'],
    ['2025-12-01', '2026-01-02', 'DOMAIN.md §5 example: 01-01 nyårsdagen → Fri'],
    ['2026-03-03', '2026-04-07', 'DOMAIN.md §5 example: 04-03 långfredagen → 04 (Sat) → 05 påskdagen → 06 annandag påsk → Tue'],
    ['2026-03-04', '2026-04-07', '1182/71 art 3(4): 04-04 påskafton is a Saturday → chain to Tue'],
    ['2026-03-05', '2026-04-07', '1182/71 art 3(4): 04-05 påskdagen → annandag → Tue'],
    ['2026-03-06', '2026-04-07', '1182/71 art 3(4): 04-06 annandag påsk → Tue'],
    ['2026-03-02', '2026-04-02', 'same date next month; skärtorsdagen is a working day'],
    ['2026-02-10', '2026-03-10', 'same date next month (Tue), no move'],
    // month-end clamping, 1182/71 art 3(2)(c)
    ['2024-01-31', '2024-02-29', '1182/71 art 3(2)(c): leap year → 02-29 (Thu)'],
    ['2025-01-31', '2025-02-28', '1182/71 art 3(2)(c): non-leap → 02-28 (Fri)'],
    ['2027-01-31', '2027-03-01', '1182/71 art 3(2)(c)+3(4): 02-28 (Sun) → Mon'],
    ['2028-01-30', '2028-02-29', '1182/71 art 3(2)(c): leap year, 30th → 02-29 (Tue)'],
    ['2026-03-31', '2026-04-30', '1182/71 art 3(2)(c): Mar 31 → Apr 30 (Thu)'],
    ['2026-05-31', '2026-06-30', '1182/71 art 3(2)(c): May 31 → Jun 30 (Tue)'],
    ['2026-08-31', '2026-09-30', '1182/71 art 3(2)(c): Aug 31 → Sep 30 (Wed)'],
    ['2026-10-31', '2026-11-30', '1182/71 art 3(2)(c): Oct 31 → Nov 30 (Mon)'],
    // year change
    ['2025-12-15', '2026-01-15', 'year change, same date (Thu)'],
    ['2025-12-06', '2026-01-07', 'year change: 01-06 trettondedag jul (Tue) → Wed (Lag 1989:253)'],
    ['2025-12-31', '2026-02-02', 'year change: 01-31 (Sat) → Mon'],
    // weekends
    ['2026-01-07', '2026-02-09', '1182/71 art 3(4): 02-07 Saturday → Mon'],
    ['2026-01-08', '2026-02-09', '1182/71 art 3(4): 02-08 Sunday → Mon'],
    // other helgdagar (Lag 1989:253)
    ['2026-04-01', '2026-05-04', 'Lag 1989:253 första maj (Fri) → Sat → Sun → Mon'],
    ['2026-04-14', '2026-05-15', 'Lag 1989:253 Kristi himmelsfärdsdag (Thu) → Fri (klämdag is a working day)'],
    ['2025-05-06', '2025-06-09', 'Lag 1989:253 nationaldagen 2025-06-06 (Fri) → Sat → 06-08 pingstdagen → Mon'],
    ['2026-05-20', '2026-06-22', 'Lag 1989:253 midsommardagen 06-20 (Sat) → Sun → Mon'],
    ['2027-10-06', '2027-11-08', 'Lag 1989:253 alla helgons dag 2027-11-06 (Sat) → Sun → Mon'],
    ['2026-11-25', '2026-12-28', 'Lag 1989:253 juldagen (Fri) → annandag jul (Sat) → Sun → Mon'],
    // aftnar do NOT move a GDPR deadline (DOMAIN.md §5)
    ['2026-05-19', '2026-06-19', 'DOMAIN.md §5: midsommarafton (Fri) stays'],
    ['2026-11-24', '2026-12-24', 'DOMAIN.md §5: julafton (Thu) stays'],
    ['2029-11-30', '2029-12-31', 'DOMAIN.md §5: 12-30 (Sun) → nyårsafton (Mon) stays'],
  ])('received %s → %s (%s)', (received, expected) => {
    expect(gdprDeadline(received)).toBe(expected);
  });

  it('is never earlier than the nominal date and always lands on a 1182/71 working day (2018–2040, every day)', () => {
    for (let r = '2018-05-25'; r <= '2040-12-31'; r = addDays(r, 1)) {
      const d = gdprDeadline(r);
      const nominal = gdprNominalDeadline(r);
      if (d < nominal || !isGdprWorkingDay(d)) throw new Error(`${r} → ${d}`);
      // Every day between the nominal date and the deadline is a non-working day (minimal move).
      for (let x = nominal; x < d; x = addDays(x, 1)) if (isGdprWorkingDay(x)) throw new Error(`${r}: ${x} skipped`);
    }
  });

  it.each([
    ['2026-02-28', '2026-03-02', '1182/71 art 3(4): Saturday → Monday'],
    ['2026-12-24', '2026-12-24', 'julafton is a working day under 1182/71'],
    ['2026-12-31', '2026-12-31', 'nyårsafton is a working day under 1182/71'],
    ['2026-03-10', '2026-03-10', 'a working day is unchanged'],
  ])('rollForwardGdpr(%s) = %s (%s)', (date, expected) => {
    expect(rollForwardGdpr(date)).toBe(expected);
  });
});

describe('gdprDeadlineWarnings — aftnar warn but do not move (DOMAIN.md §5)', () => {
  it.each([
    ['2026-06-19', ['afton'], 'midsommarafton'],
    ['2026-12-24', ['afton'], 'julafton'],
    ['2029-12-31', ['afton'], 'nyårsafton'],
    ['2026-03-02', [], 'ordinary Monday'],
    ['2026-04-07', [], 'Tuesday after Easter'],
    ['2026-04-04', [], 'påskafton is not an afton in Lag 1930:173'],
  ])('%s → %j (%s)', (deadline, expected) => {
    expect(gdprDeadlineWarnings(deadline)).toEqual(expected);
  });

  it('flags the deadline computed for a request received 2026-11-24 (julafton)', () => {
    expect(gdprDeadlineWarnings(gdprDeadline('2026-11-24'))).toEqual(['afton']);
  });
});

describe('gdprExtendedDeadline — Art 12(3) "two further months" (DOMAIN.md §5)', () => {
  it.each([
    // received, extended, first deadline — rule
    ['2026-01-31', '2026-04-30', '2026-03-02', 'three months from receipt (Thu); cap first+2 = 05-02 does not bite'],
    ['2025-12-01', '2026-03-02', '2026-01-02', 'three months: 03-01 (Sun) → Mon; cap 03-02 agrees'],
    ['2026-03-03', '2026-06-03', '2026-04-07', 'three months (Wed); cap 06-07 does not bite'],
    ['2026-10-15', '2027-01-15', '2026-11-16', 'year change (Fri)'],
    ['2026-09-25', '2026-12-28', '2026-10-26', '12-25 juldagen → annandag (Sat) → Sun → Mon (1182/71 art 3(4))'],
    ['2026-09-24', '2026-12-24', '2026-10-26', 'julafton stays (aftnar do not move GDPR deadlines) — first deadline 10-24 (Sat) → Mon'],
    ['2025-11-30', '2026-03-02', '2025-12-30', 'three months: 02-28 (Sat) → Mon; cap 02-28 agrees'],
    // The cap "never later than first deadline + 2 months" bites: see gdprExtendedDeadline's comment.
    ['2025-01-31', '2025-04-28', '2025-02-28', 'DOMAIN.md §5 cap: first 02-28 (Fri) + 2 months = 04-28 (Mon) < 04-30'],
    ['2024-01-31', '2024-04-29', '2024-02-29', 'DOMAIN.md §5 cap: leap year, first 02-29 (Thu) + 2 months = 04-29 (Mon) < 04-30'],
    ['2025-05-31', '2025-09-01', '2025-06-30', 'DOMAIN.md §5 cap: first 06-30 (Mon) + 2 = 08-30 (Sat) → Mon 09-01; 3 months 08-31 (Sun) → also 09-01'],
    ['2026-10-31', '2027-02-01', '2026-11-30', 'DOMAIN.md §5 cap: 2027-01-30 (Sat) vs 01-31 (Sun): both roll to Mon 02-01'],
  ])('received %s → extended %s (first deadline %s; %s)', (received, expected, first) => {
    expect(gdprDeadline(received)).toBe(first);
    expect(gdprExtendedDeadline(received)).toBe(expected);
  });

  it('relation to "three months from receipt" and "first deadline + 2 months", every receipt day 2018–2040', () => {
    let differing = 0;
    for (let r = '2018-05-25'; r <= '2040-12-31'; r = addDays(r, 1)) {
      const first = gdprDeadline(r);
      const ext = gdprExtendedDeadline(r);
      const threeMonths = rollForwardGdpr(addMonths(r, 3));
      const firstPlusTwo = rollForwardGdpr(addMonths(first, 2));
      // Never later than first deadline + 2 months, never earlier than the first deadline.
      if (ext > firstPlusTwo || ext <= first) throw new Error(`${r}: ${ext} vs first ${first}`);
      // Never later than three months from receipt.
      if (ext > threeMonths) throw new Error(`${r}: ${ext} after three months ${threeMonths}`);
      if (ext !== threeMonths) {
        differing += 1;
        // They differ only when the first month was clamped at month end (receipt on the 29th–31st).
        const { year, month, day } = parseIsoDate(r);
        const next = month === 12 ? { y: year + 1, m: 1 } : { y: year, m: month + 1 };
        if (day <= daysInMonth(next.y, next.m)) throw new Error(`${r}: differs without month-end clamping`);
      }
    }
    expect(differing).toBeGreaterThan(0);
  });
});

describe('canExtend — notice on or before the first deadline (Art 12(3); DOMAIN.md §5)', () => {
  it.each([
    ['2026-01-31', '2026-03-02', true, 'notice on the (moved) deadline day is in time'],
    ['2026-01-31', '2026-02-28', true, 'notice on the nominal Saturday, before the deadline'],
    ['2026-01-31', '2026-01-31', true, 'notice on the day of receipt'],
    ['2026-01-31', '2026-03-03', false, 'the day after the deadline: too late, reject'],
    ['2026-11-24', '2026-12-24', true, 'deadline on julafton (not moved) — notice that day is in time'],
    ['2026-11-24', '2026-12-28', false, 'julafton does not move the GDPR deadline, so Monday after is late'],
  ])('received %s, notice %s → %s (%s)', (received, notice, expected) => {
    expect(canExtend(received, notice)).toBe(expected);
  });

  it.each([
    // Received 2026-01-10; first deadline 02-10 (Tue). Art 12(6) pause shifts it (IMY arithmetic).
    [[{ pausedOn: '2026-01-20', resumedOn: '2026-01-25' }], '2026-02-16', true, 'pause of 5 days → deadline 02-15 (Sun) → 02-16'],
    [[{ pausedOn: '2026-01-20', resumedOn: '2026-01-25' }], '2026-02-17', false, 'after the paused deadline'],
    [[{ pausedOn: '2026-01-20', resumedOn: null }], '2026-02-20', true, 'clock paused on the notice day → in time'],
    [[{ pausedOn: '2026-01-20', resumedOn: '2026-03-01' }], '2026-02-20', true, 'pause still open on the notice day'],
    [[{ pausedOn: '2026-01-20', resumedOn: '2026-02-20' }], '2026-03-13', true, '31-day pause → 03-13 (Fri): in time'],
    [[{ pausedOn: '2026-01-20', resumedOn: '2026-02-20' }], '2026-03-16', false, '31-day pause → 03-13: late'],
    [[{ pausedOn: '2026-02-12', resumedOn: '2026-02-20' }], '2026-02-11', false, 'a pause begun after the notice does not count: deadline 02-10'],
  ] as Array<[ClockPause[], string, boolean, string]>)('received 2026-01-10 with pauses %j, notice %s → %s (%s)', (pauses, notice, expected) => {
    expect(canExtend('2026-01-10', notice, pauses)).toBe(expected);
  });

  it('a notice before receipt is impossible data → RangeError', () => {
    expect(() => canExtend('2026-01-31', '2026-01-30')).toThrow(RangeError);
  });
});

describe('pauses — Art 12(6) GDPR, IMY arithmetic: remaining days run from the day the information arrives', () => {
  it.each([
    // received, pausedOn, resumedOn, extended, expected — rule
    ['2026-01-10', '2026-01-20', '2026-01-25', false, '2026-02-16', 'IMY: 21 days left (01-20→02-10) + 01-25 = 02-15 (Sun) → Mon (1182/71)'],
    ['2026-03-02', '2026-03-02', '2026-03-09', false, '2026-04-09', 'IMY: paused on the day of receipt, 31 days left + 03-09 = 04-09 (Thu)'],
    ['2026-01-10', '2026-01-20', '2026-01-20', false, '2026-02-10', 'IMY: answer arrives the same day → no shift'],
    ['2026-02-20', '2026-02-25', '2026-03-11', false, '2026-04-07', 'IMY: 23 days left + 03-11 = 04-03 långfredagen → Tue after Easter (1182/71)'],
    ['2026-11-20', '2026-11-25', '2026-11-29', false, '2026-12-24', 'IMY: 25 days left + 11-29 = julafton — not moved (aftnar, DOMAIN.md §5)'],
    ['2026-01-31', '2026-02-28', '2026-03-10', false, '2026-03-10', 'paused on the nominal Saturday: 0 days left → due the day the answer arrives'],
    ['2026-01-31', '2026-03-02', '2026-03-10', false, '2026-03-10', 'paused on the moved deadline (after nominal 02-28): 0 days left, not negative'],
    ['2026-01-31', '2026-03-03', '2026-03-10', false, '2026-03-02', 'paused after the deadline had passed: no effect (cannot revive a late case)'],
    ['2026-01-31', '2026-02-10', '2026-02-17', true, '2026-05-07', 'IMY + extension: 79 days left to 04-30 + 02-17 = 05-07 (Thu)'],
    ['2025-12-01', '2025-12-10', '2026-01-08', false, '2026-01-30', 'IMY across the year end: 22 days left (12-10→nominal 01-01) + 01-08 = 01-30 (Fri)'],
  ])('received %s, paused %s, resumed %s, extended %s → %s (%s)', (received, pausedOn, resumedOn, extended, expected) => {
    expect(deadlineAfterPause({ received, pausedOn, resumedOn, extended })).toBe(expected);
  });
});

describe('deadlineWithPauses / gdprClock — several pauses, open pauses, validation (Art 12(6))', () => {
  it('adds up several pauses given in any order: 3 + 2 days → 02-15 (Sun) → 02-16 (IMY arithmetic, 1182/71)', () => {
    const pauses = [
      { pausedOn: '2026-01-20', resumedOn: '2026-01-22' },
      { pausedOn: '2026-01-12', resumedOn: '2026-01-15' },
    ];
    expect(deadlineWithPauses('2026-01-10', pauses)).toBe('2026-02-16');
    expect(gdprClock('2026-01-10', pauses)).toEqual({ status: 'running', deadline: '2026-02-16', nominal: '2026-02-15' });
  });

  it('an open pause stops the clock: no deadline, remaining days kept (Art 12(6))', () => {
    expect(gdprClock('2026-01-10', [{ pausedOn: '2026-01-20' }])).toEqual({ status: 'paused', pausedOn: '2026-01-20', remainingDays: 21 });
    expect(deadlineWithPauses('2026-01-10', [{ pausedOn: '2026-01-20', resumedOn: null }])).toBeNull();
    // Extended period: 04-30 − 02-10 = 79 days remain.
    expect(gdprClock('2026-01-31', [{ pausedOn: '2026-02-10' }], true)).toEqual({ status: 'paused', pausedOn: '2026-02-10', remainingDays: 79 });
  });

  it('an open pause begun after the deadline has no effect (the case is overdue)', () => {
    expect(deadlineWithPauses('2026-01-31', [{ pausedOn: '2026-03-05' }])).toBe('2026-03-02');
  });

  it('without pauses equals gdprDeadline / gdprExtendedDeadline (every receipt day of 2026)', () => {
    for (let r = '2026-01-01'; r <= '2026-12-31'; r = addDays(r, 1)) {
      expect(deadlineWithPauses(r, [])).toBe(gdprDeadline(r));
      expect(deadlineWithPauses(r, [], true)).toBe(gdprExtendedDeadline(r));
    }
  });

  it('a pause within the period shifts the nominal end by its length (IMY arithmetic, 2026 sample)', () => {
    for (let r = '2026-01-01'; r <= '2026-12-31'; r = addDays(r, 7)) {
      const nominal = gdprNominalDeadline(r);
      for (const [start, length] of [[0, 3], [5, 10], [20, 1]] as const) {
        const pausedOn = addDays(r, start);
        if (pausedOn > nominal) continue;
        const resumedOn = addDays(pausedOn, length);
        expect(deadlineAfterPause({ received: r, pausedOn, resumedOn })).toBe(rollForwardGdpr(addDays(nominal, length)));
      }
    }
  });

  it.each([
    ['a pause before receipt', [{ pausedOn: '2026-01-09', resumedOn: '2026-01-12' }]],
    ['resumed before paused', [{ pausedOn: '2026-01-20', resumedOn: '2026-01-19' }]],
    ['overlapping pauses', [{ pausedOn: '2026-01-12', resumedOn: '2026-01-20' }, { pausedOn: '2026-01-15', resumedOn: '2026-01-25' }]],
    ['an open pause followed by another', [{ pausedOn: '2026-01-12', resumedOn: null }, { pausedOn: '2026-01-20', resumedOn: '2026-01-22' }]],
    ['a malformed pause date', [{ pausedOn: '2026-02-30', resumedOn: '2026-03-02' }]],
    ['a malformed resume date', [{ pausedOn: '2026-01-20', resumedOn: '2026-1-22' }]],
  ])('rejects %s with a RangeError', (_what, pauses) => {
    expect(() => deadlineWithPauses('2026-01-10', pauses)).toThrow(RangeError);
  });
});

describe('isWorkingDay — Lag (1930:173) 2 § vardag', () => {
  it.each([
    ['2026-03-09', true, 'ordinary Monday'],
    ['2026-03-07', false, 'Saturday'],
    ['2026-03-08', false, 'Sunday'],
    ['2026-04-02', true, 'skärtorsdagen is a working day'],
    ['2026-04-03', false, 'långfredagen (Lag 1989:253)'],
    ['2026-04-06', false, 'annandag påsk (Lag 1989:253)'],
    ['2026-05-15', true, 'klämdag after Kristi himmelsfärd is a working day'],
    ['2026-05-25', true, 'annandag pingst is a working day since 2005'],
    ['2026-01-05', true, 'trettondedagsafton is not in Lag 1930:173'],
    ['2026-04-30', true, 'valborgsmässoafton is not in Lag 1930:173'],
    ['2026-06-19', false, 'midsommarafton (Lag 1930:173)'],
    ['2026-12-24', false, 'julafton (Lag 1930:173)'],
    ['2026-12-31', false, 'nyårsafton (Lag 1930:173)'],
    ['2026-12-28', true, 'Monday after Christmas'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('2026 has 251 working days: 261 weekdays − 7 weekday helgdagar − 3 weekday aftnar (Lag 1930:173, 1989:253)', () => {
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(251);
  });

  it('aftnar are GDPR working days but not Swedish statutory working days (1182/71 vs 1930:173)', () => {
    expect(isGdprWorkingDay('2026-12-24')).toBe(true);
    expect(isWorkingDay('2026-12-24')).toBe(false);
  });
});

describe('addWorkingDays — "arbetsdagar" per Lag (1930:173) (004 bilaga 6/7: "helst inom tre arbetsdagar")', () => {
  it.each([
    ['2026-03-02', 3, '2026-03-05', 'Mon + 3 = Thu'],
    ['2026-03-06', 3, '2026-03-11', 'Fri + 3: weekend skipped → Wed'],
    ['2026-03-07', 1, '2026-03-09', 'Sat + 1 = Mon (start day not counted)'],
    ['2026-03-08', 3, '2026-03-11', 'Sun + 3 = Wed'],
    ['2026-12-22', 3, '2026-12-29', 'Christmas: 23 (1), julafton/juldagen/annandag/Sun skipped, 28 (2), 29 (3)'],
    ['2026-12-23', 1, '2026-12-28', 'julafton is not a working day (Lag 1930:173)'],
    ['2026-12-29', 3, '2027-01-05', 'New Year: 30 (1), nyårsafton/nyårsdagen/weekend skipped, 01-04 (2), 01-05 (3)'],
    ['2026-12-29', 4, '2027-01-07', 'New Year + trettondedag jul 2027-01-06 (Wed) skipped'],
    ['2026-06-17', 3, '2026-06-23', 'midsommar: 18 (1), midsommarafton/-dagen/Sun skipped, 22 (2), 23 (3)'],
    ['2026-06-18', 1, '2026-06-22', 'midsommarafton is not a working day (Lag 1930:173)'],
    ['2026-04-01', 3, '2026-04-08', 'Easter: 04-02 (1), långfredag–annandag skipped, 07 (2), 08 (3)'],
    ['2026-05-13', 1, '2026-05-15', 'Kristi himmelsfärdsdag skipped'],
    ['2026-03-08', 0, '2026-03-08', 'n = 0 returns the date itself, even a Sunday'],
    ['2026-12-28', -5, '2026-12-17', 'counting back 5 working days over Christmas (reminders)'],
    ['2026-03-09', -1, '2026-03-06', 'Mon − 1 = Fri'],
  ])('%s + %i working days = %s (%s)', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('lands on a working day and round-trips with workingDaysBetween (2026–2027, n = 1…15)', () => {
    for (let d = '2026-01-01'; d <= '2027-12-31'; d = addDays(d, 3)) {
      for (let n = 1; n <= 15; n += 1) {
        const end = addWorkingDays(d, n);
        if (!isWorkingDay(end) || workingDaysBetween(d, end) !== n) throw new Error(`${d} + ${n}`);
        if (isWorkingDay(d) && addWorkingDays(end, -n) !== d) throw new Error(`${d} ± ${n}`);
      }
    }
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY])('n = %s is refused with a RangeError', (n) => {
    expect(() => addWorkingDays('2026-03-02', n)).toThrow(RangeError);
  });
});

describe('workingDaysBetween — Lag (1930:173) working days in (from, to], for "due within 5 working days" (issue 5)', () => {
  it.each([
    ['2026-12-22', '2026-12-29', 3, 'over Christmas (Lag 1930:173)'],
    ['2026-12-29', '2026-12-22', -3, 'reversed order is negative'],
    ['2026-03-02', '2026-03-02', 0, 'same day'],
    ['2026-06-18', '2026-06-22', 1, 'over midsommar (Lag 1930:173)'],
    ['2026-03-06', '2026-03-08', 0, 'Fri → Sun: nothing but weekend'],
    ['2026-03-02', '2026-03-09', 5, 'a full ordinary week'],
  ])('%s → %s = %i (%s)', (from, to, expected) => {
    expect(workingDaysBetween(from, to)).toBe(expected);
  });
});

describe('swedishStatutoryDeadline — Lag (1930:173) 2 §', () => {
  it.each([
    ['2026-12-24', '2026-12-28', 'julafton → juldagen → annandag (Sat) → Sun → Mon'],
    ['2027-12-24', '2027-12-27', 'julafton 2027 (Fri) → Sat juldagen → Sun annandag → Mon'],
    ['2026-12-31', '2027-01-04', 'nyårsafton → nyårsdagen → Sat → Sun → Mon'],
    ['2026-06-19', '2026-06-22', 'midsommarafton → midsommardagen → Sun → Mon'],
    ['2026-03-07', '2026-03-09', 'Saturday → Monday'],
    ['2026-04-03', '2026-04-07', 'långfredagen → … → annandag påsk → Tue'],
    ['2026-05-14', '2026-05-15', 'Kristi himmelsfärdsdag → Fri'],
    ['2026-03-10', '2026-03-10', 'working day unchanged'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(swedishStatutoryDeadline(date)).toBe(expected);
  });
});

describe('appealDeadline — FL 44 § three weeks from notification, Lag (1930:173) roll-forward', () => {
  it.each([
    ['2026-03-02', '2026-03-23', 'FL 44 §: +21 days = Mon, no move'],
    ['2026-12-03', '2026-12-28', 'FL 44 § + Lag 1930:173: ends on julafton (Thu) → Mon 12-28'],
    ['2026-05-29', '2026-06-22', 'FL 44 § + Lag 1930:173: ends on midsommarafton (Fri) → Mon 06-22'],
    ['2027-06-04', '2027-06-28', 'FL 44 § + Lag 1930:173: ends on midsommarafton 2027-06-25 → Mon 06-28'],
    ['2026-12-10', '2027-01-04', 'FL 44 § + Lag 1930:173: ends on nyårsafton → Mon 2027-01-04'],
    ['2026-03-07', '2026-03-30', 'FL 44 § + Lag 1930:173: ends on Saturday → Mon'],
    ['2026-03-01', '2026-03-23', 'FL 44 § + Lag 1930:173: notified on a Sunday, ends on Sunday → Mon'],
    ['2026-03-13', '2026-04-07', 'FL 44 § + Lag 1930:173: ends on långfredagen → Tue after Easter'],
    ['2026-04-23', '2026-05-15', 'FL 44 § + Lag 1930:173: ends on Kristi himmelsfärdsdag → Fri'],
    ['2026-12-20', '2027-01-11', 'FL 44 § + Lag 1930:173: over the year end, ends on Sunday → Mon'],
    ['2024-02-08', '2024-02-29', 'FL 44 §: leap day, no move (Thu)'],
  ])('notified %s → last day %s (%s)', (notified, expected) => {
    expect(appealDeadline(notified)).toBe(expected);
  });

  it.each([
    ['2026-12-03', '2026-12-28', true, 'FL 45 §: arriving on the last day is in time'],
    ['2026-12-03', '2026-12-24', true, 'FL 45 §: arriving on julafton itself is in time'],
    ['2026-12-03', '2026-12-29', false, 'FL 45 §: the day after → avvisning (unless an exception applies)'],
  ])('notified %s, appeal received %s → in time: %s (%s)', (notified, received, expected) => {
    expect(isAppealInTime(notified, received)).toBe(expected);
  });
});

describe('internalDeadlines — the municipal routine (seed 004 bilaga 6 and 7, DOMAIN.md §4)', () => {
  it.each([
    // received, forwardToStaff (3 working days), taskAnswer (+7 days from forwarding), assessmentMeeting (+14 days)
    ['2026-03-02', '2026-03-05', '2026-03-12', '2026-03-16', 'ordinary Monday; meeting 03-16 (Mon)'],
    ['2026-03-29', '2026-04-01', '2026-04-08', '2026-04-13', 'received on a Sunday (e-tjänst); meeting 04-12 (Sun) → Mon (1930:173)'],
    ['2026-12-18', '2026-12-23', '2026-12-30', '2027-01-04', 'before Christmas: forward 21–23; meeting on nyårsdagen → Mon 01-04'],
    ['2026-06-16', '2026-06-22', '2026-06-29', '2026-06-30', 'midsommarafton is not a working day (1930:173)'],
    ['2026-03-23', '2026-03-26', '2026-04-02', '2026-04-07', 'meeting 04-06 annandag påsk → Tue (1930:173)'],
  ])('received %s → forward %s, task answer %s, meeting %s (004 bilaga 6/7; %s)', (received, forward, task, meeting) => {
    expect(internalDeadlines(received)).toEqual({ forwardToStaff: forward, taskAnswer: task, assessmentMeeting: meeting });
  });

  it('task answer runs from the actual forwarding day when known (004 bilaga 6: "inom en vecka från den dagen som de fått begäran")', () => {
    expect(internalDeadlines('2026-03-26', { forwardedOn: '2026-03-27' }).taskAnswer).toBe('2026-04-07'); // 04-03 långfredagen → Tue
    expect(internalDeadlines('2026-03-26', { forwardedOn: null }).taskAnswer).toBe(taskAnswerDeadline(addWorkingDays('2026-03-26', 3)));
  });

  it.each([
    ['2026-03-02', '2026-03-09', '004 bilaga 6: one week'],
    ['2026-12-17', '2026-12-28', '004 bilaga 6: one week ends on julafton → Mon (1930:173 by analogy)'],
    ['2026-06-12', '2026-06-22', '004 bilaga 6: one week ends on midsommarafton → Mon (1930:173 by analogy)'],
  ])('taskAnswerDeadline(%s) = %s (%s)', (sent, expected) => {
    expect(taskAnswerDeadline(sent)).toBe(expected);
  });
});

describe('decisionDemandableFrom — FL 12 § six months', () => {
  it.each([
    ['2026-01-15', '2026-07-15', 'FL 12 §: same date six months later'],
    ['2026-08-31', '2027-02-28', 'FL 12 §: clamped to month end'],
    ['2027-08-31', '2028-02-29', 'FL 12 §: clamped to leap day'],
    ['2026-12-31', '2027-06-30', 'FL 12 §: clamped, year change'],
    ['2026-06-20', '2026-12-20', 'FL 12 §: a Sunday stays a Sunday (start of a right, not a limit)'],
    ['2026-06-25', '2026-12-25', 'FL 12 §: juldagen stays (start of a right, not a limit)'],
  ])('received %s → %s (%s)', (received, expected) => {
    expect(decisionDemandableFrom(received)).toBe(expected);
  });
});

describe('daysLeft — calendar days to a deadline, negative when overdue (issue 5 inbox "days left")', () => {
  it.each([
    ['2026-03-01', '2026-03-02', 1],
    ['2026-03-02', '2026-03-02', 0],
    ['2026-03-03', '2026-03-02', -1],
    ['2027-12-31', '2028-03-01', 61], // leap February counted
    ['2026-01-31', '2026-03-02', 30], // DOMAIN.md §5 example: received → deadline
  ])('daysLeft(%s, %s) = %i', (today, deadline, expected) => {
    expect(daysLeft(today, deadline)).toBe(expected);
  });
});

describe('input validation — malformed dates throw RangeError', () => {
  const bad = '2026-02-30';
  it.each([
    ['gdprDeadline', () => gdprDeadline(bad)],
    ['gdprNominalDeadline', () => gdprNominalDeadline(bad, true)],
    ['gdprExtendedDeadline', () => gdprExtendedDeadline('2026-13-01')],
    ['gdprDeadlineWarnings', () => gdprDeadlineWarnings('2026-12-32')],
    ['rollForwardGdpr', () => rollForwardGdpr('x')],
    ['canExtend (received)', () => canExtend(bad, '2026-03-01')],
    ['canExtend (notice)', () => canExtend('2026-01-31', bad)],
    ['deadlineAfterPause', () => deadlineAfterPause({ received: '2026-01-10', pausedOn: '2026-01-20', resumedOn: bad })],
    ['deadlineWithPauses', () => deadlineWithPauses(bad, [])],
    ['isWorkingDay', () => isWorkingDay('2025-02-29')],
    ['isGdprWorkingDay', () => isGdprWorkingDay('2026/03/02')],
    ['addWorkingDays', () => addWorkingDays(bad, 3)],
    ['workingDaysBetween', () => workingDaysBetween('2026-03-02', bad)],
    ['swedishStatutoryDeadline', () => swedishStatutoryDeadline('')],
    ['appealDeadline', () => appealDeadline(bad)],
    ['isAppealInTime', () => isAppealInTime('2026-03-02', bad)],
    ['taskAnswerDeadline', () => taskAnswerDeadline(bad)],
    ['internalDeadlines', () => internalDeadlines(bad)],
    ['internalDeadlines (forwardedOn)', () => internalDeadlines('2026-03-02', { forwardedOn: bad })],
    ['decisionDemandableFrom', () => decisionDemandableFrom(bad)],
    ['daysLeft', () => daysLeft(bad, '2026-03-02')],
  ])('%s', (_name, call) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(/2026-02-30|2026-13-01|2026-12-32|2025-02-29|YYYY-MM-DD/);
  });
});
