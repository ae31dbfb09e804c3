import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type SummaryListRow = {
  key: ReactNode;
  value: ReactNode;
  /** "Ändra" link; the hidden text completes it for screen readers ("Ändra namn"). */
  change?: { to: string; visuallyHiddenText: string };
};

/** Question–answer pairs, e.g. on a check-answers page. */
export function SummaryList({ rows }: { rows: SummaryListRow[] }) {
  const { t } = useTranslation('ui');
  const anyChange = rows.some((row) => row.change);
  return (
    <dl className="summary-list">
      {rows.map((row, index) => (
        <div key={index} className={anyChange && !row.change ? 'summary-list__row summary-list__row--no-actions' : 'summary-list__row'}>
          <dt className="summary-list__key">{row.key}</dt>
          <dd className="summary-list__value">{row.value}</dd>
          {row.change ? (
            <dd className="summary-list__actions">
              <Link to={row.change.to}>
                {t('summaryList.change')}
                <span className="visually-hidden"> {row.change.visuallyHiddenText}</span>
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
