/**
 * What every page of the request journey needs: the draft (404 for anyone but its owner), the
 * kommuner/PUAs to choose from, and where the journey's pages are. The same pages serve the
 * resident writing their own request (/begaran/…) and the reception official writing one for a
 * visitor they have identified (/personal/besokare/:checkId/begaran/…, issue #8, ADR 016).
 */
import { redirect } from '@remix-run/node';
import type { Answers } from '~/domain/request-journey';
import { getDraft, type DraftOwner } from '~/models/draft.server';
import { getSamverkanOverview } from '~/models/organisation.server';
import { getResidentPersonnummer } from '~/models/resident.server';
import { submissionOfDraft } from '~/models/submission.server';
import type { ActiveCheck } from '~/models/identity-checks.server';
import { puasWithPermissionFor, requireResidentId } from './auth.server';
import { requireVerifiedPerson } from './identity-scope.server';

type Overview = Awaited<ReturnType<typeof getSamverkanOverview>>;
type Kommun = Overview['kommuner'][number];

export type JourneyContext = {
  owner: DraftOwner & { checkId?: string };
  draft: NonNullable<Awaited<ReturnType<typeof getDraft>>>;
  /** The kommuner to choose from, each with the PUAs a request may go to. */
  overview: Overview;
  kommun: Kommun | null;
  kommunCount: number;
  /** The journey's pages: `${base}/${step}`, `${base}/bilagor`, `${base}/kontrollera`. */
  base: string;
  /** The personnummer of the one asking, which the person they ask for cannot have. */
  filerPersonnummer: () => Promise<string>;
  /** A visitor's draft: the identity check it is written under (who, and how they were checked). */
  visitor: ActiveCheck | null;
};

function withKommun(overview: Overview, answers: Answers) {
  const kommunId = answers.kommunId ?? (overview.kommuner.length === 1 ? overview.kommuner[0]!.id : undefined);
  return { kommun: overview.kommuner.find((k) => k.id === kommunId) ?? null, kommunCount: overview.kommuner.length };
}

/** The resident's own draft. */
export async function requireDraft(request: Request, draftId: string | undefined, { allowSubmitted = false } = {}) {
  const residentId = await requireResidentId(request);
  const owner = { residentId };
  const draft = draftId ? await getDraft(draftId, owner) : null;
  if (!draft) throw new Response('Not Found', { status: 404 });
  if (draft.submittedAt && !allowSubmitted) throw redirect(`/begaran/${draft.id}/kvitto`);
  const overview = await getSamverkanOverview();
  return {
    residentId,
    owner,
    draft,
    overview,
    ...withKommun(overview, draft.answers),
    base: `/begaran/${draft.id}`,
    filerPersonnummer: async () => (await getResidentPersonnummer(residentId)) ?? '',
    visitor: null,
  } satisfies JourneyContext & { residentId: string };
}

/**
 * The kommuner where the official may register a visitor's request (register:request:visitor),
 * each with only those PUAs: a reception official is scoped to their kommun.
 */
export async function visitorOverview(request: Request): Promise<Overview> {
  const [overview, allowed] = await Promise.all([getSamverkanOverview(), puasWithPermissionFor(request, 'register:request:visitor')]);
  const kommuner = overview.kommuner.map((k) => ({ ...k, pua: k.pua.filter((p) => allowed.includes(p.id)) })).filter((k) => k.pua.length);
  return { ...overview, kommuner };
}

/** The official who identified the visitor, and may register requests for visitors. */
export async function requireVisitorRegistrar(request: Request, checkId: string | undefined) {
  const scope = await requireVerifiedPerson(request, checkId);
  const overview = await visitorOverview(request);
  if (!overview.kommuner.length) throw new Response('Not Found', { status: 404 });
  return { ...scope, overview };
}

/** A draft the official writes for the visitor of this identity check (issue #8). */
export async function requireVisitorDraft(request: Request, checkId: string | undefined, draftId: string | undefined): Promise<JourneyContext & { staffId: string }> {
  const { staff, check, overview } = await requireVisitorRegistrar(request, checkId);
  const owner = { staffId: staff.id, visitorPnrLookup: check.pnrLookup, checkId: check.id };
  const draft = draftId ? await getDraft(draftId, owner) : null;
  if (!draft) throw new Response('Not Found', { status: 404 });
  if (draft.submittedAt) {
    const filed = await submissionOfDraft(draft.id);
    if (filed) throw redirect(`/personal/kvittens/${filed}`);
    throw new Response('Not Found', { status: 404 });
  }
  return {
    staffId: staff.id,
    owner,
    draft,
    overview,
    ...withKommun(overview, draft.answers),
    base: `/personal/besokare/${check.id}/begaran/${draft.id}`,
    filerPersonnummer: async () => check.personnummer,
    visitor: check,
  };
}

/** The PUAs the request goes to: the chosen ones, or every active PUA of the kommun ("alla"). */
export function chosenPuas(answers: Answers, kommun: { pua: { id: string; name: string }[] } | null) {
  if (!kommun) return [];
  return answers.allPuas ? kommun.pua : kommun.pua.filter((p) => answers.puaIds?.includes(p.id));
}
