/**
 * The registerförteckning of each PUA (issue #7: "editable by the samordnare"): the GDPR-samordnare
 * adds, changes and removes the PUA's processing activities (Art 30(1)), from which registerutdrag
 * take what Art 15(1) makes them tell. `?pua=` picks the PUA, `?aktivitet=` the activity being
 * changed. Works without JavaScript; every change is audited (app/models/processing-activity-list.server.ts).
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { ProcessingActivityForm } from '~/components/office/processing-activity-form';
import { ProcessingActivityView } from '~/components/office/processing-activity-view';
import { Button } from '~/components/ui/button';
import { ErrorSummary } from '~/components/ui/error-summary';
import { NotificationBanner } from '~/components/ui/notification-banner';
import { Select } from '~/components/ui/select';
import { toProcessingActivityInput, type ProcessingActivityField, type ProcessingActivityInput } from '~/domain/processing-activity-list';
import { processingActivityList, registerPuas, removeProcessingActivityOf, saveProcessingActivity } from '~/models/processing-activity-list.server';
import { requireStaffWithPermission } from '~/utils/auth.server';
import { validateCsrf } from '~/utils/csrf.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';

export const handle = { i18n: ['office'] };

const PATH = '/personal/registerforteckning';

/** In the order of the form, for the error summary. */
const FIELDS: readonly ProcessingActivityField[] = [
  'name',
  'code',
  'purposes',
  'legalBasis',
  'legalBasisLaw',
  'dataCategories',
  'sensitiveCategories',
  'subjectCategories',
  'recipients',
  'thirdCountry',
  'thirdCountryCountries',
  'thirdCountrySafeguards',
  'retention',
  'retentionReference',
  'source',
  'automated',
  'automatedLogic',
  'automatedSignificance',
  'systems',
];

/** The samordnare's PUAs (edit:register:pua) and the one asked for; any other PUA is 404. */
async function load(request: Request) {
  const { staff, puaIds } = await requireStaffWithPermission(request, 'edit:register:pua');
  const url = new URL(request.url);
  const puas = await registerPuas(puaIds);
  const puaId = url.searchParams.get('pua') ?? puas[0]?.id;
  if (!puaId || !puaIds.includes(puaId)) throw new Response('Not Found', { status: 404 });
  return { staff, puas, puaId, url };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { puas, puaId, url } = await load(request);
  const [t, list] = await Promise.all([i18next.getFixedT(request, ['office', 'common']), processingActivityList(puaId)]);
  if (!list) throw new Response('Not Found', { status: 404 });
  const code = url.searchParams.get('aktivitet');
  const editing = code ? (list.activities.find((a) => a.code === code) ?? null) : null;
  if (code && !editing) throw new Response('Not Found', { status: 404 });
  const flash = url.searchParams.get('klart');
  return json({
    title: `${t('office:register.title')} – ${t('common:service.name')}`,
    puas: puas.map((p) => ({ id: p.id, label: `${p.name}, ${p.kommun}` })),
    ...list,
    editing,
    flash: flash === 'saved' || flash === 'removed' ? { kind: flash, name: (url.searchParams.get('namn') ?? '').slice(0, 200) } : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

type ActionErrors = Partial<Record<ProcessingActivityField | 'notFound', string>>;

export async function action({ request }: ActionFunctionArgs) {
  const { staff, puaId } = await load(request);
  const form = await request.formData();
  await validateCsrf(form, request);
  const back = (kind: 'saved' | 'removed', name: string) => redirect(`${PATH}?${new URLSearchParams({ pua: puaId, klart: kind, namn: name })}`);

  if (form.get('intent') === 'remove') {
    const removed = await removeProcessingActivityOf({ puaId, code: String(form.get('code') ?? ''), staffId: staff.id });
    if (removed) return back('removed', removed.name);
    return json({ errors: { notFound: 'notFound' } as ActionErrors, values: null, replacing: null }, { status: 400 });
  }

  const replacing = String(form.get('replacing') ?? '') || null;
  const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? '')])) as ProcessingActivityInput;
  const r = await saveProcessingActivity({ puaId, replacing, activity: values, staffId: staff.id });
  if (r.ok) return back('saved', r.activity.name);
  const errors: ActionErrors = {};
  if ('notFound' in r) errors.notFound = 'notFound';
  else for (const e of r.errors) errors[e.field] ??= e.code;
  return json({ errors, values, replacing }, { status: 400 });
}

