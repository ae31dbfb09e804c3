/**
 * The receipt after registering a paper form (issue #8): the common reference and, per case, the
 * diarienummer to write on the form, the nämnd, the kind, the stamp date and the deadline that
 * follows from it. Only the cases in PUAs where the viewer may register visitors' requests; 404
 * for anything else, so another nämnd's paper requests are not revealed. No personal data.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Panel } from '~/components/ui/panel';
import { Table } from '~/components/ui/table';
import { getPaperReceipt } from '~/models/paper-form.server';
import { invariantResponse, requireStaffWithPermission } from '~/utils/auth.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { formatLongDate } from '~/utils/text-format';

export const handle = { i18n: ['paper', 'request'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { puaIds } = await requireStaffWithPermission(request, 'register:request:visitor');
  const receipt = await getPaperReceipt(params.submissionId ?? '', puaIds);
  invariantResponse(receipt);
  const [t, locale] = await Promise.all([i18next.getFixedT(request, ['paper', 'common']), i18next.getLocale(request)]);
  return json({ title: `${t('paper:receipt.title')} – ${t('common:service.name')}`, locale, ...receipt });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export default function PaperReceipt() {
  const { t } = useTranslation(['paper', 'request']);
  const { reference, cases, locale } = useLoaderData<typeof loader>();
  return (
    <>
      <Panel title={t('paper:receipt.title')}>
        {t('paper:receipt.reference')}
        <br />
        <strong>{reference}</strong>
      </Panel>
      <Table
        caption={t('paper:receipt.casesHeading')}
        captionSize="m"
        head={[t('paper:receipt.diarienummer'), t('paper:receipt.pua'), t('paper:receipt.kind'), t('paper:receipt.received'), t('paper:receipt.deadline')]}
        firstCellIsHeader
        rows={cases.map((c) => ({
          key: c.id,
          cells: [
            <span key="d" className="nowrap">
              {c.diarienummer}
            </span>,
            c.puaName,
            t(`request:kinds.${c.kind}`),
            formatLongDate(c.receivedDate, locale),
            formatLongDate(c.deadline, locale),
          ],
        }))}
      />
      <h2 className="heading-m">{t('paper:receipt.nextHeading')}</h2>
      <p className="body">{t('paper:receipt.next1')}</p>
      <p className="body">{t('paper:receipt.next2')}</p>
      <p className="body">
        <Link to="/personal/pappersblankett">{t('paper:receipt.another')}</Link>
      </p>
    </>
  );
}
