import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { Button } from '~/components/ui/button';
import { Radios } from '~/components/ui/radios';
import { Textarea } from '~/components/ui/textarea';
import { TextInput } from '~/components/ui/text-input';
import { ART_6_1 } from '~/domain/processing-activities';
import type { ProcessingActivityField, ProcessingActivityInput } from '~/domain/processing-activity-list';
import { LEGAL_BASES } from '~/domain/task-answer';

/** The legal bases in the order of Art 6(1): a, b, c, d, e, f. */
const BASES = [...LEGAL_BASES].sort((x, y) => ART_6_1[x].localeCompare(ART_6_1[y]));

type Props = {
  /** Where the form posts (keeps `?pua=` and, when changing, `?aktivitet=`). */
  action: string;
  /** The code of the activity being changed; null adds one. */
  replacing: string | null;
  /** What the fields show: what was sent, the activity being changed, or nothing. */
  values: ProcessingActivityInput | null;
  /** The translated message of each field in error. */
  message: (field: ProcessingActivityField) => string | undefined;
  /** Shown on the first field when the activity being changed no longer exists. */
  notFound?: string;
  cancelTo: string;
};

/**
 * Adding or changing one activity of the registerförteckning. Lists are textareas with one item
 * per line. Without JavaScript every field is on the page; the details of a transfer or of
 * automated decisions count only after "Ja" (the hints say so). No `required`: the server checks.
 */
export function ProcessingActivityForm({ action, replacing, values: v, message, notFound, cancelTo }: Props) {
  const { t } = useTranslation('office');
  const label = (field: ProcessingActivityField) => t(`register.form.${field}`);
  const hint = (field: ProcessingActivityField) => t(`register.form.${field}Hint`);
  const textarea = (field: ProcessingActivityField, rows: number, optional = false) => (
    <Textarea id={field} name={field} label={label(field)} labelSize="s" hint={hint(field)} error={message(field)} defaultValue={v?.[field]} rows={rows} optional={optional} />
  );
  const yesNo = (field: 'thirdCountry' | 'automated', withHint: boolean) => (
    <Radios
      id={field}
      name={field}
      legend={label(field)}
      legendSize="s"
      hint={withHint ? hint(field) : undefined}
      error={message(field)}
      inline
      items={[
        { value: 'no', label: t('register.form.no') },
        { value: 'yes', label: t('register.form.yes') },
      ]}
      defaultValue={v?.[field]}
    />
  );

  return (
    <Form method="post" action={action} id="behandling" noValidate>
      <CsrfInput />
      <h2 className="heading-m">{replacing ? t('register.editTitle') : t('register.addTitle')}</h2>
      <input type="hidden" name="replacing" value={replacing ?? ''} />
      <TextInput id="name" name="name" label={label('name')} labelSize="s" hint={hint('name')} error={message('name') ?? notFound} defaultValue={v?.name} />
      {replacing ? (
        <p className="body">{t('register.form.codeFixed', { code: replacing })}</p>
      ) : (
        <TextInput id="code" name="code" label={label('code')} labelSize="s" hint={hint('code')} error={message('code')} defaultValue={v?.code} width={30} spellCheck={false} optional />
      )}
      {textarea('purposes', 3)}
      <Radios
        id="legalBasis"
        name="legalBasis"
        legend={label('legalBasis')}
        legendSize="s"
        hint={hint('legalBasis')}
        error={message('legalBasis')}
        items={BASES.map((b) => ({ value: b, label: `${t(`register.legalBases.${b}`)} (${t('register.article', { letter: ART_6_1[b] })})` }))}
        defaultValue={v?.legalBasis}
      />
      <TextInput id="legalBasisLaw" name="legalBasisLaw" label={label('legalBasisLaw')} labelSize="s" hint={hint('legalBasisLaw')} error={message('legalBasisLaw')} defaultValue={v?.legalBasisLaw} />
      {textarea('dataCategories', 4)}
      {textarea('sensitiveCategories', 2, true)}
      {textarea('subjectCategories', 3)}
      {textarea('recipients', 3, true)}
      {yesNo('thirdCountry', false)}
      {textarea('thirdCountryCountries', 2)}
      {textarea('thirdCountrySafeguards', 3)}
      {textarea('retention', 3)}
      <TextInput id="retentionReference" name="retentionReference" label={label('retentionReference')} labelSize="s" hint={hint('retentionReference')} error={message('retentionReference')} defaultValue={v?.retentionReference} width={20} optional />
      {textarea('source', 2)}
      {yesNo('automated', true)}
      {textarea('automatedLogic', 3)}
      {textarea('automatedSignificance', 3)}
      {textarea('systems', 2, true)}
      <div className="button-group">
        <Button>{t('register.save')}</Button>
        {replacing ? <Link to={cancelTo}>{t('register.cancel')}</Link> : null}
      </div>
    </Form>
  );
}
