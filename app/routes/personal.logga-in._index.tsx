import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { BankIdLoginStart } from '~/components/bankid/login-start';
import { pageMeta } from '~/utils/page-meta';
import { getSession } from '~/utils/session.server';
import { safeRedirect } from '~/utils/bankid/login.server';
import { startLoginAction } from '~/utils/bankid/login-routes.server';
import { i18next } from '~/utils/i18next.server';

export const handle = { i18n: ['bankid'] };

/** The staff entry point is separate from the residents' (BANKID.md "Security practice"). */
export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = new URL(request.url).searchParams.get('redirectTo');
  if ((await getSession(request))?.kind === 'staff') throw redirect(safeRedirect(redirectTo, '/personal'));
  const t = await i18next.getFixedT(request, ['bankid', 'common']);
  return json({ title: `${t('bankid:login.staff.pageTitle')} – ${t('common:service.name')}`, redirectTo: redirectTo ? safeRedirect(redirectTo, '/personal') : null });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export const action = ({ request, context }: ActionFunctionArgs) => startLoginAction(request, context, 'staff');

export default function StaffLogin() {
  const { redirectTo } = useLoaderData<typeof loader>();
  return <BankIdLoginStart kind="staff" redirectTo={redirectTo} />;
}
