import { describe, expect, it } from 'vitest';
import { gdprDeadline, isWorkingDay, workingDaysBetween } from './deadlines';
import { addDays, compareIsoDates } from './iso-date';
import { caseReminder, countReminders, dueSoonFrom, reminderHorizon, taskReminder } from './reminders';

// Weekdays are noted as (Mon)…(Sun). Working days are those of Lag (1930:173) 2 § (`isWorkingDay`):
// not Saturday, Sunday, allmän helgdag (Lag 1989:253), midsommarafton, julafton or nyårsafton.
// 2026: långfredag 04-03, annandag påsk 04-06, 1 maj (Fri), midsommarafton 06-19 (Fri),
// julafton 12-24 (Thu), nyårsafton 12-31 (Thu), nyårsdagen 2027-01-01 (Fri).

describe('dueSoonFrom — the working day 5 working days before the deadline (issue #5, Lag 1930:173)', () => {
  it.each([
    // deadline, first due-soon day — rule
    ['2026-03-09', '2026-03-02', 'deadline (Mon): the weekend before is skipped → Mon a week earlier'],
    ['2026-03-13', '2026-03-06', 'deadline (Fri): five weekdays back, one weekend skipped → Fri'],
    ['2026-03-02', '2026-02-23', 'DOMAIN.md §5 example deadline 2026-03-02 (Mon) → Mon 02-23'],
    ['2026-05-04', '2026-04-24', 'deadline Mon after 1 maj (Fri, Lag 1989:253): 04-30 (1) … 04-27 (4), 04-24 (5) (Fri)'],
    ['2026-06-22', '2026-06-12', 'deadline Mon after midsommar: midsommarafton is no working day (1930:173) → 06-18 (1) … 06-12 (5) (Fri)'],
    ['2026-04-13', '2026-04-02', 'deadline Mon after Easter: långfredag–annandag påsk skipped → skärtorsdagen 04-02 (Thu)'],
    ['2026-04-07', '2026-03-27', 'DOMAIN.md §5 example deadline 2026-04-07 (Tue after annandag påsk) → 03-27 (Fri)'],
    ['2027-01-04', '2026-12-22', 'deadline Mon after nyår: nyårsdagen, nyårsafton, jul (afton, dag, annandag) skipped → 12-22 (Tue)'],
    ['2026-01-02', '2025-12-19', 'DOMAIN.md §5 example deadline 2026-01-02 (Fri): nyårsafton, jul skipped → 2025-12-19 (Fri)'],
    ['2026-12-24', '2026-12-17', 'GDPR deadline on julafton (a working day under 1182/71, DOMAIN.md §5) → 12-17 (Thu)'],
    ['2026-12-31', '2026-12-22', 'GDPR deadline on nyårsafton: 12-30 (1) … 12-28 (3), jul skipped, 12-23 (4), 12-22 (5)'],
    ['2027-01-07', '2026-12-28', 'deadline after trettondedag jul 2027-01-06 (Wed): 01-05 (1), 01-04 (2), 12-30 … 12-28 (5)'],
  ])('deadline %s → due soon from %s (%s)', (deadline, from) => {
    expect(dueSoonFrom(deadline)).toBe(from);
    expect(isWorkingDay(from)).toBe(true);
  });

  it('is always a working day with exactly 5 working days from it to the deadline, the deadline not counted (2026–2027)', () => {
    for (let d = '2026-01-01'; d <= '2027-12-31'; d = addDays(d, 1)) {
      const from = dueSoonFrom(d);
      expect(isWorkingDay(from), d).toBe(true);
      // (from, d] holds 5 working days when d is one, 4 when d is not (an afton deadline).
      expect(workingDaysBetween(from, d), d).toBe(isWorkingDay(d) ? 5 : 4);
    }
  });
});

