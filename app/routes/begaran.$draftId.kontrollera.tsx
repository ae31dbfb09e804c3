import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { CheckAnswers } from '~/components/request/check-answers';
import { BackLink } from '~/components/ui/back-link';
import { BankIdMethodButtons } from '~/components/bankid/method-buttons';
import { firstIncompleteStep } from '~/domain/request-journey';
import { validateCsrf } from '~/utils/csrf.server';
import { todayInStockholm } from '~/utils/dates.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { requireDraft } from '~/utils/request-context.server';
import { checkAnswersData } from '~/utils/request-pages.server';
import { startRequestSigning } from '~/utils/request-signing.server';

export const handle = { i18n: ['request', 'bankid'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireDraft(request, params.draftId);
  const missing = firstIncompleteStep(ctx.draft.answers, ctx.kommunCount, todayInStockholm());
  if (missing) throw redirect(`${ctx.base}/${missing}`);
  const t = await i18next.getFixedT(request, ['request', 'common']);
  return json({ title: `${t('request:check.title')} – ${t('common:service.name')}`, ...(await checkAnswersData(ctx)) });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = await requireDraft(request, params.draftId);
  const form = await request.formData();
  await validateCsrf(form, request);
  const method = form.get('method');
  if (method !== 'qr' && method !== 'autostart') throw new Response('Bad Request', { status: 400 });
  return startRequestSigning(request, context, ctx, method);
}

export default function CheckYourAnswers() {
  const { t } = useTranslation('request');
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to={data.back}>{t('back')}</BackLink>
      <h1 className="heading-l">{t('check.title')}</h1>
      <CheckAnswers base={data.base} answers={data.answers} kommunName={data.kommunName} showKommun={data.showKommun} puaNames={data.puaNames} subjectMasked={data.subjectMasked} attachments={data.attachments} />
      <h2 className="heading-m">{t('check.signHeading')}</h2>
      <p className="body">{t('check.signBody')}</p>
      <Form method="post">
        <CsrfInput />
        <BankIdMethodButtons />
      </Form>
    </>
  );
}
