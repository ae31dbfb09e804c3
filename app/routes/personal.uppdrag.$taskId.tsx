/**
 * One task and its answer form "Svar till GDPR-samordnare" (DOMAIN.md §4). The assignee sees what
 * they need to search their systems — name and masked personnummer (§9) — and nothing else of the
 * case. For skyddade personuppgifter not even the name: the samordnare tells them in person.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { TaskAnswerView } from '~/components/office/task-answer-view';
import { BackLink } from '~/components/ui/back-link';
import { Button } from '~/components/ui/button';
import { ErrorSummary } from '~/components/ui/error-summary';
import { FileUpload } from '~/components/ui/file-upload';
import { NotificationBanner } from '~/components/ui/notification-banner';
import { Radios } from '~/components/ui/radios';
import { SummaryList } from '~/components/ui/summary-list';
import { Textarea } from '~/components/ui/textarea';
import { TextInput } from '~/components/ui/text-input';
import { MAX_FILES } from '~/domain/file-types';
import { maskPersonnummer } from '~/domain/personnummer';
import { LEGAL_BASES, parseTaskAnswer, SOURCES, WHERE, type TaskAnswer } from '~/domain/task-answer';
import { answerTask, getMyTask } from '~/models/case-tasks.server';
import { requireStaffWithPermission } from '~/utils/auth.server';
import { validateCsrf } from '~/utils/csrf.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { decryptPersonnummer } from '~/utils/pnr-crypto.server';
import { formatLongDate } from '~/utils/text-format';
import { parseUploadForm } from '~/utils/uploads.server';

export const handle = { i18n: ['office', 'request'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { staff } = await requireStaffWithPermission(request, 'answer:task:own');
  const task = await getMyTask(params.taskId ?? '', staff.id);
  if (!task) throw new Response('Not Found', { status: 404 });
  const [t, locale] = await Promise.all([i18next.getFixedT(request, ['office', 'common']), i18next.getLocale(request)]);
  const hidden = task.protectedIdentity;
  return json({
    title: `${t('office:task.title')} ${task.diarienummer} – ${t('common:service.name')}`,
    locale,
    flash: new URL(request.url).searchParams.get('klart') === 'svar',
    task: {
      id: task.id,
      diarienummer: task.diarienummer,
      kind: task.kind,
      rights: task.rights,
      puaName: task.puaName,
      sentByName: task.sentByName,
      instructions: task.instructions,
      sentOn: task.sentOn,
      dueOn: task.dueOn,
      status: task.status,
      answer: task.answer as TaskAnswer | null,
      // The PUA's registerförteckning: answering "this is activity X" fills in purpose to automated decisions.
      activities: task.processingActivities.map((a) => ({ code: a.code, name: a.name })),
      subject: hidden ? null : { name: task.subjectName, pnr: maskPersonnummer(decryptPersonnummer(task.subjectPnrCiphertext)) },
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

type ActionData = { errors: Record<string, string>; values: Record<string, string> };

const FIELDS = ['workplace', 'found', 'where', 'whereWhich', 'source', 'sourceWhich', 'activityCode', 'purpose', 'legalBasis', 'legalBasisLaw', 'retention', 'recipients', 'thirdCountry', 'thirdCountryDetails', 'automated', 'automatedDetails', 'notes'];

export async function action({ request, params }: ActionFunctionArgs) {
  const { staff } = await requireStaffWithPermission(request, 'answer:task:own');
  const task = await getMyTask(params.taskId ?? '', staff.id);
  if (!task) throw new Response('Not Found', { status: 404 });
  const { formData, files, errors: uploadErrors } = await parseUploadForm(request, { fieldName: 'files', maxFiles: MAX_FILES });
  await validateCsrf(formData, request);
  const input = Object.fromEntries(FIELDS.map((f) => [f, String(formData.get(f) ?? '')]));
  const parsed = parseTaskAnswer(input, task.processingActivities);
  if (!parsed.ok || uploadErrors.length) {
    const errors: Record<string, string> = parsed.ok ? {} : Object.fromEntries(Object.entries(parsed.errors).map(([k, v]) => [k, `form.${v}`]));
    if (uploadErrors.length) errors.files = `upload.${uploadErrors[0]!.code}`;
    return json<ActionData>({ errors, values: input }, { status: 400 });
  }
  const result = await answerTask({ taskId: task.id, staffId: staff.id, answer: parsed.answer, files });
  if (!result.ok && result.error === 'not-found') throw new Response('Not Found', { status: 404 });
  return redirect(`/personal/uppdrag/${task.id}?klart=svar`);
}

export default function TaskPage() {
  const { t } = useTranslation(['office', 'request']);
  const { task, locale, flash } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const v = result?.values ?? {};
  const err = (field: string) => (result?.errors[field] ? t(`task.errors.${result.errors[field]}`, { field: t(`task.form.${field}`) }) : undefined);
  const summary = Object.keys(result?.errors ?? {}).map((field) => ({ fieldId: field, message: err(field)! }));
  const radios = (name: string, options: readonly string[], key: string) => ({
    id: name,
    name,
    legend: t(`task.form.${name}`),
    legendSize: 's' as const,
    defaultValue: v[name],
    error: err(name),
    items: options.map((o) => ({ value: o, label: t(`task.form.${key}.${o}`) })),
  });

  return (
    <>
      <BackLink to="/personal/uppdrag">{t('task.back')}</BackLink>
      {summary.length ? <ErrorSummary errors={summary} /> : null}
      {flash ? (
        <NotificationBanner variant="success" title={t('case.flash.title')}>
          <p className="notification-banner__heading">{t('task.answered')}</p>
        </NotificationBanner>
      ) : null}
      <span className="caption-l">
        {task.puaName}, {task.diarienummer}
      </span>
      <h1 className="heading-l">{t('task.title')}</h1>
      <SummaryList
        rows={[
          { key: t('task.about'), value: task.subject ? `${task.subject.name}, ${task.subject.pnr}` : t('task.protectedSubject') },
          { key: t('task.asks'), value: task.rights.map((r) => t(`request:rights.${r}.name`)).join(', ') },
          { key: t('task.from'), value: task.sentByName },
          { key: t('task.instructions'), value: task.instructions },
          { key: t('task.due'), value: formatLongDate(task.dueOn, locale) },
        ]}
      />
      {task.answer ? (
        <>
          <h2 className="heading-m">{t('task.yourAnswer')}</h2>
          <TaskAnswerView answer={task.answer} />
        </>
      ) : (
        <Form method="post" encType="multipart/form-data" noValidate>
          <CsrfInput />
          <h2 className="heading-m">{t('task.formTitle')}</h2>
          <TextInput id="workplace" name="workplace" label={t('task.form.workplace')} labelSize="s" defaultValue={v.workplace} error={err('workplace')} />
          <Radios {...radios('found', ['yes', 'no'], 'foundOptions')} hint={t('task.form.foundHint')} />
          <h3 className="heading-s">{t('task.form.ifFound')}</h3>
          <Radios {...radios('where', WHERE, 'whereOptions')} />
          <TextInput id="whereWhich" name="whereWhich" label={t('task.form.whereWhich')} labelSize="s" defaultValue={v.whereWhich} error={err('whereWhich')} />
          <Radios {...radios('source', SOURCES, 'sourceOptions')} />
          <TextInput id="sourceWhich" name="sourceWhich" label={t('task.form.sourceWhich')} labelSize="s" optional defaultValue={v.sourceWhich} error={err('sourceWhich')} />
          {task.activities.length ? (
            <Radios
              id="activityCode"
              name="activityCode"
              legend={t('task.form.activityCode')}
              legendSize="s"
              hint={t('task.form.activityCodeHint')}
              defaultValue={v.activityCode ?? ''}
              error={err('activityCode')}
              items={[...task.activities.map((a) => ({ value: a.code, label: <span lang="sv">{a.name}</span> })), { value: '', label: t('task.form.activityNone') }]}
            />
          ) : null}
          <Textarea id="purpose" name="purpose" label={t('task.form.purpose')} labelSize="s" defaultValue={v.purpose} error={err('purpose')} rows={2} />
          <Radios {...radios('legalBasis', LEGAL_BASES, 'legalBases')} />
          <TextInput id="legalBasisLaw" name="legalBasisLaw" label={t('task.form.legalBasisLaw')} labelSize="s" hint={t('task.form.legalBasisLawHint')} defaultValue={v.legalBasisLaw} error={err('legalBasisLaw')} />
          <Textarea id="retention" name="retention" label={t('task.form.retention')} labelSize="s" hint={t('task.form.retentionHint')} defaultValue={v.retention} error={err('retention')} rows={2} />
          <Textarea id="recipients" name="recipients" label={t('task.form.recipients')} labelSize="s" optional defaultValue={v.recipients} error={err('recipients')} rows={2} />
          <Radios {...radios('thirdCountry', ['no', 'yes'], 'yesNo')} />
          <TextInput id="thirdCountryDetails" name="thirdCountryDetails" label={t('task.form.thirdCountryDetails')} labelSize="s" optional defaultValue={v.thirdCountryDetails} error={err('thirdCountryDetails')} />
          <Radios {...radios('automated', ['no', 'yes'], 'yesNo')} />
          <TextInput id="automatedDetails" name="automatedDetails" label={t('task.form.automatedDetails')} labelSize="s" optional defaultValue={v.automatedDetails} error={err('automatedDetails')} />
          <Textarea id="notes" name="notes" label={t('task.form.notes')} labelSize="s" optional defaultValue={v.notes} error={err('notes')} rows={3} />
          <FileUpload label={t('task.form.files')} hint={t('task.form.filesHint')} optional error={err('files')} />
          <Button>{t('task.send')}</Button>
        </Form>
      )}
    </>
  );
}
