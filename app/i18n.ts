/** i18next settings shared by server and browser. Swedish is the source language. */

/**
 * Every namespace in locales/<lng>/. The browser loads them all before hydrating, so a client-side
 * navigation never renders raw keys (a test keeps this list in step with the files).
 */
export const NAMESPACES = ['common', 'ui', 'start', 'pages', 'bankid', 'account', 'request', 'mail', 'office', 'letters', 'utdrag', 'visitor', 'phoneid', 'paper', 'kvittens', 'walkin'] as const;
export const supportedLngs = ['sv', 'en'] as const;
export type Lng = (typeof supportedLngs)[number];

export default {
  supportedLngs: [...supportedLngs],
  fallbackLng: 'sv',
  defaultNS: 'common',
  // Namespaces every page may use; routes add their own through `handle.i18n`.
  ns: ['common', 'ui'],
  react: { useSuspense: false },
  interpolation: { escapeValue: false }, // React escapes
};
