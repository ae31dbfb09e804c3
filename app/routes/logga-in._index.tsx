import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { BankIdLoginStart } from '~/components/bankid/login-start';
import { pageMeta } from '~/utils/page-meta';
import { safeRedirect } from '~/utils/bankid/login.server';
import { startLoginAction } from '~/utils/bankid/login-routes.server';
import { getResidentId } from '~/utils/auth.server';
import { i18next } from '~/utils/i18next.server';

export const handle = { i18n: ['bankid'] };

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const redirectTo = params.get('redirectTo');
  // "reauth": logged in, but the login is too old to download documents (requireRecentResidentLogin).
  const reauth = params.get('reauth') === '1';
  if (!reauth && (await getResidentId(request))) throw redirect(safeRedirect(redirectTo, '/mina-arenden'));
  const t = await i18next.getFixedT(request, ['bankid', 'common']);
  return json({
    title: `${t(reauth ? 'bankid:login.reauth.title' : 'bankid:login.resident.pageTitle')} – ${t('common:service.name')}`,
    redirectTo: redirectTo ? safeRedirect(redirectTo, '/mina-arenden') : null,
    reauth,
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export const action = ({ request, context }: ActionFunctionArgs) => startLoginAction(request, context, 'resident');

export default function ResidentLogin() {
  const { redirectTo, reauth } = useLoaderData<typeof loader>();
  return <BankIdLoginStart kind="resident" redirectTo={redirectTo} reauth={reauth} />;
}
