/** i18next settings shared by server and browser. Swedish is the source language. */
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
