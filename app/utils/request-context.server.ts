/**
 * What every page of the request journey needs: the logged-in resident, their own draft (404 for
 * anyone else's), and the kommuner/PUAs to choose from.
 */
import { redirect } from '@remix-run/node';
import type { Answers } from '~/domain/request-journey';
import { getDraft } from '~/models/draft.server';
import { getSamverkanOverview } from '~/models/organisation.server';
import { requireResidentId } from './auth.server';

export async function requireDraft(request: Request, draftId: string | undefined, { allowSubmitted = false } = {}) {
  const residentId = await requireResidentId(request);
  const draft = draftId ? await getDraft(draftId, residentId) : null;
  if (!draft) throw new Response('Not Found', { status: 404 });
  if (draft.submittedAt && !allowSubmitted) throw redirect(`/begaran/${draft.id}/kvitto`);
  const overview = await getSamverkanOverview();
  const kommunId = draft.answers.kommunId ?? (overview.kommuner.length === 1 ? overview.kommuner[0]!.id : undefined);
  const kommun = overview.kommuner.find((k) => k.id === kommunId) ?? null;
  return { residentId, draft, overview, kommun, kommunCount: overview.kommuner.length };
}

/** The PUAs the request goes to: the chosen ones, or every active PUA of the kommun ("alla"). */
export function chosenPuas(answers: Answers, kommun: { pua: { id: string; name: string }[] } | null) {
  if (!kommun) return [];
  return answers.allPuas ? kommun.pua : kommun.pua.filter((p) => answers.puaIds?.includes(p.id));
}
