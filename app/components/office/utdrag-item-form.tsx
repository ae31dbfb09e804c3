import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { Button } from '~/components/ui/button';
import { FileUpload } from '~/components/ui/file-upload';
import { Radios } from '~/components/ui/radios';
import { Select } from '~/components/ui/select';
import { Textarea } from '~/components/ui/textarea';
import { TextInput } from '~/components/ui/text-input';
import { EXCLUSION_GROUNDS, REVIEW_OUTCOMES, type ItemReview } from '~/domain/utdrag-review';

type Props = {
  item: {
    id: string;
    kind: 'answer' | 'attachment' | 'document';
    title: string;
    activityCode: string | null;
    review: ItemReview | null;
    file: { filename: string } | null;
    redactedFile: { filename: string } | null;
  };
  activityOptions: { value: string; label: string }[];
  /** Field → error code of a refused save of this item. */
  errors: Record<string, string>;
  values?: Record<string, string>;
};

/**
 * One item of a registerutdrag and its review (issue #7): the activity it belongs to, and whether
 * it is released, released masked (with the redacted copy) or withheld — with the ground, the OSL
 * provision for secrecy or the register statute's provision, and a note for the file. Ids carry the item's id: many on one page.
 */
export function UtdragItemForm({ item, activityOptions, errors, values }: Props) {
  const { t } = useTranslation('office');
  const id = (field: string) => `${field}-${item.id}`;
  const error = (field: string) => (errors[field] ? t(`utdrag.errors.${errors[field]}`) : undefined);
  const review = item.review;
  const v = values ?? {
    outcome: review?.outcome ?? '',
    ground: review && review.outcome !== 'release' ? review.ground : '',
    oslReference: review && review.outcome !== 'release' ? (review.oslReference ?? '') : '',
    statuteReference: review && review.outcome !== 'release' ? (review.statuteReference ?? '') : '',
    note: review && review.outcome !== 'release' ? review.note : '',
    activityCode: item.activityCode ?? '',
  };
  // An answer typed into the form is released or withheld whole; only a document can be masked.
  const outcomes = item.kind === 'answer' ? REVIEW_OUTCOMES.filter((o) => o !== 'release_masked') : REVIEW_OUTCOMES;
  return (
    <Form method="post" encType="multipart/form-data" className="section utdrag-item" aria-labelledby={id('title')}>
      <CsrfInput />
      <input type="hidden" name="itemId" value={item.id} />
      <h3 className="heading-s" id={id('title')}>
        <span lang="sv">{item.title}</span>
      </h3>
      <p className="body hint">
        {t(`utdrag.kind.${item.kind}`)}
        {item.file ? ` · ${item.file.filename}` : ''}
        {' · '}
        {review ? t(`utdrag.reviewed.${review.outcome}`) : t('utdrag.notReviewed')}
      </p>
      <Select id={id('activityCode')} name="activityCode" label={t('utdrag.activity')} labelSize="s" options={activityOptions} defaultValue={v.activityCode} error={error('activityCode')} />
      <Radios id={id('outcome')} name="outcome" legend={t('utdrag.outcomeLabel')} legendSize="s" defaultValue={v.outcome} error={error('outcome')} items={outcomes.map((o) => ({ value: o, label: t(`utdrag.outcomes.${o}`) }))} />
      <Select
        id={id('ground')}
        name="ground"
        label={t('utdrag.ground')}
        labelSize="s"
        hint={t('utdrag.groundHint')}
        options={[{ value: '', label: t('utdrag.noGround') }, ...EXCLUSION_GROUNDS.map((g) => ({ value: g, label: t(`utdrag.grounds.${g}`) }))]}
        defaultValue={v.ground}
        error={error('ground')}
      />
      <TextInput id={id('oslReference')} name="oslReference" label={t('utdrag.oslReference')} labelSize="s" hint={t('utdrag.oslReferenceHint')} width={20} defaultValue={v.oslReference} error={error('oslReference')} />
      <TextInput id={id('statuteReference')} name="statuteReference" label={t('utdrag.statuteReference')} labelSize="s" hint={t('utdrag.statuteReferenceHint')} defaultValue={v.statuteReference} error={error('statuteReference')} />
      <Textarea id={id('note')} name="note" label={t('utdrag.note')} labelSize="s" hint={t('utdrag.noteHint')} rows={2} defaultValue={v.note} error={error('note')} />
      {item.kind !== 'answer' ? (
        <FileUpload
          id={id('redactedFile')}
          name="file"
          single
          optional
          label={t('utdrag.redactedFile')}
          hint={item.redactedFile ? t('utdrag.redactedFileKept', { filename: item.redactedFile.filename }) : t('utdrag.redactedFileHint')}
          error={error('redactedFile')}
        />
      ) : null}
      <Button variant="secondary" name="intent" value="review">
        {t('utdrag.saveReview')}
      </Button>
    </Form>
  );
}
