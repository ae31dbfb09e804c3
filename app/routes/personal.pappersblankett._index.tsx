/**
 * Registering a paper form (issue #8; seed 004 bilaga 6/7), for registrators and the reception:
 * the scan, the date on the received stamp and the form's fields on one page — the official
 * copies a form they hold, so one question per page would only slow them down. The deadline runs
 * from the stamp (DOMAIN.md §5); the rules are app/domain/paper-form.ts. Works without JavaScript.
 */
import crypto from 'node:crypto';
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { Button } from '~/components/ui/button';
import { Checkboxes } from '~/components/ui/checkboxes';
import { DateInput } from '~/components/ui/date-input';
import { ErrorSummary } from '~/components/ui/error-summary';
import { FileUpload } from '~/components/ui/file-upload';
import { Radios } from '~/components/ui/radios';
import { TextInput } from '~/components/ui/text-input';
import { checkPaperForm } from '~/domain/paper-form';
import { DELIVERY, RELATIONS } from '~/domain/request-journey';
import { RIGHTS } from '~/domain/requests';
import { getSamverkanOverview } from '~/models/organisation.server';
import { registerPaperForm } from '~/models/paper-form.server';
import { requireStaffWithPermission } from '~/utils/auth.server';
import { validateCsrf } from '~/utils/csrf.server';
import { todayInStockholm } from '~/utils/dates.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { parseUploadForm } from '~/utils/uploads.server';
import { isUuid } from '~/domain/uuid';

export const handle = { i18n: ['paper', 'request'] };

const PERMISSION = 'register:request:visitor';

