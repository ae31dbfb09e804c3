import path from 'node:path';
import { createCookie } from '@remix-run/node';
import Backend from 'i18next-fs-backend';
import { RemixI18Next } from 'remix-i18next/server';
import i18n, { supportedLngs, type Lng } from '~/i18n';

/** The language choice, persisted for a year. Not personal data (Art 13 notice lists it). */
export const localeCookie = createCookie('lng', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLngs],
    fallbackLanguage: 'sv',
    cookie: localeCookie,
    // Swedish unless the person chose otherwise: the browser's Accept-Language is not asked,
    // so a kommun's site looks the same for everyone until they press "English".
    order: ['searchParams', 'cookie'],
  },
  i18next: {
    ...i18n,
    backend: { loadPath: path.resolve(process.cwd(), 'locales/{{lng}}/{{ns}}.json') },
  },
  plugins: [Backend],
});

export function isLng(value: unknown): value is Lng {
  return typeof value === 'string' && (supportedLngs as readonly string[]).includes(value);
}
