import { describe, expect, it } from 'vitest';
import { appealAfterOmprovning, checkCourtRecord, rattidsprovning, type Rattidsprovning } from './appeal';
import type { AppealInstructions, DecisionPart, RightOutcome } from './decision-types';
import type { Right } from './requests';

type Input = { notifiedOn: string | null; receivedOn: string; instructions: AppealInstructions; reachedCourtOn?: string | null };

// Weekdays noted as (Mon)…(Sun). The period is notified + 21 days (FL 44 §), rolled forward past
// Saturdays, Sundays, helgdagar and aftnar (Lag 1930:173 2 §).
describe('rattidsprovning — FL 44–45 §§', () => {
  it.each([
    // label, input, expected
    ['FL 44 §: not yet notified → nothing can be late', { notifiedOn: null, receivedOn: '2026-03-10', instructions: 'correct' }, { inTime: true, avvisa: false, deadline: null, rule: 'not_notified' }],
    ['FL 44 §: notified 03-02 (Mon), arrives on the last day 03-23 (Mon) — the day counts', { notifiedOn: '2026-03-02', receivedOn: '2026-03-23', instructions: 'correct' }, { inTime: true, avvisa: false, deadline: '2026-03-23', rule: 'in_time' }],
    ['FL 44 §: arrives on the day it was notified', { notifiedOn: '2026-03-02', receivedOn: '2026-03-02', instructions: 'correct' }, { inTime: true, avvisa: false, deadline: '2026-03-23', rule: 'in_time' }],
    ['FL 44 §: arrives before the notification was recorded (appealed at once)', { notifiedOn: '2026-03-10', receivedOn: '2026-03-05', instructions: 'correct' }, { inTime: true, avvisa: false, deadline: '2026-03-31', rule: 'in_time' }],
    ['FL 45 § first paragraph: one day late → avvisas', { notifiedOn: '2026-03-02', receivedOn: '2026-03-24', instructions: 'correct' }, { inTime: false, avvisa: true, deadline: '2026-03-23', rule: 'late' }],
    ['Lag 1930:173: ends on a Saturday 03-28 → Mon 03-30', { notifiedOn: '2026-03-07', receivedOn: '2026-03-30', instructions: 'correct' }, { inTime: true, avvisa: false, deadline: '2026-03-30', rule: 'in_time' }],
    // julafton
    ['Lag 1930:173: ends on julafton 2026-12-24 (Thu) → juldagen → annandag (Sat) → Sun → Mon 12-28', { notifiedOn: '2026-12-03', receivedOn: '2026-12-28', instructions: 'correct' }, { inTime: true, avvisa: false, deadline: '2026-12-28', rule: 'in_time' }],
    ['Lag 1930:173: julafton 2026 — 12-29 is late', { notifiedOn: '2026-12-03', receivedOn: '2026-12-29', instructions: 'correct' }, { inTime: false, avvisa: true, deadline: '2026-12-28', rule: 'late' }],
    ['Lag 1930:173: ends on julafton 2025-12-24 (Wed) → Mon 12-29', { notifiedOn: '2025-12-03', receivedOn: '2025-12-29', instructions: 'correct' }, { inTime: true, avvisa: false, deadline: '2025-12-29', rule: 'in_time' }],
    // midsommarafton
    ['Lag 1930:173: ends on midsommarafton 2026-06-19 (Fri) → midsommardagen (Sat) → Sun → Mon 06-22', { notifiedOn: '2026-05-29', receivedOn: '2026-06-22', instructions: 'correct' }, { inTime: true, avvisa: false, deadline: '2026-06-22', rule: 'in_time' }],
    ['Lag 1930:173: midsommarafton 2026 — 06-23 is late', { notifiedOn: '2026-05-29', receivedOn: '2026-06-23', instructions: 'correct' }, { inTime: false, avvisa: true, deadline: '2026-06-22', rule: 'late' }],
    ['Lag 1930:173: ends on midsommarafton 2027-06-25 (Fri) → Mon 06-28', { notifiedOn: '2027-06-04', receivedOn: '2027-06-28', instructions: 'correct' }, { inTime: true, avvisa: false, deadline: '2027-06-28', rule: 'in_time' }],
    // nyårsafton
    ['Lag 1930:173: ends on nyårsafton 2026-12-31 (Thu) → nyårsdagen → Sat → Sun → Mon 2027-01-04', { notifiedOn: '2026-12-10', receivedOn: '2027-01-04', instructions: 'correct' }, { inTime: true, avvisa: false, deadline: '2027-01-04', rule: 'in_time' }],
    // FL 45 § second paragraph: wrong instructions
    ['FL 45 § second paragraph: late, but the instructions were wrong → not avvisas', { notifiedOn: '2026-03-02', receivedOn: '2026-03-30', instructions: 'wrong' }, { inTime: false, avvisa: false, deadline: '2026-03-23', rule: 'late_instructions_wrong' }],
    ['FL 45 § second paragraph: wrong instructions do not matter when it arrived in time', { notifiedOn: '2026-03-02', receivedOn: '2026-03-20', instructions: 'wrong' }, { inTime: true, avvisa: false, deadline: '2026-03-23', rule: 'in_time' }],
    // FL 33 §: missing instructions
    ['FL 33 §: no appeal instructions → the period never started; months later is not late', { notifiedOn: '2026-03-02', receivedOn: '2026-09-01', instructions: 'missing' }, { inTime: true, avvisa: false, deadline: null, rule: 'late_instructions_missing' }],
    ['FL 33 §: no appeal instructions, arrived within three weeks anyway', { notifiedOn: '2026-03-02', receivedOn: '2026-03-10', instructions: 'missing' }, { inTime: true, avvisa: false, deadline: null, rule: 'in_time' }],
    // FL 45 § second paragraph: reached the court in time
    ['FL 45 § second paragraph: late at the nämnd, but at förvaltningsrätten within the period', { notifiedOn: '2026-03-02', receivedOn: '2026-03-26', instructions: 'correct', reachedCourtOn: '2026-03-20' }, { inTime: true, avvisa: false, deadline: '2026-03-23', rule: 'reached_court_in_time' }],
    ['FL 45 § second paragraph: at the court on the last day counts', { notifiedOn: '2026-03-02', receivedOn: '2026-03-26', instructions: 'correct', reachedCourtOn: '2026-03-23' }, { inTime: true, avvisa: false, deadline: '2026-03-23', rule: 'reached_court_in_time' }],
    ['FL 45 §: at the court after the period too → avvisas', { notifiedOn: '2026-03-02', receivedOn: '2026-03-26', instructions: 'correct', reachedCourtOn: '2026-03-24' }, { inTime: false, avvisa: true, deadline: '2026-03-23', rule: 'late' }],
    ['FL 45 §: reached the court in time and wrong instructions — the court rule counts as in time', { notifiedOn: '2026-03-02', receivedOn: '2026-04-10', instructions: 'wrong', reachedCourtOn: '2026-03-13' }, { inTime: true, avvisa: false, deadline: '2026-03-23', rule: 'reached_court_in_time' }],
    ['FL 45 §: reachedCourtOn null is no exception', { notifiedOn: '2026-03-02', receivedOn: '2026-03-26', instructions: 'correct', reachedCourtOn: null }, { inTime: false, avvisa: true, deadline: '2026-03-23', rule: 'late' }],
    // not_applicable
    ['"not_applicable" instructions count as correct: late → avvisas', { notifiedOn: '2026-03-02', receivedOn: '2026-03-24', instructions: 'not_applicable' }, { inTime: false, avvisa: true, deadline: '2026-03-23', rule: 'late' }],
  ] as [string, Input, Rattidsprovning][])('%s', (_label, input, expected) => {
    expect(rattidsprovning(input)).toEqual(expected);
  });

  it('rejects malformed dates', () => {
    expect(() => rattidsprovning({ notifiedOn: '2026-02-30', receivedOn: '2026-03-10', instructions: 'correct' })).toThrow(RangeError);
    expect(() => rattidsprovning({ notifiedOn: '2026-03-02', receivedOn: '10/3/2026', instructions: 'correct' })).toThrow(RangeError);
    expect(() => rattidsprovning({ notifiedOn: '2026-03-02', receivedOn: '2026-03-10', instructions: 'correct', reachedCourtOn: 'igår' })).toThrow(RangeError);
  });

  it('avvisa only when late without exception; inTime false without avvisa only for wrong instructions', () => {
    const rules = new Set<string>();
    for (const instructions of ['correct', 'missing', 'wrong', 'not_applicable'] as const) {
      for (const receivedOn of ['2026-03-10', '2026-03-23', '2026-03-24', '2026-06-01']) {
        for (const reachedCourtOn of [null, '2026-03-20', '2026-03-24']) {
          const r = rattidsprovning({ notifiedOn: '2026-03-02', receivedOn, instructions, reachedCourtOn });
          rules.add(r.rule);
          expect(r.avvisa).toBe(r.rule === 'late');
          expect(r.inTime).toBe(!['late', 'late_instructions_wrong'].includes(r.rule));
        }
      }
    }
    expect(rules.size).toBe(5); // every rule but not_notified
  });
});

