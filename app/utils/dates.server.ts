/** Today's date in Europe/Stockholm as ISO `YYYY-MM-DD` — the calendar the law's deadlines use. */
export function todayInStockholm(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
