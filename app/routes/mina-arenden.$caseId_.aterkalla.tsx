/** "Återkalla din begäran": the resident takes a request back before it is decided. */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { BackLink } from '~/components/ui/back-link';
import { Button, ButtonGroup } from '~/components/ui/button';
import { ErrorSummary } from '~/components/ui/error-summary';
import { Textarea } from '~/components/ui/textarea';
import { WarningText } from '~/components/ui/warning-text';
import { canWithdraw, type CaseStatus } from '~/domain/case-status';
import { MAX_WITHDRAWAL_REASON, withdrawCase } from '~/models/case-withdrawal.server';
import { getResidentCase } from '~/models/resident-cases.server';
import { requireResidentId } from '~/utils/auth.server';
import { validateCsrf } from '~/utils/csrf.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';

export const handle = { i18n: ['account', 'request'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const residentId = await requireResidentId(request);
  const found = await getResidentCase(params.caseId ?? '', residentId);
  if (!found) throw new Response('Not Found', { status: 404 });
  if (!canWithdraw(found.status as CaseStatus)) throw redirect(`/mina-arenden/${found.id}`);
  const t = await i18next.getFixedT(request, ['account', 'common']);
  return json({
    title: `${t('account:withdraw.title')} – ${t('common:service.name')}`,
    locale: await i18next.getLocale(request),
    // The limit lives in a .server module, which the browser bundle does not have.
    maxReasonLength: MAX_WITHDRAWAL_REASON,
    case: { id: found.id, kind: found.kind, diarienummer: found.diarienummer, puaName: found.puaName },
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export async function action({ request, params }: ActionFunctionArgs) {
  const residentId = await requireResidentId(request);
  const form = await request.formData();
  await validateCsrf(form, request);
  const reason = String(form.get('reason') ?? '');
  // The model would cut a longer reason short without a word; the person shortens it instead.
  if (reason.trim().length > MAX_WITHDRAWAL_REASON) return json({ errors: { reason: 'tooLong' as const }, reason }, { status: 400 });
  const result = await withdrawCase({ caseId: params.caseId ?? '', residentId, reason });
  if (!result.ok && result.error === 'not-found') throw new Response('Not Found', { status: 404 });
  // Decided meanwhile (not-allowed): the case page shows its current status.
  return redirect(`/mina-arenden/${params.caseId}${result.ok ? '?klart=aterkallad' : ''}`);
}

export default function WithdrawCase() {
  const { t } = useTranslation(['account', 'request']);
  const { case: c, locale, maxReasonLength } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const number = (n: number) => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'sv-SE').format(n);
  const over = Math.max(1, (result?.reason.trim().length ?? 0) - maxReasonLength);
  const error = result?.errors.reason ? t('withdraw.errors.tooLong', { max: number(maxReasonLength), count: over, over: number(over) }) : undefined;
  return (
    <>
      <BackLink to={`/mina-arenden/${c.id}`}>{t('withdraw.back')}</BackLink>
      {error ? <ErrorSummary errors={[{ fieldId: 'reason', message: error }]} /> : null}
      <span className="caption-l">
        {t(`request:kinds.${c.kind}`)} {c.diarienummer}
      </span>
      <h1 className="heading-l">{t('withdraw.title')}</h1>
      <p className="body">{t('withdraw.text', { puaName: c.puaName })}</p>
      <WarningText>{t('withdraw.warning')}</WarningText>
      <Form method="post">
        <CsrfInput />
        <Textarea
          id="reason"
          name="reason"
          label={t('withdraw.reason')}
          labelSize="s"
          hint={t('withdraw.reasonHint', { puaName: c.puaName, max: number(maxReasonLength) })}
          error={error}
          defaultValue={result?.reason}
          optional
          rows={4}
        />
        <ButtonGroup>
          <Button variant="warning">{t('withdraw.confirm')}</Button>
          <Button to={`/mina-arenden/${c.id}`} variant="secondary">
            {t('withdraw.cancel')}
          </Button>
        </ButtonGroup>
      </Form>
    </>
  );
}
