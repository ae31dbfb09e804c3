/** The back office inbox (issue #5): the cases of my PUA(s), soonest deadline first. */
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CaseKind } from '~/components/case/case-kind';
import { DaysLeft } from '~/components/office/days-left';
import { Button } from '~/components/ui/button';
import { Select } from '~/components/ui/select';
import { Table } from '~/components/ui/table';
import { CaseStatusTag } from '~/components/case/status-tag';
import { Tag } from '~/components/ui/tag';
import { TextInput } from '~/components/ui/text-input';
import { CASE_STATUSES } from '~/domain/case-status';
import { CASE_KINDS } from '~/domain/requests';
import { listInbox, type InboxFilters } from '~/models/staff-cases.server';
import { requireCaseScope } from '~/utils/auth.server';
import { todayInStockholm } from '~/utils/dates.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { formatLongDate } from '~/utils/text-format';

export const handle = { i18n: ['office', 'request'] };

const VIEWS = ['all', 'mine', 'overdue', 'soon'] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireCaseScope(request);
  const params = new URL(request.url).searchParams;
  const view = VIEWS.find((v) => v === params.get('visa')) ?? 'all';
  const status = CASE_STATUSES.find((s) => s === params.get('status')) ?? null;
  const kind = CASE_KINDS.find((k) => k === params.get('typ')) ?? null;
  const q = (params.get('sok') ?? '').slice(0, 100);
  const afterParam = /^(\d{4}-\d{2}-\d{2})_([0-9a-f-]{36})$/.exec(params.get('efter') ?? '');
  const filters: InboxFilters = { status, kind, q, mine: view === 'mine', overdue: view === 'overdue', dueSoon: view === 'soon', after: afterParam ? { deadline: afterParam[1]!, id: afterParam[2]! } : null };
  const [{ rows, hasMore }, t, locale] = await Promise.all([listInbox(scope, filters), i18next.getFixedT(request, ['office', 'common']), i18next.getLocale(request)]);
  const last = rows.at(-1);
  const next = new URLSearchParams(params);
  if (last) next.set('efter', `${last.deadline}_${last.id}`);
  return json({
    title: `${t('office:inbox.title')} – ${t('common:service.name')}`,
    locale,
    today: todayInStockholm(),
    filters: { view, status: status ?? '', kind: kind ?? '', q },
    rows,
    nextPage: hasMore ? `?${next}` : null,
    firstPage: afterParam ? `?${new URLSearchParams([...params].filter(([k]) => k !== 'efter'))}` : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export default function Inbox() {
  const { t } = useTranslation(['office', 'request']);
  const { rows, filters, locale, today, nextPage, firstPage } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="heading-xl">{t('inbox.title')}</h1>
      <Form method="get" className="filter-bar" role="search" aria-label={t('inbox.filterLabel')}>
        <Select id="visa" name="visa" label={t('inbox.view')} labelSize="s" defaultValue={filters.view} options={VIEWS.map((v) => ({ value: v, label: t(`inbox.views.${v}`) }))} />
        <Select id="status" name="status" label={t('inbox.status')} labelSize="s" defaultValue={filters.status} options={[{ value: '', label: t('inbox.anyStatus') }, ...CASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]} />
        <Select id="typ" name="typ" label={t('inbox.kind')} labelSize="s" defaultValue={filters.kind} options={[{ value: '', label: t('inbox.anyKind') }, ...CASE_KINDS.map((k) => ({ value: k, label: t(`request:kinds.${k}`) }))]} />
        <TextInput id="sok" name="sok" type="search" label={t('inbox.search')} labelSize="s" hint={t('inbox.searchHint')} defaultValue={filters.q} width={20} />
        <Button variant="secondary">{t('inbox.apply')}</Button>
      </Form>
      {rows.length === 0 ? (
        <p className="body">{t('inbox.none')}</p>
      ) : (
        <Table
          caption={t('inbox.caption')}
          head={[t('inbox.columns.diarienummer'), t('inbox.columns.subject'), t('inbox.columns.kind'), t('inbox.columns.status'), t('inbox.columns.deadline'), t('inbox.columns.assignee')]}
          firstCellIsHeader
          rows={rows.map((c) => ({
            key: c.id,
            cells: [
              <>
                <Link to={`/personal/arenden/${c.id}`} className="nowrap">
                  {c.diarienummer}
                </Link>
                <br />
                <span className="hint">{c.puaName}</span>
              </>,
              c.subjectName ?? <Tag colour="red">{t('case.protected')}</Tag>,
              <>
                <CaseKind kind={c.kind} rights={[]} />
                {c.channel !== 'e_tjanst' ? (
                  <>
                    <br />
                    <span className="hint">{t(`inbox.via.${c.channel}`)}</span>
                  </>
                ) : null}
              </>,
              <CaseStatusTag key="s" status={c.status}>{t(`status.${c.status}`)}</CaseStatusTag>,
              <>
                {formatLongDate(c.deadline, locale)}
                <br />
                <DaysLeft today={today} deadline={c.deadline} status={c.status} />
              </>,
              c.assigneeName ?? t('inbox.unassigned'),
            ],
          }))}
        />
      )}
      <p className="body">
        {firstPage ? <Link to={firstPage}>{t('inbox.firstPage')}</Link> : null} {nextPage ? <Link to={nextPage}>{t('inbox.nextPage')}</Link> : null}
      </p>
    </>
  );
}
