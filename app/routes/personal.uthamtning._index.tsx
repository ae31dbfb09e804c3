/**
 * The reception's pick-up list (issue #8; issue #7 "hämta i receptionen"): every registerutdrag
 * waiting in the kommun, who is to collect it (personnummer masked), since when and until when;
 * then the beslut waiting there. Handing over happens on the person's page, after their ID has been checked.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Table } from '~/components/ui/table';
import { waitingDecisionList } from '~/models/decision-pickup.server';
import { pickupList } from '~/models/utdrag-pickup.server';
import { requireStaffWithPermission } from '~/utils/auth.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { formatLongDate } from '~/utils/text-format';

export const handle = { i18n: ['visitor'] };

export async function loader({ request }: LoaderFunctionArgs) {
  const { staff, puaIds } = await requireStaffWithPermission(request, 'handover:package:kommun');
  const [t, locale, rows, decisions] = await Promise.all([
    i18next.getFixedT(request, ['visitor', 'common']),
    i18next.getLocale(request),
    pickupList(puaIds, staff.id),
    waitingDecisionList(puaIds, staff.id),
  ]);
  return json({ title: `${t('visitor:pickup.title')} – ${t('common:service.name')}`, locale, rows, decisions });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export default function PickupList() {
  const { t } = useTranslation('visitor');
  const { rows, decisions, locale } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="heading-l">{t('pickup.title')}</h1>
      <p className="body">{t('pickup.intro')}</p>
      <p className="body">
        <Link to="/personal/besokare">{t('pickup.verifyLink')}</Link>
      </p>
      {rows.length === 0 ? (
        <p className="body">{t('pickup.none')}</p>
      ) : (
        <Table
          caption={t('pickup.caption', { count: rows.length })}
          captionSize="s"
          head={[t('pickup.columns.recipient'), t('pickup.columns.case'), t('pickup.columns.pua'), t('pickup.columns.ready'), t('pickup.columns.until')]}
          firstCellIsHeader
          rows={rows.map((r) => ({
            key: r.packageId,
            cells: [
              <Recipient key="r" row={r} unknown="pickup.unknownRecipient" />,
              r.diarienummer,
              r.puaName,
              r.readySince ? formatLongDate(r.readySince.slice(0, 10), locale) : '',
              r.availableUntil ? (r.expired ? t('pickup.expiredOn', { date: formatLongDate(r.availableUntil, locale) }) : formatLongDate(r.availableUntil, locale)) : '',
            ],
          }))}
        />
      )}

      <h2 className="heading-m">{t('decisionPickup.title')}</h2>
      {decisions.length === 0 ? (
        <p className="body">{t('decisionPickup.none')}</p>
      ) : (
        <Table
          caption={t('decisionPickup.caption', { count: decisions.length })}
          captionSize="s"
          head={[t('decisionPickup.columns.recipient'), t('decisionPickup.columns.case'), t('decisionPickup.columns.pua'), t('decisionPickup.columns.decided')]}
          firstCellIsHeader
          rows={decisions.map((r) => ({
            key: r.decisionId,
            cells: [
              <Recipient key="r" row={r} unknown="decisionPickup.unknownRecipient" />,
              r.diarienummer,
              r.puaName,
              formatLongDate(r.decidedOn, locale),
            ],
          }))}
        />
      )}
    </>
  );
}

/**
 * Who collects, masked: the name and personnummer, or why none is shown — skyddade
 * personuppgifter (nobody is named to the whole reception), or nobody known who asked.
 */
function Recipient({ row, unknown }: { row: { recipientName: string | null; recipientPnrMasked: string | null; recipientUnknown: boolean }; unknown: string }) {
  const { t } = useTranslation('visitor');
  if (!row.recipientName) return <>{t(row.recipientUnknown ? unknown : 'pickup.protected')}</>;
  return (
    <>
      {row.recipientName}
      <br />
      <span className="hint">{row.recipientPnrMasked}</span>
    </>
  );
}
