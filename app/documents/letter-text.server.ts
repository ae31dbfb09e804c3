/**
 * What every document shares in words: the `letters` namespace for a fixed language, dates and
 * contact details written out the same way in every letter.
 */
import { i18next } from '~/utils/i18next.server';
import { formatLongDate } from '~/utils/text-format';
import type { Contact, Lang, PostalAddress } from './types';

export type T = Awaited<ReturnType<typeof i18next.getFixedT>>;

/** The `letters` texts in one language, whatever the request's language was. */
export function lettersT(lang: Lang): Promise<T> {
  return i18next.getFixedT(lang, 'letters');
}

/** "12 mars 2026" / "12 March 2026": in running text. */
export const longDate = (iso: string, lang: Lang) => formatLongDate(iso, lang);

/** A moment ("2026-03-12T09:15:00Z") as "12 mars 2026 10:15", Stockholm time; other text as it is. */
export function dateTime(value: string, lang: Lang): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(d);
}

/** "Box 123, 123 45 Granåsa" (with c/o first when there is one). */
export function addressLine(a: PostalAddress): string {
  return [a.careOf ? `c/o ${a.careOf}` : null, a.street, `${a.postalCode} ${a.city}`].filter(Boolean).join(', ');
}

/** Name, postal address, e-mail and phone, one per line, labelled. */
export function contactLines(c: Contact, t: T, opts: { website?: string | null } = {}): string[] {
  return [
    c.name,
    c.postalAddress ? `${t('common.postalAddress')}: ${addressLine(c.postalAddress)}` : null,
    c.email ? `${t('common.email')}: ${c.email}` : null,
    c.phone ? `${t('common.phone')}: ${c.phone}` : null,
    opts.website ? `${t('common.website')}: ${opts.website}` : null,
  ].filter((l): l is string => !!l);
}

/** The footer's small print: "Byggnadsnämnden · Box 123, 123 45 Granåsa · bn@granasa.se · 0500-12 34 56". */
export function footerLine(c: Contact, extra: (string | null | undefined)[] = []): string {
  return [c.name, c.postalAddress ? addressLine(c.postalAddress) : null, c.email, c.phone, ...extra].filter(Boolean).join('  ·  ');
}

export const pageLabel = (t: T) => (page: number, pages: number) => t('page', { page, pages });

/** Free text as written by a person, split where they left an empty line. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
