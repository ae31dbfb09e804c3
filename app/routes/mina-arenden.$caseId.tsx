import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { DecisionSection } from '~/components/case/decision-section';
import { DocumentList } from '~/components/case/document-list';
import { MessageForm } from '~/components/case/message-form';
import { MessageThread } from '~/components/case/message-thread';
import { UtdragSection, type ResidentUtdrag } from '~/components/case/utdrag-section';
import { telHref } from '~/components/kommun-contacts';
import { BackLink } from '~/components/ui/back-link';
import { ErrorSummary } from '~/components/ui/error-summary';
import { NotificationBanner } from '~/components/ui/notification-banner';
import { SummaryList } from '~/components/ui/summary-list';
import { CaseStatusTag } from '~/components/case/status-tag';
import { canWithdraw, type CaseStatus } from '~/domain/case-status';
import { MAX_FILES } from '~/domain/file-types';
import { caseClock } from '~/models/case-clock.server';
import { listPublishedDocuments } from '~/models/case-documents.server';
import { listCaseMessages, openRequests, sendResidentMessage, MAX_MESSAGE_LENGTH } from '~/models/case-messages.server';
import { listCaseAppeals } from '~/models/appeals.server';
import { residentDecisions } from '~/models/decisions.server';
import { getResidentCase } from '~/models/resident-cases.server';
import { currentUtdragPackage } from '~/models/utdrag-package.server';
import { requireResidentId } from '~/utils/auth.server';
import { validateCsrf } from '~/utils/csrf.server';
import { todayInStockholm } from '~/utils/dates.server';
import { db } from '~/utils/db.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { formatLongDate } from '~/utils/text-format';
import { formatTrackingNumber } from '~/domain/tracking-number';
import { parseUploadForm } from '~/utils/uploads.server';

export const handle = { i18n: ['account', 'request'] };

/** Events the resident's timeline has words for; anything newer reads "Ärendet uppdaterades". */
const KNOWN_EVENTS = new Set([
  'received', 'registered', 'closed.granted', 'rerouted', 'rerouted.from', 'withdrawn', 'message.from_resident', 'message.to_resident', 'information.requested', 'information.provided', 'deadline.extended', 'document.published',
  'decision.decided', 'decision.notified', 'appeal.received', 'appeal.forwarded', 'appeal.avvisad', 'appeal.lapsed', 'appeal.court_decided', 'utdrag.released',
  'utdrag.sent', 'utdrag.ready_for_pickup', 'utdrag.handed_over', 'delivery.changed',
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const residentId = await requireResidentId(request);
  const found = await getResidentCase(params.caseId ?? '', residentId);
  if (!found) throw new Response('Not Found', { status: 404 });
  const [t, locale, messages, documents, clock, decisions, appeals, utdragPackage] = await Promise.all([
    i18next.getFixedT(request, ['request', 'common']),
    i18next.getLocale(request),
    listCaseMessages(found.id),
    listPublishedDocuments(found.id),
    caseClock(db(), found),
    residentDecisions(found.id),
    listCaseAppeals(found.id),
    // Only after getResidentCase has found the case to be the resident's own.
    currentUtdragPackage(found.id),
  ]);
  const outstanding = openRequests(messages);
  const flash = new URL(request.url).searchParams.get('klart');
  return json({
    title: `${t(`request:kinds.${found.kind}`)} ${found.diarienummer} – ${t('common:service.name')}`,
    locale,
    flash: flash === 'meddelande' || flash === 'aterkallad' || flash === 'overklagat' ? flash : null,
    case: {
      id: found.id,
      kind: found.kind,
      diarienummer: found.diarienummer,
      status: found.status,
      receivedDate: found.receivedDate,
      deadline: found.deadline,
      extendedOn: found.extendedOn,
      extensionReason: found.extensionReason,
      puaName: found.puaName,
      kommunName: found.kommunName,
      rights: found.rights,
      puaEmail: found.puaEmail,
      puaPhone: found.puaPhone,
      reference: found.reference,
      forOther: found.relation !== 'self' && found.filedByResidentId === residentId ? { relation: found.relation, name: found.subjectName } : null,
    },
    // The limit lives in a .server module, which the browser bundle does not have.
    maxMessageLength: MAX_MESSAGE_LENGTH,
    paused: clock.status === 'paused',
    openRequest: outstanding[0] ? { kind: outstanding[0].kind } : null,
    canWithdraw: canWithdraw(found.status as CaseStatus),
    canWrite: found.status !== 'closed' && found.status !== 'withdrawn',
    events: found.events.map((e) => ({
      date: todayInStockholm(e.at),
      // i18n keys cannot contain the '.' of event types.
      type: KNOWN_EVENTS.has(e.type) ? e.type.replace('.', '_') : 'other',
      to: e.type === 'deadline.extended' && typeof e.data.to === 'string' ? e.data.to : null,
    })),
    messages: messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), answeredAt: m.answeredAt?.toISOString() ?? null })),
    documents: documents.map((d) => ({ id: d.id, kind: d.kind, title: d.title, size: d.size, publishedAt: d.publishedAt.toISOString() })),
    decisions,
    appeals: appeals.map((a) => ({ id: a.id, receivedOn: a.receivedOn!, status: a.status })),
    utdrag: residentUtdrag(utdragPackage),
  });
}