export default function RegisterPage() {
  const { t } = useTranslation('office');
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const errors = result?.errors ?? {};
  const message = (field: ProcessingActivityField) => (errors[field] ? t(`register.errors.${field}.${errors[field]}`) : undefined);
  const notFound = errors.notFound ? t('register.errors.notFound') : undefined;
  const summary = [...FIELDS.map((field) => ({ fieldId: field, message: message(field) })), { fieldId: 'name', message: notFound }].filter(
    (e): e is { fieldId: ProcessingActivityField; message: string } => !!e.message,
  );

  // After a refused save the form shows what was sent; otherwise the activity being changed, or nothing.
  const shown: ProcessingActivityInput | null = result?.values ?? (d.editing ? toProcessingActivityInput(d.editing) : null);
  const replacing = result ? result.replacing : (d.editing?.code ?? null);
  const query = (extra: Record<string, string> = {}) => `${PATH}?${new URLSearchParams({ pua: d.pua.id, ...extra })}`;

  return (
    <>
      {summary.length ? <ErrorSummary errors={summary} /> : null}
      {d.flash ? (
        <NotificationBanner variant="success" title={t('case.flash.title')}>
          <p className="notification-banner__heading">
            {t(`register.flash.${d.flash.kind}`)} <span lang="sv">{d.flash.name}</span>
          </p>
        </NotificationBanner>
      ) : null}
      <h1 className="heading-l">{t('register.title')}</h1>
      <p className="body">{t('register.intro')}</p>
      {d.puas.length > 1 ? (
        <Form method="get" className="filters">
          <Select id="pua" name="pua" label={t('register.pua')} options={d.puas.map((p) => ({ value: p.id, label: p.label }))} defaultValue={d.pua.id} />
          <Button variant="secondary">{t('register.show')}</Button>
        </Form>
      ) : null}

      <h2 className="heading-m">{t('register.caption', { pua: d.pua.name, kommun: d.pua.kommun, count: d.activities.length })}</h2>
      {d.activities.length === 0 ? <p className="body">{t('register.empty')}</p> : null}
      {d.activities.map((a) => (
        <section key={a.code} aria-labelledby={`aktivitet-${a.code}`}>
          <h3 className="heading-s" id={`aktivitet-${a.code}`} lang="sv">
            {a.name}
          </h3>
          <ProcessingActivityView activity={a} />
          <div className="button-group">
            <Link to={`${query({ aktivitet: a.code })}#behandling`}>
              {t('register.edit')}
              <span className="visually-hidden">
                {t('register.activityHidden')} <span lang="sv">{a.name}</span>
              </span>
            </Link>
            <Form method="post" action={query()}>
              <CsrfInput />
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="code" value={a.code} />
              <Button variant="secondary">
                {t('register.remove')}
                <span className="visually-hidden">
                {t('register.activityHidden')} <span lang="sv">{a.name}</span>
              </span>
              </Button>
            </Form>
          </div>
        </section>
      ))}

      {/* Keyed by the page visit: after a save, or on choosing another activity, the fields start afresh. */}
      <ProcessingActivityForm
        key={`${replacing ?? 'new'}-${location.key}`}
        action={query(replacing ? { aktivitet: replacing } : {})}
        replacing={replacing}
        values={shown}
        message={message}
        notFound={notFound}
        cancelTo={query()}
      />
    </>
  );
}
