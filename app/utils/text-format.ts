/**
 * Locale-aware formatting of names and dates for page text (used by loaders, so that the server
 * and the browser show the same string). British English for `en`: "22 November 2026".
 */
const intlLocale = (lng: string) => (lng === "en" ? "en-GB" : "sv-SE");

/** "Granåsa kommun och Sjöbacka kommun" / "Granåsa kommun and Sjöbacka kommun". */
export function formatList(items: string[], lng: string): string {
  return new Intl.ListFormat(intlLocale(lng), { type: "conjunction" }).format(
    items
  );
}

/** An ISO calendar date (`YYYY-MM-DD`) as "22 november 2026". */
export function formatLongDate(isoDate: string, lng: string): string {
  return new Intl.DateTimeFormat(intlLocale(lng), {
    dateStyle: "long",
    timeZone: "UTC",
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A moment as "22 november 2026 14:05" in Stockholm time (messages, downloads). */
export function formatDateTime(iso: string, lng: string): string {
  return new Intl.DateTimeFormat(intlLocale(lng), {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Stockholm",
  }).format(new Date(iso));
}

/** A file size as "245 kB" / "1,2 MB" (decimal units and their SI symbols, as file managers show them). */
export function formatFileSize(bytes: number, lng: string): string {
  const units = ["B", "kB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${new Intl.NumberFormat(intlLocale(lng), {
    maximumFractionDigits: unit < 2 ? 0 : 1,
  }).format(value)} ${units[unit]}`;
}
