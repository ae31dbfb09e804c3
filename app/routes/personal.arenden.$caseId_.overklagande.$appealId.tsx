/**
 * One appeal in the back office (issue #6): what it asks, the rättidsprövning (FL 45 §) with the
 * rule applied, then — in time — omprövning and överlämnande to förvaltningsrätten, or — late —
 * the avvisningsbeslut; afterwards the courts' målnummer and outcomes.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { BackLink } from '~/components/ui/back-link';
import { Button } from '~/components/ui/button';
import { ErrorSummary } from '~/components/ui/error-summary';
import { NotificationBanner } from '~/components/ui/notification-banner';
import { Select } from '~/components/ui/select';
import { SummaryList } from '~/components/ui/summary-list';
import { TextInput } from '~/components/ui/text-input';
import { COURT_OUTCOMES, COURTS, type CourtLevel } from '~/domain/decision-types';
import { isIsoDate } from '~/domain/iso-date';
import { getCaseAppeal, recordCourtDecision, recordRattidsprovning, timelinessOf } from '~/models/appeals.server';
import { forwardAppeal } from '~/models/appeal-forwarding.server';
import { listCaseDecisions, openDecision } from '~/models/decisions.server';
import { getStaffCase } from '~/models/staff-cases.server';
import { requireCaseScope } from '~/utils/auth.server';
import { validateCsrf } from '~/utils/csrf.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { formatLongDate } from '~/utils/text-format';

export const handle = { i18n: ['office', 'request'] };

async function load(request: Request, params: { caseId?: string; appealId?: string }) {
  const { scope } = await requireCaseScope(request);
  const found = await getStaffCase(params.caseId ?? '', scope);
  if (!found || !found.access.content) throw new Response('Not Found', { status: 404 });
  const appeal = await getCaseAppeal(found.id, params.appealId ?? '');
  if (!appeal) throw new Response('Not Found', { status: 404 });
  return { scope, found, appeal };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { found, appeal } = await load(request, params);
  const [t, locale, decisions, preview, omprovning, avvisning] = await Promise.all([
    i18next.getFixedT(request, ['office', 'common']),
    i18next.getLocale(request),
    listCaseDecisions(found.id),
    timelinessOf(appeal),
    openDecision(found.id, { kind: 'omprovning', appealId: appeal.id, changesDecisionId: appeal.decisionId }),
    openDecision(found.id, { kind: 'avvisning_sent_overklagande', appealId: appeal.id }),
  ]);
  const appealed = decisions.find((d) => d.decision.id === appeal.decisionId)!;
  const flash = new URL(request.url).searchParams.get('klart');
  return json({
    title: `${t('office:appeal.title')} ${found.diarienummer} – ${t('common:service.name')}`,
    locale,
    flash,
    handle: found.access.handle,
    case: { id: found.id, diarienummer: found.diarienummer, puaName: found.puaName },
    appeal: {
      id: appeal.id,
      status: appeal.status,
      channel: appeal.channel,
      receivedOn: appeal.receivedOn!,
      changeWanted: appeal.changeWanted,
      reasons: appeal.reasons,
      files: appeal.files.map((f) => ({ id: f.id, filename: f.filename })),
      timeliness: appeal.timeliness,
      forwardedOn: appeal.forwardedOn,
      courtRecords: appeal.courtRecords,
    },
    appealed: { decidedOn: appealed.decision.decidedOn!, notifiedOn: appealed.decision.notifiedOn, method: appealed.decision.notificationMethod, instructions: appealed.decision.appealInstructions },
    // What a rättidsprövning would find today, shown before it is recorded.
    preview: { deadline: preview.deadline, rule: preview.rule, avvisa: preview.avvisa },
    related: decisions.filter((d) => d.decision.appealId === appeal.id).map((d) => ({ type: d.decision.type, status: d.decision.status, decidedOn: d.decision.decidedOn })),
    openDrafts: { omprovning: Boolean(omprovning), avvisning: Boolean(avvisning) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

type ActionData = { errors: Record<string, string>; values?: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, found, appeal } = await load(request, params);
  if (!found.access.handle) throw new Response('Not Found', { status: 404 });
  const form = await request.formData();
  await validateCsrf(form, request);
  const field = (name: string) => String(form.get(name) ?? '').trim();
  const here = (key: string) => redirect(`/personal/arenden/${found.id}/overklagande/${appeal.id}?klart=${key}`);
  const base = { caseId: found.id, appealId: appeal.id, staffId: scope.staffId };
  switch (field('intent')) {
    case 'timeliness': {
      const reached = field('reachedCourtOn');
      if (reached && !isIsoDate(reached)) return json<ActionData>({ errors: { reachedCourtOn: 'date' }, values: { reachedCourtOn: reached } }, { status: 400 });
      const r = await recordRattidsprovning({ ...base, reachedCourtOn: reached || null });
      return r.ok ? here('provat') : json<ActionData>({ errors: { timeliness: r.error } }, { status: 400 });
    }
    case 'forward': {
      const r = await forwardAppeal(base);
      return r.ok ? here('overlamnat') : json<ActionData>({ errors: { forward: r.error } }, { status: 400 });
    }
    case 'court': {
      const values = { court: field('court'), malnummer: field('malnummer'), outcome: field('outcome'), decidedOn: field('decidedOn') };
      if (!(COURTS as readonly string[]).includes(values.court)) return json<ActionData>({ errors: { court: 'required' }, values }, { status: 400 });
      const r = await recordCourtDecision({ ...base, ...values, court: values.court as CourtLevel });
      if (r.ok) return here('dom');
      // The courts' order (checkCourtRecord): the message goes to the field that has to change.
      const fieldOf = { pt_only_kammarratt: 'outcome', forvaltningsratt_first: 'court', before_forvaltningsratt: 'decidedOn', unknown_outcome: 'outcome' } as const;
      const errors = r.courtError ? { [fieldOf[r.courtError]]: `courtRecord.${r.courtError}` } : { malnummer: 'court' };
      return json<ActionData>({ errors, values }, { status: 400 });
    }
    default:
      throw new Response('Bad Request', { status: 400 });
  }
}

export default function AppealPage() {
  const { t } = useTranslation(['office']);
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const date = (x: string | null | undefined) => (x ? formatLongDate(x, d.locale) : '–');
  const a = d.appeal;
  const errors = Object.entries(result?.errors ?? {}).map(([field, code]) => ({ fieldId: field, message: t(`appeal.errors.${code}`) }));
  const fieldError = (field: string) => errors.find((e) => e.fieldId === field)?.message;
  const check = a.timeliness;
  const decisionBase = `/personal/arenden/${d.case.id}/beslut?overklagande=${a.id}`;
  return (
    <>
      <BackLink to={`/personal/arenden/${d.case.id}`}>{t('appeal.back')}</BackLink>
      {errors.length ? <ErrorSummary errors={errors} /> : null}
      {d.flash ? (
        <NotificationBanner variant="success" title={t('case.flash.title')}>
          <p className="notification-banner__heading">{t(`appeal.flash.${d.flash}`)}</p>
        </NotificationBanner>
      ) : null}
      <span className="caption-l">
        {d.case.diarienummer}, {d.case.puaName}
      </span>
      <h1 className="heading-l">{t('appeal.title')}</h1>
      <SummaryList
        rows={[
          { key: t('appeal.status'), value: t(`appeal.statuses.${a.status}`) },
          { key: t('appeal.received'), value: `${date(a.receivedOn)} (${t(`appeal.channel.${a.channel}`)})` },
          { key: t('appeal.decision'), value: t('appeal.decisionOf', { date: date(d.appealed.decidedOn) }) },
          { key: t('appeal.change'), value: <span className="text-block">{a.changeWanted}</span> },
          { key: t('appeal.reasons'), value: <span className="text-block">{a.reasons || '–'}</span> },
          {
            key: t('appeal.files'),
            value: a.files.length ? (
              <ul className="list">
                {a.files.map((f) => (
                  <li key={f.id}>
                    <a href={`/personal/arenden/${d.case.id}/filer/${f.id}`}>{f.filename}</a>
                  </li>
                ))}
              </ul>
            ) : (
              '–'
            ),
          },
        ]}
      />

      <h2 className="heading-m">{t('appeal.timeliness.title')}</h2>
      <SummaryList
        rows={[
          { key: t('appeal.timeliness.notified'), value: d.appealed.notifiedOn ? `${date(d.appealed.notifiedOn)} (${t(`appeal.notification.${d.appealed.method ?? 'digital'}`)})` : t('appeal.timeliness.notNotified') },
          { key: t('appeal.timeliness.deadline'), value: date(check?.deadline ?? d.preview.deadline) },
          { key: t('appeal.received'), value: date(a.receivedOn) },
          { key: t('appeal.timeliness.instructions'), value: t(`appeal.instructions.${d.appealed.instructions}`) },
          { key: t('appeal.timeliness.rule'), value: t(`appeal.rule.${check?.rule ?? d.preview.rule}`) },
          { key: t('appeal.timeliness.result'), value: check ? <strong>{t(check.inTime ? 'appeal.timeliness.inTime' : 'appeal.timeliness.late', { date: date(check.checkedOn) })}</strong> : t('appeal.timeliness.notChecked') },
        ]}
      />
      {d.handle && a.status === 'received' && !check ? (
        <Form method="post">
          <CsrfInput />
          <TextInput id="reachedCourtOn" name="reachedCourtOn" label={t('appeal.timeliness.reachedCourt')} labelSize="s" hint={t('appeal.timeliness.reachedCourtHint')} optional width={10} error={result?.errors.reachedCourtOn ? t('appeal.errors.date') : undefined} defaultValue={result?.values?.reachedCourtOn} />
          <Button name="intent" value="timeliness">
            {t('appeal.timeliness.run')}
          </Button>
        </Form>
      ) : null}

      {d.related.length ? (
        <ul className="list">
          {d.related.map((r, i) => (
            <li key={i}>
              {t(`decision.type.${r.type}`)}: {r.status === 'decided' ? t('appeal.decidedOn', { date: date(r.decidedOn) }) : t(`decision.status.${r.status}`)}
            </li>
          ))}
        </ul>
      ) : null}

      {d.handle && a.status === 'received' && check && !check.inTime ? (
        <>
          <h2 className="heading-m">{t('appeal.avvisning.title')}</h2>
          <p className="body">{t('appeal.avvisning.text')}</p>
          <p className="body">
            <Link to={`${decisionBase}&typ=avvisning`}>{t(d.openDrafts.avvisning ? 'appeal.avvisning.continue' : 'appeal.avvisning.link')}</Link>
          </p>
        </>
      ) : null}

      {d.handle && a.status === 'received' && check?.inTime ? (
        <>
          <h2 className="heading-m">{t('appeal.omprovning.title')}</h2>
          <p className="body">{t('appeal.omprovning.text')}</p>
          <p className="body">
            <Link to={`${decisionBase}&typ=omprovning`}>{t(d.openDrafts.omprovning ? 'appeal.omprovning.continue' : 'appeal.omprovning.link')}</Link>
          </p>
          <h2 className="heading-m">{t('appeal.forward.title')}</h2>
          <p className="body">{t('appeal.forward.text')}</p>
          <Form method="post">
            <CsrfInput />
            <Button name="intent" value="forward">
              {t('appeal.forward.button')}
            </Button>
          </Form>
        </>
      ) : null}

      {a.forwardedOn ? (
        <>
          <h2 className="heading-m">{t('appeal.court.title')}</h2>
          <p className="body">
            {t('appeal.forward.sent', { date: date(a.forwardedOn) })} <a href={`/personal/arenden/${d.case.id}/overklagande/${a.id}/paket`}>{t('appeal.forward.download')}</a>
          </p>
          {a.courtRecords.length ? (
            <ul className="list">
              {a.courtRecords.map((r) => (
                <li key={r.court}>
                  {t(`appeal.court.level.${r.court}`)}, {r.malnummer}: {r.outcome ? t(`appeal.court.outcome.${r.outcome}`) : ''} {r.decidedOn ? `(${date(r.decidedOn)})` : ''}
                </li>
              ))}
            </ul>
          ) : null}
          {d.handle ? (
            // Keyed by the rulings saved: after one the fields start empty for the next court. Not by the
            // location, which changes on every submission — a refused form would then lose what the
            // official is retyping while the page revalidates.
            <Form method="post" key={`court-${a.courtRecords.length}`}>
              <CsrfInput />
              <Select id="court" name="court" label={t('appeal.court.levelLabel')} labelSize="s" hint={t('appeal.court.levelHint')} options={COURTS.map((c) => ({ value: c, label: t(`appeal.court.level.${c}`) }))} defaultValue={result?.values?.court} error={fieldError('court')} />
              <TextInput id="malnummer" name="malnummer" label={t('appeal.court.malnummer')} labelSize="s" width={20} defaultValue={result?.values?.malnummer} error={result?.errors.malnummer ? t('appeal.errors.court') : undefined} />
              <Select id="outcome" name="outcome" label={t('appeal.court.outcomeLabel')} labelSize="s" options={COURT_OUTCOMES.map((o) => ({ value: o, label: t(`appeal.court.outcome.${o}`) }))} defaultValue={result?.values?.outcome} error={fieldError('outcome')} />
              <TextInput id="decidedOn" name="decidedOn" label={t('appeal.court.decidedOn')} labelSize="s" hint={t('appeal.dateHint')} width={10} defaultValue={result?.values?.decidedOn} error={fieldError('decidedOn')} />
              <Button name="intent" value="court">
                {t('appeal.court.save')}
              </Button>
            </Form>
          ) : null}
        </>
      ) : null}
    </>
  );
}
