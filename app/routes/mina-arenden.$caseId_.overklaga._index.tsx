/**
 * "Överklaga beslutet" (issue #6): which decision, what change, why, files. Saved as a draft that
 * only the resident sees; the next page shows it once more and has it signed with BankID.
 * Multipart, so it works without JavaScript.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { BackLink } from '~/components/ui/back-link';
import { Button } from '~/components/ui/button';
import { ErrorSummary } from '~/components/ui/error-summary';
import { FileUpload } from '~/components/ui/file-upload';
import { InsetText } from '~/components/ui/inset-text';
import { Radios } from '~/components/ui/radios';
import { Textarea } from '~/components/ui/textarea';
import { MAX_FILES } from '~/domain/file-types';
import { appealableDecisions, getAppealDraft, MAX_APPEAL_TEXT, saveAppealDraft } from '~/models/appeals.server';
import { getResidentCase } from '~/models/resident-cases.server';
import { requireResidentId } from '~/utils/auth.server';
import { validateCsrf } from '~/utils/csrf.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { formatLongDate } from '~/utils/text-format';
import { parseUploadForm } from '~/utils/uploads.server';

export const handle = { i18n: ['account', 'request'] };

async function load(request: Request, caseId: string | undefined) {
  const residentId = await requireResidentId(request);
  const found = await getResidentCase(caseId ?? '', residentId);
  if (!found) throw new Response('Not Found', { status: 404 });
  const decisions = await appealableDecisions(found.id);
  if (decisions.length === 0) throw redirect(`/mina-arenden/${found.id}`);
  return { residentId, found, decisions };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { residentId, found, decisions } = await load(request, params.caseId);
  const [t, locale, draft] = await Promise.all([i18next.getFixedT(request, ['account', 'common']), i18next.getLocale(request), getAppealDraft(found.id, residentId)]);
  return json({
    title: `${t('account:appeal.title')} – ${t('common:service.name')}`,
    locale,
    maxLength: MAX_APPEAL_TEXT,
    case: { id: found.id, kind: found.kind, diarienummer: found.diarienummer, puaName: found.puaName },
    decisions: decisions.map((d) => ({ id: d.id, decidedOn: d.decidedOn, notifiedOn: d.notifiedOn, lastDay: d.lastDay })),
    draft: draft ? { decisionId: draft.decisionId, changeWanted: draft.changeWanted, reasons: draft.reasons, files: draft.files.map((f) => f.filename) } : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

type ActionData = { errors: Record<string, string>; values: { decisionId: string; changeWanted: string; reasons: string } };

export async function action({ request, params }: ActionFunctionArgs) {
  const { residentId, found, decisions } = await load(request, params.caseId);
  const { formData, files, errors: uploadErrors } = await parseUploadForm(request, { fieldName: 'files', maxFiles: MAX_FILES });
  await validateCsrf(formData, request);
  const values = {
    decisionId: decisions.length === 1 ? decisions[0]!.id : String(formData.get('decisionId') ?? ''),
    changeWanted: String(formData.get('changeWanted') ?? ''),
    reasons: String(formData.get('reasons') ?? ''),
  };
  const errors: Record<string, string> = {};
  if (uploadErrors.length) errors.files = `upload.${uploadErrors[0]!.code}|${uploadErrors[0]!.filename}`;
  if (!errors.files) {
    const saved = await saveAppealDraft({ ...values, caseId: found.id, residentId, files });
    if (saved.ok) return redirect(`/mina-arenden/${found.id}/overklaga/kontrollera`);
    if (saved.error === 'not-found') throw new Response('Not Found', { status: 404 });
    for (const e of saved.errors ?? []) errors[e.field] ??= e.code;
  }
  return json<ActionData>({ errors, values }, { status: 400 });
}

export default function AppealForm() {
  const { t } = useTranslation(['account', 'request']);
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const c = data.case;
  const number = (n: number) => new Intl.NumberFormat(data.locale === 'en' ? 'en-GB' : 'sv-SE').format(n);
  const message = (field: string) => {
    const code = result?.errors[field];
    if (!code) return undefined;
    if (code.startsWith('upload.')) {
      const [key, filename] = code.slice('upload.'.length).split('|');
      return t(`request:steps.bilagor.errors.${key}`, { filename });
    }
    return t(`appeal.errors.${field}.${code}`, { max: number(data.maxLength) });
  };
  const fields: string[] = ['decisionId', 'changeWanted', 'reasons', 'files'];
  const summary = fields.filter((f) => message(f)).map((f) => ({ fieldId: f, message: message(f)! }));
  const values = result?.values ?? data.draft ?? { decisionId: '', changeWanted: '', reasons: '' };
  const decisionLabel = (d: (typeof data.decisions)[number]) => t('appeal.decisionLabel', { date: formatLongDate(d.decidedOn, data.locale) });
  return (
    <>
      <BackLink to={`/mina-arenden/${c.id}`}>{t('appeal.back')}</BackLink>
      {summary.length ? <ErrorSummary errors={summary} /> : null}
      <span className="caption-l">
        {t(`request:kinds.${c.kind}`)} {c.diarienummer}
      </span>
      <h1 className="heading-l">{t('appeal.title')}</h1>
      <p className="body">{t('appeal.intro', { puaName: c.puaName })}</p>
      {data.decisions.map((d) =>
        d.lastDay ? (
          <InsetText key={d.id}>{t('appeal.lastDay', { decision: decisionLabel(d), date: formatLongDate(d.lastDay, data.locale) })}</InsetText>
        ) : null,
      )}
      <Form method="post" encType="multipart/form-data">
        <CsrfInput />
        {data.decisions.length > 1 ? (
          <Radios
            id="decisionId"
            name="decisionId"
            legend={t('appeal.which')}
            legendSize="m"
            error={message('decisionId')}
            defaultValue={values.decisionId}
            items={data.decisions.map((d) => ({ value: d.id, label: decisionLabel(d) }))}
          />
        ) : (
          <p className="body">
            <strong>{t('appeal.which')}</strong> {decisionLabel(data.decisions[0]!)}
          </p>
        )}
        <Textarea id="changeWanted" name="changeWanted" label={t('appeal.change')} labelSize="m" hint={t('appeal.changeHint')} error={message('changeWanted')} defaultValue={values.changeWanted} rows={5} />
        <Textarea id="reasons" name="reasons" label={t('appeal.reasons')} labelSize="m" hint={t('appeal.reasonsHint')} error={message('reasons')} defaultValue={values.reasons} rows={8} optional />
        <FileUpload label={t('appeal.files')} hint={data.draft?.files.length ? t('appeal.filesAdded', { files: data.draft.files.join(', ') }) : t('appeal.filesHint')} error={message('files')} optional />
        <Button>{t('appeal.continue')}</Button>
      </Form>
    </>
  );
}
