/**
 * One case in the back office (issue #5): who asks and for whom, the request, deadlines, the
 * timeline, messages, and the actions the staff member's access allows (app/domain/case-access.ts).
 * Every action is a POST with an `intent`; each checks its own access flag again on the server.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { MessageThread } from '~/components/case/message-thread';
import { CaseActions } from '~/components/office/case-actions';
import { CaseTimeline } from '~/components/office/case-timeline';
import { MeetingSection } from '~/components/office/meeting-section';
import { TaskList } from '~/components/office/task-list';
import { DaysLeft } from '~/components/office/days-left';
import { RequestDetails } from '~/components/office/request-details';
import { BackLink } from '~/components/ui/back-link';
import { ErrorSummary } from '~/components/ui/error-summary';
import { NotificationBanner } from '~/components/ui/notification-banner';
import { SummaryList } from '~/components/ui/summary-list';
import { CaseStatusTag } from '~/components/case/status-tag';
import { Tag } from '~/components/ui/tag';
import { CsrfInput } from '~/components/csrf-input';
import { Form } from '@remix-run/react';
import { internalSlaStatus } from '~/domain/internal-sla';
import { MAX_FILES } from '~/domain/file-types';
import { formatPersonnummer, maskPersonnummer } from '~/domain/personnummer';
import { addNote, assignCase, claimProtectedCase, closeCase, registerCase, revealPersonnummer, type HandlingResult } from '~/models/case-handling.server';
import { extendCaseDeadline } from '~/models/case-extension.server';
import { listCaseTasks, sendTask, taskRecipients } from '~/models/case-tasks.server';
import { listMeetings, recordMeeting } from '~/models/case-meetings.server';
import { rerouteCase, rerouteTargets } from '~/models/case-reroute.server';
import { listCaseMessages, listSubmissionFiles, sendStaffMessage, type MessageKind } from '~/models/case-messages.server';
import { assignableStaff, getStaffCase } from '~/models/staff-cases.server';
import { requireCaseScope } from '~/utils/auth.server';
import { DecisionList } from '~/components/office/decision-list';
import { nextStatus, type CaseStatus } from '~/domain/case-status';
import { isIsoDate } from '~/domain/iso-date';
import { appealDeadline } from '~/domain/deadlines';
import { listCaseAppeals } from '~/models/appeals.server';
import { recordPostalNotification } from '~/models/decision-notification.server';
import { listCaseDecisions } from '~/models/decisions.server';
import { validateCsrf } from '~/utils/csrf.server';
import { todayInStockholm } from '~/utils/dates.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { decryptPersonnummer } from '~/utils/pnr-crypto.server';
import { formatLongDate } from '~/utils/text-format';
import { parseUploadForm } from '~/utils/uploads.server';

export const handle = { i18n: ['office', 'account', 'request'] };

async function loadCase(request: Request, caseId: string | undefined) {
  const { scope } = await requireCaseScope(request);
  const found = await getStaffCase(caseId ?? '', scope);
  if (!found) throw new Response('Not Found', { status: 404 });
  return { scope, found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, found } = await loadCase(request, params.caseId);
  const [t, locale, messages, staff, files, tasks, recipients, meetings, targets, decisionRows, appealRows] = await Promise.all([
    i18next.getFixedT(request, ['office', 'request', 'common']),
    i18next.getLocale(request),
    found.content ? listCaseMessages(found.id) : Promise.resolve([]),
    found.access.assign ? assignableStaff(found.puaId, found.kommunId) : Promise.resolve([]),
    found.content ? listSubmissionFiles(found.submissionId) : Promise.resolve([]),
    found.content ? listCaseTasks(found.id) : Promise.resolve([]),
    found.access.handle ? taskRecipients(found.puaId, found.kommunId) : Promise.resolve([]),
    found.content && found.kind === 'forandring' ? listMeetings(found.id) : Promise.resolve([]),
    found.access.register ? rerouteTargets(found.puaId, found.kommunId) : Promise.resolve([]),
    found.content ? listCaseDecisions(found.id) : Promise.resolve([]),
    found.content ? listCaseAppeals(found.id) : Promise.resolve([]),
  ]);
  const today = todayInStockholm();
  const flash = new URL(request.url).searchParams.get('klart');
  return json({
    title: `${found.diarienummer} – ${t('office:case.title')} – ${t('common:service.name')}`,
    locale,
    today,
    flash,
    access: found.access,
    case: {
      id: found.id,
      diarienummer: found.diarienummer,
      puaName: found.puaName,
      kind: found.kind,
      rights: found.rights,
      status: found.status,
      receivedDate: found.receivedDate,
      deadline: found.deadline,
      extendedOn: found.extendedOn,
      extensionReason: found.extensionReason,
      protectedIdentity: found.protectedIdentity,
      assigneeId: found.assigneeStaffId,
      assigneeName: found.assigneeName,
      reference: found.reference,
      channel: found.channel,
      relation: found.relation,
    },
    sla: internalSlaStatus({
      received: found.receivedDate,
      kind: found.kind,
      today,
      firstTaskSentOn: tasks.map((x) => x.sentOn).sort()[0] ?? null,
      meetingHeldOn: meetings.map((m) => m.heldOn).sort()[0] ?? null,
    }),
    meetings,
    targets,
    content: found.content
      ? {
        subjectName: found.content.subjectName,
        subjectPnrMasked: maskPersonnummer(decryptPersonnummer(found.content.subjectPnrCiphertext)),
        answers: found.content.answers,
        events: found.content.events.map((e) => ({ ...e, at: e.at.toISOString() })),
      }
      : null,
    messages: messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), answeredAt: m.answeredAt?.toISOString() ?? null })),
    staff,
    files,
    tasks: tasks.map((task) => ({ ...task, answeredAt: task.answeredAt?.toISOString() ?? null })),
    recipients: recipients.map((r) => ({ id: r.id, name: r.name, role: r.role })),
    decisions: decisionRows.map(({ decision: d, decidedBy, proposedBy }) => ({
      id: d.id,
      type: d.type,
      status: d.status,
      decidedOn: d.decidedOn,
      decidedBy,
      proposedBy,
      delegationPoint: d.delegationPoint?.number ?? null,
      documentId: d.documentId,
      notifiedOn: d.notifiedOn,
      notificationMethod: d.notificationMethod,
      appealDeadline: d.notifiedOn ? appealDeadline(d.notifiedOn) : null,
      appealable: d.appealInstructions !== 'not_applicable',
    })),
    appeals: appealRows.map((a) => ({ id: a.id, status: a.status, receivedOn: a.receivedOn!, channel: a.channel })),
    // A decision on the request itself, while the case is being handled (the state machine allows
    // 'decide' only before the case is decided, so it is taken once).
    canDecide: found.access.handle && scope.decidePua.includes(found.puaId) && nextStatus(found.status as CaseStatus, 'decide') !== null,
    canCompile: found.access.handle && scope.compilePua.includes(found.puaId) && (found.rights as string[]).includes('registerutdrag'),
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

type ActionData = { errors?: Record<string, string>; revealed?: string; values?: Record<string, string> };

const MESSAGE_KINDS: MessageKind[] = ['message', 'clarification_request', 'identity_request'];

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, found } = await loadCase(request, params.caseId);
  const { formData, files, errors: uploadErrors } = await parseUploadForm(request, { fieldName: 'files', maxFiles: MAX_FILES });
  await validateCsrf(formData, request);
  const intent = String(formData.get('intent') ?? '');
  const field = (name: string) => String(formData.get(name) ?? '');
  const staffId = scope.staffId;
  const caseId = found.id;
  const done = (key: string) => redirect(`/personal/arenden/${caseId}?klart=${key}`);
  const refused = (result: HandlingResult, errorField: string) => {
    if (result.ok) return null;
    return json<ActionData>({ errors: { [errorField]: result.error } }, { status: result.error === 'not-found' ? 404 : 400 });
  };
  const deny = () => {
    throw new Response('Not Found', { status: 404 });
  };

  switch (intent) {
    case 'reveal': {
      if (!found.access.content) return deny();
      const pnr = await revealPersonnummer({ caseId, staffId });
      return json<ActionData>({ revealed: pnr ? formatPersonnummer(pnr) : undefined });
    }
    case 'register': {
      if (!found.access.register) return deny();
      const assigneeId = field('assigneeId') || null;
      return refused(await registerCase({ caseId, staffId, assigneeId: found.access.assign ? assigneeId : null }), 'register') ?? done('registrerat');
    }
    case 'assign': {
      if (!found.access.assign) return deny();
      const allowed = (await assignableStaff(found.puaId, found.kommunId)).map((s) => s.id);
      return refused(await assignCase({ caseId, staffId, assigneeId: field('assigneeId'), allowed }), 'assigneeId') ?? done('tilldelat');
    }
    case 'claim': {
      if (!found.access.claim) return deny();
      return refused(await claimProtectedCase({ caseId, staffId }), 'claim') ?? done('namngiven');
    }
    case 'note': {
      if (!found.access.handle) return deny();
      const result = await addNote({ caseId, staffId, text: field('note') });
      return result.ok ? done('anteckning') : json<ActionData>({ errors: { note: 'noteInvalid' }, values: { note: field('note') } }, { status: 400 });
    }
    case 'message': {
      if (!found.access.handle) return deny();
      const kind = MESSAGE_KINDS.find((k) => k === field('kind')) ?? 'message';
      if (uploadErrors.length) return json<ActionData>({ errors: { files: uploadErrors[0]!.code }, values: { body: field('body'), kind } }, { status: 400 });
      const result = await sendStaffMessage({ caseId, staffId, body: field('body'), kind, files });
      return result.ok ? done('meddelande') : json<ActionData>({ errors: { body: `message.${result.error}` }, values: { body: field('body'), kind } }, { status: 400 });
    }
    case 'task': {
      if (!found.access.handle) return deny();
      const allowed = (await taskRecipients(found.puaId, found.kommunId)).map((r) => r.id);
      const result = await sendTask({ caseId, staffId, assigneeId: field('taskAssigneeId'), instructions: field('instructions'), allowed });
      if (result.ok) return done('uppdrag');
      const errorField = result.error === 'invalid' ? 'taskAssigneeId' : 'instructions';
      return json<ActionData>({ errors: { [errorField]: `task.${result.error}` }, values: { instructions: field('instructions'), taskAssigneeId: field('taskAssigneeId') } }, { status: 400 });
    }
    case 'reroute': {
      if (!found.access.register) return deny();
      const result = await rerouteCase({ caseId, staffId, targetPuaId: field('targetPuaId') });
      if (!result.ok) return json<ActionData>({ errors: { targetPuaId: `reroute.${result.error}` } }, { status: 400 });
      return redirect(`/personal/arenden/${caseId}?klart=vidare`);
    }
    case 'meeting': {
      if (!found.access.handle) return deny();
      const result = await recordMeeting({ caseId, staffId, heldOn: field('heldOn'), participants: field('participants'), conclusion: field('conclusion'), today: todayInStockholm() });
      if (result.ok) return done('mote');
      return json<ActionData>({ errors: Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [k, `meeting.${v}`])), values: { heldOn: field('heldOn'), participants: field('participants'), conclusion: field('conclusion') } }, { status: 400 });
    }
    case 'extend': {
      if (!found.access.handle) return deny();
      const result = await extendCaseDeadline({ caseId, staffId, reason: field('reason') });
      return result.ok ? done('forlangt') : json<ActionData>({ errors: { reason: `extend.${result.error}` }, values: { reason: field('reason') } }, { status: 400 });
    }
    case 'notified': {
      if (!found.access.handle) return deny();
      const notifiedOn = field('notifiedOn').trim();
      if (!isIsoDate(notifiedOn)) return json<ActionData>({ errors: { notifiedOn: 'date' } }, { status: 400 });
      const result = await recordPostalNotification({ decisionId: field('decisionId'), caseId, staffId, notifiedOn });
      return result.ok ? done('delgivet') : json<ActionData>({ errors: { notifiedOn: result.error } }, { status: 400 });
    }
    case 'close': {
      if (!found.access.handle) return deny();
      const outcome = field('outcome') === 'withdrawn' ? 'withdrawn' : field('outcome') === 'granted' ? 'granted' : null;
      if (!outcome) return json<ActionData>({ errors: { outcome: 'outcomeRequired' } }, { status: 400 });
      return refused(await closeCase({ caseId, staffId, outcome }), 'outcome') ?? done('avslutat');
    }
    default:
      throw new Response('Bad Request', { status: 400 });
  }
}

export default function StaffCasePage() {
  const { t } = useTranslation(['office', 'account', 'request']);
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const { case: c, content, access, locale, today, sla } = data;
  const errors = Object.entries(result?.errors ?? {}).map(([fieldId, key]) => ({ fieldId, message: t(`errors.${key}`) }));

  return (
    <>
      <BackLink to="/personal/arenden">{t('case.back')}</BackLink>
      {errors.length ? <ErrorSummary errors={errors} /> : null}
      {data.flash ? (
        <NotificationBanner variant="success" title={t('case.flash.title')}>
          <p className="notification-banner__heading">{t(`case.flash.${data.flash}`, { defaultValue: t('case.flash.saved') })}</p>
        </NotificationBanner>
      ) : null}
      <span className="caption-l">{c.puaName}</span>
      <h1 className="heading-l">
        {t(`request:kinds.${c.kind}`)} {c.diarienummer}
      </h1>
      {c.protectedIdentity ? <p className="body"><Tag colour="red">{t('case.protected')}</Tag> {t('case.protectedText')}</p> : null}
      <SummaryList
        rows={[
          { key: t('case.status'), value: <CaseStatusTag status={c.status}>{t(`status.${c.status}`)}</CaseStatusTag> },
          {
            key: t('case.subject'),
            value: content ? (
              <>
                {content.subjectName}, {result?.revealed ?? content.subjectPnrMasked}
                {!result?.revealed ? (
                  <Form method="post" className="inline-form">
                    <CsrfInput />
                    <button type="submit" name="intent" value="reveal" className="link-button">
                      {t('case.reveal')}
                    </button>
                  </Form>
                ) : null}
                {c.relation !== 'self' ? (
                  <>
                    <br />
                    {t(`case.relation.${c.relation}`)}
                  </>
                ) : null}
              </>
            ) : (
              t('case.hidden')
            ),
          },
          { key: t('case.rights'), value: c.rights.map((r) => t(`request:rights.${r}.name`)).join(', ') },
          { key: t('case.channel'), value: t(`case.channels.${c.channel}`) },
          { key: t('case.received'), value: formatLongDate(c.receivedDate, locale) },
          {
            key: t('case.deadline'),
            value: (
              <>
                {formatLongDate(c.deadline, locale)} <DaysLeft today={today} deadline={c.deadline} status={c.status} />
                {c.extendedOn ? (
                  <>
                    <br />
                    {t('case.extended', { date: formatLongDate(c.extendedOn, locale), reason: c.extensionReason })}
                  </>
                ) : null}
              </>
            ),
          },
          {
            key: t('case.internal'),
            value: (
              <ul className="list">
                {sla.map((item) => (
                  <li key={item.key}>
                    {t(`sla.${item.key}`, { date: formatLongDate(item.due, locale) })}{' '}
                    {item.state === 'overdue' ? <strong className="days-left--overdue">{t(`sla.states.${item.state}`)}</strong> : <span className="hint">{t(`sla.states.${item.state}`, { date: item.doneOn ? formatLongDate(item.doneOn, locale) : '' })}</span>}
                  </li>
                ))}
              </ul>
            ),
          },
          { key: t('case.assignee'), value: c.assigneeName ?? t('inbox.unassigned') },
          { key: t('case.reference'), value: c.reference },
        ]}
      />
      {content ? (
        <>
          <h2 className="heading-m">{t('case.request')}</h2>
          <RequestDetails rights={c.rights} answers={content.answers} />
          <h3 className="heading-s">{t('case.files')}</h3>
          {data.files.length ? (
            <ul className="list">
              {data.files.map((f) => (
                <li key={f.id}>
                  <a href={`/personal/arenden/${c.id}/filer/${f.id}`}>
                    {f.filename}
                  </a>{' '}
                  ({t(`case.filePurpose.${f.purpose}`, { defaultValue: f.purpose })})
                </li>
              ))}
            </ul>
          ) : (
            <p className="body">{t('case.noFiles')}</p>
          )}
          <h2 className="heading-m" id="meddelanden">
            {t('case.messages')}
          </h2>
          <MessageThread messages={data.messages} puaName={c.puaName} fileHref={(id) => `/personal/arenden/${c.id}/filer/${id}`} locale={locale} fromResidentLabel={t('case.fromResident')} />
        </>
      ) : null}
      {content ? (
        <>
          <h2 className="heading-m" id="uppdrag">
            {t('case.tasks')}
          </h2>
          <TaskList tasks={data.tasks} today={today} locale={locale} fileHref={(id) => `/personal/arenden/${c.id}/filer/${id}`} />
        </>
      ) : null}
      {content && c.kind === 'forandring' ? <MeetingSection meetings={data.meetings} canRecord={access.handle} today={today} locale={locale} errors={result?.errors ?? {}} values={result?.values ?? {}} /> : null}
      {data.canCompile ? (
        <>
          <h2 className="heading-m" id="registerutdrag">
            {t('office:utdrag.title')}
          </h2>
          <p className="body">
            <Link to={`/personal/arenden/${c.id}/registerutdrag`}>{t('office:utdrag.open')}</Link>
          </p>
        </>
      ) : null}
      {content ? (
        <DecisionList caseId={c.id} locale={locale} decisions={data.decisions} appeals={data.appeals} canDecide={data.canDecide} canHandle={access.handle} notifiedError={result?.errors?.notifiedOn ? t(`office:decision.errors.${result.errors.notifiedOn}`) : undefined} />
      ) : null}
      <CaseActions access={access} status={c.status} extended={c.extendedOn !== null} assigneeId={c.assigneeId} staff={data.staff} recipients={data.recipients} targets={data.targets} errors={result?.errors ?? {}} values={result?.values ?? {}} />
      {content ? (
        <>
          <h2 className="heading-m">{t('case.timeline')}</h2>
          <CaseTimeline events={content.events} locale={locale} />
        </>
      ) : null}
    </>
  );
}
