import { describe, expect, it } from 'vitest';
import { validateDecisionParts } from './decisions';
import { checkItemReview, exclusionDecisionPart, reviewComplete, utdragOutcome, type ItemReview } from './utdrag-review';

const doc = { isDocument: true };
const answer = { isDocument: false };

describe('checkItemReview — what each exclusion must carry (DSL 5 kap. 1–2 §§, Art 15(4))', () => {
  it.each([
    ['release: nothing more', { outcome: 'release' }, doc, {}],
    ['an unknown outcome', { outcome: 'maybe' }, doc, { outcome: 'outcome' }],
    ['withhold without ground or note', { outcome: 'withhold' }, doc, { ground: 'ground', note: 'noteRequired' }],
    ['withhold a draft under DSL 5 kap. 2 §', { outcome: 'withhold', ground: 'dsl_5_2_utkast', note: 'Utkast till utredning, ej expedierat.' }, doc, {}],
    ['secrecy needs the OSL provision', { outcome: 'withhold', ground: 'dsl_5_1_sekretess', note: 'Uppgifter om anmälare.' }, doc, { oslReference: 'oslReferenceRequired' }],
    ['secrecy with a malformed provision', { outcome: 'withhold', ground: 'dsl_5_1_sekretess', oslReference: 'OSL 26:1', note: 'Anmälare.' }, doc, { oslReference: 'oslReferenceInvalid' }],
    ['secrecy with its provision', { outcome: 'withhold', ground: 'dsl_5_1_sekretess', oslReference: '26 kap. 1 §', note: 'Uppgifter om anmälare.' }, doc, {}],
    ['a registerförfattning needs its provision (DSL 5 kap. 1 §: "enligt lag eller annan författning")', { outcome: 'withhold', ground: 'dsl_5_1_registerforfattning', note: 'Uppgift som registerlagen inte tillåter att lämnas ut.' }, doc, { statuteReference: 'statuteReferenceRequired' }],
    ['a registerförfattning without SFS number', { outcome: 'withhold', ground: 'dsl_5_1_registerforfattning', statuteReference: '8 § SoLPuL', note: 'x' }, doc, { statuteReference: 'statuteReferenceInvalid' }],
    ['a registerförfattning with its provision', { outcome: 'withhold', ground: 'dsl_5_1_registerforfattning', statuteReference: '8 § lagen (2001:454) om behandling av personuppgifter inom socialtjänsten', note: 'x' }, doc, {}],
    ['a ground outside the exclusion grounds', { outcome: 'withhold', ground: 'art17_3b_allmanna_handlingar', note: 'x' }, doc, { ground: 'ground' }],
    ['masking needs the redacted copy', { outcome: 'release_masked', ground: 'art15_4_andras_rattigheter', note: 'Grannens namn maskerat.' }, doc, { redactedFile: 'redactedFileRequired' }],
    ['masking with the copy', { outcome: 'release_masked', ground: 'art15_4_andras_rattigheter', note: 'Grannens namn maskerat.', redactedFileId: 'f1' }, doc, {}],
    ['an answer typed into a form cannot be masked, only released or withheld', { outcome: 'release_masked', ground: 'art15_4_andras_rattigheter', note: 'x', redactedFileId: 'f1' }, answer, { outcome: 'notADocument' }],
    ['a note over 1000 characters', { outcome: 'withhold', ground: 'dsl_5_2_utkast', note: 'x'.repeat(1001) }, doc, { note: 'tooLong' }],
  ] as const)('%s', (_label, input, item, errors) => {
    const r = checkItemReview(input, item);
    expect(r.ok ? {} : r.errors).toEqual(errors);
  });

  it('keeps the OSL provision only for secrecy, the statute only for a registerförfattning, and the redacted copy only when masked', () => {
    expect(checkItemReview({ outcome: 'withhold', ground: 'dsl_5_2_utkast', oslReference: '26 kap. 1 §', statuteReference: '8 § lagen (2001:454)', note: ' Utkast. ', redactedFileId: 'f1' }, doc)).toEqual({ ok: true, review: { outcome: 'withhold', ground: 'dsl_5_2_utkast', note: 'Utkast.' } });
    expect(checkItemReview({ outcome: 'withhold', ground: 'dsl_5_1_registerforfattning', oslReference: '26 kap. 1 §', statuteReference: ' 8 §  lagen (2001:454) ', note: 'x' }, doc)).toEqual({ ok: true, review: { outcome: 'withhold', ground: 'dsl_5_1_registerforfattning', statuteReference: '8 § lagen (2001:454)', note: 'x' } });
  });
});

