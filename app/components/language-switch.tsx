import { useLocation, useRouteLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { RootLoader } from '~/root';

/**
 * A plain link, so it works without JavaScript; the root loader persists the choice in a cookie.
 * The link text is in the other language, marked with its own `lang` (WCAG 3.1.2).
 */
export function LanguageSwitch() {
  const { t } = useTranslation('common');
  const data = useRouteLoaderData<RootLoader>('root');
  const location = useLocation();
  const other = data?.locale === 'en' ? 'sv' : 'en';
  const params = new URLSearchParams(location.search);
  params.set('lng', other);
  return (
    <a href={`${location.pathname}?${params}`} lang={other} hrefLang={other} className="language-switch">
      {t(`language.switchTo.${other}`)}
    </a>
  );
}
