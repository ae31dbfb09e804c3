import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

export function SiteFooter() {
  const { t } = useTranslation('common');
  return (
    <footer className="site-footer">
      <div className="page-width">
        <h2 className="visually-hidden">{t('footer.heading')}</h2>
        <ul className="site-footer__links">
          <li>
            <Link to="/tillganglighet">{t('footer.accessibility')}</Link>
          </li>
          <li>
            <Link to="/personuppgifter">{t('footer.privacy')}</Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}