const p = (right: Right, outcome: RightOutcome): DecisionPart => ({ right, outcome, grounds: [], motivering: '' });

describe('appealAfterOmprovning — FL 39 §', () => {
  it.each([
    ['lapses', [p('registerutdrag', 'delvis_bifall')], [p('registerutdrag', 'bifall')], 'changed as asked: the withheld part is released'],
    ['lapses', [p('radering', 'avslag'), p('registerutdrag', 'bifall')], [p('radering', 'bifall')], 'changed as asked; `changed` holds only the changed part, the rest keeps its outcome'],
    ['lapses', [p('radering', 'avslag'), p('registerutdrag', 'bifall')], [p('radering', 'bifall'), p('registerutdrag', 'bifall')], 'changed as asked; full new decision'],
    ['lapses', [p('invandning', 'avvisning')], [p('invandning', 'bifall')], 'an avvisning turned into bifall'],
    ['continues', [p('radering', 'avslag')], [p('radering', 'delvis_bifall')], 'changed in another way: a partial grant is not what was asked — the appeal covers the new decision'],
    ['continues', [p('radering', 'avslag'), p('rattelse', 'avslag')], [p('radering', 'bifall')], 'one refused right granted, the other still refused'],
    ['continues', [p('radering', 'avslag'), p('registerutdrag', 'bifall')], [p('radering', 'bifall'), p('registerutdrag', 'delvis_bifall')], 'granted as asked but something else refused now'],
    ['continues', [p('radering', 'avslag')], [p('radering', 'avslag')], 'an omprövning that changes nothing'],
    ['continues', [p('registerutdrag', 'delvis_bifall')], [p('registerutdrag', 'avslag')], 'changed to the worse'],
  ] as ['lapses' | 'continues', DecisionPart[], DecisionPart[], string][])('→ %s (%#: %s)', (expected, appealed, changed) => {
    expect(appealAfterOmprovning(appealed, changed)).toBe(expected);
  });
});

