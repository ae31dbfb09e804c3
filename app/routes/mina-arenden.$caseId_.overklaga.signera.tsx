/** Signing the appeal: the BankID order's status; on completion the appeal is filed (issue #6). */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { BankIdLoginStatus } from '~/components/bankid/login-status';
import { getAppealDraft } from '~/models/appeals.server';
import { appealSignStatusLoader, cancelAppealSigning } from '~/utils/appeal-signing.server';
import { requireResidentId } from '~/utils/auth.server';
import { validateCsrf } from '~/utils/csrf.server';
import { pageMeta } from '~/utils/page-meta';

export const handle = { i18n: ['account', 'bankid'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const residentId = await requireResidentId(request);
  const draft = await getAppealDraft(params.caseId ?? '', residentId);
  if (!draft) throw redirect(`/mina-arenden/${params.caseId}`);
  return appealSignStatusLoader(request, draft, residentId);
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export async function action({ request, params }: ActionFunctionArgs) {
  await requireResidentId(request);
  const form = await request.formData();
  await validateCsrf(form, request);
  if (form.get('intent') === 'cancel') return cancelAppealSigning(request, params.caseId ?? '');
  return redirect(`/mina-arenden/${params.caseId}/overklaga/signera`);
}

export default function SignAppeal() {
  const { t } = useTranslation('account');
  const status = useLoaderData<typeof loader>();
  if (status.mismatch) {
    return (
      <>
        <h1 className="heading-l">{t('appeal.signTitle')}</h1>
        <p className="body" role="alert">
          {t('appeal.mismatch')}
        </p>
        <p className="body">
          <Link to="../kontrollera" relative="path">
            {t('appeal.checkTitle')}
          </Link>
        </p>
      </>
    );
  }
  return <BankIdLoginStatus status={status} startOver="../kontrollera" signing />;
}
