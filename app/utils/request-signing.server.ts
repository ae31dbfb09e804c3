/**
 * Signing and filing a request (issue #4): the check page starts a BankID sign order whose visible
 * text is a plain-language summary and whose hidden data is the SHA-256 of the canonical payload;
 * when BankID completes, the signature is verified and the request is filed exactly once.
 */
import { json, redirect, type AppLoadContext } from '@remix-run/node';
import type { TFunction } from 'i18next';
import { firstIncompleteStep, type Answers } from '~/domain/request-journey';
import type { Right } from '~/domain/requests';
import { findFlowOrder } from '~/models/bankid-orders.server';
import { markDraftSubmitted } from '~/models/draft.server';
import { getResident, getResidentPersonnummer } from '~/models/resident.server';
import { fileSubmission } from '~/models/submission.server';
import { callerForStart, clearFlowCookie, getFlowToken } from './bankid/cookies.server';
import { orderStatus } from './bankid/login-routes.server';
import { cancelFlowOrder, cancelOrder, refreshOrder } from './bankid/service.server';
import { completeSigning, SignatureMismatchError, startSigning } from './bankid/sign.server';
import { todayInStockholm } from './dates.server';
import { i18next } from './i18next.server';
import { getSession } from './session.server';
import { bankIdStartLimiter } from './start-limit.server';
import { chosenPuas, type requireDraft } from './request-context.server';

type Draft = Awaited<ReturnType<typeof requireDraft>>;

/** What the signature covers: the draft and every answer, with the PUAs resolved. */
export function requestPayload(ctx: Draft) {
  return { draftId: ctx.draft.id, kommunId: ctx.kommun?.id ?? null, puaIds: chosenPuas(ctx.draft.answers, ctx.kommun).map((p) => p.id).sort(), answers: ctx.draft.answers };
}

/** The text shown in the BankID app (simpleMarkdownV1): what is asked, of whom, for whom. */
export function requestSummary(t: TFunction, ctx: Draft): string {
  const a: Answers = ctx.draft.answers;
  const who = a.relation === 'self' || !a.subject ? t('request:check.relation.self') : `${a.subject.name} (${t(`request:check.relation.${a.relation}`)})`;
  const rights = (a.rights ?? []).map((r: Right) => t(`request:rights.${r}.label`).split(' – ')[0]).join(', ');
  return [
    `# ${t('request:sign.summaryTitle', { kommun: ctx.kommun?.name ?? '' })}`,
    t('request:sign.summaryRights', { rights }),
    t('request:sign.summaryFor', { who }),
    t('request:sign.summaryTo', { puas: chosenPuas(a, ctx.kommun).map((p) => p.name).join(', ') }),
  ].join('\n\n');
}

export async function startRequestSigning(request: Request, context: AppLoadContext, ctx: Draft, method: 'qr' | 'autostart') {
  if (firstIncompleteStep(ctx.draft.answers, ctx.kommunCount, todayInStockholm())) throw redirect(`/begaran/${ctx.draft.id}/kontrollera`);
  const session = await getSession(request);
  const pnr = await getResidentPersonnummer(ctx.residentId);
  if (!session || !pnr) throw redirect('/logga-in');
  const previous = await getFlowToken(request);
  if (previous) await cancelFlowOrder(previous, 'sign');
  const { caller, setCookies } = await callerForStart(request, context.clientIp);
  if (!bankIdStartLimiter().allow(caller.deviceIdentifier)) throw new Response('Too Many Requests', { status: 429 });
  const t = await i18next.getFixedT(request, ['request']);
  await startSigning(caller, { summaryMarkdown: requestSummary(t, ctx), payload: requestPayload(ctx), signerPnr: pnr, sessionId: session.id, method });
  const headers = new Headers();
  for (const c of setCookies) headers.append('Set-Cookie', c);
  return redirect(`/begaran/${ctx.draft.id}/signera`, { headers });
}

/** The sign page's loader: follows the order and, when complete, verifies and files the request. */
export async function signStatusLoader(request: Request, ctx: Draft) {
  const flowToken = await getFlowToken(request);
  const existing = flowToken ? await findFlowOrder(flowToken, 'sign') : null;
  if (!existing) throw redirect(`/begaran/${ctx.draft.id}/kontrollera`);
  const order = await refreshOrder(existing);
  const t = await i18next.getFixedT(request, ['request', 'bankid', 'common']);
  const title = `${t('request:sign.title')} – ${t('common:service.name')}`;
  if (order.status === 'complete') {
    const pnr = await getResidentPersonnummer(ctx.residentId);
    try {
      const evidence = await completeSigning(order, requestPayload(ctx), pnr ?? '');
      if (!evidence) throw redirect(`/begaran/${ctx.draft.id}/kontrollera`);
      const a = ctx.draft.answers;
      await fileSubmission({
        draftId: ctx.draft.id,
        kommunId: ctx.kommun!.id,
        filedByResidentId: ctx.residentId,
        channel: 'e_tjanst',
        relation: a.relation ?? 'self',
        subject: a.relation === 'self' || !a.subject ? { personnummer: pnr!, name: (await getResident(ctx.residentId))?.name ?? '' } : a.subject,
        rights: a.rights ?? [],
        puaIds: chosenPuas(a, ctx.kommun).map((p) => p.id),
        answers: a as Record<string, unknown>,
        protectedIdentity: !!a.protectedIdentity,
        signedSummary: requestSummary(t, ctx),
        signature: evidence,
        receivedAt: new Date(),
        actor: { type: 'resident', id: ctx.residentId },
      });
      await markDraftSubmitted(ctx.draft.id, ctx.residentId);
      throw redirect(`/begaran/${ctx.draft.id}/kvitto`, { headers: { 'Set-Cookie': await clearFlowCookie() } });
    } catch (error) {
      if (!(error instanceof SignatureMismatchError)) throw error;
      return json({ ...(await orderStatus(order, request, title)), state: 'failed' as const, mismatch: true });
    }
  }
  return json({ ...(await orderStatus(order, request, title)), mismatch: false }, { headers: { 'Cache-Control': 'no-store' } });
}

export async function cancelRequestSigning(request: Request, draftId: string) {
  const flowToken = await getFlowToken(request);
  const order = flowToken ? await findFlowOrder(flowToken, 'sign') : null;
  if (order) await cancelOrder(order);
  return redirect(`/begaran/${draftId}/kontrollera`);
}

