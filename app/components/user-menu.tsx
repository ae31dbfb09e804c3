import { Form, Link, useRouteLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { RootLoader } from '~/root';
import { CsrfInput } from './csrf-input';

/** Who is logged in, and "Logga ut" (a POST form: logout changes state, and works without JS). */
export function UserMenu() {
  const { t } = useTranslation('common');
  const data = useRouteLoaderData<RootLoader>('root');
  const user = data?.user;
  if (!user) return null;
  return (
    <div className="user-menu">
      <Link to={user.kind === 'staff' ? '/personal' : '/mina-arenden'} className="user-menu__name">
        {user.name}
      </Link>
      <Form method="post" action="/logga-ut" className="user-menu__logout">
        <CsrfInput />
        <button type="submit" className="link-button">
          {t('account.logout')}
        </button>
      </Form>
    </div>
  );
}
