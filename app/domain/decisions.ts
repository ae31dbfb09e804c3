/**
 * What a beslut on a data-subject request is, and whether it is complete enough to be taken
 * (DOMAIN.md §8; issue #6). A decision has one part per requested right: its outcome, the legal
 * grounds applied (legal-grounds.ts) and the motivering (FL 32 §). Pure functions; the delegation
 * check is in delegation.ts, the appeal rules in appeal.ts.
 */
import { RIGHT_OUTCOMES, type AppealInstructions, type DecisionPart, type DecisionType, type PuaKind, type RightOutcome } from './decision-types';
import { isLegalGroundId, isOslReference, isStatuteReference, legalGround, MAX_STATUTE_REFERENCE, type LegalGround } from './legal-grounds';
import { RIGHTS, type Right } from './requests';

/** Characters of a motivering or a ground's text; a letter prints them in full. */
export const MAX_MOTIVERING = 4000;
export const MAX_GROUND_TEXT = 4000;
export const MAX_OSL_REFERENCE = 100;
/**
 * Art 12(5): letters and digits the handläggare must write beyond the library's template (see
 * `hasCaseJustification`). About one sentence: "Du har sedan januari skickat 14 likadana begäranden".
 */
export const MIN_JUSTIFICATION_CHARS = 40;

/** Everything but a full grant goes against the person (FL 32 §, DSL 7 kap. 2 §). */
export function isRefusal(outcome: RightOutcome): boolean {
  return outcome !== 'bifall';
}

/**
 * The kind of decision, as the delegeringsförteckning names it, from its parts:
 * - every part bifall → 'bifall'; every part avslag → 'avslag'; every part avvisning → 'avvisning';
 * - some refused and some granted, or any delvis_bifall → 'delvis_bifall';
 * - refused parts only, some avslag and some avvisning → 'avslag': nothing was granted, so it is not a
 *   partial grant; an avvisning is a refusal to examine, which the avslag delegation covers in practice;
 * - Art 12(5): when every refused part cites `art12_5_uppenbart_ogrundad` (alone or with other grounds)
 *   → 'art12_5', whatever else was granted. It is the decision the förteckning singles out (the PUA
 *   carries the burden of proof), so a delegate must hold that point. A decision where only some
 *   refused parts rest on Art 12(5) is typed by its outcomes.
 * Throws for a decision without parts.
 */
export function decisionTypeOf(parts: readonly DecisionPart[]): DecisionType {
  if (parts.length === 0) throw new RangeError('A decision has at least one part');
  const refused = parts.filter((p) => isRefusal(p.outcome));
  if (refused.length > 0 && refused.every((p) => p.grounds.some((g) => g.id === 'art12_5_uppenbart_ogrundad'))) return 'art12_5';
  const outcomes = new Set(parts.map((p) => p.outcome));
  if (outcomes.size === 1) return parts[0]!.outcome;
  if (outcomes.has('bifall') || outcomes.has('delvis_bifall')) return 'delvis_bifall';
  return 'avslag';
}

/**
 * Whether the decision can be appealed, so the letter must carry appeal instructions (FL 33 §):
 * a decision under Art 12(5) or 15–21 that goes against the person (DSL 7 kap. 2 §; FL 41 §).
 * Every type but 'bifall' — a full grant goes against no one. An avvisning of a late appeal is itself
 * appealable (FL 41 §). An omprövning is appealable unless it grants everything: pass its `parts`
 * to tell; without them an omprövning counts as appealable (better a needless instruction than none).
 */
export function isAppealable(type: DecisionType, parts?: readonly DecisionPart[]): boolean {
  if (type === 'bifall') return false;
  if (type === 'omprovning' && parts && parts.length > 0 && parts.every((p) => p.outcome === 'bifall')) return false;
  return true;
}

/**
 * Whether the PUA's decisions can be appealed to förvaltningsrätten. DSL 7 kap. 2 § opens the way
 * for "beslut av en myndighet"; a kommunalt bolag is a company, not a myndighet (its documents are
 * public under OSL 2 kap. 3 §, but that does not make it an authority for this purpose). A bolag's
 * refusal is still a decision against the person: they can complain to IMY (Art 77) or bring an
 * action against the company in allmän domstol (Art 79), and the letter says so.
 */
export function appealsGoToCourt(puaKind: PuaKind): boolean {
  return puaKind !== 'bolag';
}

/**
 * What the letter of such a decision must carry: correct appeal instructions, or none (FL 33 §) —
 * none for a full grant, and none when the PUA is a bolag (`appealsGoToCourt`).
 */
export function appealInstructionsFor(type: DecisionType, parts: readonly DecisionPart[] | undefined, puaKind: PuaKind): AppealInstructions {
  return isAppealable(type, parts) && appealsGoToCourt(puaKind) ? 'correct' : 'not_applicable';
}

export type DecisionPartErrorCode =
  | 'partsRequired'
  | 'missingPart'
  | 'unknownRight'
  | 'notRequested'
  | 'duplicateRight'
  | 'unknownOutcome'
  | 'motiveringRequired'
  | 'groundsRequired'
  | 'groundsNotAllowed'
  | 'unknownGround'
  | 'duplicateGround'
  | 'groundNotForRight'
  | 'textRequired'
  | 'justificationRequired'
  | 'oslReferenceRequired'
  | 'oslReferenceInvalid'
  | 'statuteReferenceRequired'
  | 'statuteReferenceInvalid'
  | 'tooLong';
export type DecisionPartError = { path: string; code: DecisionPartErrorCode };

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const lettersAndDigits = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '').length;

