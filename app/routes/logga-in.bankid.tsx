import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { BankIdLoginStatus } from '~/components/bankid/login-status';
import { pageMeta } from '~/utils/page-meta';
import { loginStatusAction, loginStatusLoader } from '~/utils/bankid/login-routes.server';

export const handle = { i18n: ['bankid'] };

export const loader = ({ request, context }: LoaderFunctionArgs) => loginStatusLoader(request, context, 'resident');
export const action = ({ request }: ActionFunctionArgs) => loginStatusAction(request, 'resident');
export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export default function ResidentLoginStatus() {
  const status = useLoaderData<typeof loader>();
  return <BankIdLoginStatus status={status} startOver="/logga-in" />;
}
