import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { BackLink } from '~/components/ui/back-link';
import { SummaryList } from '~/components/ui/summary-list';
import { Tag } from '~/components/ui/tag';
import { getResidentCase } from '~/models/resident-cases.server';
import { requireResidentId } from '~/utils/auth.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { formatLongDate } from '~/utils/text-format';

export const handle = { i18n: ['account', 'request'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const residentId = await requireResidentId(request);
  const found = await getResidentCase(params.caseId ?? '', residentId);
  if (!found) throw new Response('Not Found', { status: 404 });
  const [t, locale] = await Promise.all([i18next.getFixedT(request, ['request', 'common']), i18next.getLocale(request)]);
  return json({ title: `${t(`request:kinds.${found.kind}`)} ${found.diarienummer} – ${t('common:service.name')}`, locale, ...found, events: found.events.map((e) => ({ ...e, at: e.at.toISOString().slice(0, 10) })) });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageMeta(data?.title, matches);

export default function ResidentCase() {
  const { t } = useTranslation(['account', 'request']);
  const c = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/mina-arenden">{t('case.back')}</BackLink>
      <span className="caption-l">{c.puaName}</span>
      <h1 className="heading-l">
        {t(`request:kinds.${c.kind}`)} {c.diarienummer}
      </h1>
      <SummaryList
        rows={[
          { key: t('case.status'), value: <Tag>{t(`status.${c.status}`)}</Tag> },
          { key: t('case.received'), value: formatLongDate(c.receivedDate, c.locale) },
          { key: t('case.deadline'), value: formatLongDate(c.deadline, c.locale) },
          { key: t('case.reference'), value: c.reference },
        ]}
      />
      <h2 className="heading-m">{t('case.timeline')}</h2>
      <ol className="list timeline">
        {c.events.map((e, i) => (
          <li key={i}>
            <strong>{formatLongDate(e.at, c.locale)}</strong>: {t(`case.events.${e.type}`, { puaName: c.puaName, defaultValue: e.type })}
          </li>
        ))}
      </ol>
    </>
  );
}