describe('checkCourtRecord — förvaltningsrätten, then kammarrätten with prövningstillstånd (DSL 7 kap. 2 § andra stycket)', () => {
  const FR = { court: 'forvaltningsratt', decidedOn: '2026-03-10' };
  it.each([
    ['förvaltningsrätten rules', { court: 'forvaltningsratt', outcome: 'avslag', decidedOn: '2026-03-10' }, [], null],
    ['förvaltningsrätten cannot refuse prövningstillstånd', { court: 'forvaltningsratt', outcome: 'provningstillstand_meddelas_ej', decidedOn: '2026-03-10' }, [], 'pt_only_kammarratt'],
    ['kammarrätten refuses prövningstillstånd: förvaltningsrättens dom stands', { court: 'kammarratt', outcome: 'provningstillstand_meddelas_ej', decidedOn: '2026-05-02' }, [FR], null],
    ['kammarrätten rules after granting prövningstillstånd', { court: 'kammarratt', outcome: 'bifall', decidedOn: '2026-09-01' }, [FR], null],
    ['kammarrätten without förvaltningsrätten first', { court: 'kammarratt', outcome: 'bifall', decidedOn: '2026-09-01' }, [], 'forvaltningsratt_first'],
    ['kammarrätten before förvaltningsrätten', { court: 'kammarratt', outcome: 'avslag', decidedOn: '2026-03-09' }, [FR], 'before_forvaltningsratt'],
    ['kammarrätten the same day', { court: 'kammarratt', outcome: 'avslag', decidedOn: '2026-03-10' }, [FR], null],
    ['an outcome the portal does not know', { court: 'forvaltningsratt', outcome: 'skadestand', decidedOn: '2026-03-10' }, [], 'unknown_outcome'],
    ['a correction of förvaltningsrättens record after kammarrätten', { court: 'forvaltningsratt', outcome: 'delvis_bifall', decidedOn: '2026-03-11' }, [FR, { court: 'kammarratt', decidedOn: '2026-05-02' }], null],
  ] as const)('%s', (_label, record, earlier, expected) => {
    expect(checkCourtRecord(record, earlier)).toBe(expected);
  });
});
