import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { Button } from '~/components/ui/button';
import { TextInput } from '~/components/ui/text-input';
import { formatLongDate } from '~/utils/text-format';

export type DecisionRow = {
  id: string;
  type: string;
  status: string;
  decidedOn: string | null;
  decidedBy: string | null;
  proposedBy: string | null;
  delegationPoint: string | null;
  documentId: string | null;
  notifiedOn: string | null;
  notificationMethod: string | null;
  appealDeadline: string | null;
  appealable: boolean;
};
export type AppealRow = { id: string; status: string; receivedOn: string; channel: string };

type Props = {
  caseId: string;
  locale: string;
  decisions: DecisionRow[];
  appeals: AppealRow[];
  /** May write a decision on the request (handle access, decide permission, not yet decided). */
  canDecide: boolean;
  canHandle: boolean;
  notifiedError?: string;
};

/** The case page's "Beslut och överklagande" (issue #6): decisions, notification, appeals. */
export function DecisionList({ caseId, locale, decisions, appeals, canDecide, canHandle, notifiedError }: Props) {
  const { t } = useTranslation('office');
  const date = (d: string | null) => (d ? formatLongDate(d, locale) : '–');
  return (
    <section aria-labelledby="beslut">
      <h2 className="heading-m" id="beslut">
        {t('decision.sectionTitle')}
      </h2>
      {decisions.length === 0 ? <p className="body">{t('decision.none')}</p> : null}
      <ul className="list">
        {decisions.map((d) => (
          <li key={d.id} className="decision-row">
            <strong>{t(`decision.type.${d.type}`)}</strong> – {d.status === 'decided' ? t('decision.decidedBy', { date: date(d.decidedOn), name: d.decidedBy, point: d.delegationPoint }) : t(`decision.status.${d.status}`)}
            {d.proposedBy && d.status === 'decided' && d.proposedBy !== d.decidedBy ? <> {t('decision.proposedBy', { name: d.proposedBy })}</> : null}
            {d.documentId ? (
              <>
                {' '}
                <a href={`/personal/arenden/${caseId}/filer/${d.documentId}`}>{t('decision.letter')}</a>
              </>
            ) : null}
            {d.status === 'decided' && d.appealable ? (
              <p className="body">
                {d.notifiedOn ? t('decision.notified', { date: date(d.notifiedOn), how: t(`appeal.notification.${d.notificationMethod ?? 'digital'}`), deadline: date(d.appealDeadline) }) : t('decision.notNotified')}
              </p>
            ) : null}
            {d.status === 'decided' && d.appealable && !d.notifiedOn && canHandle ? (
              <Form method="post" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="decisionId" value={d.id} />
                <TextInput id={`notifiedOn-${d.id}`} name="notifiedOn" label={t('decision.postalNotified')} labelSize="s" hint={t('appeal.dateHint')} width={10} error={notifiedError} />
                <Button name="intent" value="notified" variant="secondary">
                  {t('decision.recordNotified')}
                </Button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {canDecide ? (
        <p className="body">
          <Link to={`/personal/arenden/${caseId}/beslut`}>{decisions.some((d) => d.status !== 'decided') ? t('decision.continue') : t('decision.write')}</Link>
        </p>
      ) : null}
      {appeals.length ? (
        <>
          <h3 className="heading-s">{t('appeal.listTitle')}</h3>
          <ul className="list">
            {appeals.map((a) => (
              <li key={a.id}>
                <Link to={`/personal/arenden/${caseId}/overklagande/${a.id}`}>{t('appeal.row', { date: date(a.receivedOn), channel: t(`appeal.channel.${a.channel}`) })}</Link> – {t(`appeal.statuses.${a.status}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canHandle && decisions.some((d) => d.status === 'decided' && d.appealable) ? (
        <p className="body">
          <Link to={`/personal/arenden/${caseId}/overklagande/ny`}>{t('appeal.registerPaper')}</Link>
        </p>
      ) : null}
    </section>
  );
}
