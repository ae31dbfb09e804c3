/**
 * Signing an appeal with BankID (issue #6): the same reusable step as a request
 * (app/utils/bankid/sign-flow.server.ts). The visible text says which decision is appealed and what
 * change is wanted; the hidden data is the SHA-256 of the appeal (app/models/appeals.server.ts
 * `appealPayload`). The appeal is received the day the signature completes.
 */
import type { AppLoadContext } from '@remix-run/node';
import { appealPayload, fileSignedAppeal, type getAppealDraft } from '~/models/appeals.server';
import { cancelSignFlow, signFlowStatus, startSignFlow } from './bankid/sign-flow.server';
import { i18next } from './i18next.server';

type Draft = NonNullable<Awaited<ReturnType<typeof getAppealDraft>>>;

const MAX_QUOTE = 300;
const quote = (text: string) => (text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE)} …` : text);

async function summary(request: Request, draft: Draft) {
  const t = await i18next.getFixedT(request, ['account']);
  return [`# ${t('account:appeal.signSummaryTitle', { diarienummer: draft.diarienummer })}`, t('account:appeal.signSummaryChange', { change: quote(draft.changeWanted) })].join('\n\n');
}

export async function startAppealSigning(request: Request, context: AppLoadContext, draft: Draft, residentId: string, method: 'qr' | 'autostart') {
  return startSignFlow(request, context, { residentId, summaryMarkdown: await summary(request, draft), payload: appealPayload(draft), method, statusPage: `/mina-arenden/${draft.caseId}/overklaga/signera` });
}

/** The sign page's loader: follows the order and, when complete, verifies and files the appeal. */
export async function appealSignStatusLoader(request: Request, draft: Draft, residentId: string) {
  const t = await i18next.getFixedT(request, ['account', 'common']);
  return signFlowStatus(request, {
    residentId,
    payload: appealPayload(draft),
    title: `${t('account:appeal.signTitle')} – ${t('common:service.name')}`,
    back: `/mina-arenden/${draft.caseId}/overklaga/kontrollera`,
    onSigned: async (evidence) => {
      await fileSignedAppeal({ appealId: draft.id, residentId, summary: await summary(request, draft), signature: evidence });
      return `/mina-arenden/${draft.caseId}?klart=overklagat`;
    },
  });
}

export const cancelAppealSigning = (request: Request, caseId: string) => cancelSignFlow(request, `/mina-arenden/${caseId}/overklaga/kontrollera`);
