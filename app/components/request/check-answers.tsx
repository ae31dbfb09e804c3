import { useTranslation } from 'react-i18next';
import { SummaryList, type SummaryListRow } from '~/components/ui/summary-list';
import { detailsStep, type Answers } from '~/domain/request-journey';
import { RIGHTS } from '~/domain/requests';
import { DETAIL_FIELDS } from './detail-fields';
import { subjectContext } from './texts';

type Props = {
  /** Where the journey's pages are: the "Ändra" links go back to them. */
  base: string;
  answers: Answers;
  kommunName: string | null;
  showKommun: boolean;
  puaNames: string[];
  /** `YYYYMMDD-****`: the subject's personnummer is shown masked (DOMAIN.md §9). */
  subjectMasked: string | null;
  attachments: string[];
};

/** "Kontrollera dina svar": every answer with an "Ändra" link back to its page. */
export function CheckAnswers({ base, answers: a, kommunName, showKommun, puaNames, subjectMasked, attachments }: Props) {
  const { t } = useTranslation('request');
  // The same wording as the pages where the answers were given ("När gavs samtycket?").
  const context = subjectContext(a.relation);
  const tc = (key: string) => t(key, { context });
  const change = (step: string, what: string) => ({ to: `${base}/${step}?andra=1`, visuallyHiddenText: what });
  const rows: SummaryListRow[] = [];
  if (showKommun) rows.push({ key: t('check.kommun'), value: kommunName, change: change('kommun', t('check.kommun')) });
  rows.push({
    key: t('check.rights'),
    value: (
      <ul className="list">
        {RIGHTS.filter((r) => a.rights?.includes(r)).map((r) => (
          <li key={r}>{tc(`rights.${r}.label`)}</li>
        ))}
      </ul>
    ),
    change: change('rattigheter', t('check.rights')),
  });
  rows.push({ key: t('check.forWhom'), value: t(`check.relation.${a.relation ?? 'self'}`), change: change('for-vem', t('check.forWhom')) });
  if (a.relation && a.relation !== 'self' && a.subject) {
    rows.push({ key: t('check.person'), value: `${a.subject.name}, ${subjectMasked ?? ''}`, change: change('person', t('check.person')) });
  }
  rows.push({ key: t('check.puas'), value: a.allPuas ? t('check.allPuas') : puaNames.join(', '), change: change('namnd', t('check.puas')) });
  for (const right of RIGHTS.filter((r) => a.rights?.includes(r))) {
    const d = a.details?.[right] ?? {};
    const filled = DETAIL_FIELDS[right].filter((f) => d[f.name]);
    rows.push({
      key: t(`check.detailsOf.${right}`),
      value: filled.length ? (
        <ul className="list">
          {filled.map((f) => (
            <li key={f.name}>
              {/* The question, then the answer on its own line: "Vilka uppgifter gäller det?: …" read badly. */}
              <span className="summary-list__question">{tc(`steps.details.${right}.${f.name}`)}</span>
              <br />
              {f.kind === 'radios' ? tc(`steps.details.${right}.${f.optionsKey}.${d[f.name]}`) : d[f.name]}
            </li>
          ))}
        </ul>
      ) : (
        t('check.none')
      ),
      change: change(detailsStep(right), t(`check.detailsOf.${right}`)),
    });
  }
  const contact = [a.email, a.phone].filter(Boolean).join(', ');
  rows.push({ key: t('check.contact'), value: a.protectedIdentity ? t('check.protected') : contact || t('check.noContact'), change: change('kontakt', t('check.contact')) });
  rows.push({ key: t('check.delivery'), value: a.delivery ? t(`steps.leverans.${a.delivery}`) : '', change: change('leverans', t('check.delivery')) });
  rows.push({ key: t('check.attachments'), value: attachments.length ? attachments.join(', ') : t('check.none'), change: change('bilagor', t('check.attachments')) });
  return <SummaryList rows={rows} />;
}