/**
 * Art 12(5) ("den personuppgiftsansvarige ska visa att begäran är uppenbart ogrundad eller orimlig"):
 * whether the applied text says something about this case beyond the library's template. The
 * template ends in a bracketed instruction (`placeholder`) where the facts go. The text passes when
 * the instruction is gone (in either language) and, after removing every sentence of the template
 * (either language), at least MIN_JUSTIFICATION_CHARS letters and digits remain. Rewording the
 * template counts as writing; copying it, or deleting the instruction and adding "Se ovan.", does not.
 * Grounds that do not require a justification always pass.
 */
export function hasCaseJustification(text: string, ground: LegalGround): boolean {
  if (!ground.requiresJustification) return true;
  const applied = normalize(text);
  const languages = ['sv', 'en'] as const;
  if (ground.placeholder && languages.some((l) => applied.includes(normalize(ground.placeholder![l])))) return false;
  let rest = applied;
  for (const l of languages) {
    const template = normalize(ground.placeholder ? ground.text[l].replace(ground.placeholder[l], '') : ground.text[l]);
    for (const sentence of template.split(/(?<=[.!?:])\s+/)) if (sentence) rest = rest.split(sentence).join(' ');
  }
  return lettersAndDigits(rest) >= MIN_JUSTIFICATION_CHARS;
}

/**
 * Whether the parts make a decision that can be taken on a case with the requested `rights`.
 * Errors name the path in the input (`parts[1].grounds[0].oslReference`; a requested right without
 * a part is `rights[j]`) and a code the page translates. The rules:
 * - exactly one part per requested right, and none for a right not requested;
 * - a refusal (delvis_bifall, avslag, avvisning) needs a motivering (FL 32 §) and at least one
 *   ground from the library that applies to that right; a ground at most once per part;
 * - a bifall has no grounds (the motivering is optional: a full grant goes against no one);
 * - each applied ground has its (possibly edited) text; DSL 5 kap. 1 § names the OSL chapter and
 *   section ("26 kap. 1 §", `isOslReference`); Art 12(5) needs the case's own justification
 *   (`hasCaseJustification`);
 * - lengths: MAX_MOTIVERING, MAX_GROUND_TEXT, MAX_OSL_REFERENCE → 'tooLong'.
 */
export function validateDecisionParts(parts: readonly DecisionPart[], rights: readonly Right[]): DecisionPartError[] {
  const errors: DecisionPartError[] = [];
  const add = (path: string, code: DecisionPartErrorCode) => errors.push({ path, code });
  if (parts.length === 0 && rights.length === 0) add('parts', 'partsRequired');

  const requested = new Set(rights);
  const covered = new Set<Right>();
  parts.forEach((part, i) => {
    const at = `parts[${i}]`;
    const right = part.right;
    const knownRight = (RIGHTS as readonly string[]).includes(right);
    if (!knownRight) add(`${at}.right`, 'unknownRight');
    else if (!requested.has(right)) add(`${at}.right`, 'notRequested');
    else if (covered.has(right)) add(`${at}.right`, 'duplicateRight');
    if (knownRight) covered.add(right);

    const motivering = typeof part.motivering === 'string' ? part.motivering.trim() : '';
    if (motivering.length > MAX_MOTIVERING) add(`${at}.motivering`, 'tooLong');

    if (!(RIGHT_OUTCOMES as readonly string[]).includes(part.outcome)) {
      add(`${at}.outcome`, 'unknownOutcome');
      return;
    }
    const grounds = Array.isArray(part.grounds) ? part.grounds : [];
    if (!isRefusal(part.outcome)) {
      if (grounds.length > 0) add(`${at}.grounds`, 'groundsNotAllowed');
      return;
    }
    if (!motivering) add(`${at}.motivering`, 'motiveringRequired');
    if (grounds.length === 0) add(`${at}.grounds`, 'groundsRequired');

    const seen = new Set<string>();
    grounds.forEach((applied, k) => {
      const g = `${at}.grounds[${k}]`;
      if (!isLegalGroundId(applied.id)) {
        add(`${g}.id`, 'unknownGround');
        return;
      }
      if (seen.has(applied.id)) add(`${g}.id`, 'duplicateGround');
      seen.add(applied.id);
      const ground = legalGround(applied.id);
      if (knownRight && !ground.rights.includes(right)) add(`${g}.id`, 'groundNotForRight');

      const text = typeof applied.text === 'string' ? applied.text.trim() : '';
      if (!text) add(`${g}.text`, 'textRequired');
      else if (text.length > MAX_GROUND_TEXT) add(`${g}.text`, 'tooLong');
      else if (!hasCaseJustification(text, ground)) add(`${g}.text`, 'justificationRequired');

      if (ground.needsOslReference) {
        const ref = typeof applied.oslReference === 'string' ? applied.oslReference.trim() : '';
        if (!ref) add(`${g}.oslReference`, 'oslReferenceRequired');
        else if (ref.length > MAX_OSL_REFERENCE) add(`${g}.oslReference`, 'tooLong');
        else if (!isOslReference(ref)) add(`${g}.oslReference`, 'oslReferenceInvalid');
      }
      if (ground.needsStatuteReference) {
        const ref = typeof applied.statuteReference === 'string' ? applied.statuteReference.trim() : '';
        if (!ref) add(`${g}.statuteReference`, 'statuteReferenceRequired');
        else if (ref.length > MAX_STATUTE_REFERENCE) add(`${g}.statuteReference`, 'tooLong');
        else if (!isStatuteReference(ref)) add(`${g}.statuteReference`, 'statuteReferenceInvalid');
      }
    });
  });

  [...new Set(rights)].forEach((right) => {
    if (!covered.has(right)) add(`rights[${rights.indexOf(right)}]`, 'missingPart');
  });
  return errors;
}
