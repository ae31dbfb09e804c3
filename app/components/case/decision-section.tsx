import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatLongDate } from '~/utils/text-format';

type Props = {
  caseId: string;
  decisions: { id: string; type: string | null; decidedOn: string; notifiedOn: string | null; notificationMethod?: string | null; appealable: boolean; againstPerson: boolean; lastDay: string | null }[];
  appeals: { id: string; receivedOn: string; status: string }[];
  locale: string;
};

/**
 * The resident's decisions (issue #6): when each was received, the last day to appeal, and the
 * way to appeal; then the appeals and where they are. The letters themselves are documents.
 */
export function DecisionSection({ caseId, decisions, appeals, locale }: Props) {
  const { t } = useTranslation('account');
  if (decisions.length === 0) return null;
  const date = (d: string) => formatLongDate(d, locale);
  // The heading says what kind of decision it is: a dismissal of an appeal, or a reconsideration.
  const heading = (d: Props['decisions'][number]) =>
    d.type === 'avvisning_sent_overklagande' ? 'decisions.decidedAvvisning' : d.type === 'omprovning' ? 'decisions.decidedOmprovning' : d.againstPerson ? 'decisions.decided' : 'decisions.answer';
  return (
    <section aria-labelledby="beslut-rubrik">
      <h2 className="heading-m" id="beslut-rubrik">
        {t('decisions.title')}
      </h2>
      <ul className="list">
        {decisions.map((d) => (
          <li key={d.id}>
            <strong>{t(heading(d), { date: date(d.decidedOn) })}</strong>
            {d.againstPerson && !d.appealable ? <p className="body">{t('decisions.notAppealable')}</p> : null}
            {d.appealable ? (
              <p className="body">
                {d.notifiedOn && d.lastDay ? t(d.notificationMethod === 'in_person' ? 'decisions.notifiedInPerson' : 'decisions.notified', { notified: date(d.notifiedOn), lastDay: date(d.lastDay) }) : t('decisions.notOpened')}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {decisions.some((d) => d.appealable) ? (
        <p className="body">
          <Link to={`/mina-arenden/${caseId}/overklaga`}>{t('decisions.appealLink')}</Link>
        </p>
      ) : null}
      {appeals.length ? (
        <>
          <h3 className="heading-s">{t('decisions.appeals')}</h3>
          <ul className="list">
            {appeals.map((a) => (
              <li key={a.id}>{t('decisions.appealRow', { date: date(a.receivedOn), status: t(`decisions.appealStatus.${a.status}`) })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
