/**
 * Legal and internal deadlines of a data-subject request (DOMAIN.md §4, §5, §8). Pure functions on
 * ISO dates (`YYYY-MM-DD`, the Swedish calendar date): no I/O, no wall clock — "today" is always a
 * parameter. Every input is validated; a malformed or impossible date throws a `RangeError`.
 *
 * Two different calendars of "days that do not count" apply and must not be mixed:
 *
 * 1. GDPR periods (Art 12(3)) are counted under Regulation (EEC, Euratom) No 1182/71: a period ending
 *    on a Saturday, Sunday or public holiday ends on the next working day (art. 3(4)); the public
 *    holidays are those of the member state (art. 2(1)), i.e. the allmänna helgdagar of Lag
 *    (1989:253). Aftnar are NOT holidays there: a GDPR deadline on julafton stays on julafton and is
 *    only flagged (`gdprDeadlineWarnings`).
 * 2. Swedish statutory periods (appeal time, and — by the municipal routine's own wording —
 *    "arbetsdagar") follow Lag (1930:173) om beräkning av lagstadgad tid 2 §: a period ending on a
 *    Saturday, Sunday, allmän helgdag, midsommarafton, julafton or nyårsafton ends on the next
 *    vardag. Working day here = none of those (`isWorkingDay`).
 */
import { isAfton, isAllmanHelgdag } from './holidays';
import {
  addDays,
  addMonths,
  assertIsoDate,
  compareIsoDates,
  diffDays,
  fromDayNumber,
  isSaturday,
  isSunday,
  minIsoDate,
  toDayNumber,
  type IsoDate,
} from './iso-date';

// ---------------------------------------------------------------------------------------------
// GDPR (Art 12) deadlines — Reg. 1182/71
// ---------------------------------------------------------------------------------------------

/** A working day in the sense of Reg. 1182/71: not a Saturday, Sunday or allmän helgdag. Aftnar count as working days. */
export function isGdprWorkingDay(date: IsoDate): boolean {
  return !isSaturday(date) && !isAllmanHelgdag(date);
}