/** A package shows once it is built; past its last day (or removed from the store) it is gone, and the download route refuses it too. */
function residentUtdrag(p: Awaited<ReturnType<typeof currentUtdragPackage>>): ResidentUtdrag | null {
  if (!p || (p.status !== 'built' && p.status !== 'delivered' && p.status !== 'removed')) return null;
  // A letter not yet posted is the samordnare's business; the resident hears of it once it is sent.
  // Whether sent or handed over stays true after the nightly purge has removed the file.
  if (p.deliveryMethod === 'registered_post') return p.sentOn ? { method: 'registered_post', sentOn: p.sentOn, trackingNumber: p.trackingNumber ? formatTrackingNumber(p.trackingNumber) : null } : null;
  const expired = p.status === 'removed' || (!!p.availableUntil && p.availableUntil < todayInStockholm());
  if (p.deliveryMethod === 'reception') return { method: 'reception', handedOver: !!p.handoverCheckId, availableUntil: p.availableUntil, expired };
  return { method: 'portal', size: p.size, availableUntil: p.availableUntil, expired };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

type ActionData = { errors: { body?: string; files?: string }; body: string };

/** Sends the resident's message (multipart, so it works without JavaScript). */
export async function action({ request, params }: ActionFunctionArgs) {
  const residentId = await requireResidentId(request);
  const { formData, files, errors } = await parseUploadForm(request, { fieldName: 'files', maxFiles: MAX_FILES });
  await validateCsrf(formData, request);
  const body = String(formData.get('body') ?? '');
  const problems: ActionData['errors'] = {};
  if (errors.length) problems.files = `upload.${errors[0]!.code}|${errors[0]!.filename}`;
  if (body.length > MAX_MESSAGE_LENGTH) problems.body = 'tooLong';
  if (!problems.files && !problems.body) {
    const sent = await sendResidentMessage({ caseId: params.caseId ?? '', residentId, body, files });
    if (sent.ok) return redirect(`/mina-arenden/${params.caseId}?klart=meddelande#meddelanden`);
    if (sent.error === 'not-found') throw new Response('Not Found', { status: 404 });
    if (sent.error === 'empty') problems.body = 'empty';
    else if (sent.error === 'too-long') problems.body = 'tooLong';
    else problems.body = 'closed';
  }
  // All of it comes back, however long (parseUploadForm caps a field at 256 KiB): the person
  // shortens their own text rather than finding it cut.
  return json<ActionData>({ errors: problems, body }, { status: 400 });
}

export default function ResidentCase() {
  const { t } = useTranslation(['account', 'request']);
  const { case: c, locale, events, messages, documents, decisions, appeals, utdrag, paused, openRequest, canWithdraw: withdrawable, canWrite, flash, maxMessageLength } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const number = (n: number) => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'sv-SE').format(n);
  const errorText = (code: string | undefined) => {
    if (!code) return undefined;
    if (code.startsWith('upload.')) {
      const [key, filename] = code.slice('upload.'.length).split('|');
      return t(`request:steps.bilagor.errors.${key}`, { filename });
    }
    const over = Math.max(1, (result?.body.length ?? 0) - maxMessageLength);
    return t(`messages.errors.${code}`, { max: number(maxMessageLength), count: over, over: number(over) });
  };
  const errors = { body: errorText(result?.errors.body), files: errorText(result?.errors.files) };
  const summaryErrors = [
    errors.body ? { fieldId: 'body', message: errors.body } : null,
    errors.files ? { fieldId: 'files', message: errors.files } : null,
  ].filter((e): e is { fieldId: string; message: string } => e !== null);
  const deadline = (
    <>
      {formatLongDate(c.deadline, locale)}
      {c.extendedOn ? (
        <>
          <br />
          {t('case.extended', { date: formatLongDate(c.extendedOn, locale) })} {t('case.extensionReason', { reason: c.extensionReason })}
        </>
      ) : null}
      {paused ? (
        <>
          <br />
          {t('case.paused')}
        </>
      ) : null}
    </>
  );
  const fileHref = (id: string) => `/mina-arenden/${c.id}/filer/${id}`;
  const documentHref = (id: string) => `/mina-arenden/${c.id}/dokument/${id}`;

  return (
    <>
      <BackLink to="/mina-arenden">{t('case.back')}</BackLink>
      {summaryErrors.length ? <ErrorSummary errors={summaryErrors} /> : null}
      {flash === 'aterkallad' || flash === 'overklagat' ? <SuccessBanner>{t(`case.flash.${flash}`, { puaName: c.puaName })}</SuccessBanner> : null}
      {openRequest ? (
        <NotificationBanner title={t('case.actionNeeded.title')}>
          <p className="notification-banner__heading">{t(`case.actionNeeded.${openRequest.kind}`, { puaName: c.puaName })}</p>
          <p className="body">
            <a href="#body">{t('case.actionNeeded.answer')}</a>
          </p>
        </NotificationBanner>
      ) : null}
      <span className="caption-l">
        {c.puaName}, {c.kommunName}
      </span>
      <h1 className="heading-l">
        {t(`request:kinds.${c.kind}`)} {c.diarienummer}
      </h1>
      {c.forOther ? <p className="body">{t('cases.filedFor', { name: c.forOther.name })} ({t(`cases.filedForLabel.${c.forOther.relation}`)})</p> : null}
      <SummaryList
        rows={[
          { key: t('case.status'), value: <CaseStatusTag status={c.status}>{t(`status.${c.status}`)}</CaseStatusTag> },
          { key: t('case.rights'), value: c.rights.map((r) => t(`request:rights.${r}.name`)).join(', ') },
          { key: t('case.received'), value: formatLongDate(c.receivedDate, locale) },
          // A withdrawn request gets no answer: its deadline would only mislead.
          ...(c.status === 'withdrawn' ? [] : [{ key: t('case.deadline'), value: deadline }]),
          { key: t('case.reference'), value: c.reference },
        ]}
      />

      {/* After sending, the page opens at #meddelanden: the banner sits there, where the person lands. */}
      <div id="meddelanden">
        {flash === 'meddelande' ? <SuccessBanner>{t('case.flash.meddelande', { puaName: c.puaName })}</SuccessBanner> : null}
        <h2 className="heading-m">{t('messages.title')}</h2>
        <MessageThread messages={messages} puaName={c.puaName} fileHref={fileHref} locale={locale} closed={!canWrite} />
        {canWrite ? (
          <MessageForm
            key={messages.length}
            answering={openRequest !== null}
            errors={errors}
            body={result?.body ?? ''}
            maxLength={number(maxMessageLength)}
            filesDropped={!!result && result.errors.body !== 'empty'}
          />
        ) : (
          <p className="body">{t(c.status === 'withdrawn' ? 'messages.withdrawn' : 'messages.closed', { puaName: c.puaName })}</p>
        )}
      </div>

      <h2 className="heading-m">{t('documents.title')}</h2>
      <DocumentList documents={documents} href={documentHref} locale={locale} puaName={c.puaName} closed={!canWrite} />

      <UtdragSection utdrag={utdrag} href={`/mina-arenden/${c.id}/registerutdrag`} locale={locale} puaName={c.puaName} contactId="fragor-om-arendet" />

      <DecisionSection caseId={c.id} decisions={decisions} appeals={appeals} locale={locale} />

      <h2 className="heading-m">{t('case.timeline')}</h2>
      <ol className="list timeline">
        {events.map((e, i) => (
          <li key={i}>
            <strong>{formatLongDate(e.date, locale)}</strong>: {t(`case.events.${e.type}`, { puaName: c.puaName, date: e.to ? formatLongDate(e.to, locale) : '' })}
          </li>
        ))}
      </ol>

      <h2 className="heading-m" id="fragor-om-arendet">
        {t('case.help.title')}
      </h2>
      <p className="body">{t('case.help.text', { puaName: c.puaName })}</p>
      <ul className="list">
        <li>
          {t('case.help.email')}: <a href={`mailto:${c.puaEmail}`}>{c.puaEmail}</a>
        </li>
        {c.puaPhone ? (
          <li>
            {t('case.help.phone')}: <a href={telHref(c.puaPhone)}>{c.puaPhone}</a>
          </li>
        ) : null}
      </ul>
      {withdrawable ? (
        <>
          <h2 className="heading-m">{t('case.withdraw.title')}</h2>
          <p className="body">{t('case.withdraw.text', { puaName: c.puaName })}</p>
          <p className="body">
            <Link to={`/mina-arenden/${c.id}/aterkalla`}>{t('case.withdraw.link')}</Link>
          </p>
        </>
      ) : null}
    </>
  );
}

function SuccessBanner({ children }: { children: string }) {
  const { t } = useTranslation('account');
  return (
    <NotificationBanner variant="success" title={t('case.flash.title')}>
      <p className="notification-banner__heading">{children}</p>
    </NotificationBanner>
  );
}
