/**
 * Signing an appeal with BankID (issue #6): the same reusable step as a request
 * (app/utils/bankid/sign.server.ts). The visible text says which decision is appealed and what
 * change is wanted; the hidden data is the SHA-256 of the appeal (app/models/appeals.server.ts
 * `appealPayload`). The appeal is received the day the signature completes.
 */
import { json, redirect, type AppLoadContext } from '@remix-run/node';
import { findFlowOrder } from '~/models/bankid-orders.server';
import { appealPayload, fileSignedAppeal, type getAppealDraft } from '~/models/appeals.server';
import { getResidentPersonnummer } from '~/models/resident.server';
import { callerForStart, clearFlowCookie, getFlowToken } from './bankid/cookies.server';
import { orderStatus } from './bankid/login-routes.server';
import { cancelFlowOrder, cancelOrder, refreshOrder } from './bankid/service.server';
import { completeSigning, SignatureMismatchError, startSigning } from './bankid/sign.server';
import { i18next } from './i18next.server';
import { getSession } from './session.server';
import { bankIdStartLimiter } from './start-limit.server';

type Draft = NonNullable<Awaited<ReturnType<typeof getAppealDraft>>>;

const MAX_QUOTE = 300;
const quote = (text: string) => (text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE)} …` : text);

async function summary(request: Request, draft: Draft) {
  const t = await i18next.getFixedT(request, ['account']);
  return [`# ${t('account:appeal.signSummaryTitle', { diarienummer: draft.diarienummer })}`, t('account:appeal.signSummaryChange', { change: quote(draft.changeWanted) })].join('\n\n');
}

export async function startAppealSigning(request: Request, context: AppLoadContext, draft: Draft, residentId: string, method: 'qr' | 'autostart') {
  const session = await getSession(request);
  const pnr = await getResidentPersonnummer(residentId);
  if (!session || !pnr) throw redirect('/logga-in');
  const previous = await getFlowToken(request);
  if (previous) await cancelFlowOrder(previous, 'sign');
  const { caller, setCookies } = await callerForStart(request, context.clientIp);
  if (!bankIdStartLimiter().allow(caller.deviceIdentifier)) throw new Response('Too Many Requests', { status: 429 });
  await startSigning(caller, { summaryMarkdown: await summary(request, draft), payload: appealPayload(draft), signerPnr: pnr, sessionId: session.id, method });
  const headers = new Headers();
  for (const c of setCookies) headers.append('Set-Cookie', c);
  return redirect(`/mina-arenden/${draft.caseId}/overklaga/signera`, { headers });
}

/** The sign page's loader: follows the order and, when complete, verifies and files the appeal. */
export async function appealSignStatusLoader(request: Request, draft: Draft, residentId: string) {
  const back = `/mina-arenden/${draft.caseId}/overklaga/kontrollera`;
  const flowToken = await getFlowToken(request);
  const existing = flowToken ? await findFlowOrder(flowToken, 'sign') : null;
  if (!existing) throw redirect(back);
  const order = await refreshOrder(existing);
  const t = await i18next.getFixedT(request, ['account', 'common']);
  const title = `${t('account:appeal.signTitle')} – ${t('common:service.name')}`;
  if (order.status === 'complete') {
    const pnr = await getResidentPersonnummer(residentId);
    try {
      const evidence = await completeSigning(order, appealPayload(draft), pnr ?? '');
      if (!evidence) throw redirect(back);
      await fileSignedAppeal({ appealId: draft.id, residentId, summary: await summary(request, draft), signature: evidence });
      throw redirect(`/mina-arenden/${draft.caseId}?klart=overklagat`, { headers: { 'Set-Cookie': await clearFlowCookie() } });
    } catch (error) {
      if (!(error instanceof SignatureMismatchError)) throw error;
      return json({ ...(await orderStatus(order, request, title)), state: 'failed' as const, mismatch: true });
    }
  }
  return json({ ...(await orderStatus(order, request, title)), mismatch: false }, { headers: { 'Cache-Control': 'no-store' } });
}

export async function cancelAppealSigning(request: Request, caseId: string) {
  const flowToken = await getFlowToken(request);
  const order = flowToken ? await findFlowOrder(flowToken, 'sign') : null;
  if (order) await cancelOrder(order);
  return redirect(`/mina-arenden/${caseId}/overklaga/kontrollera`);
}
