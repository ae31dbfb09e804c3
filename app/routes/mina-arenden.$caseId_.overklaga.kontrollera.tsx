/** The appeal once more, then signed with BankID (issue #6). */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { BankIdMethodButtons } from '~/components/bankid/method-buttons';
import { CsrfInput } from '~/components/csrf-input';
import { BackLink } from '~/components/ui/back-link';
import { SummaryList } from '~/components/ui/summary-list';
import { appealableDecisions, getAppealDraft } from '~/models/appeals.server';
import { requireResidentId } from '~/utils/auth.server';
import { startAppealSigning } from '~/utils/appeal-signing.server';
import { validateCsrf } from '~/utils/csrf.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { formatLongDate } from '~/utils/text-format';

export const handle = { i18n: ['account', 'request', 'bankid'] };

async function load(request: Request, caseId: string | undefined) {
  const residentId = await requireResidentId(request);
  const draft = await getAppealDraft(caseId ?? '', residentId);
  if (!draft) throw redirect(`/mina-arenden/${caseId}/overklaga`);
  return { residentId, draft };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { draft } = await load(request, params.caseId);
  const t = await i18next.getFixedT(request, ['account', 'common']);
  const decision = (await appealableDecisions(draft.caseId)).find((d) => d.id === draft.decisionId);
  return json({
    title: `${t('account:appeal.checkTitle')} – ${t('common:service.name')}`,
    locale: await i18next.getLocale(request),
    caseId: draft.caseId,
    diarienummer: draft.diarienummer,
    decidedOn: decision?.decidedOn ?? null,
    changeWanted: draft.changeWanted,
    reasons: draft.reasons,
    files: draft.files.map((f) => f.filename),
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { residentId, draft } = await load(request, params.caseId);
  const form = await request.formData();
  await validateCsrf(form, request);
  const method = form.get('method');
  if (method !== 'qr' && method !== 'autostart') throw new Response('Bad Request', { status: 400 });
  return startAppealSigning(request, context, draft, residentId, method);
}

export default function CheckAppeal() {
  const { t } = useTranslation(['account']);
  const d = useLoaderData<typeof loader>();
  const change = (what: string) => ({ to: `/mina-arenden/${d.caseId}/overklaga`, visuallyHiddenText: what });
  return (
    <>
      <BackLink to={`/mina-arenden/${d.caseId}/overklaga`}>{t('appeal.back')}</BackLink>
      <span className="caption-l">{d.diarienummer}</span>
      <h1 className="heading-l">{t('appeal.checkTitle')}</h1>
      <SummaryList
        rows={[
          { key: t('appeal.which'), value: d.decidedOn ? t('appeal.decisionLabel', { date: formatLongDate(d.decidedOn, d.locale) }) : '', change: change(t('appeal.which')) },
          { key: t('appeal.change'), value: <span className="text-block">{d.changeWanted}</span>, change: change(t('appeal.change')) },
          { key: t('appeal.reasons'), value: <span className="text-block">{d.reasons || t('appeal.none')}</span>, change: change(t('appeal.reasons')) },
          { key: t('appeal.files'), value: d.files.length ? d.files.join(', ') : t('appeal.none'), change: change(t('appeal.files')) },
        ]}
      />
      <h2 className="heading-m">{t('appeal.signHeading')}</h2>
      <p className="body">{t('appeal.signBody')}</p>
      <Form method="post">
        <CsrfInput />
        <BankIdMethodButtons />
      </Form>
    </>
  );
}
