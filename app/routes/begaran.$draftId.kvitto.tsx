import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Panel } from '~/components/ui/panel';
import { CaseKind } from '~/components/case/case-kind';
import { subjectContext } from '~/components/request/texts';
import { Table } from '~/components/ui/table';
import { getDraft } from '~/models/draft.server';
import { getReceipt } from '~/models/resident-cases.server';
import { requireResidentId } from '~/utils/auth.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { formatLongDate } from '~/utils/text-format';

export const handle = { i18n: ['request'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const residentId = await requireResidentId(request);
  const receipt = await getReceipt(params.draftId ?? '', residentId);
  if (!receipt) throw new Response('Not Found', { status: 404 });
  const [t, locale, draft] = await Promise.all([i18next.getFixedT(request, ['request', 'common']), i18next.getLocale(request), getDraft(params.draftId ?? '', { residentId })]);
  // "… vilka uppgifter den har om barnet": the receipt speaks of the person the request is about.
  return json({ title: `${t('request:receipt.title')} – ${t('common:service.name')}`, locale, context: subjectContext(draft?.answers.relation), ...receipt });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export default function Receipt() {
  const { t } = useTranslation('request');
  const { reference, kommunName, cases, locale, context } = useLoaderData<typeof loader>();
  return (
    <>
      <Panel title={t('receipt.title')}>
        {t('receipt.reference')}
        <br />
        <strong>{reference}</strong>
      </Panel>
      <Table
        caption={t('receipt.casesHeading', { kommun: kommunName })}
        head={[t('receipt.nämnd'), t('receipt.kind'), t('receipt.diarienummer'), t('receipt.deadline')]}
        firstCellIsHeader
        rows={cases.map((c) => ({ key: c.id, cells: [c.puaName, <CaseKind key="k" kind={c.kind} rights={c.rights} />, <span key="d" className="nowrap">{c.diarienummer}</span>, formatLongDate(c.deadline, locale)] }))}
      />
      <h2 className="heading-m">{t('receipt.nextHeading')}</h2>
      <p className="body">{t('receipt.next1', { context })}</p>
      <p className="body">{t('receipt.next2')}</p>
      <p className="body">{t('receipt.next3')}</p>
      <h2 className="heading-m">{t('receipt.helpHeading')}</h2>
      <p className="body">{t('receipt.help', { kommun: kommunName })}</p>
      <p className="body">
        <Link to="/mina-arenden" className="button">
          {t('receipt.toCases')}
        </Link>
      </p>
    </>
  );
}
