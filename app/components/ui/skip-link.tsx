import { useTranslation } from 'react-i18next';

/** First focusable element of every page (WCAG 2.4.1 Bypass Blocks). */
export function SkipLink({ href = '#main' }: { href?: string }) {
  const { t } = useTranslation('ui');
  return (
    <a href={href} className="skip-link">
      {t('skipLink')}
    </a>
  );
}
