import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CaseKind } from '~/components/case/case-kind';
import { Table } from '~/components/ui/table';
import { CaseStatusTag } from '~/components/case/status-tag';
import { Tag } from '~/components/ui/tag';
import { getResident } from '~/models/resident.server';
import { listResidentCases } from '~/models/resident-cases.server';
import { requireResidentId } from '~/utils/auth.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { formatLongDate } from '~/utils/text-format';

export const handle = { i18n: ['account', 'request'] };

export async function loader({ request }: LoaderFunctionArgs) {
  const residentId = await requireResidentId(request);
  const resident = await getResident(residentId);
  if (!resident) throw new Response('Not Found', { status: 404 });
  const [t, locale, cases] = await Promise.all([i18next.getFixedT(request, ['account', 'common']), i18next.getLocale(request), listResidentCases(residentId)]);
  return json({
    title: `${t('account:cases.title')} – ${t('common:service.name')}`,
    name: resident.name,
    locale,
    cases: cases.map(({ puaEmail: _e, puaPhone: _p, extensionReason: _r, ...c }) => ({ ...c, forOther: c.relation !== 'self' && c.filedByResidentId === residentId ? { relation: c.relation, name: c.subjectName } : null, filedByResidentId: undefined })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export default function MyCases() {
  const { t } = useTranslation(['account', 'request']);
  const { name, cases, locale } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="caption-l">{t('loggedInAs', { name })}</span>
      <h1 className="heading-xl">{t('cases.title')}</h1>
      <p className="body">
        <Link to="/begaran" className="button">
          {t('cases.new')}
        </Link>
      </p>
      {cases.length === 0 ? (
        <p className="body">{t('cases.none')}</p>
      ) : (
        <Table
          caption={t('cases.caption')}
          head={[t('cases.diarienummer'), t('cases.nämnd'), t('cases.kind'), t('cases.status'), t('cases.deadline')]}
          firstCellIsHeader
          rows={cases.map((c) => ({
            key: c.id,
            cells: [
              <Link key="d" to={`/mina-arenden/${c.id}`} className="nowrap">
                {c.diarienummer}
              </Link>,
              <>
                {c.puaName}
                <br />
                <span className="hint">{c.kommunName}</span>
              </>,
              <>
                <CaseKind kind={c.kind} rights={c.rights} />
                {c.forOther ? (
                  <>
                    <br />
                    <Tag>{`${t('cases.filedFor', { name: c.forOther.name })} (${t(`cases.filedForLabel.${c.forOther.relation}`)})`}</Tag>
                  </>
                ) : null}
              </>,
              <CaseStatusTag key="s" status={c.status}>{t(`status.${c.status}`)}</CaseStatusTag>,
              // A withdrawn request gets no answer: its deadline would only mislead.
              c.status === 'withdrawn' ? (
                t('cases.noAnswer')
              ) : (
                <>
                  {formatLongDate(c.deadline, locale)}
                  {c.extendedOn ? (
                    <>
                      <br />
                      {t('cases.extended')}
                    </>
                  ) : null}
                </>
              ),
            ],
          }))}
        />
      )}
    </>
  );
}
