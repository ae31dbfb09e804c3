/**
 * The confirmation after registering a visitor's request (issue #8): the reference, each case's
 * diarienummer and deadline, how the answer will come, and the kvittens to print for the visitor
 * — in the language the request was made in, or the other. Only for the official who registered it.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CaseKind } from '~/components/case/case-kind';
import { Panel } from '~/components/ui/panel';
import { Table } from '~/components/ui/table';
import { getVisitorReceipt } from '~/models/visitor-request.server';
import { requireStaffWithPermission } from '~/utils/auth.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { formatLongDate } from '~/utils/text-format';

export const handle = { i18n: ['walkin', 'request'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { staff, puaIds } = await requireStaffWithPermission(request, 'register:request:visitor');
  const receipt = await getVisitorReceipt(params.submissionId ?? '', { staffId: staff.id, puaIds });
  if (!receipt) throw new Response('Not Found', { status: 404 });
  const [t, locale] = await Promise.all([i18next.getFixedT(request, ['walkin', 'common']), i18next.getLocale(request)]);
  return json({
    title: `${t('walkin:receipt.title')} – ${t('common:service.name')}`,
    locale,
    id: receipt.id,
    checkId: receipt.checkId,
    reference: receipt.reference,
    requesterName: receipt.requester.name,
    language: receipt.language,
    delivery: receipt.delivery,
    protectedIdentity: receipt.protectedIdentity,
    cases: receipt.cases.map((c) => ({ diarienummer: c.diarienummer, puaName: c.puaName, kind: c.kind, rights: c.rights, deadline: c.deadline })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export default function VisitorReceipt() {
  const { t } = useTranslation(['walkin', 'request']);
  const d = useLoaderData<typeof loader>();
  const other = d.language === 'sv' ? 'en' : 'sv';
  return (
    <>
      <Panel title={t('receipt.title')}>
        {t('receipt.reference')}
        <br />
        <strong>{d.reference}</strong>
      </Panel>
      <Table
        caption={t('receipt.casesCaption', { name: d.requesterName })}
        head={[t('request:receipt.nämnd'), t('request:receipt.kind'), t('request:receipt.diarienummer'), t('request:receipt.deadline')]}
        firstCellIsHeader
        rows={d.cases.map((c) => ({ key: c.diarienummer, cells: [c.puaName, <CaseKind key="k" kind={c.kind} rights={c.rights} />, <span key="d" className="nowrap">{c.diarienummer}</span>, formatLongDate(c.deadline, d.locale)] }))}
      />
      <h2 className="heading-m">{t('receipt.answerHeading')}</h2>
      <p className="body">{t(`receipt.delivery.${d.delivery}`, { context: d.protectedIdentity && d.delivery === 'registered_post' ? 'protected' : undefined })}</p>
      <h2 className="heading-m">{t('receipt.printHeading')}</h2>
      <p className="body">{t('receipt.printBody')}</p>
      <p className="body">
        <a href={`/personal/kvittens/${d.id}/pdf`} className="button" download>
          {t('receipt.print', { language: t(`receipt.languages.${d.language}`) })}
        </a>
      </p>
      <p className="body">
        <a href={`/personal/kvittens/${d.id}/pdf?sprak=${other}`} download>
          {t('receipt.printOther', { language: t(`receipt.languages.${other}`) })}
        </a>
      </p>
      <p className="body">
        <Link to={`/personal/besokare/${d.checkId}`}>{t('receipt.backToPerson', { name: d.requesterName })}</Link>
      </p>
    </>
  );
}
