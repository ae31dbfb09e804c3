import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { BackLink } from '~/components/ui/back-link';
import { Button, ButtonGroup } from '~/components/ui/button';
import { ErrorSummary } from '~/components/ui/error-summary';
import { FileUpload } from '~/components/ui/file-upload';
import type { attachmentsAction, attachmentsLoader } from '~/utils/request-pages.server';
import { VisitorCaption } from './visitor-caption';

/** The journey's attachments page (fullmakt, förordnande, evidence), for the resident and the reception. */
export function AttachmentsPage() {
  const { t } = useTranslation('request');
  const { back, required, files, visitor } = useLoaderData<typeof attachmentsLoader>();
  const result = useActionData<typeof attachmentsAction>();
  const errors = (result?.errors ?? []).map((e) => ({
    fieldId: e.fieldId,
    message: e.key.startsWith('required.') ? t(`steps.bilagor.${e.key}`) : t(`steps.bilagor.errors.${e.key}`, { filename: e.filename }),
  }));
  return (
    <>
      <BackLink to={back}>{t('back')}</BackLink>
      {errors.length ? <ErrorSummary errors={errors} /> : null}
      <VisitorCaption visitor={visitor} />
      <h1 className="heading-l">{t('steps.bilagor.title')}</h1>
      <p className="body">{t('steps.bilagor.hint')}</p>
      {required ? <p className="body">{t(`steps.bilagor.required.${required}`)}</p> : null}
      <h2 className="heading-m">{t('steps.bilagor.attached')}</h2>
      {files.length === 0 ? (
        <p className="body">{t('steps.bilagor.noneYet')}</p>
      ) : (
        <ul className="list">
          {files.map((f) => (
            <li key={f.id}>
              <Form method="post" encType="multipart/form-data" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="attachmentId" value={f.id} />
                {f.filename}{' '}
                <button type="submit" name="intent" value="remove" className="link-button">
                  {t('steps.bilagor.remove')}
                  <span className="visually-hidden"> {f.filename}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      {/* Re-mounted after each upload: a file input keeps its chosen files across a client navigation. */}
      <Form method="post" encType="multipart/form-data" key={files.map((f) => f.id).join()}>
        <CsrfInput />
        <FileUpload label={t('steps.bilagor.files')} hint={t('steps.bilagor.filesHint')} error={errors[0]?.message} />
        <ButtonGroup>
          <Button name="intent" value="upload" variant="secondary">
            {t('steps.bilagor.upload')}
          </Button>
          <Button name="intent" value="continue">
            {t('continue')}
          </Button>
        </ButtonGroup>
      </Form>
    </>
  );
}
