import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { BackLink } from '~/components/ui/back-link';
import { Button, ButtonGroup } from '~/components/ui/button';
import { ErrorSummary } from '~/components/ui/error-summary';
import { FileUpload } from '~/components/ui/file-upload';
import { MAX_FILES } from '~/domain/file-types';
import { previousStep, requiredAttachmentPurpose } from '~/domain/request-journey';
import { addDraftAttachment, countDraftAttachments, listDraftAttachments, removeDraftAttachment } from '~/models/attachments.server';
import { validateCsrf } from '~/utils/csrf.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { requireDraft } from '~/utils/request-context.server';
import { parseUploadForm } from '~/utils/uploads.server';

export const handle = { i18n: ['request'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireDraft(request, params.draftId);
  const t = await i18next.getFixedT(request, ['request', 'common']);
  const files = await listDraftAttachments(ctx.draft.id, ctx.residentId);
  return json({
    title: `${t('request:steps.bilagor.title')} – ${t('common:service.name')}`,
    back: `/begaran/${ctx.draft.id}/${previousStep('bilagor', ctx.draft.answers, ctx.kommunCount)}`,
    required: requiredAttachmentPurpose(ctx.draft.answers),
    files: files.map((f) => ({ id: f.id, filename: f.filename, size: f.size })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

type ActionErrors = { errors: { fieldId: string; key: string; filename?: string }[] };

/** Upload, remove or continue. The CSRF token is checked before any file is stored. */
export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireDraft(request, params.draftId);
  const room = MAX_FILES - (await countDraftAttachments(ctx.draft.id));
  const { formData, files, errors } = await parseUploadForm(request, { fieldName: 'files', maxFiles: Math.max(room, 0) });
  await validateCsrf(formData, request);
  const intent = formData.get('intent');
  if (intent === 'remove') {
    await removeDraftAttachment(String(formData.get('attachmentId') ?? ''), ctx.draft.id, ctx.residentId);
    return redirect(`/begaran/${ctx.draft.id}/bilagor`);
  }
  const required = requiredAttachmentPurpose(ctx.draft.answers);
  // "Fortsätt" with files still chosen uploads them too, so nothing the person picked is lost.
  if (intent === 'upload' || files.length || errors.length) {
    const problems: ActionErrors['errors'] = errors.map((e) => ({ fieldId: 'files', key: e.code, filename: e.filename }));
    if (intent === 'upload' && !files.length && !problems.length) problems.push({ fieldId: 'files', key: 'noFile' });
    const existing = await listDraftAttachments(ctx.draft.id, ctx.residentId);
    for (const file of files) {
      // The first file of a representative is taken as the required proof (fullmakt/förordnande).
      const purpose = required && !existing.some((f) => f.purpose === required) ? required : 'evidence';
      const added = await addDraftAttachment({ draftId: ctx.draft.id, residentId: ctx.residentId, purpose, file });
      if (!added.ok) problems.push({ fieldId: 'files', key: added.error === 'draft-not-found' ? 'noFile' : added.error, filename: file.filename });
      else existing.push(added.attachment);
    }
    if (problems.length) return json<ActionErrors>({ errors: problems }, { status: 400 });
    if (intent === 'upload') return redirect(`/begaran/${ctx.draft.id}/bilagor`);
  }
  if (required && !(await listDraftAttachments(ctx.draft.id, ctx.residentId)).some((f) => f.purpose === required)) {
    return json<ActionErrors>({ errors: [{ fieldId: 'files', key: `required.${required}` }] }, { status: 400 });
  }
  return redirect(`/begaran/${ctx.draft.id}/kontrollera`);
}

export default function Attachments() {
  const { t } = useTranslation('request');
  const { back, required, files } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = (result?.errors ?? []).map((e) => ({
    fieldId: e.fieldId,
    message: e.key.startsWith('required.') ? t(`steps.bilagor.${e.key}`) : t(`steps.bilagor.errors.${e.key}`, { filename: e.filename }),
  }));
  return (
    <>
      <BackLink to={back}>{t('back')}</BackLink>
      {errors.length ? <ErrorSummary errors={errors} /> : null}
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
