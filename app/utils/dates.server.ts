const DAY_MS = 24 * 60 * 60 * 1000;
// On globalThis, not in module state: server/ (loaded by tsx) and the Remix bundle each hold
// their own copy of this module, and both must read the same calendar.
const OFFSET_KEY = Symbol.for('dataskyddsportalen.demoCalendarOffsetDays');
type WithOffset = { [OFFSET_KEY]?: number };

/**
 * Days the demo calendar is moved ahead (0 in normal running). Only the BankID simulator's control
 * port can move it (app/utils/demo-calendar.server.ts), so only a demo or test portal has one;
 * it lets a test see what happens after an appeal period has run out (ADR 010).
 */
export function demoCalendarOffsetDays(): number {
  return (globalThis as WithOffset)[OFFSET_KEY] ?? 0;
}

export function setDemoCalendarOffsetDays(days: number): void {
  (globalThis as WithOffset)[OFFSET_KEY] = days;
}

/** Today's date in Europe/Stockholm as ISO `YYYY-MM-DD` — the calendar the law's deadlines use. */
export function todayInStockholm(now: Date = new Date(Date.now() + demoCalendarOffsetDays() * DAY_MS)): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
