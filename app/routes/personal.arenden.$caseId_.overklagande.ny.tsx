/**
 * Registering an appeal that came on paper (issue #6): the decision it concerns, the date it
 * reached the nämnd (the stamp; the rättidsprövning runs from it), what it asks, and the scan.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { BackLink } from '~/components/ui/back-link';
import { Button } from '~/components/ui/button';
import { ErrorSummary } from '~/components/ui/error-summary';
import { FileUpload } from '~/components/ui/file-upload';
import { Radios } from '~/components/ui/radios';
import { Textarea } from '~/components/ui/textarea';
import { TextInput } from '~/components/ui/text-input';
import { MAX_FILES } from '~/domain/file-types';
import { appealableDecisions, registerPaperAppeal } from '~/models/appeals.server';
import { getStaffCase } from '~/models/staff-cases.server';
import { requireCaseScope } from '~/utils/auth.server';
import { validateCsrf } from '~/utils/csrf.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { formatLongDate } from '~/utils/text-format';
import { parseUploadForm } from '~/utils/uploads.server';

export const handle = { i18n: ['office', 'request'] };

async function load(request: Request, caseId: string | undefined) {
  const { scope } = await requireCaseScope(request);
  const found = await getStaffCase(caseId ?? '', scope);
  if (!found?.access.handle) throw new Response('Not Found', { status: 404 });
  const decisions = await appealableDecisions(found.id);
  if (!decisions.length) throw new Response('Not Found', { status: 404 });
  return { scope, found, decisions };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { found, decisions } = await load(request, params.caseId);
  const t = await i18next.getFixedT(request, ['office', 'common']);
  return json({
    title: `${t('office:appeal.paper.title')} ${found.diarienummer} – ${t('common:service.name')}`,
    locale: await i18next.getLocale(request),
    case: { id: found.id, diarienummer: found.diarienummer, puaName: found.puaName },
    decisions: decisions.map((d) => ({ id: d.id, decidedOn: d.decidedOn })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, found, decisions } = await load(request, params.caseId);
  const { formData, files, errors: uploadErrors } = await parseUploadForm(request, { fieldName: 'files', maxFiles: MAX_FILES });
  await validateCsrf(formData, request);
  const values = {
    decisionId: decisions.length === 1 ? decisions[0]!.id : String(formData.get('decisionId') ?? ''),
    receivedOn: String(formData.get('receivedOn') ?? '').trim(),
    changeWanted: String(formData.get('changeWanted') ?? ''),
    reasons: String(formData.get('reasons') ?? ''),
  };
  const errors: Record<string, string> = {};
  if (uploadErrors.length) errors.files = uploadErrors[0]!.code;
  if (!errors.files) {
    const r = await registerPaperAppeal({ ...values, caseId: found.id, staffId: scope.staffId, files });
    if (r.ok) return redirect(`/personal/arenden/${found.id}/overklagande/${r.id}?klart=registrerat`);
    for (const e of r.errors ?? []) errors[e.field] ??= e.code;
  }
  return json({ errors, values }, { status: 400 });
}

export default function PaperAppeal() {
  const { t } = useTranslation(['office']);
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const message = (field: string) => (result?.errors[field] ? t(`appeal.paper.errors.${field}.${result.errors[field]}`, { defaultValue: t('appeal.errors.invalid') }) : undefined);
  const fields = ['decisionId', 'receivedOn', 'changeWanted', 'reasons', 'files'];
  const summary = fields.filter((f) => message(f)).map((f) => ({ fieldId: f, message: message(f)! }));
  const label = (x: { decidedOn: string }) => t('appeal.decisionOf', { date: formatLongDate(x.decidedOn, d.locale) });
  return (
    <>
      <BackLink to={`/personal/arenden/${d.case.id}`}>{t('appeal.back')}</BackLink>
      {summary.length ? <ErrorSummary errors={summary} /> : null}
      <span className="caption-l">
        {d.case.diarienummer}, {d.case.puaName}
      </span>
      <h1 className="heading-l">{t('appeal.paper.title')}</h1>
      <Form method="post" encType="multipart/form-data">
        <CsrfInput />
        {d.decisions.length > 1 ? (
          <Radios id="decisionId" name="decisionId" legend={t('appeal.decision')} legendSize="s" error={message('decisionId')} defaultValue={result?.values.decisionId} items={d.decisions.map((x) => ({ value: x.id, label: label(x) }))} />
        ) : (
          <p className="body">
            <strong>{t('appeal.decision')}:</strong> {label(d.decisions[0]!)}
          </p>
        )}
        <TextInput id="receivedOn" name="receivedOn" label={t('appeal.paper.receivedOn')} labelSize="s" hint={t('appeal.paper.receivedOnHint')} width={10} error={message('receivedOn')} defaultValue={result?.values.receivedOn} />
        <Textarea id="changeWanted" name="changeWanted" label={t('appeal.change')} labelSize="s" error={message('changeWanted')} defaultValue={result?.values.changeWanted} rows={4} />
        <Textarea id="reasons" name="reasons" label={t('appeal.reasons')} labelSize="s" error={message('reasons')} defaultValue={result?.values.reasons} rows={6} optional />
        <FileUpload label={t('appeal.paper.scan')} hint={t('appeal.paper.scanHint')} error={message('files')} optional />
        <Button>{t('appeal.paper.submit')}</Button>
      </Form>
    </>
  );
}