/** Reg. 1182/71 art. 3(4): a period ending on a Saturday, Sunday or public holiday ends on the next working day. */
export function rollForwardGdpr(date: IsoDate): IsoDate {
  let d = assertIsoDate(date);
  while (!isGdprWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/**
 * The unmoved ("nominal") end of the GDPR period, before the weekend/helgdag roll-forward:
 * - first period: same date next month, clamped to the month's last day (Reg. 1182/71 art. 3(2)(c));
 * - extended period: three months from receipt by the same rule, capped at the (moved) first deadline
 *   + 2 months — see `gdprExtendedDeadline` for why and when the cap bites.
 * Pause arithmetic counts the days remaining to this date.
 */
export function gdprNominalDeadline(received: IsoDate, extended = false): IsoDate {
  const first = addMonths(received, 1);
  if (!extended) return first;
  return minIsoDate(addMonths(received, 3), addMonths(rollForwardGdpr(first), 2));
}

/**
 * Art 12(3) GDPR: "without undue delay and in any event within one month of receipt".
 * Same date next month (or that month's last day), then rolled forward past Saturdays, Sundays and
 * allmänna helgdagar. DOMAIN.md §5: 2026-01-31 → 2026-03-02; 2025-12-01 → 2026-01-02;
 * 2026-03-03 → 2026-04-07. `received` is the day the request reached any channel of the PUA.
 */
export function gdprDeadline(received: IsoDate): IsoDate {
  return rollForwardGdpr(gdprNominalDeadline(received));
}

export type GdprDeadlineWarning = 'afton';

/**
 * Things staff should know about a GDPR deadline that do not move it. `'afton'`: the deadline is on
 * midsommarafton, julafton or nyårsafton — a legal working day under Reg. 1182/71, but many offices
 * are closed or short-staffed (DOMAIN.md §5: "warn instead"). Use `aftonOn(deadline)` (holidays.ts) for its name.
 */
export function gdprDeadlineWarnings(deadline: IsoDate): GdprDeadlineWarning[] {
  return isAfton(deadline) ? ['afton'] : [];
}

/**
 * Art 12(3) extension "by two further months": three months from receipt by the same rule, rolled
 * forward — but never later than the first deadline + 2 months (DOMAIN.md §5).
 *
 * The two readings agree except when receipt is on the 29th–31st and the first month is shorter,
 * so the first deadline was clamped to the month end while the third month has the full date:
 * received 2025-01-31 → first deadline 2025-02-28 (a Friday) → +2 months 2025-04-28, whereas three
 * months from receipt would be 2025-04-30. We take the earlier date (the cap): it is the literal
 * "first period extended by two further months", and when readings differ the earlier date is the
 * one the PUA can never be blamed for. Whenever the first deadline was itself moved forward
 * (e.g. 2026-01-31 → 2026-03-02) the cap is later than three months and does not bite.
 */
export function gdprExtendedDeadline(received: IsoDate): IsoDate {
  return rollForwardGdpr(gdprNominalDeadline(received, true));
}

/** A recorded pause of the GDPR clock (Art 12(6): waiting for identity information). */
export type ClockPause = {
  /** Day the request for identity information was sent. */
  pausedOn: IsoDate;
  /** Day the information arrived; null/undefined while still waiting. */
  resumedOn?: IsoDate | null;
};

export type GdprClock =
  | { status: 'running'; deadline: IsoDate; nominal: IsoDate }
  | { status: 'paused'; pausedOn: IsoDate; remainingDays: number };

/**
 * The GDPR clock with pauses (Art 12(6) GDPR; IMY's arithmetic in the SJ case, DOMAIN.md §5):
 * "the remaining days run from the day the information arrives".
 *
 * Our interpretation, applied pause by pause in date order:
 * - remaining = calendar days from `pausedOn` to the current *nominal* (unmoved) end of the period;
 *   the pause day itself is used up (paused 2026-01-20 with nominal end 2026-02-10 → 21 days left);
 * - new nominal end = `resumedOn` + remaining; the weekend/helgdag roll-forward (Reg. 1182/71) is
 *   applied once, to the final nominal end. The net effect is that the end moves by the pause length.
 * - a pause started after the nominal end but on or before the moved deadline (e.g. on the Monday the
 *   deadline rolled to) leaves 0 days: the answer is due the day the information arrives;
 * - a pause started after the legal deadline had passed has no effect (the request was already late;
 *   a pause cannot revive it) — Art 12(6) requires asking "without undue delay" anyway.
 * - while a pause is open the clock is `paused` with the remaining days; there is no deadline.
 * Pauses must not overlap, must not start before receipt, and only the last may be open.
 * `extended` uses the extended period (`gdprNominalDeadline(received, true)`).
 */
export function gdprClock(received: IsoDate, pauses: readonly ClockPause[] = [], extended = false): GdprClock {
  assertIsoDate(received);
  const sorted = [...pauses].sort((a, b) => compareIsoDates(a.pausedOn, b.pausedOn));
  let nominal = gdprNominalDeadline(received, extended);
  let previousEnd: IsoDate = received;
  for (const [i, pause] of sorted.entries()) {
    const { pausedOn } = pause;
    const resumedOn = pause.resumedOn ?? null;
    assertIsoDate(pausedOn);
    if (compareIsoDates(pausedOn, received) < 0) throw new RangeError(`Pause on ${pausedOn} starts before the request was received (${received})`);
    if (compareIsoDates(pausedOn, previousEnd) < 0) throw new RangeError(`Pause on ${pausedOn} overlaps the previous pause (resumed ${previousEnd})`);
    if (resumedOn !== null && compareIsoDates(resumedOn, pausedOn) < 0) throw new RangeError(`Pause resumed on ${resumedOn} before it started (${pausedOn})`);
    if (resumedOn === null && i !== sorted.length - 1) throw new RangeError(`Pause on ${pausedOn} is still open but a later pause exists`);

    if (compareIsoDates(pausedOn, rollForwardGdpr(nominal)) > 0) {
      // Started after the deadline had passed: no effect.
      previousEnd = resumedOn ?? pausedOn;
      continue;
    }
    const remaining = Math.max(0, diffDays(pausedOn, nominal));
    if (resumedOn === null) return { status: 'paused', pausedOn, remainingDays: remaining };
    nominal = addDays(resumedOn, remaining);
    previousEnd = resumedOn;
  }
  return { status: 'running', deadline: rollForwardGdpr(nominal), nominal };
}

/** The GDPR deadline after the recorded pauses, or null while the clock is paused (see `gdprClock`). */
export function deadlineWithPauses(received: IsoDate, pauses: readonly ClockPause[], extended = false): IsoDate | null {
  const clock = gdprClock(received, pauses, extended);
  return clock.status === 'running' ? clock.deadline : null;
}

/** One completed pause: `resumedOn` + (nominal end − `pausedOn`), rolled forward (see `gdprClock`). */
export function deadlineAfterPause(args: { received: IsoDate; pausedOn: IsoDate; resumedOn: IsoDate; extended?: boolean }): IsoDate {
  const { received, pausedOn, resumedOn, extended = false } = args;
  assertIsoDate(resumedOn);
  const clock = gdprClock(received, [{ pausedOn, resumedOn }], extended);
  if (clock.status !== 'running') throw new Error('unreachable: a completed pause leaves the clock running');
  return clock.deadline;
}

/**
 * Art 12(3): an extension must be notified "within one month of receipt", i.e. on or before the first
 * deadline (the deadline day counts: the period runs to the end of that day). Pauses recorded before
 * the notice shift the first deadline; a notice sent while the clock is paused is in time. Only the
 * timing is checked here — the reason (complexity, number of requests) is the caller's to require.
 */
export function canExtend(received: IsoDate, noticeDate: IsoDate, pauses: readonly ClockPause[] = []): boolean {
  assertIsoDate(received);
  assertIsoDate(noticeDate);
  if (compareIsoDates(noticeDate, received) < 0) throw new RangeError(`Extension notice ${noticeDate} is before receipt ${received}`);
  // What was known on the notice day: later pauses did not exist yet; a pause not yet resumed was open.
  const known: ClockPause[] = pauses
    .filter((p) => compareIsoDates(p.pausedOn, noticeDate) <= 0)
    .map((p) => (p.resumedOn && compareIsoDates(p.resumedOn, noticeDate) <= 0 ? p : { pausedOn: p.pausedOn, resumedOn: null }));
  const clock = gdprClock(received, known, false);
  return clock.status === 'paused' || compareIsoDates(noticeDate, clock.deadline) <= 0;
}

// ---------------------------------------------------------------------------------------------
// Swedish statutory periods — Lag (1930:173)
// ---------------------------------------------------------------------------------------------

/**
 * A vardag under Lag (1930:173) 2 §: not a Saturday, Sunday, allmän helgdag (Lag 1989:253),
 * midsommarafton, julafton or nyårsafton. Used for "arbetsdagar" in the municipal routine too.
 */
export function isWorkingDay(date: IsoDate): boolean {
  return !isSaturday(date) && !isSunday(date) && !isAllmanHelgdag(date) && !isAfton(date);
}

/** Lag (1930:173) 2 §: a limit ending on a non-working day moves to the next working day. */
export function swedishStatutoryDeadline(date: IsoDate): IsoDate {
  let d = assertIsoDate(date);
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

function assertInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

/**
 * The n-th working day after `date` (the start day itself is not counted, whatever it is):
 * Friday + 3 → Wednesday; Saturday + 1 → Monday. n = 0 returns `date` unchanged; negative n
 * counts back (e.g. "5 working days before the deadline" for reminders). For an inbox filter
 * "due within 5 working days" compare the deadline with `addWorkingDays(today, 5)` in SQL.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'Number of working days');
  const step = n < 0 ? -1 : 1;
  let day = toDayNumber(date);
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isWorkingDay(fromDayNumber(day))) left -= 1;
  }
  return fromDayNumber(day);
}

/**
 * Working days in the half-open interval (from, to]: the count n with `addWorkingDays(from, n) === to`
 * when `to` is a working day. 0 when equal; negative (the count in (to, from]) when `to` is earlier.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let d = lo + 1; d <= hi; d += 1) if (isWorkingDay(fromDayNumber(d))) count += 1;
  return sign * count;
}

/**
 * Last day for an appeal (överklagande): it must arrive "inom tre veckor från den dag då klaganden
 * fick del av beslutet" (FL 44 §) — notified + 21 days, then Lag (1930:173) roll-forward.
 * `notified` is the day the person received the decision (opened it in the portal / delivery receipt).
 */
export function appealDeadline(notified: IsoDate): IsoDate {
  return swedishStatutoryDeadline(addDays(notified, 21));
}

/** Rättidsprövning date test only (FL 45 §): arrived on or before `appealDeadline(notified)`. Exceptions are the caller's. */
export function isAppealInTime(notified: IsoDate, appealReceived: IsoDate): boolean {
  return compareIsoDates(appealReceived, appealDeadline(notified)) <= 0;
}

// ---------------------------------------------------------------------------------------------
// Internal limits of the municipal routine (seed 004 bilaga 6 and 7, DOMAIN.md §4)
// ---------------------------------------------------------------------------------------------

/**
 * A task answer is due "inom en vecka från den dagen som de fått begäran" (004 bilaga 6): sent + 7
 * calendar days; if that is not a working day, the next working day (Lag 1930:173 applied by analogy —
 * the routine is internal, not a statute, but staff cannot be expected to answer on a holiday).
 */
export function taskAnswerDeadline(sentOn: IsoDate): IsoDate {
  return swedishStatutoryDeadline(addDays(sentOn, 7));
}

export type InternalDeadlines = {
  /** 004 bilaga 6/7: "vidarebefordras omgående, helst inom tre arbetsdagar" — received + 3 working days. */
  forwardToStaff: IsoDate;
  /** 004 bilaga 6: answer within one week of receiving the task — `taskAnswerDeadline(forwardedOn ?? forwardToStaff)`. */
  taskAnswer: IsoDate;
  /** 004 bilaga 7 (change requests): meeting "bör äga rum inom två veckor" — received + 14 days, Lag 1930:173 roll-forward. */
  assessmentMeeting: IsoDate;
};

/**
 * The internal SLAs of DOMAIN.md §4, all counted from the day the request was received. The task
 * answer runs from the actual forwarding day when known, otherwise from the latest allowed one
 * (`forwardToStaff`). The assessment meeting applies to change requests only; the caller decides.
 */
export function internalDeadlines(received: IsoDate, options: { forwardedOn?: IsoDate | null } = {}): InternalDeadlines {
  const forwardToStaff = addWorkingDays(received, 3);
  return {
    forwardToStaff,
    taskAnswer: taskAnswerDeadline(options.forwardedOn ?? forwardToStaff),
    assessmentMeeting: swedishStatutoryDeadline(addDays(received, 14)),
  };
}

// ---------------------------------------------------------------------------------------------
// Other
// ---------------------------------------------------------------------------------------------

/**
 * FL 12 §: a case not decided within six months lets the party demand a decision. Returns received
 * + 6 months (same date, clamped to month end) — the day six months have run and from which the
 * portal offers the demand. It is the start of a right, not the end of a limit, so no roll-forward.
 */
export function decisionDemandableFrom(received: IsoDate): IsoDate {
  return addMonths(received, 6);
}

/** Calendar days from `today` to `deadline`: 0 on the day, negative when overdue. */
export function daysLeft(today: IsoDate, deadline: IsoDate): number {
  return diffDays(today, deadline);
}

