/**
 * Identifying a visitor or a caller (issue #8), for reception and kontaktcenter staff: at the desk
 * with a valid ID document ("giltig legitimation", seed 004 bilaga 6), or on the phone with BankID
 * (personal.besokare.telefon). The check then opens the person's page: status of their cases and,
 * at the reception, what waits for them. Works without JavaScript.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { Button } from '~/components/ui/button';
import { Checkboxes } from '~/components/ui/checkboxes';
import { ErrorSummary } from '~/components/ui/error-summary';
import { NotificationBanner } from '~/components/ui/notification-banner';
import { Radios } from '~/components/ui/radios';
import { TextInput } from '~/components/ui/text-input';
import { checkIdDocument, ID_DOCUMENT_TYPES } from '~/domain/identity-check';
import { recordDocumentCheck } from '~/models/identity-checks.server';
import { validateCsrf } from '~/utils/csrf.server';
import { todayInStockholm } from '~/utils/dates.server';
import { requireVerifier } from '~/utils/identity-scope.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';

export const handle = { i18n: ['visitor'] };

export async function loader({ request }: LoaderFunctionArgs) {
  const { staff } = await requireVerifier(request);
  const t = await i18next.getFixedT(request, ['visitor', 'common']);
  // ?utgangen=1: the check of the last conversation no longer holds; start again.
  const expired = new URL(request.url).searchParams.get('utgangen') === '1';
  return json({ title: `${t('visitor:verify.title')} – ${t('common:service.name')}`, staffName: staff.name, expired });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

type ActionData = { errors: Record<string, string>; values: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const { official } = await requireVerifier(request);
  const form = await request.formData();
  await validateCsrf(form, request);
  const values = Object.fromEntries(['personnummer', 'name', 'documentType', 'issuer', 'lastFour'].map((k) => [k, String(form.get(k) ?? '')])) as Record<'personnummer' | 'name' | 'documentType' | 'issuer' | 'lastFour', string>;
  // Every mistake at once: the fields, and the official's confirmation that they saw the document.
  const checked = checkIdDocument(values, todayInStockholm());
  const errors: Record<string, string> = { ...(checked.ok ? {} : checked.errors), ...(form.get('confirmed') === 'yes' ? {} : { confirmed: 'confirm' }) };
  if (Object.keys(errors).length) return json<ActionData>({ errors, values }, { status: 400 });
  const r = await recordDocumentCheck(official, values);
  if (!r.ok) return json<ActionData>({ errors: r.errors as Record<string, string>, values }, { status: 400 });
  return redirect(`/personal/besokare/${r.checkId}`);
}

export default function VerifyVisitor() {
  const { t } = useTranslation('visitor');
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const v = result?.values ?? {};
  const error = (field: string) => (result?.errors[field] ? t(`verify.errors.${field}.${result.errors[field]}`) : undefined);
  const fields = ['personnummer', 'name', 'documentType', 'issuer', 'lastFour', 'confirmed'];
  const summary = fields.filter((f) => result?.errors[f]).map((f) => ({ fieldId: f, message: error(f)! }));
  return (
    <>
      {summary.length ? <ErrorSummary errors={summary} /> : null}
      {d.expired ? (
        <NotificationBanner title={t('verify.expiredTitle')}>
          <p className="notification-banner__heading">{t('verify.expired')}</p>
        </NotificationBanner>
      ) : null}
      <h1 className="heading-l">{t('verify.title')}</h1>
      <p className="body">{t('verify.intro')}</p>
      <p className="body">
        <Link to="/personal/besokare/telefon">{t('verify.phoneLink')}</Link>
      </p>
      <Form method="post" className="section" aria-labelledby="legitimation">
        <CsrfInput />
        <h2 className="heading-m" id="legitimation">
          {t('verify.documentTitle')}
        </h2>
        <TextInput id="personnummer" name="personnummer" label={t('verify.personnummer')} hint={t('verify.personnummerHint')} width={20} defaultValue={v.personnummer} error={error('personnummer')} autoComplete="off" inputMode="numeric" />
        <TextInput id="name" name="name" label={t('verify.name')} defaultValue={v.name} error={error('name')} autoComplete="off" />
        <Radios id="documentType" name="documentType" legend={t('verify.documentType')} legendSize="s" defaultValue={v.documentType} error={error('documentType')} items={ID_DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`verify.documentTypes.${d}`) }))} />
        <TextInput id="issuer" name="issuer" label={t('verify.issuer')} hint={t('verify.issuerHint')} defaultValue={v.issuer} error={error('issuer')} autoComplete="off" />
        <TextInput id="lastFour" name="lastFour" label={t('verify.lastFour')} hint={t('verify.lastFourHint')} width={5} defaultValue={v.lastFour} error={error('lastFour')} autoComplete="off" />
        <Checkboxes id="confirmed" name="confirmed" legend={t('verify.confirmedLegend')} legendSize="s" error={error('confirmed')} items={[{ value: 'yes', label: t('verify.confirmed', { name: d.staffName }) }]} />
        <Button>{t('verify.submit')}</Button>
      </Form>
    </>
  );
}
