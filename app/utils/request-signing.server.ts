/**
 * Signing and filing a request (issue #4): the check page starts a BankID sign order whose visible
 * text is a plain-language summary and whose hidden data is the SHA-256 of the canonical payload;
 * when BankID completes, the signature is verified and the request is filed exactly once.
 */
import { redirect, type AppLoadContext } from '@remix-run/node';
import type { TFunction } from 'i18next';
import { firstIncompleteStep, type Answers } from '~/domain/request-journey';
import type { Right } from '~/domain/requests';
import { markDraftSubmitted } from '~/models/draft.server';
import { getResident, getResidentPersonnummer } from '~/models/resident.server';
import { fileSubmission } from '~/models/submission.server';
import { cancelSignFlow, signFlowStatus, startSignFlow } from './bankid/sign-flow.server';
import { todayInStockholm } from './dates.server';
import { i18next, isLng } from './i18next.server';
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
  const t = await i18next.getFixedT(request, ['request']);
  return startSignFlow(request, context, { residentId: ctx.residentId, summaryMarkdown: requestSummary(t, ctx), payload: requestPayload(ctx), method, statusPage: `/begaran/${ctx.draft.id}/signera` });
}

/** The sign page's loader: follows the order and, when complete, verifies and files the request. */
export async function signStatusLoader(request: Request, ctx: Draft) {
  const [t, locale] = await Promise.all([i18next.getFixedT(request, ['request', 'bankid', 'common']), i18next.getLocale(request)]);
  return signFlowStatus(request, {
    residentId: ctx.residentId,
    payload: requestPayload(ctx),
    title: `${t('request:sign.title')} – ${t('common:service.name')}`,
    back: `/begaran/${ctx.draft.id}/kontrollera`,
    onSigned: async (evidence) => {
      const pnr = await getResidentPersonnummer(ctx.residentId);
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
        // The language of the pages the person signed on: their decision letters will be in it.
        language: isLng(locale) ? locale : 'sv',
        actor: { type: 'resident', id: ctx.residentId },
      });
      await markDraftSubmitted(ctx.draft.id, ctx.owner);
      return `/begaran/${ctx.draft.id}/kvitto`;
    },
  });
}

export const cancelRequestSigning = (request: Request, draftId: string) => cancelSignFlow(request, `/begaran/${draftId}/kontrollera`);
