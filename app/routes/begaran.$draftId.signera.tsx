import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { BankIdLoginStatus } from '~/components/bankid/login-status';
import { validateCsrf } from '~/utils/csrf.server';
import { pageMeta } from '~/utils/page-meta';
import { requireDraft } from '~/utils/request-context.server';
import { cancelRequestSigning, signStatusLoader } from '~/utils/request-signing.server';
import { redirect } from '@remix-run/node';

export const handle = { i18n: ['request', 'bankid'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  return signStatusLoader(request, await requireDraft(request, params.draftId));
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireDraft(request, params.draftId);
  const form = await request.formData();
  await validateCsrf(form, request);
  if (form.get('intent') === 'cancel') return cancelRequestSigning(request, ctx.draft.id);
  return redirect(`/begaran/${ctx.draft.id}/signera`);
}

export default function SignRequest() {
  const { t } = useTranslation('request');
  const status = useLoaderData<typeof loader>();
  if (status.mismatch) {
    return (
      <>
        <h1 className="heading-l">{t('sign.title')}</h1>
        <p className="body" role="alert">
          {t('sign.mismatch')}
        </p>
        <p className="body">
          <Link to="../kontrollera" relative="path">
            {t('check.title')}
          </Link>
        </p>
      </>
    );
  }
  return <BankIdLoginStatus status={status} startOver="../kontrollera" signing />;
}