describe('the outcome of a registerutdrag — any exclusion is a partial refusal (DSL 7 kap. 2 §)', () => {
  const release: ItemReview = { outcome: 'release' };
  const draft: ItemReview = { outcome: 'withhold', ground: 'dsl_5_2_utkast', note: 'Utkast.' };
  const masked: ItemReview = { outcome: 'release_masked', ground: 'art15_4_andras_rattigheter', note: 'Grannen.', redactedFileId: 'f1' };
  const secret = (ref: string): ItemReview => ({ outcome: 'withhold', ground: 'dsl_5_1_sekretess', oslReference: ref, note: 'Anmälare.' });

  it.each([
    ['everything released', [release, release], 'bifall'],
    ['one draft withheld', [release, draft], 'delvis_bifall'],
    ['one document masked', [release, masked], 'delvis_bifall'],
  ] as const)('%s → %s', (_label, reviews, outcome) => {
    expect(utdragOutcome(reviews)).toBe(outcome);
  });

  it('is complete when every item has a review, and there is at least one item', () => {
    expect(reviewComplete([])).toBe(false);
    expect(reviewComplete([{ review: release }, { review: null }])).toBe(false);
    expect(reviewComplete([{ review: release }, { review: draft }])).toBe(true);
  });

  it('needs no beslut when nothing is excluded', () => {
    expect(exclusionDecisionPart([release], 'sv')).toBeNull();
  });

  it('drafts the beslut part: delvis bifall, each ground once with every OSL provision, counts not contents; valid as a beslut', () => {
    const part = exclusionDecisionPart([release, draft, masked, secret('26 kap. 1 §'), secret('25 kap. 1 §'), secret('26 kap. 1 §')], 'sv')!;
    expect(part.outcome).toBe('delvis_bifall');
    expect(part.grounds.map((g) => g.id)).toEqual(['dsl_5_1_sekretess', 'dsl_5_2_utkast', 'art15_4_andras_rattigheter']);
    expect(part.grounds[0]!.oslReference).toBe('26 kap. 1 § och 25 kap. 1 §');
    expect(part.motivering).toBe('4 uppgifter eller handlingar lämnas inte ut. 1 handling lämnas ut med vissa uppgifter maskerade. Allt annat lämnas ut i registerutdraget.');
    expect(part.motivering).not.toContain('Anmälare');
    expect(validateDecisionParts([part], ['registerutdrag'])).toEqual([]);
    const statute = (ref: string): ItemReview => ({ outcome: 'withhold', ground: 'dsl_5_1_registerforfattning', statuteReference: ref, note: 'Registerlag.' });
    const withStatute = exclusionDecisionPart([statute('8 § lagen (2001:454)'), statute('4 kap. 2 § patientdatalagen (2008:355)'), statute('8 § lagen (2001:454)')], 'sv')!;
    expect(withStatute.grounds).toEqual([{ id: 'dsl_5_1_registerforfattning', text: expect.any(String), statuteReference: '8 § lagen (2001:454); 4 kap. 2 § patientdatalagen (2008:355)' }]);
    expect(validateDecisionParts([withStatute], ['registerutdrag'])).toEqual([]);
    expect(exclusionDecisionPart([draft], 'en')!.motivering).toBe('1 item is not provided. Everything else is provided in the copy.');
  });
});
