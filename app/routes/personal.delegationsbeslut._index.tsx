/**
 * Redovisning av delegationsbeslut (issue #6): for one of my PUAs and a period, every decision
 * taken under delegation, as PDF and CSV for the nämnd's agenda, and "marked as reported" with
 * the meeting date. Samordnare mark; the dataskyddsombud may read.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { Button } from '~/components/ui/button';
import { ErrorSummary } from '~/components/ui/error-summary';
import { NotificationBanner } from '~/components/ui/notification-banner';
import { Select } from '~/components/ui/select';
import { Table } from '~/components/ui/table';
import { TextInput } from '~/components/ui/text-input';
import { addDays, compareIsoDates, isIsoDate } from '~/domain/iso-date';
import { delegationReportData, listPuaNames, markReported } from '~/models/delegation-report.server';
import { puasWithPermissionFor, requireCaseScope } from '~/utils/auth.server';
import { validateCsrf } from '~/utils/csrf.server';
import { todayInStockholm } from '~/utils/dates.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { formatLongDate } from '~/utils/text-format';

export const handle = { i18n: ['office', 'request'] };

/** The PUAs whose decisions I may list (samordnare and DPO), and the period asked for. */
export async function reportScope(request: Request) {
  const { scope } = await requireCaseScope(request);
  const puaIds = [...new Set([...scope.readPua, ...scope.handlePua])];
  if (!puaIds.length) throw new Response('Not Found', { status: 404 });
  const url = new URL(request.url);
  const today = todayInStockholm();
  const puaId = url.searchParams.get('pua') ?? puaIds[0]!;
  if (!puaIds.includes(puaId)) throw new Response('Not Found', { status: 404 });
  const from = url.searchParams.get('fran') ?? `${today.slice(0, 7)}-01`;
  const to = url.searchParams.get('till') ?? today;
  const periodOk = isIsoDate(from) && isIsoDate(to) && compareIsoDates(from, to) <= 0;
  return { scope, puaIds, period: { puaId, from: periodOk ? from : addDays(today, -30), to: periodOk ? to : today }, periodOk };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, puaIds, period, periodOk } = await reportScope(request);
  const [t, locale, names, markable] = await Promise.all([i18next.getFixedT(request, ['office', 'common']), i18next.getLocale(request), listPuaNames(puaIds), puasWithPermissionFor(request, 'handle:case:pua')]);
  const report = await delegationReportData(period, scope.staffId);
  const flash = new URL(request.url).searchParams.get('klart');
  return json({
    title: `${t('office:report.title')} – ${t('common:service.name')}`,
    locale,
    flash,
    periodOk,
    puas: names,
    period,
    canMark: markable.includes(period.puaId),
    report,
    query: new URLSearchParams({ pua: period.puaId, fran: period.from, till: period.to }).toString(),
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export async function action({ request }: ActionFunctionArgs) {
  const { scope, period } = await reportScope(request);
  const markable = await puasWithPermissionFor(request, 'handle:case:pua');
  if (!markable.includes(period.puaId)) throw new Response('Not Found', { status: 404 });
  const form = await request.formData();
  await validateCsrf(form, request);
  const meetingDate = String(form.get('meetingDate') ?? '').trim();
  if (!isIsoDate(meetingDate)) return json({ error: 'date', meetingDate }, { status: 400 });
  const r = await markReported({ ...period, meetingDate, staffId: scope.staffId });
  if (!r.ok) return json({ error: r.error, meetingDate }, { status: 400 });
  const q = new URLSearchParams({ pua: period.puaId, fran: period.from, till: period.to, klart: String(r.count) });
  return redirect(`/personal/delegationsbeslut?${q}`);
}

export default function DelegationReport() {
  const { t } = useTranslation(['office', 'request']);
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const date = (x: string) => formatLongDate(x, d.locale);
  const error = result?.error ? t(`office:report.errors.${result.error}`) : undefined;
  return (
    <>
      {error ? <ErrorSummary errors={[{ fieldId: 'meetingDate', message: error }]} /> : null}
      {d.flash ? (
        <NotificationBanner variant="success" title={t('office:case.flash.title')}>
          <p className="notification-banner__heading">{t('office:report.marked', { count: Number(d.flash) })}</p>
        </NotificationBanner>
      ) : null}
      <h1 className="heading-l">{t('office:report.title')}</h1>
      <p className="body">{t('office:report.intro')}</p>
      <Form method="get" className="filters">
        <Select id="pua" name="pua" label={t('office:report.pua')} options={d.puas.map((p) => ({ value: p.id, label: p.name }))} defaultValue={d.period.puaId} />
        <TextInput id="fran" name="fran" label={t('office:report.from')} labelSize="s" hint={t('office:appeal.dateHint')} width={10} defaultValue={d.period.from} error={d.periodOk ? undefined : t('office:report.errors.period')} />
        <TextInput id="till" name="till" label={t('office:report.to')} labelSize="s" hint={t('office:appeal.dateHint')} width={10} defaultValue={d.period.to} />
        <Button variant="secondary">{t('office:report.show')}</Button>
      </Form>
      <Table
        caption={t('office:report.caption', { pua: d.report.pua.name, from: date(d.period.from), to: date(d.period.to), count: d.report.rows.length })}
        head={[t('office:report.col.date'), t('office:report.col.diarienummer'), t('office:report.col.kind'), t('office:report.col.decision'), t('office:report.col.delegate'), t('office:report.col.point')]}
        rows={d.report.rows.map((r, i) => ({ key: `${r.diarienummer}-${i}`, cells: [date(r.decidedOn), r.diarienummer, t(`request:kinds.${r.caseKind}`), t(`office:decision.type.${r.type}`), r.delegate, r.delegationPoint] }))}
      />
      {d.report.rows.length === 0 ? <p className="body">{t('office:report.empty')}</p> : null}
      <ul className="list">
        <li>
          <a href={`/personal/delegationsbeslut/fil?${d.query}&format=pdf`}>{t('office:report.pdf')}</a>
        </li>
        <li>
          <a href={`/personal/delegationsbeslut/fil?${d.query}&format=csv`}>{t('office:report.csv')}</a>
        </li>
      </ul>
      {d.report.reportedIn.length ? <p className="body">{t('office:report.reportedIn', { dates: d.report.reportedIn.map((r) => date(r.meetingDate)).join(', ') })}</p> : null}
      {d.canMark && d.report.rows.length ? (
        <Form method="post">
          <CsrfInput />
          <h2 className="heading-m">{t('office:report.markTitle')}</h2>
          <TextInput id="meetingDate" name="meetingDate" label={t('office:report.meetingDate')} labelSize="s" hint={t('office:appeal.dateHint')} width={10} error={error} defaultValue={result?.meetingDate} />
          <Button>{t('office:report.mark')}</Button>
        </Form>
      ) : null}
    </>
  );
}
