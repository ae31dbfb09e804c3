import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';
import { UserMenu } from './user-menu';

export function SiteHeader() {
  const { t } = useTranslation('common');
  return (
    <header className="site-header">
      <div className="page-width site-header__inner">
        <Link to="/" className="site-header__service">
          {t('service.name')}
        </Link>
        <div className="site-header__actions">
          <UserMenu />
          <nav aria-label={t('language.label')} className="site-header__nav">
            <LanguageSwitch />
          </nav>
        </div>
      </div>
    </header>
  );
}
