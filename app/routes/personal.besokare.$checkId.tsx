/**
 * The verified visitor or caller (issue #8): who they are and how that was checked; the status of
 * their cases — case number, PUA, status, dates and the PUA's contact details, nothing of the
 * content, with questions about the processing referred to the PUA (seed 001); and at the reception
 * the registerutdrag and the beslut waiting for them, handed over here (handing over a beslut is
 * its notification, FL 44 §). Every lookup is audited with the check.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { Button } from '~/components/ui/button';
import { InsetText } from '~/components/ui/inset-text';
import { NotificationBanner } from '~/components/ui/notification-banner';
import { SummaryList } from '~/components/ui/summary-list';
import { Table } from '~/components/ui/table';
import { maskPersonnummer } from '~/domain/personnummer';
import { caseStatusFor } from '~/models/case-status-lookup.server';
import { recordInPersonNotification } from '~/models/decision-notification.server';
import { decisionsWaitingFor } from '~/models/decision-pickup.server';
import { handOverUtdrag, pickupsFor } from '~/models/utdrag-pickup.server';
import { puasWithPermissionFor } from '~/utils/auth.server';
import { validateCsrf } from '~/utils/csrf.server';
import { requireVerifiedPerson } from '~/utils/identity-scope.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { formatLongDate } from '~/utils/text-format';
import { isUuid } from '~/domain/uuid';

export const handle = { i18n: ['visitor', 'office', 'request'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { staff, check } = await requireVerifiedPerson(request, params.checkId);
  // Each part in the PUAs where its own permission holds: status (read:case-status), pick-ups (handover).
  const [statusPuas, handoverPuas, registerPuas] = await Promise.all([
    puasWithPermissionFor(request, 'read:case-status:kommun'),
    puasWithPermissionFor(request, 'handover:package:kommun'),
    puasWithPermissionFor(request, 'register:request:visitor'),
  ]);
  // Handing over needs the ID seen at the desk; a phone check shows nothing to hand over.
  const mayHandOver = handoverPuas.length > 0 && check.method === 'id_document';
  const [t, locale, cases, pickups, decisions] = await Promise.all([
    i18next.getFixedT(request, ['visitor', 'common']),
    i18next.getLocale(request),
    caseStatusFor(check, statusPuas, staff.id),
    mayHandOver ? pickupsFor(check, handoverPuas) : Promise.resolve(null),
    mayHandOver ? decisionsWaitingFor(check, handoverPuas) : Promise.resolve(null),
  ]);
  const search = new URL(request.url).searchParams;
  const handed = search.get('lamnat');
  const handedDecision = search.get('beslut');
  return json({
    title: `${t('visitor:person.title')} – ${t('common:service.name')}`,
    locale,
    checkId: check.id,
    person: { name: check.name, pnrMasked: maskPersonnummer(check.personnummer), method: check.method, document: check.document, checkedAt: check.checkedAt.toISOString() },
    cases,
    pickups,
    decisions,
    // The reception registers a request for the person (walk-in or phone); the kontaktcenter gives status only.
    mayRegister: registerPuas.length > 0,
    handed: handed && isUuid(handed) ? handed : null,
    handedDecision: handedDecision && isUuid(handedDecision) ? handedDecision : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export async function action({ request, params }: ActionFunctionArgs) {
  const { staff, check } = await requireVerifiedPerson(request, params.checkId);
  const form = await request.formData();
  await validateCsrf(form, request);
  const intent = form.get('intent');
  if (intent !== 'handover' && intent !== 'handover-decision') throw new Response('Bad Request', { status: 400 });
  const handoverPuas = await puasWithPermissionFor(request, 'handover:package:kommun');
  if (!handoverPuas.length) throw new Response('Not Found', { status: 404 });
  if (intent === 'handover-decision') {
    const decisionId = String(form.get('decisionId') ?? '');
    const r = await recordInPersonNotification({ decisionId, check, staffId: staff.id, puaIds: handoverPuas });
    if (!r.ok) {
      if (r.error === 'not-found') throw new Response('Not Found', { status: 404 });
      return json({ decisionError: r.error }, { status: 400 });
    }
    return redirect(`/personal/besokare/${check.id}?beslut=${decisionId}`);
  }
  const packageId = String(form.get('packageId') ?? '');
  const r = await handOverUtdrag({ packageId, check, staffId: staff.id, puaIds: handoverPuas });
  if (!r.ok) {
    if (r.error === 'not-found') throw new Response('Not Found', { status: 404 });
    return json({ error: r.error }, { status: 400 });
  }
  return redirect(`/personal/besokare/${check.id}?lamnat=${packageId}`);
}

export default function VerifiedPerson() {
  const { t } = useTranslation(['visitor', 'office', 'request']);
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const p = d.person;
  const how = p.method === 'bankid_phone' ? t('person.byPhone') : t('person.byDocument', { type: t(`verify.documentTypes.${p.document?.type ?? 'annat'}`), issuer: p.document?.issuer ?? '', lastFour: p.document?.lastFour ?? '' });
  return (
    <>
      {d.handed ? (
        <NotificationBanner variant="success" title={t('office:case.flash.title')}>
          <p className="notification-banner__heading">{t('pickup.handed')}</p>
          <p className="body">{t('pickup.handedNext')}</p>
          {/* Plain links, not <Link>: a PDF and a ZIP, not pages of the app. */}
          <ul className="list">
            <li>
              <a href={`/personal/uthamtning/${d.handed}/utskrift`}>{t('pickup.print')}</a>
            </li>
            <li>
              <a href={`/personal/uthamtning/${d.handed}/fil`}>{t('pickup.download')}</a>
            </li>
          </ul>
        </NotificationBanner>
      ) : null}
      {d.handedDecision ? (
        <NotificationBanner variant="success" title={t('office:case.flash.title')}>
          <p className="notification-banner__heading">{t('decisionPickup.handed')}</p>
          <p className="body">{t('decisionPickup.handedNext')}</p>
          {/* A plain link, not <Link>: a PDF, not a page of the app. */}
          <p className="body">
            <a href={`/personal/uthamtning/beslut/${d.handedDecision}`}>{t('decisionPickup.print')}</a>
          </p>
        </NotificationBanner>
      ) : null}
      {result && 'error' in result ? <p className="error-message">{t(`pickup.errors.${result.error}`)}</p> : null}
      {result && 'decisionError' in result ? <p className="error-message">{t(`decisionPickup.errors.${result.decisionError}`)}</p> : null}
      <span className="caption-l">{t('person.caption')}</span>
      <h1 className="heading-l">{p.name}</h1>
      <SummaryList
        rows={[
          { key: t('person.pnr'), value: p.pnrMasked },
          { key: t('person.checked'), value: how },
        ]}
      />

      <h2 className="heading-m">{t('person.casesTitle')}</h2>
      {d.cases.length === 0 ? (
        <p className="body">{t('person.noCases')}</p>
      ) : (
        <Table
          caption={t('person.casesCaption')}
          captionSize="s"
          head={[t('person.columns.case'), t('person.columns.pua'), t('person.columns.status'), t('person.columns.received'), t('person.columns.deadline'), t('person.columns.contact')]}
          firstCellIsHeader
          rows={d.cases.map((c) => ({
            key: c.id,
            cells: [
              <>
                {c.diarienummer}
                <br />
                <span className="hint">{t(`request:kinds.${c.kind}`)}</span>
              </>,
              c.pua.name,
              t(`office:status.${c.status}`),
              formatLongDate(c.receivedDate, d.locale),
              formatLongDate(c.deadline, d.locale),
              <>
                {c.pua.email ? <a href={`mailto:${c.pua.email}`}>{c.pua.email}</a> : null}
                {c.pua.phone ? (
                  <>
                    <br />
                    {c.pua.phone}
                  </>
                ) : null}
              </>,
            ],
          }))}
        />
      )}
      <InsetText>{t('person.refer')}</InsetText>

      {d.mayRegister ? (
        <>
          <h2 className="heading-m">{t('person.newRequestHeading')}</h2>
          <p className="body">{t('person.newRequestBody')}</p>
          <p className="body">
            <Link to={`/personal/besokare/${d.checkId}/begaran`} className="button">
              {t('person.newRequest', { name: p.name })}
            </Link>
          </p>
        </>
      ) : null}

      {d.pickups ? (
        <>
          <h2 className="heading-m">{t('pickup.forPerson')}</h2>
          {d.pickups.length === 0 ? <p className="body">{t('pickup.noneForPerson')}</p> : null}
          {d.pickups.map((pk) => (
            <Form method="post" key={pk.packageId} className="section">
              <CsrfInput />
              <input type="hidden" name="packageId" value={pk.packageId} />
              <p className="body">{t('pickup.item', { diarienummer: pk.diarienummer, pua: pk.puaName })}</p>
              {pk.expired ? (
                <p className="body">{t('pickup.expired')}</p>
              ) : (
                <Button name="intent" value="handover">
                  {t('pickup.handover', { diarienummer: pk.diarienummer })}
                </Button>
              )}
            </Form>
          ))}
        </>
      ) : null}

      {d.decisions ? (
        <>
          <h2 className="heading-m">{t('decisionPickup.forPerson')}</h2>
          {d.decisions.length === 0 ? (
            <p className="body">{t('decisionPickup.noneForPerson')}</p>
          ) : (
            <p className="body">{t('decisionPickup.notice')}</p>
          )}
          {d.decisions.map((dec) => (
            <Form method="post" key={dec.decisionId} className="section">
              <CsrfInput />
              <input type="hidden" name="decisionId" value={dec.decisionId} />
              <p className="body">{t('decisionPickup.item', { date: formatLongDate(dec.decidedOn, d.locale), diarienummer: dec.diarienummer, pua: dec.puaName })}</p>
              <Button name="intent" value="handover-decision">
                {t('decisionPickup.handover', { diarienummer: dec.diarienummer })}
              </Button>
            </Form>
          ))}
        </>
      ) : null}
    </>
  );
}
