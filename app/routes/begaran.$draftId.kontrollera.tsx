import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { CheckAnswers } from '~/components/request/check-answers';
import { BackLink } from '~/components/ui/back-link';
import { BankIdMethodButtons } from '~/components/bankid/method-buttons';
import { firstIncompleteStep, previousStep } from '~/domain/request-journey';
import { maskPersonnummer } from '~/domain/personnummer';
import { listDraftAttachments } from '~/models/attachments.server';
import { validateCsrf } from '~/utils/csrf.server';
import { todayInStockholm } from '~/utils/dates.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { chosenPuas, requireDraft } from '~/utils/request-context.server';
import { startRequestSigning } from '~/utils/request-signing.server';

export const handle = { i18n: ['request', 'bankid'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireDraft(request, params.draftId);
  const missing = firstIncompleteStep(ctx.draft.answers, ctx.kommunCount, todayInStockholm());
  if (missing) throw redirect(`/begaran/${ctx.draft.id}/${missing}`);
  const t = await i18next.getFixedT(request, ['request', 'common']);
  const a = ctx.draft.answers;
  return json({
    title: `${t('request:check.title')} – ${t('common:service.name')}`,
    draftId: ctx.draft.id,
    answers: a,
    back: `/begaran/${ctx.draft.id}/${previousStep('kontrollera', a, ctx.kommunCount)}`,
    kommunName: ctx.kommun?.name ?? null,
    showKommun: ctx.kommunCount > 1,
    puaNames: chosenPuas(a, ctx.kommun).map((p) => p.name),
    subjectMasked: a.subject ? maskPersonnummer(a.subject.personnummer) : null,
    attachments: (await listDraftAttachments(ctx.draft.id, ctx.residentId)).map((f) => f.filename),
  });
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
      <CheckAnswers draftId={data.draftId} answers={data.answers} kommunName={data.kommunName} showKommun={data.showKommun} puaNames={data.puaNames} subjectMasked={data.subjectMasked} attachments={data.attachments} />
      <h2 className="heading-m">{t('check.signHeading')}</h2>
      <p className="body">{t('check.signBody')}</p>
      <Form method="post">
        <CsrfInput />
        <BankIdMethodButtons />
      </Form>
    </>
  );
}