describe('caseReminder — due soon, on the day, overdue (issue #5)', () => {
  it.each([
    // today, deadline, expected kind — rule
    // weekends: deadline 2026-03-09 (Mon), due soon from 03-02 (Mon)
    ['2026-02-27', '2026-03-09', null, 'Fri before the window: 6 working days left → nothing'],
    ['2026-02-28', '2026-03-09', null, 'Sat before the window → nothing'],
    ['2026-03-01', '2026-03-09', null, 'Sun before the window → nothing'],
    ['2026-03-02', '2026-03-09', 'case.due-soon', 'first day of the window (5 working days before)'],
    ['2026-03-04', '2026-03-09', 'case.due-soon', 'inside the window: a run missed on Mon is made up on Wed'],
    ['2026-03-06', '2026-03-09', 'case.due-soon', 'Fri before a Mon deadline'],
    ['2026-03-07', '2026-03-09', 'case.due-soon', 'Sat inside the window: still due soon (catch-up after a stopped weekend)'],
    ['2026-03-08', '2026-03-09', 'case.due-soon', 'Sun, the day before the deadline: last day of the window'],
    ['2026-03-09', '2026-03-09', 'case.due-today', 'on the deadline'],
    ['2026-03-10', '2026-03-09', 'case.overdue', 'the day after the deadline'],
    ['2026-04-20', '2026-03-09', 'case.overdue', 'long after the deadline: still overdue (sent once per deadline)'],
    // deadline on a Monday after a helgdag: 2026-05-04 after 1 maj (Fri)
    ['2026-04-23', '2026-05-04', null, '04-23 (Thu): 6 working days left (1 maj is no working day)'],
    ['2026-04-24', '2026-05-04', 'case.due-soon', '04-24 (Fri): 5 working days before, 1 maj skipped'],
    ['2026-05-01', '2026-05-04', 'case.due-soon', '1 maj itself lies in the window'],
    ['2026-05-04', '2026-05-04', 'case.due-today', 'the Monday deadline'],
    // midsommar: deadline 2026-06-22 (Mon)
    ['2026-06-11', '2026-06-22', null, '06-11 (Thu): before the window'],
    ['2026-06-12', '2026-06-22', 'case.due-soon', '06-12 (Fri): midsommarafton not counted (Lag 1930:173)'],
    ['2026-06-19', '2026-06-22', 'case.due-soon', 'midsommarafton'],
    // jul and nyår
    ['2026-12-21', '2027-01-04', null, '12-21 (Mon): 6 working days left over jul and nyår'],
    ['2026-12-22', '2027-01-04', 'case.due-soon', '12-22 (Tue): 5 working days left (23, 28, 29, 30, then 01-04)'],
    ['2026-12-24', '2027-01-04', 'case.due-soon', 'julafton inside the window'],
    ['2027-01-01', '2027-01-04', 'case.due-soon', 'nyårsdagen inside the window'],
    ['2027-01-04', '2027-01-04', 'case.due-today', 'deadline Mon after nyår'],
    ['2027-01-05', '2027-01-04', 'case.overdue', 'the day after'],
    ['2026-12-16', '2026-12-24', null, '12-16 (Wed): before the window of a julafton deadline'],
    ['2026-12-17', '2026-12-24', 'case.due-soon', '12-17 (Thu): 5 working days before julafton'],
    ['2026-12-24', '2026-12-24', 'case.due-today', 'a GDPR deadline on julafton stays there (1182/71, DOMAIN.md §5)'],
    ['2026-12-25', '2026-12-24', 'case.overdue', 'juldagen, after a julafton deadline'],
    ['2025-12-19', '2026-01-02', 'case.due-soon', 'DOMAIN.md §5 example 2025-12-01 → 2026-01-02: window opens 12-19 (Fri)'],
    ['2025-12-31', '2026-01-02', 'case.due-soon', 'nyårsafton before a 01-02 deadline'],
    ['2026-01-02', '2026-01-02', 'case.due-today', '01-02 (Fri) deadline'],
  ])('today %s, deadline %s → %s (%s)', (today, deadline, kind, _rule) => {
    const reminder = caseReminder(today, deadline);
    expect(reminder?.kind ?? null).toBe(kind);
    // The occasion is the deadline itself: one reminder of a kind per deadline.
    if (reminder) expect(reminder.occasion).toBe(deadline);
  });

  it('a moved deadline (Art 12(3) extension) is a new occasion: reminders start over', () => {
    const first = gdprDeadline('2026-02-10'); // 2026-03-10
    const extended = '2026-05-11';
    expect(caseReminder('2026-03-11', first)).toEqual({ kind: 'case.overdue', occasion: first });
    expect(caseReminder('2026-03-11', extended)).toBeNull();
    expect(caseReminder(dueSoonFrom(extended), extended)).toEqual({ kind: 'case.due-soon', occasion: extended });
  });

  it('rejects malformed dates (RangeError, like deadlines.ts)', () => {
    expect(() => caseReminder('2026-02-30', '2026-03-09')).toThrow(RangeError);
    expect(() => caseReminder('2026-03-02', '9.3.2026')).toThrow(RangeError);
  });
});

describe('taskReminder — on the day and overdue (DOMAIN.md §4: answer within a week)', () => {
  it.each([
    ['2026-03-08', '2026-03-09', null, 'the day before: no reminder (a task lasts one week)'],
    ['2026-03-09', '2026-03-09', 'task.due-today', 'on the due date'],
    ['2026-03-10', '2026-03-09', 'task.overdue', 'the day after'],
    ['2026-03-14', '2026-03-09', 'task.overdue', 'a Saturday after: still overdue, sent once'],
    ['2026-12-28', '2026-12-28', 'task.due-today', 'due date rolled past jul (taskAnswerDeadline from 12-21 → 12-28)'],
  ])('today %s, due %s → %s (%s)', (today, dueOn, kind, _rule) => {
    const reminder = taskReminder(today, dueOn);
    expect(reminder?.kind ?? null).toBe(kind);
    if (reminder) expect(reminder.occasion).toBe(dueOn);
  });
});

describe('reminderHorizon — the latest deadline with a reminder today', () => {
  it.each([
    ['2026-03-02', '2026-03-09', 'Mon + 5 working days'],
    ['2026-03-07', '2026-03-13', 'Sat + 5 working days'],
    ['2026-12-22', '2027-01-04', 'over jul and nyår'],
  ])('%s → %s (%s)', (today, horizon) => {
    expect(reminderHorizon(today)).toBe(horizon);
  });

  it('no deadline after the horizon has a reminder, and the horizon itself may (2026–2027)', () => {
    for (let today = '2026-01-01'; today <= '2027-12-31'; today = addDays(today, 1)) {
      const horizon = reminderHorizon(today);
      expect(caseReminder(today, horizon)?.kind, today).toBe('case.due-soon');
      for (let d = addDays(horizon, 1); compareIsoDates(d, addDays(horizon, 12)) <= 0; d = addDays(d, 1)) {
        expect(caseReminder(today, d), `${today} / ${d}`).toBeNull();
      }
    }
  });
});

describe('countReminders', () => {
  it('counts each kind, zero for the rest', () => {
    expect(countReminders(['case.due-soon', 'case.due-soon', 'task.overdue'])).toEqual({
      'case.due-soon': 2,
      'case.due-today': 0,
      'case.overdue': 0,
      'task.due-today': 0,
      'task.overdue': 1,
    });
  });
});
