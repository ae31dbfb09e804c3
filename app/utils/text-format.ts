/**
 * Locale-aware formatting of names and dates for page text (used by loaders, so that the server
 * and the browser show the same string). British English for `en`: "22 November 2026".
 */
const intlLocale = (lng: string) => (lng === 'en' ? 'en-GB' : 'sv-SE');

/** "Granåsa kommun och Sjöbacka kommun" / "Granåsa kommun and Sjöbacka kommun". */
export function formatList(items: string[], lng: string): string {
  return new Intl.ListFormat(intlLocale(lng), { type: 'conjunction' }).format(items);
}

/** An ISO calendar date (`YYYY-MM-DD`) as "22 november 2026". */
export function formatLongDate(isoDate: string, lng: string): string {
  return new Intl.DateTimeFormat(intlLocale(lng), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}
