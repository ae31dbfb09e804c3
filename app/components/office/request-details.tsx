import { useTranslation } from 'react-i18next';
import { DETAIL_FIELDS } from '~/components/request/detail-fields';
import { RIGHTS, type Right } from '~/domain/requests';

type Details = Record<string, Record<string, string>>;

/** What the resident asked for in this case, per right, as they wrote it (the form's questions). */
export function RequestDetails({ rights, answers }: { rights: readonly string[]; answers: Record<string, unknown> }) {
  const { t } = useTranslation('request');
  const details = (answers.details ?? {}) as Details;
  const shown = RIGHTS.filter((r): r is Right => rights.includes(r));
  return (
    <>
      {shown.map((right) => {
        const d = details[right] ?? {};
        const filled = DETAIL_FIELDS[right].filter((f) => d[f.name]);
        return (
          <section key={right}>
            <h3 className="heading-s">{t(`rights.${right}.name`)}</h3>
            {filled.length === 0 ? (
              <p className="body">{t('check.none')}</p>
            ) : (
              <dl className="summary-list">
                {filled.map((f) => (
                  <div className="summary-list__row" key={f.name}>
                    <dt className="summary-list__key">{t(`steps.details.${right}.${f.name}`)}</dt>
                    <dd className="summary-list__value">{f.kind === 'radios' ? t(`steps.details.${right}.${f.optionsKey}.${d[f.name]}`) : d[f.name]}</dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
        );
      })}
    </>
  );
}
