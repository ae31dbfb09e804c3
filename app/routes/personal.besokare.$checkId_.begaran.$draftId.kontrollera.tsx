/**
 * Checking and registering a visitor's request (issue #8). The answers as the resident's check
 * page shows them; then, in place of the resident's BankID signature, the identity check the
 * request rests on and — for an ombud or god man — the official's confirmation of the fullmakt or
 * förordnande they saw and scanned in ("giltig fullmakt", seed 004 bilaga 6; FL 14–15 §§).
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { CheckAnswers } from '~/components/request/check-answers';
import { VisitorCaption } from '~/components/request/visitor-caption';
import { BackLink } from '~/components/ui/back-link';
import { Button } from '~/components/ui/button';
import { Checkboxes } from '~/components/ui/checkboxes';
import { ErrorSummary } from '~/components/ui/error-summary';
import { SummaryList } from '~/components/ui/summary-list';
import { firstIncompleteStep, requiredAttachmentPurpose } from '~/domain/request-journey';
import { listDraftAttachments } from '~/models/attachments.server';
import { registerVisitorRequest } from '~/models/visitor-request.server';
import { validateCsrf } from '~/utils/csrf.server';
import { todayInStockholm } from '~/utils/dates.server';
import { i18next, isLng } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { chosenPuas, requireVisitorDraft, type JourneyContext } from '~/utils/request-context.server';
import { checkAnswersData } from '~/utils/request-pages.server';

export const handle = { i18n: ['walkin', 'request', 'visitor'] };

/** The journey complete, and a representative's proof scanned in: otherwise back to what is missing. */
async function requireComplete(ctx: JourneyContext) {
  const missing = firstIncompleteStep(ctx.draft.answers, ctx.kommunCount, todayInStockholm());
  if (missing) throw redirect(`${ctx.base}/${missing}`);
  const authority = requiredAttachmentPurpose(ctx.draft.answers);
  if (authority && !(await listDraftAttachments(ctx.draft.id, ctx.owner)).some((f) => f.purpose === authority)) throw redirect(`${ctx.base}/bilagor`);
  return authority;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireVisitorDraft(request, params.checkId, params.draftId);
  const authority = await requireComplete(ctx);
  const t = await i18next.getFixedT(request, ['walkin', 'common']);
  const check = ctx.visitor!;
  return json({
    title: `${t('walkin:check.title')} – ${t('common:service.name')}`,
    ...(await checkAnswersData(ctx)),
    identity: { method: check.method, document: check.document, checkedAt: check.checkedAt.toISOString() },
    authority,
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireVisitorDraft(request, params.checkId, params.draftId);
  const form = await request.formData();
  await validateCsrf(form, request);
  const authority = await requireComplete(ctx);
  const authorityDocumentSeen = form.get('authorityChecked') === 'yes';
  if (authority && !authorityDocumentSeen) return json({ errors: { authorityChecked: `confirm.${authority}` } }, { status: 400 });
  const locale = await i18next.getLocale(request);
  const filed = await registerVisitorRequest({
    draftId: ctx.draft.id,
    answers: ctx.draft.answers,
    kommunId: ctx.kommun!.id,
    puaIds: chosenPuas(ctx.draft.answers, ctx.kommun).map((p) => p.id),
    check: ctx.visitor!,
    staffId: ctx.staffId,
    authorityDocumentSeen,
    language: isLng(locale) ? locale : 'sv',
  });
  return redirect(`/personal/kvittens/${filed.id}`);
}

export default function CheckVisitorRequest() {
  const { t } = useTranslation(['walkin', 'request', 'visitor']);
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result?.errors.authorityChecked ? t(`walkin:check.errors.${result.errors.authorityChecked}`) : undefined;
  const doc = d.identity.document;
  return (
    <>
      <BackLink to={d.back}>{t('request:back')}</BackLink>
      {error ? <ErrorSummary errors={[{ fieldId: 'authorityChecked', message: error }]} /> : null}
      <VisitorCaption visitor={d.visitor} />
      <h1 className="heading-l">{t('walkin:check.title')}</h1>
      <CheckAnswers base={d.base} answers={d.answers} kommunName={d.kommunName} showKommun={d.showKommun} puaNames={d.puaNames} subjectMasked={d.subjectMasked} attachments={d.attachments} />
      <h2 className="heading-m">{t('walkin:check.identityHeading')}</h2>
      <SummaryList
        rows={[
          {
            key: t('visitor:person.checked'),
            value: d.identity.method === 'bankid_phone' ? t('visitor:person.byPhone') : t('visitor:person.byDocument', { type: t(`visitor:verify.documentTypes.${doc?.type ?? 'annat'}`), issuer: doc?.issuer ?? '', lastFour: doc?.lastFour ?? '' }),
          },
        ]}
      />
      <Form method="post" noValidate>
        <CsrfInput />
        {d.authority ? (
          <Checkboxes
            id="authorityChecked"
            name="authorityChecked"
            legend={t(`walkin:check.authority.${d.authority}.legend`)}
            legendSize="m"
            hint={t(`walkin:check.authority.${d.authority}.hint`)}
            error={error}
            items={[{ value: 'yes', label: t(`walkin:check.authority.${d.authority}.label`) }]}
          />
        ) : null}
        <p className="body">{t('walkin:check.registerBody')}</p>
        <Button>{t('walkin:check.register')}</Button>
      </Form>
    </>
  );
}
