import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** "Tillbaka" to the previous step, placed above the main content. A real link, never history.back(). */
export function BackLink({ to, children }: { to: string; children?: ReactNode }) {
  const { t } = useTranslation('ui');
  return (
    <Link to={to} className="back-link">
      {children ?? t('backLink')}
    </Link>
  );
}
