/**
 * The samordnare's review of each item of a registerutdrag before it is released (DOMAIN.md §6;
 * issue #7): lämnas ut, lämnas ut maskerad (a redacted copy goes out, the original stays in the
 * case), or lämnas inte ut. Every exclusion names its ground from the library (legal-grounds.ts)
 * and a note for the file. Any exclusion — masked or withheld — refuses part of the request, so
 * the outcome is delvis bifall and needs a beslut (FL 32 §, DSL 7 kap. 2 §; issue #6). Pure.
 */
import type { AppliedGround, DecisionPart, LegalGroundId } from './decision-types';
import { MAX_OSL_REFERENCE } from './decisions';
import { isOslReference, isStatuteReference, legalGround, MAX_STATUTE_REFERENCE, type Language } from './legal-grounds';

export const REVIEW_OUTCOMES = ['release', 'release_masked', 'withhold'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** The grounds an item may be excluded on (DSL 5 kap. 1 § with OSL or a registerförfattning, 5 kap. 2 §, Art 15(4)). */
export const EXCLUSION_GROUNDS = ['dsl_5_1_sekretess', 'dsl_5_1_registerforfattning', 'dsl_5_2_utkast', 'art15_4_andras_rattigheter'] as const satisfies readonly LegalGroundId[];
export type ExclusionGround = (typeof EXCLUSION_GROUNDS)[number];

export const MAX_REVIEW_NOTE = 1000;

/** `oslReference` with secrecy (DSL 5 kap. 1 § + OSL), `statuteReference` with a registerförfattning. */
type ExclusionReferences = { oslReference?: string; statuteReference?: string };
export type ItemReview =
  | { outcome: 'release' }
  | ({ outcome: 'release_masked'; ground: ExclusionGround; note: string; redactedFileId: string } & ExclusionReferences)
  | ({ outcome: 'withhold'; ground: ExclusionGround; note: string } & ExclusionReferences);

export type ReviewInput = { outcome: string; ground?: string; oslReference?: string; statuteReference?: string; note?: string; redactedFileId?: string };

export type ReviewErrorCode =
  | 'outcome'
  | 'ground'
  | 'oslReferenceRequired'
  | 'oslReferenceInvalid'
  | 'statuteReferenceRequired'
  | 'statuteReferenceInvalid'
  | 'noteRequired'
  | 'tooLong'
  | 'redactedFileRequired'
  | 'notADocument';
export type ReviewCheck = { ok: true; review: ItemReview } | { ok: false; errors: Partial<Record<'outcome' | 'ground' | 'oslReference' | 'statuteReference' | 'note' | 'redactedFile', ReviewErrorCode>> };

/**
 * One item's review. Masking needs a document to mask (an answer typed into a form is released or
 * withheld whole) and the redacted copy; an exclusion needs its ground, the OSL provision for
 * secrecy (as in a beslut), and a note saying what was excluded, for the file and for the beslut.
 */
export function checkItemReview(input: ReviewInput, item: { isDocument: boolean }): ReviewCheck {
  const errors: Extract<ReviewCheck, { ok: false }>['errors'] = {};
  const outcome = input.outcome as ReviewOutcome;
  if (!(REVIEW_OUTCOMES as readonly string[]).includes(outcome)) return { ok: false, errors: { outcome: 'outcome' } };
  if (outcome === 'release') return { ok: true, review: { outcome } };
  if (outcome === 'release_masked' && !item.isDocument) errors.outcome = 'notADocument';

  const ground = input.ground as ExclusionGround;
  if (!(EXCLUSION_GROUNDS as readonly string[]).includes(ground)) errors.ground = 'ground';
  const oslReference = input.oslReference?.trim() ?? '';
  if (ground === 'dsl_5_1_sekretess') {
    if (!oslReference) errors.oslReference = 'oslReferenceRequired';
    else if (oslReference.length > MAX_OSL_REFERENCE) errors.oslReference = 'tooLong';
    else if (!isOslReference(oslReference)) errors.oslReference = 'oslReferenceInvalid';
  }
  const statuteReference = input.statuteReference?.trim().replace(/\s+/g, ' ') ?? '';
  if (ground === 'dsl_5_1_registerforfattning') {
    if (!statuteReference) errors.statuteReference = 'statuteReferenceRequired';
    else if (statuteReference.length > MAX_STATUTE_REFERENCE) errors.statuteReference = 'tooLong';
    else if (!isStatuteReference(statuteReference)) errors.statuteReference = 'statuteReferenceInvalid';
  }
  const note = input.note?.trim() ?? '';
  if (!note) errors.note = 'noteRequired';
  else if (note.length > MAX_REVIEW_NOTE) errors.note = 'tooLong';
  const redactedFileId = input.redactedFileId?.trim() ?? '';
  if (outcome === 'release_masked' && item.isDocument && !redactedFileId) errors.redactedFile = 'redactedFileRequired';
  if (Object.keys(errors).length) return { ok: false, errors };

  const base = { ground, note, ...(ground === 'dsl_5_1_sekretess' ? { oslReference } : {}), ...(ground === 'dsl_5_1_registerforfattning' ? { statuteReference } : {}) };
  return { ok: true, review: outcome === 'withhold' ? { outcome, ...base } : { outcome, ...base, redactedFileId } };
}

/**
 * The OSL provisions of these exclusions, each once, cited together as statutes are:
 * "26 kap. 1 §, 25 kap. 1 § och 21 kap. 1 §" (isOslReference). Undefined when there are none.
 */
export function citedOslReferences(reviews: readonly ItemReview[]): string | undefined {
  const refs = [...new Set(reviews.map((r) => ('oslReference' in r ? r.oslReference : undefined)).filter((r): r is string => !!r))];
  return refs.length > 1 ? `${refs.slice(0, -1).join(', ')} och ${refs.at(-1)}` : refs[0];
}

/** The register statutes' provisions of these exclusions, each once, joined with "; ". Undefined when there are none. */
export function citedStatuteReferences(reviews: readonly ItemReview[]): string | undefined {
  const refs = [...new Set(reviews.map((r) => ('statuteReference' in r ? r.statuteReference : undefined)).filter((r): r is string => !!r))];
  return refs.length ? refs.join('; ') : undefined;
}

/** Bifall when everything is released whole; any masking or withholding makes it delvis bifall (a beslut). */
export function utdragOutcome(reviews: readonly ItemReview[]): 'bifall' | 'delvis_bifall' {
  return reviews.some((r) => r.outcome !== 'release') ? 'delvis_bifall' : 'bifall';
}

/** Whether every item has been reviewed: the package can then be previewed and approved. */
export function reviewComplete(items: readonly { review: ItemReview | null }[]): boolean {
  return items.length > 0 && items.every((i) => i.review !== null);
}

/**
 * The registerutdrag part of the beslut the exclusions call for: delvis bifall, the grounds used
 * (once each, with the library's ready text in the letter's language and every OSL provision
 * cited), and a motivering in general terms — how many items were excluded or masked, never what
 * they say. The handläggare edits it on the decision page like any other draft.
 */
export function exclusionDecisionPart(reviews: readonly ItemReview[], lang: Language): DecisionPart | null {
  const excluded = reviews.filter((r): r is Exclude<ItemReview, { outcome: 'release' }> => r.outcome !== 'release');
  if (excluded.length === 0) return null;
  const grounds: AppliedGround[] = [];
  for (const id of EXCLUSION_GROUNDS) {
    const used = excluded.filter((r) => r.ground === id);
    if (!used.length) continue;
    const oslReference = citedOslReferences(used);
    const statuteReference = citedStatuteReferences(used);
    grounds.push({ id, text: legalGround(id).text[lang], ...(oslReference ? { oslReference } : {}), ...(statuteReference ? { statuteReference } : {}) });
  }
  const withheld = excluded.filter((r) => r.outcome === 'withhold').length;
  const masked = excluded.length - withheld;
  const motivering = lang === 'sv'
    ? [withheld ? `${withheld} ${withheld === 1 ? 'uppgift eller handling lämnas' : 'uppgifter eller handlingar lämnas'} inte ut.` : '', masked ? `${masked} ${masked === 1 ? 'handling lämnas' : 'handlingar lämnas'} ut med vissa uppgifter maskerade.` : '', 'Allt annat lämnas ut i registerutdraget.'].filter(Boolean).join(' ')
    : [withheld ? `${withheld} ${withheld === 1 ? 'item is' : 'items are'} not provided.` : '', masked ? `${masked} ${masked === 1 ? 'document is' : 'documents are'} provided with some information masked.` : '', 'Everything else is provided in the copy.'].filter(Boolean).join(' ');
  return { right: 'registerutdrag', outcome: 'delvis_bifall', grounds, motivering };
}
