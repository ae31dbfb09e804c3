import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SummaryList } from '~/components/ui/summary-list';
import { ART_6_1, portabilityApplies, type ProcessingActivity } from '~/domain/processing-activities';

/**
 * One activity of a registerförteckning, each Art 30(1) / Art 15(1) item as a row. The activity's
 * texts are the PUA's own, in Swedish: they are marked lang="sv" on any page (WCAG 3.1.2); the
 * words around them are the interface's.
 */
export function ProcessingActivityView({ activity: a }: { activity: ProcessingActivity }) {
  const { t } = useTranslation('office');
  const sv = (text: string) => <span lang="sv">{text}</span>;
  const list = (items: readonly string[], none: string): ReactNode =>
    items.length ? (
      <ul className="list list--bullet" lang="sv">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    ) : (
      none
    );
  const portable = portabilityApplies(a);

  return (
    <SummaryList
      rows={[
        { key: t('register.view.code'), value: <code>{a.code}</code> },
        { key: t('register.view.purposes'), value: list(a.purposes, t('register.view.notGiven')) },
        {
          key: t('register.view.legalBasis'),
          value: (
            <>
              {t(`register.legalBases.${a.legalBasis}`)} ({t('register.article', { letter: ART_6_1[a.legalBasis] })})
              {a.legalBasisLaw ? <>: {sv(a.legalBasisLaw)}</> : null}
            </>
          ),
        },
        { key: t('register.view.dataCategories'), value: list(a.dataCategories, t('register.view.notGiven')) },
        { key: t('register.view.sensitiveCategories'), value: list(a.sensitiveCategories ?? [], t('register.view.none')) },
        { key: t('register.view.subjectCategories'), value: list(a.subjectCategories, t('register.view.notGiven')) },
        { key: t('register.view.recipients'), value: list(a.recipients, t('register.view.noRecipients')) },
        {
          key: t('register.view.thirdCountry'),
          value: a.thirdCountry.transfers ? (
            <>
              <p className="body">
                {t('register.view.yes')}: {sv(a.thirdCountry.countries.join(', '))}
              </p>
              <p className="body">
                {t('register.view.safeguards')} {sv(a.thirdCountry.safeguards)}
              </p>
            </>
          ) : (
            t('register.view.no')
          ),
        },
        { key: t('register.view.retention'), value: sv(a.retention) },
        { key: t('register.view.retentionReference'), value: a.retentionReference ? sv(a.retentionReference) : t('register.view.notGiven') },
        { key: t('register.view.source'), value: sv(a.source) },
        {
          key: t('register.view.automated'),
          value: a.automatedDecisions.exists ? (
            <>
              <p className="body">
                {t('register.view.yes')}. {t('register.view.logic')} {sv(a.automatedDecisions.logic)}
              </p>
              <p className="body">
                {t('register.view.significance')} {sv(a.automatedDecisions.significance)}
              </p>
            </>
          ) : (
            t('register.view.no')
          ),
        },
        { key: t('register.view.systems'), value: list(a.systems, t('register.view.paperOnly')) },
        {
          key: t('register.view.portability'),
          value: (
            <>
              <strong>{t(portable ? 'register.portability.applies' : 'register.portability.doesNotApply')}</strong>.{' '}
              {t(portable ? 'register.portability.appliesWhy' : 'register.portability.doesNotApplyWhy')}
            </>
          ),
        },
      ]}
    />
  );
}
