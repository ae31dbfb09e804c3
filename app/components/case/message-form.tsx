import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { Button } from '~/components/ui/button';
import { describedBy, Field } from '~/components/ui/field';
import { Textarea } from '~/components/ui/textarea';
import { FILE_INPUT_ACCEPT } from '~/domain/file-types';

type MessageFormProps = {
  /** True when the PUA waits for an answer: the message is then the resident's answer. */
  answering: boolean;
  errors: { body?: string; files?: string };
  /** What the person typed, kept when the form comes back with an error. */
  body: string;
};

/** Write to the PUA, with files; multipart so it works without JavaScript. */
export function MessageForm({ answering, errors, body }: MessageFormProps) {
  const { t } = useTranslation('account');
  return (
    <Form method="post" encType="multipart/form-data" id="skriv" key={body === '' ? 'empty' : 'kept'}>
      <CsrfInput />
      <Textarea
        id="body"
        name="body"
        label={answering ? t('messages.form.answerLabel') : t('messages.form.label')}
        labelSize="m"
        hint={t('messages.form.hint')}
        error={errors.body}
        defaultValue={body}
        rows={6}
      />
      <Field id="files" label={t('messages.form.files')} labelSize="s" hint={t('messages.form.filesHint')} error={errors.files} optional>
        <input id="files" name="files" type="file" multiple accept={FILE_INPUT_ACCEPT} className="file-upload" aria-describedby={describedBy('files', { hint: true, error: errors.files })} />
      </Field>
      <Button name="intent" value="message">
        {answering ? t('messages.form.sendAnswer') : t('messages.form.send')}
      </Button>
    </Form>
  );
}
