import { Form } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { Button } from '~/components/ui/button';
import { FileUpload } from '~/components/ui/file-upload';
import { Textarea } from '~/components/ui/textarea';

type MessageFormProps = {
  /** True when the PUA waits for an answer: the message is then the resident's answer. */
  answering: boolean;
  errors: { body?: string; files?: string };
  /** What the person typed, kept when the form comes back with an error. */
  body: string;
  /** The longest message, already formatted for the page's language ("5 000"). */
  maxLength: string;
  /** The form came back with an error after files may have been chosen. */
  filesDropped: boolean;
};

/**
 * Write to the PUA, with files; multipart so it works without JavaScript. The caller keys it by
 * the number of messages, so that it is emptied after a message is sent and only then.
 */
export function MessageForm({ answering, errors, body, maxLength, filesDropped }: MessageFormProps) {
  const { t } = useTranslation('account');
  // Without JavaScript (or when it failed to load) an error comes back as a new page, and a
  // browser never refills a file input: the person is told to choose the files again. With
  // JavaScript the form stays in place, and so do the files. (Not <noscript>: that says nothing
  // when the scripts are allowed but never run.)
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <Form method="post" encType="multipart/form-data" id="skriv">
      <CsrfInput />
      <Textarea
        id="body"
        name="body"
        label={answering ? t('messages.form.answerLabel') : t('messages.form.label')}
        labelSize="m"
        hint={t('messages.form.hint', { max: maxLength })}
        error={errors.body}
        defaultValue={body}
        rows={6}
      />
      <FileUpload
        label={t('messages.form.files')}
        labelSize="s"
        hint={
          <>
            {t('messages.form.filesHint')}
            {filesDropped && !hydrated ? (
              <>
                <br />
                <strong>{t('messages.form.filesAgain')}</strong>
              </>
            ) : null}
          </>
        }
        error={errors.files}
        optional
      />
      <Button name="intent" value="message">
        {answering ? t('messages.form.sendAnswer') : t('messages.form.send')}
      </Button>
    </Form>
  );
}
