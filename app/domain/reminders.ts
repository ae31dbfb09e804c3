/**
 * Which deadline reminder is due today (issue #5). Pure: "today" is always a parameter.
 *
 * Cases, against their legal deadline (DOMAIN.md §5):
 * - 'case.due-soon'  from the working day that is 5 working days before the deadline (Lag 1930:173
 *                    working days: not a Saturday, Sunday, allmän helgdag, midsommar-, jul- or
 *                    nyårsafton; `isWorkingDay`) until the day before the deadline;
 * - 'case.due-today' on the deadline;
 * - 'case.overdue'   on any day after it.
 * Tasks, against their answer date (`dueOn`, DOMAIN.md §4: within a week): 'task.due-today' on
 * the day and 'task.overdue' after it. A task lasts a week, so it has no "soon".
 *
 * The occasion of every reminder is the deadline (or due date) itself. Sent reminders are kept
 * per (kind, entity, occasion), so:
 * - each kind is sent once per deadline, however many days its window lasts;
 * - a moved deadline (an extension, the end of a pause) is a new occasion and gets new reminders;
 * - a run that did not happen (a restart, a stopped server) is made up by the next run, because
 *   the reminder stays due for its whole window: 'due-soon' until the deadline, 'overdue' for
 *   ever. Only 'due-today' cannot be made up after its day; 'overdue' follows instead.
 * Each day has exactly one reminder kind per entity: a late run sends what is true today, never a
 * stale 'due-soon' next to an 'overdue'.
 */
import { addWorkingDays } from './deadlines';
import { assertIsoDate, compareIsoDates, type IsoDate } from './iso-date';

/** "5 working days before the legal deadline" (issue #5). */
export const DUE_SOON_WORKING_DAYS = 5;

export const CASE_REMINDER_KINDS = ['case.due-soon', 'case.due-today', 'case.overdue'] as const;
export const TASK_REMINDER_KINDS = ['task.due-today', 'task.overdue'] as const;
export const REMINDER_KINDS = [...CASE_REMINDER_KINDS, ...TASK_REMINDER_KINDS] as const;

export type CaseReminderKind = (typeof CASE_REMINDER_KINDS)[number];
export type TaskReminderKind = (typeof TASK_REMINDER_KINDS)[number];
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** A reminder that is due: its kind and its occasion (the deadline it is about). */
export type Reminder<K extends ReminderKind = ReminderKind> = { kind: K; occasion: IsoDate };

/**
 * The first day of the 'case.due-soon' window: the working day 5 working days before the
 * deadline (the deadline itself not counted). Always a working day.
 */
export function dueSoonFrom(deadline: IsoDate): IsoDate {
  return addWorkingDays(deadline, -DUE_SOON_WORKING_DAYS);
}

/** The case reminder due on `today` for a case with this deadline, or null. */
export function caseReminder(today: IsoDate, deadline: IsoDate): Reminder<CaseReminderKind> | null {
  const order = compareIsoDates(assertIsoDate(today), assertIsoDate(deadline));
  if (order > 0) return { kind: 'case.overdue', occasion: deadline };
  if (order === 0) return { kind: 'case.due-today', occasion: deadline };
  if (compareIsoDates(today, dueSoonFrom(deadline)) >= 0) return { kind: 'case.due-soon', occasion: deadline };
  return null;
}

/** The task reminder due on `today` for a task due on `dueOn`, or null. */
export function taskReminder(today: IsoDate, dueOn: IsoDate): Reminder<TaskReminderKind> | null {
  const order = compareIsoDates(assertIsoDate(today), assertIsoDate(dueOn));
  if (order > 0) return { kind: 'task.overdue', occasion: dueOn };
  if (order === 0) return { kind: 'task.due-today', occasion: dueOn };
  return null;
}

/**
 * The latest deadline that can have a case reminder on `today`: a query may leave out every case
 * with a later deadline. (If the due-soon window of `d` has begun, fewer than 5 working days lie
 * strictly between today and `d`, so `d` is at most the 5th working day after today.)
 */
export function reminderHorizon(today: IsoDate): IsoDate {
  return addWorkingDays(today, DUE_SOON_WORKING_DAYS);
}

/** How many reminders of each kind one person gets in one mail. */
export type ReminderCounts = Record<ReminderKind, number>;

export function countReminders(kinds: Iterable<ReminderKind>): ReminderCounts {
  const counts = Object.fromEntries(REMINDER_KINDS.map((k) => [k, 0])) as ReminderCounts;
  for (const kind of kinds) counts[kind] += 1;
  return counts;
}
