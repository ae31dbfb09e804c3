import { useTranslation } from 'react-i18next';
import { SummaryList } from '~/components/ui/summary-list';
import type { TaskAnswer } from '~/domain/task-answer';

/** A submitted "Svar till GDPR-samordnare", question by question. */
export function TaskAnswerView({ answer }: { answer: TaskAnswer }) {
  const { t } = useTranslation('office');
  const rows = [
    { key: t('task.form.workplace'), value: answer.workplace },
    { key: t('task.form.found'), value: t(`task.form.foundOptions.${answer.found}`) },
  ];
  if (answer.found === 'yes') {
    rows.push(
      { key: t('task.form.where'), value: `${t(`task.form.whereOptions.${answer.where}`)}: ${answer.whereWhich}` },
      { key: t('task.form.source'), value: answer.source === 'other' ? `${t('task.form.sourceOptions.other')}: ${answer.sourceWhich ?? ''}` : t('task.form.sourceOptions.person') },
      { key: t('task.form.purpose'), value: answer.purpose },
      { key: t('task.form.legalBasis'), value: `${t(`task.form.legalBases.${answer.legalBasis}`)}${answer.legalBasisLaw ? ` – ${answer.legalBasisLaw}` : ''}` },
      { key: t('task.form.retention'), value: answer.retention },
      { key: t('task.form.recipients'), value: answer.recipients || t('task.none') },
      { key: t('task.form.thirdCountry'), value: answer.thirdCountry === 'yes' ? answer.thirdCountryDetails ?? '' : t('task.form.no') },
      { key: t('task.form.automated'), value: answer.automated === 'yes' ? answer.automatedDetails ?? '' : t('task.form.no') },
    );
  }
  if (answer.notes) rows.push({ key: t('task.form.notes'), value: answer.notes });
  return <SummaryList rows={rows} />;
}
