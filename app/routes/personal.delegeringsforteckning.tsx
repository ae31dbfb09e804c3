/**
 * The delegeringsförteckning of each PUA (issue #6: "editable by admin"): the admin of a kommun
 * adds, changes and removes points — what may be decided and by whom — to keep the portal in step
 * with what the nämnd adopted. `?pua=` picks the nämnd, `?punkt=` the point being changed.
 * Works without JavaScript; every change is audited (app/models/delegation-list.server.ts).
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { Button } from '~/components/ui/button';
import { Checkboxes } from '~/components/ui/checkboxes';
import { ErrorSummary } from '~/components/ui/error-summary';
import { NotificationBanner } from '~/components/ui/notification-banner';
import { Radios } from '~/components/ui/radios';
import { Select } from '~/components/ui/select';
import { Table } from '~/components/ui/table';
import { Textarea } from '~/components/ui/textarea';
import { TextInput } from '~/components/ui/text-input';
import { DECISION_TYPES, DELEGATION_ROLES, type DelegationPoint } from '~/domain/decision-types';
import type { DelegationPointError, DelegationPointInput } from '~/domain/delegation-list';
import { configurablePuas, delegationList, removeDelegationPointOf, saveDelegationPoint } from '~/models/delegation-list.server';
import { requireStaffWithPermission } from '~/utils/auth.server';
import { validateCsrf } from '~/utils/csrf.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';

export const handle = { i18n: ['office', 'account'] };

const PATH = '/personal/delegeringsforteckning';

/** The admin's PUAs (admin:config:kommun) and the one asked for; another kommun's PUA is 404. */
async function load(request: Request) {
  const { staff, puaIds } = await requireStaffWithPermission(request, 'admin:config:kommun');
  const url = new URL(request.url);
  const puas = await configurablePuas(puaIds);
  const puaId = url.searchParams.get('pua') ?? puas[0]?.id;
  if (!puaId || !puaIds.includes(puaId)) throw new Response('Not Found', { status: 404 });
  return { staff, puas, puaId, url };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { puas, puaId, url } = await load(request);
  const [t, list] = await Promise.all([i18next.getFixedT(request, ['office', 'common']), delegationList(puaId)]);
  if (!list) throw new Response('Not Found', { status: 404 });
  const punkt = url.searchParams.get('punkt');
  const editing = punkt ? (list.points.find((p) => p.number === punkt) ?? null) : null;
  if (punkt && !editing) throw new Response('Not Found', { status: 404 });
  const flash = url.searchParams.get('klart');
  return json({
    title: `${t('office:delegations.title')} – ${t('common:service.name')}`,
    puas: puas.map((p) => ({ id: p.id, label: `${p.name}, ${p.kommun}` })),
    ...list,
    editing,
    flash: flash === 'saved' || flash === 'removed' ? { kind: flash, number: url.searchParams.get('nr') ?? '' } : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

type ActionErrors = Partial<Record<DelegationPointError['field'] | 'notFound', string>>;

export async function action({ request }: ActionFunctionArgs) {
  const { staff, puaId } = await load(request);
  const form = await request.formData();
  await validateCsrf(form, request);
  const back = (kind: 'saved' | 'removed', number: string) => redirect(`${PATH}?${new URLSearchParams({ pua: puaId, klart: kind, nr: number })}`);

  if (form.get('intent') === 'remove') {
    const number = String(form.get('number') ?? '');
    if (await removeDelegationPointOf({ puaId, number, staffId: staff.id })) return back('removed', number);
    return json({ errors: { notFound: 'notFound' } as ActionErrors, values: null, replacing: null }, { status: 400 });
  }

  const replacing = String(form.get('replacing') ?? '') || null;
  const values: DelegationPointInput = {
    number: String(form.get('number') ?? ''),
    decisionTypes: form.getAll('decisionTypes').map(String),
    role: String(form.get('role') ?? ''),
    staffUserId: String(form.get('staffUserId') ?? ''),
    remark: String(form.get('remark') ?? ''),
  };
  const r = await saveDelegationPoint({ puaId, replacing, point: values, staffId: staff.id });
  if (r.ok) return back('saved', r.point.number);
  const errors: ActionErrors = {};
  if ('notFound' in r) errors.notFound = 'notFound';
  else for (const e of r.errors) errors[e.field] ??= e.code;
  return json({ errors, values, replacing }, { status: 400 });
}

export default function DelegationListPage() {
  const { t } = useTranslation(['office', 'account']);
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const errors = result?.errors ?? {};
  const message = (field: keyof ActionErrors) => (errors[field] ? t(field === 'notFound' ? 'delegations.errors.notFound' : `delegations.errors.${field}.${errors[field]}`) : undefined);
  // "Neither role nor person" is shown on the role question, the first of the two.
  const roleError = message('role') ?? message('delegate');
  const summary = [
    { fieldId: 'number', message: message('number') },
    { fieldId: 'decisionTypes', message: message('decisionTypes') },
    { fieldId: 'role', message: roleError },
    { fieldId: 'staffUserId', message: message('staffUserId') },
    { fieldId: 'remark', message: message('remark') },
    { fieldId: 'number', message: message('notFound') },
  ].filter((e): e is { fieldId: string; message: string } => !!e.message);

  // After a refused save the form shows what was sent; otherwise the point being changed, or nothing.
  const shown: DelegationPointInput | null = result?.values ?? (d.editing ? toInput(d.editing) : null);
  const replacing = result ? result.replacing : (d.editing?.number ?? null);
  const roleName = (role: string) => t(`account:roles.${role}`);
  const delegateText = (p: DelegationPoint) => {
    const name = p.staffUserId ? (d.names[p.staffUserId] ?? '?') : '';
    if (p.role && name) return t('delegations.delegate.both', { name, role: roleName(p.role) });
    if (p.role) return t('delegations.delegate.role', { role: roleName(p.role) });
    return t('delegations.delegate.person', { name });
  };
  const query = (extra: Record<string, string> = {}) => `${PATH}?${new URLSearchParams({ pua: d.pua.id, ...extra })}`;

  return (
    <>
      {summary.length ? <ErrorSummary errors={summary} /> : null}
      {d.flash ? (
        <NotificationBanner variant="success" title={t('office:case.flash.title')}>
          <p className="notification-banner__heading">{t(`delegations.flash.${d.flash.kind}`, { number: d.flash.number })}</p>
        </NotificationBanner>
      ) : null}
      <h1 className="heading-l">{t('delegations.title')}</h1>
      <p className="body">{t('delegations.intro')}</p>
      {d.puas.length > 1 ? (
        <Form method="get" className="filters">
          <Select id="pua" name="pua" label={t('delegations.pua')} options={d.puas.map((p) => ({ value: p.id, label: p.label }))} defaultValue={d.pua.id} />
          <Button variant="secondary">{t('delegations.show')}</Button>
        </Form>
      ) : null}

      <Table
        caption={t('delegations.caption', { pua: d.pua.name, kommun: d.pua.kommun, count: d.points.length })}
        captionSize="m"
        firstCellIsHeader
        head={[t('delegations.col.number'), t('delegations.col.types'), t('delegations.col.delegate'), t('delegations.col.remark'), t('delegations.col.actions')]}
        rows={d.points.map((p) => ({
          key: p.number,
          cells: [
            p.number,
            p.decisionTypes.map((type) => t(`decision.type.${type}`)).join(', '),
            delegateText(p),
            // The förteckning is the nämnd's Swedish document: its remarks are Swedish on any page (WCAG 3.1.2).
            p.remark ? (
              <span key="remark" lang="sv">
                {p.remark}
              </span>
            ) : (
              ''
            ),
            <div key="actions" className="button-group">
              <Link to={`${query({ punkt: p.number })}#punkt`}>
                {t('delegations.edit')}
                <span className="visually-hidden">{t('delegations.pointHidden', { number: p.number })}</span>
              </Link>
              <Form method="post" action={query()}>
                <CsrfInput />
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="number" value={p.number} />
                <Button variant="secondary">
                  {t('delegations.remove')}
                  <span className="visually-hidden">{t('delegations.pointHidden', { number: p.number })}</span>
                </Button>
              </Form>
            </div>,
          ],
        }))}
      />
      {d.points.length === 0 ? <p className="body">{t('delegations.empty')}</p> : null}

      {/* Keyed by the page visit: after a save, or on choosing another point, the fields start afresh. */}
      <Form method="post" action={query(replacing ? { punkt: replacing } : {})} key={`${replacing ?? 'new'}-${location.key}`} id="punkt">
        <CsrfInput />
        <h2 className="heading-m">{replacing ? t('delegations.editTitle', { number: replacing }) : t('delegations.addTitle')}</h2>
        <input type="hidden" name="replacing" value={replacing ?? ''} />
        <TextInput id="number" name="number" label={t('delegations.number')} labelSize="s" hint={t('delegations.numberHint')} width={10} error={message('number') ?? message('notFound')} defaultValue={shown?.number} />
        <Checkboxes
          id="decisionTypes"
          name="decisionTypes"
          legend={t('delegations.types')}
          legendSize="s"
          hint={t('delegations.typesHint')}
          error={message('decisionTypes')}
          items={DECISION_TYPES.map((type) => ({ value: type, label: t(`decision.type.${type}`) }))}
          defaultValues={shown?.decisionTypes}
        />
        <Radios
          id="role"
          name="role"
          legend={t('delegations.role')}
          legendSize="s"
          hint={t('delegations.roleHint')}
          error={roleError}
          items={[...DELEGATION_ROLES.map((role) => ({ value: role, label: roleName(role) })), { value: '', label: t('delegations.noRole') }]}
          defaultValue={shown?.role ?? ''}
        />
        <Select
          id="staffUserId"
          name="staffUserId"
          label={t('delegations.person')}
          labelSize="s"
          hint={t('delegations.personHint')}
          error={message('staffUserId')}
          options={[{ value: '', label: t('delegations.noPerson') }, ...d.people.map((p) => ({ value: p.id, label: `${p.name} (${p.roles.map(roleName).join(', ')})` }))]}
          defaultValue={shown?.staffUserId ?? ''}
        />
        <Textarea id="remark" name="remark" label={t('delegations.remark')} labelSize="s" hint={t('delegations.remarkHint')} error={message('remark')} defaultValue={shown?.remark} rows={3} optional />
        <div className="button-group">
          <Button>{t('delegations.save')}</Button>
          {replacing ? <Link to={query()}>{t('delegations.cancel')}</Link> : null}
        </div>
      </Form>
    </>
  );
}

function toInput(p: DelegationPoint): DelegationPointInput {
  return { number: p.number, decisionTypes: p.decisionTypes, role: p.role ?? '', staffUserId: p.staffUserId ?? '', remark: p.remark ?? '' };
}