/** The kommuner with the PUAs where this official may register (only those are offered). */
async function allowedKommuner(puaIds: readonly string[]) {
  const overview = await getSamverkanOverview();
  return overview.kommuner
    .map((k) => ({ id: k.id, code: k.code, name: k.name, puas: k.pua.filter((p) => puaIds.includes(p.id)).map((p) => ({ id: p.id, name: p.name })) }))
    .filter((k) => k.puas.length);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { puaIds } = await requireStaffWithPermission(request, PERMISSION);
  const [t, kommuner] = await Promise.all([i18next.getFixedT(request, ['paper', 'common']), allowedKommuner(puaIds)]);
  return json({
    title: `${t('paper:form.title')} – ${t('common:service.name')}`,
    kommuner,
    // One key per page load: sending the same page twice (a double click, a resend) files once.
    registrationId: crypto.randomUUID(),
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

const TEXT_FIELDS = ['relation', 'subjectPersonnummer', 'subjectName', 'requesterName', 'requesterPersonnummer', 'delivery', 'stamp-day', 'stamp-month', 'stamp-year'] as const;
type Values = Record<(typeof TEXT_FIELDS)[number], string> & { rights: string[]; puaIds: string[]; protectedIdentity: boolean; registrationId: string };
type ActionData = { errors: Record<string, string>; values: Values };

export async function action({ request }: ActionFunctionArgs) {
  const { staff, puaIds } = await requireStaffWithPermission(request, PERMISSION);
  const { formData, files, errors: uploadErrors } = await parseUploadForm(request, { fieldName: 'scan', maxFiles: 1 });
  await validateCsrf(formData, request);
  const text = Object.fromEntries(TEXT_FIELDS.map((k) => [k, String(formData.get(k) ?? '')])) as Record<(typeof TEXT_FIELDS)[number], string>;
  const values: Values = {
    ...text,
    rights: formData.getAll('rights').map(String),
    puaIds: formData.getAll('puaIds').map(String),
    protectedIdentity: formData.get('protectedIdentity') === 'yes',
    registrationId: String(formData.get('registrationId') ?? ''),
  };
  const kommuner = await allowedKommuner(puaIds);
  const checked = checkPaperForm(
    {
      ...values,
      allowedPuas: kommuner.flatMap((k) => k.puas.map((p) => ({ id: p.id, kommunId: k.id }))),
      stamp: { day: text['stamp-day'], month: text['stamp-month'], year: text['stamp-year'] },
    },
    todayInStockholm(),
  );
  const errors: Record<string, string> = checked.ok ? {} : { ...checked.errors };
  // The scan is the request itself: no registration without it.
  if (uploadErrors[0]) errors.scan = uploadErrors[0].code;
  else if (!files[0]) errors.scan = 'required';
  // A page that did not come from the loader has no key: show the form again with a new one.
  if (!isUuid(values.registrationId)) values.registrationId = crypto.randomUUID();
  if (Object.keys(errors).length || !checked.ok || !files[0]) return json<ActionData>({ errors, values }, { status: 400 });
  const filed = await registerPaperForm({ registrationId: values.registrationId, staffId: staff.id, form: checked.form, scan: files[0] });
  return redirect(`/personal/pappersblankett/${filed.id}`);
}

/** The order of the error summary: the order of the fields on the page. */
const FIELD_ORDER = ['scan', 'stamp', 'rights', 'puaIds', 'relation', 'subjectPersonnummer', 'subjectName', 'requesterName', 'requesterPersonnummer', 'delivery'] as const;

export default function PaperFormPage() {
  const { t } = useTranslation(['paper', 'request']);
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const v = result?.values;
  const error = (field: string) => (result?.errors[field] ? t(`paper:form.errors.${field}.${result.errors[field]}`) : undefined);
  const summary = FIELD_ORDER.filter((f) => result?.errors[f]).map((f) => ({ fieldId: f, message: error(f)! }));
  const several = d.kommuner.length > 1;
  return (
    <>
      {summary.length ? <ErrorSummary errors={summary} /> : null}
      <h1 className="heading-l">{t('paper:form.title')}</h1>
      <p className="body">{t('paper:form.intro')}</p>
      <Form method="post" encType="multipart/form-data">
        <CsrfInput />
        <input type="hidden" name="registrationId" value={v?.registrationId ?? d.registrationId} />
        <FileUpload id="scan" single label={t('paper:form.scan')} labelSize="m" hint={t('paper:form.scanHint')} error={error('scan')} />
        <DateInput
          id="stamp"
          name="stamp"
          legend={t('paper:form.stamp')}
          legendSize="m"
          hint={t('paper:form.stampHint')}
          error={error('stamp')}
          defaultValue={{ day: v?.['stamp-day'], month: v?.['stamp-month'], year: v?.['stamp-year'] }}
        />
        <Checkboxes
          id="rights"
          name="rights"
          legend={t('paper:form.rights')}
          legendSize="m"
          error={error('rights')}
          defaultValues={v?.rights}
          items={RIGHTS.map((r) => ({ value: r, label: t(`request:rights.${r}.name`) }))}
        />
        {d.kommuner.map((k, i) => (
          <Checkboxes
            key={k.id}
            // The first group carries the field's id, so the error summary's link lands on it.
            id={i === 0 ? 'puaIds' : `puaIds-${k.code}`}
            name="puaIds"
            legend={several ? t('paper:form.puasIn', { kommun: k.name }) : t('paper:form.puas')}
            legendSize="m"
            hint={t('paper:form.puasHint')}
            error={i === 0 ? error('puaIds') : undefined}
            defaultValues={v?.puaIds}
            items={k.puas.map((p) => ({ value: p.id, label: p.name }))}
          />
        ))}
        <Radios
          id="relation"
          name="relation"
          legend={t('paper:form.relation')}
          legendSize="m"
          error={error('relation')}
          defaultValue={v?.relation}
          items={RELATIONS.map((r) => ({ value: r, label: t(`paper:form.relations.${r}`) }))}
        />
        <h2 className="heading-m">{t('paper:form.subjectHeading')}</h2>
        <TextInput id="subjectPersonnummer" name="subjectPersonnummer" label={t('paper:form.subjectPersonnummer')} hint={t('paper:form.subjectPersonnummerHint')} width={20} inputMode="numeric" autoComplete="off" defaultValue={v?.subjectPersonnummer} error={error('subjectPersonnummer')} />
        <TextInput id="subjectName" name="subjectName" label={t('paper:form.subjectName')} autoComplete="off" defaultValue={v?.subjectName} error={error('subjectName')} />
        <h2 className="heading-m">{t('paper:form.requesterHeading')}</h2>
        <p className="body">{t('paper:form.requesterIntro')}</p>
        <TextInput id="requesterName" name="requesterName" label={t('paper:form.requesterName')} autoComplete="off" defaultValue={v?.requesterName} error={error('requesterName')} />
        <TextInput id="requesterPersonnummer" name="requesterPersonnummer" label={t('paper:form.requesterPersonnummer')} width={20} inputMode="numeric" autoComplete="off" defaultValue={v?.requesterPersonnummer} error={error('requesterPersonnummer')} />
        <Radios
          id="delivery"
          name="delivery"
          legend={t('paper:form.delivery')}
          legendSize="m"
          error={error('delivery')}
          defaultValue={v?.delivery}
          items={DELIVERY.map((m) => ({ value: m, label: t(`paper:form.deliveries.${m}`) }))}
        />
        <Checkboxes
          id="protectedIdentity"
          name="protectedIdentity"
          legend={t('paper:form.protectedLegend')}
          legendSize="m"
          optional
          defaultValues={v?.protectedIdentity ? ['yes'] : []}
          items={[{ value: 'yes', label: t('paper:form.protected') }]}
        />
        <Button>{t('paper:form.submit')}</Button>
      </Form>
    </>
  );
}
