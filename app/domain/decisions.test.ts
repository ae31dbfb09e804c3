import { describe, expect, it } from 'vitest';
import { DECISION_TYPES, type AppliedGround, type DecisionPart, type DecisionType, type LegalGroundId, type RightOutcome } from './decision-types';
import { appealInstructionsFor, appealsGoToCourt, decisionTypeOf, hasCaseJustification, isAppealable, MAX_GROUND_TEXT, MAX_MOTIVERING, validateDecisionParts } from './decisions';
import { legalGround } from './legal-grounds';
import type { Right } from './requests';

/** A ground as the form sends it: the library's Swedish text unless `text` is given. */
function ground(id: LegalGroundId, extra: Partial<AppliedGround> = {}): AppliedGround {
  const reference = id === 'dsl_5_1_sekretess' ? { oslReference: '26 kap. 1 §' } : id === 'dsl_5_1_registerforfattning' ? { statuteReference: '8 § lagen (2001:454) om behandling av personuppgifter inom socialtjänsten' } : {};
  return { id, text: legalGround(id).text.sv, ...reference, ...extra };
}
function part(right: Right, outcome: RightOutcome, grounds: AppliedGround[] = [], motivering = outcome === 'bifall' ? '' : 'Se skälen nedan.'): DecisionPart {
  return { right, outcome, grounds, motivering };
}

const ART12_5 = legalGround('art12_5_uppenbart_ogrundad');
/** The template with its instruction replaced by the facts of the case. */
const JUSTIFIED_12_5 = ART12_5.text.sv.replace(
  ART12_5.placeholder!.sv,
  'Du har sedan den 5 januari 2026 skickat 14 begäranden om registerutdrag med samma innehåll, den senaste i går. Vi har besvarat var och en inom en månad, och inga nya uppgifter om dig har tillkommit sedan dess.',
);
const art12_5 = (text = JUSTIFIED_12_5) => ground('art12_5_uppenbart_ogrundad', { text });

describe('decisionTypeOf — the kind of decision the delegeringsförteckning names', () => {
  it.each([
    ['bifall', [part('registerutdrag', 'bifall')], 'every right granted'],
    ['bifall', [part('registerutdrag', 'bifall'), part('rattelse', 'bifall')], 'every right granted'],
    ['avslag', [part('radering', 'avslag', [ground('art17_3b_allmanna_handlingar')])], 'every right refused'],
    ['avslag', [part('radering', 'avslag', [ground('art17_3b_allmanna_handlingar')]), part('rattelse', 'avslag', [ground('art16_uppgifterna_riktiga')])], 'every right refused'],
    ['avvisning', [part('radering', 'avvisning', [ground('identitet_ej_styrkt')])], 'every right dismissed'],
    ['delvis_bifall', [part('registerutdrag', 'delvis_bifall', [ground('dsl_5_1_sekretess')])], 'a partial grant'],
    ['delvis_bifall', [part('registerutdrag', 'bifall'), part('radering', 'avslag', [ground('art17_3b_allmanna_handlingar')])], 'mixed: one granted, one refused'],
    ['delvis_bifall', [part('registerutdrag', 'delvis_bifall', [ground('dsl_5_2_utkast')]), part('rattelse', 'bifall')], 'any delvis_bifall'],
    ['avslag', [part('radering', 'avslag', [ground('art17_3b_allmanna_handlingar')]), part('rattelse', 'avvisning', [ground('identitet_ej_styrkt')])], 'nothing granted is no partial grant: avslag + avvisning'],
    ['art12_5', [part('registerutdrag', 'avslag', [art12_5()])], 'Art 12(5): the only refused part rests on it'],
    ['art12_5', [part('registerutdrag', 'avslag', [art12_5()]), part('rattelse', 'avslag', [art12_5(), ground('art16_uppgifterna_riktiga')])], 'Art 12(5): every refused part cites it, with or without other grounds'],
    ['art12_5', [part('rattelse', 'bifall'), part('registerutdrag', 'avvisning', [art12_5()])], 'Art 12(5): granted parts do not change it'],
    ['avslag', [part('registerutdrag', 'avslag', [art12_5()]), part('radering', 'avslag', [ground('art17_3b_allmanna_handlingar')])], 'Art 12(5) on only some refused parts → typed by outcomes'],
  ] as [DecisionType, DecisionPart[], string][])('→ %s (%s)', (expected, parts) => {
    expect(decisionTypeOf(parts)).toBe(expected);
  });

  it('a decision without parts is not a decision', () => {
    expect(() => decisionTypeOf([])).toThrow(RangeError);
  });
});

describe('isAppealable — DSL 7 kap. 2 §, FL 41 §: everything that goes against the person', () => {
  it.each([
    ['bifall', false, 'a full grant goes against no one'],
    ['delvis_bifall', true, 'DSL 7 kap. 2 §: a partial refusal under Art 15–21'],
    ['avslag', true, 'DSL 7 kap. 2 §'],
    ['avvisning', true, 'FL 41 §: a dismissal affects the person'],
    ['art12_5', true, 'DSL 7 kap. 2 §: Art 12.5 named expressly'],
    ['avvisning_sent_overklagande', true, 'FL 41 §, 45 §: the dismissal of a late appeal can itself be appealed'],
    ['omprovning', true, 'FL 37–39 §§: an omprövning without its parts counts as appealable (a needless instruction beats none)'],
  ] as [DecisionType, boolean, string][])('%s → %s (%s)', (type, expected) => {
    expect(isAppealable(type)).toBe(expected);
  });

  it.each([
    [[part('registerutdrag', 'bifall'), part('radering', 'bifall')], false, 'an omprövning that grants everything goes against no one'],
    [[part('registerutdrag', 'bifall'), part('radering', 'avslag', [ground('art17_3b_allmanna_handlingar')])], true, 'an omprövning that still refuses something'],
    [[part('registerutdrag', 'delvis_bifall', [ground('dsl_5_1_sekretess')])], true, 'an omprövning that still withholds something'],
  ] as [DecisionPart[], boolean, string][])('omprövning with parts → %#: %s (%s)', (parts, expected) => {
    expect(isAppealable('omprovning', parts)).toBe(expected);
    expect(appealInstructionsFor('omprovning', parts, 'namnd')).toBe(expected ? 'correct' : 'not_applicable');
  });

  it('FL 33 §: instructions on every appealable type, none on a bifall', () => {
    expect(DECISION_TYPES.filter((t) => appealInstructionsFor(t, undefined, 'namnd') === 'not_applicable')).toEqual(['bifall']);
  });
});

describe('validateDecisionParts', () => {
  const ok: [string, DecisionPart[], Right[]][] = [
    ['registerutdrag granted, radering refused on Art 17(3)(b)', [part('registerutdrag', 'bifall'), part('radering', 'avslag', [ground('art17_3b_allmanna_handlingar')])], ['registerutdrag', 'radering']],
    ['registerutdrag in part: secrecy with its OSL provision, and drafts', [part('registerutdrag', 'delvis_bifall', [ground('dsl_5_1_sekretess'), ground('dsl_5_2_utkast')])], ['registerutdrag']],
    ['a bifall with a motivering (optional, FL 32 §)', [part('rattelse', 'bifall', [], 'Adressen är ändrad i Procapita.')], ['rattelse']],
    ['parts in another order than the rights', [part('radering', 'avslag', [ground('art17_3b_allmanna_handlingar')]), part('registerutdrag', 'bifall')], ['registerutdrag', 'radering']],
    ['Art 12(5) with the facts of the case in place of the instruction', [part('registerutdrag', 'avslag', [art12_5()])], ['registerutdrag']],
    ['Art 12(5) written entirely in own words', [part('radering', 'avslag', [art12_5('Du har sedan januari skickat 14 likadana begäranden om radering av samma anteckning. Vi har prövat den första och avslagit den; de senare innehåller inga nya omständigheter.')])], ['radering']],
    ['Art 12(5) in English with the instruction replaced', [part('radering', 'avslag', [art12_5(ART12_5.text.en.replace(ART12_5.placeholder!.en, 'Since January you have sent 14 identical requests to erase the same entry, none with new circumstances.'))])], ['radering']],
    ['identity not confirmed, avvisning (Art 12(6))', [part('invandning', 'avvisning', [ground('identitet_ej_styrkt')])], ['invandning']],
    ['a registerförfattning with its provision (DSL 5 kap. 1 §)', [part('registerutdrag', 'delvis_bifall', [ground('dsl_5_1_registerforfattning')])], ['registerutdrag']],
    ['OSL with stycke and a second chapter', [part('registerutdrag', 'delvis_bifall', [ground('dsl_5_1_sekretess', { oslReference: '26 kap. 1 § första stycket och 12 kap. 3 §' })])], ['registerutdrag']],
  ];
  it.each(ok)('valid: %s', (_name, parts, rights) => {
    expect(validateDecisionParts(parts, rights)).toEqual([]);
  });

  const bad: [string, DecisionPart[], Right[], { path: string; code: string }[]][] = [
    ['one part per requested right: missing', [part('registerutdrag', 'bifall')], ['registerutdrag', 'radering'], [{ path: 'rights[1]', code: 'missingPart' }]],
    ['no parts at all, two rights', [], ['registerutdrag', 'radering'], [{ path: 'rights[0]', code: 'missingPart' }, { path: 'rights[1]', code: 'missingPart' }]],
    ['no parts, no rights', [], [], [{ path: 'parts', code: 'partsRequired' }]],
    ['a right that was not requested', [part('registerutdrag', 'bifall'), part('radering', 'bifall')], ['registerutdrag'], [{ path: 'parts[1].right', code: 'notRequested' }]],
    ['the same right twice', [part('registerutdrag', 'bifall'), part('registerutdrag', 'bifall')], ['registerutdrag'], [{ path: 'parts[1].right', code: 'duplicateRight' }]],
    ['an unknown right', [{ ...part('registerutdrag', 'bifall'), right: 'glomska' as Right }, part('registerutdrag', 'bifall')], ['registerutdrag'], [{ path: 'parts[0].right', code: 'unknownRight' }]],
    ['no outcome chosen', [{ ...part('registerutdrag', 'bifall'), outcome: '' as RightOutcome }], ['registerutdrag'], [{ path: 'parts[0].outcome', code: 'unknownOutcome' }]],
    ['FL 32 §: a refusal without motivering', [part('radering', 'avslag', [ground('art17_3b_allmanna_handlingar')], '')], ['radering'], [{ path: 'parts[0].motivering', code: 'motiveringRequired' }]],
    ['FL 32 §: a motivering of only spaces', [part('radering', 'avslag', [ground('art17_3b_allmanna_handlingar')], '   \n ')], ['radering'], [{ path: 'parts[0].motivering', code: 'motiveringRequired' }]],
    ['FL 32 §: a refusal without the provisions applied', [part('radering', 'avslag', [])], ['radering'], [{ path: 'parts[0].grounds', code: 'groundsRequired' }]],
    ['a delvis_bifall is a refusal too', [part('registerutdrag', 'delvis_bifall', [], '')], ['registerutdrag'], [{ path: 'parts[0].motivering', code: 'motiveringRequired' }, { path: 'parts[0].grounds', code: 'groundsRequired' }]],
    ['a bifall has no grounds', [part('registerutdrag', 'bifall', [ground('dsl_5_2_utkast')])], ['registerutdrag'], [{ path: 'parts[0].grounds', code: 'groundsNotAllowed' }]],
    ['DSL 5 kap. 1 § covers Art 13–15 only, not radering', [part('radering', 'avslag', [ground('dsl_5_1_sekretess')])], ['radering'], [{ path: 'parts[0].grounds[0].id', code: 'groundNotForRight' }]],
    ['Art 17(3)(b) is no ground to refuse registerutdrag', [part('registerutdrag', 'avslag', [ground('art17_3b_allmanna_handlingar')])], ['registerutdrag'], [{ path: 'parts[0].grounds[0].id', code: 'groundNotForRight' }]],
    ['a ground outside the library', [part('radering', 'avslag', [{ id: 'art99' as LegalGroundId, text: 'x' }])], ['radering'], [{ path: 'parts[0].grounds[0].id', code: 'unknownGround' }]],
    ['the same ground twice', [part('radering', 'avslag', [ground('art17_3b_allmanna_handlingar'), ground('art17_3b_allmanna_handlingar')])], ['radering'], [{ path: 'parts[0].grounds[1].id', code: 'duplicateGround' }]],
    ['a ground with its text deleted', [part('radering', 'avslag', [ground('art17_3b_allmanna_handlingar', { text: ' ' })])], ['radering'], [{ path: 'parts[0].grounds[0].text', code: 'textRequired' }]],
    ['DSL 5 kap. 1 § without the OSL provision', [part('registerutdrag', 'delvis_bifall', [ground('dsl_5_1_sekretess', { oslReference: undefined })])], ['registerutdrag'], [{ path: 'parts[0].grounds[0].oslReference', code: 'oslReferenceRequired' }]],
    ['DSL 5 kap. 1 § with "OSL" only', [part('registerutdrag', 'delvis_bifall', [ground('dsl_5_1_sekretess', { oslReference: 'OSL' })])], ['registerutdrag'], [{ path: 'parts[0].grounds[0].oslReference', code: 'oslReferenceInvalid' }]],
    ['DSL 5 kap. 1 § with "26:1"', [part('registerutdrag', 'delvis_bifall', [ground('dsl_5_1_sekretess', { oslReference: '26:1' })])], ['registerutdrag'], [{ path: 'parts[0].grounds[0].oslReference', code: 'oslReferenceInvalid' }]],
    ['a registerförfattning without its provision', [part('registerutdrag', 'delvis_bifall', [ground('dsl_5_1_registerforfattning', { statuteReference: undefined })])], ['registerutdrag'], [{ path: 'parts[0].grounds[0].statuteReference', code: 'statuteReferenceRequired' }]],
    ['a registerförfattning named without SFS number', [part('registerutdrag', 'delvis_bifall', [ground('dsl_5_1_registerforfattning', { statuteReference: '8 § SoLPuL' })])], ['registerutdrag'], [{ path: 'parts[0].grounds[0].statuteReference', code: 'statuteReferenceInvalid' }]],
    ['Art 12(5): the template as it stands', [part('registerutdrag', 'avslag', [art12_5(ART12_5.text.sv)])], ['registerutdrag'], [{ path: 'parts[0].grounds[0].text', code: 'justificationRequired' }]],
    ['Art 12(5): the English template as it stands', [part('registerutdrag', 'avslag', [art12_5(ART12_5.text.en)])], ['registerutdrag'], [{ path: 'parts[0].grounds[0].text', code: 'justificationRequired' }]],
    ['Art 12(5): the instruction deleted, nothing written', [part('registerutdrag', 'avslag', [art12_5(ART12_5.text.sv.replace(ART12_5.placeholder!.sv, ''))])], ['registerutdrag'], [{ path: 'parts[0].grounds[0].text', code: 'justificationRequired' }]],
    ['Art 12(5): the instruction replaced by "Se ovan."', [part('registerutdrag', 'avslag', [art12_5(ART12_5.text.sv.replace(ART12_5.placeholder!.sv, 'Se ovan.'))])], ['registerutdrag'], [{ path: 'parts[0].grounds[0].text', code: 'justificationRequired' }]],
    ['Art 12(5): facts written but the instruction left in', [part('registerutdrag', 'avslag', [art12_5(`${ART12_5.text.sv} Du har skickat 14 likadana begäranden sedan den 5 januari 2026.`)])], ['registerutdrag'], [{ path: 'parts[0].grounds[0].text', code: 'justificationRequired' }]],
    ['Art 12(5): the template with its whitespace changed', [part('registerutdrag', 'avslag', [art12_5(ART12_5.text.sv.replace(ART12_5.placeholder!.sv, '').replace(/ /g, '  \n'))])], ['registerutdrag'], [{ path: 'parts[0].grounds[0].text', code: 'justificationRequired' }]],
    ['motivering too long', [part('radering', 'avslag', [ground('art17_3b_allmanna_handlingar')], 'x'.repeat(MAX_MOTIVERING + 1))], ['radering'], [{ path: 'parts[0].motivering', code: 'tooLong' }]],
    ['ground text too long', [part('radering', 'avslag', [ground('art17_3b_allmanna_handlingar', { text: 'x'.repeat(MAX_GROUND_TEXT + 1) })])], ['radering'], [{ path: 'parts[0].grounds[0].text', code: 'tooLong' }]],
    ['OSL provision too long', [part('registerutdrag', 'delvis_bifall', [ground('dsl_5_1_sekretess', { oslReference: `26 kap. ${'1, '.repeat(40)}2 §§` })])], ['registerutdrag'], [{ path: 'parts[0].grounds[0].oslReference', code: 'tooLong' }]],
    ['a bifall with a too long motivering', [part('rattelse', 'bifall', [], 'x'.repeat(MAX_MOTIVERING + 1))], ['rattelse'], [{ path: 'parts[0].motivering', code: 'tooLong' }]],
  ];
  it.each(bad)('%s', (_name, parts, rights, expected) => {
    expect(validateDecisionParts(parts, rights)).toEqual(expected);
  });

  it('reports every error of every part, in part order', () => {
    const parts = [part('registerutdrag', 'delvis_bifall', [ground('dsl_5_1_sekretess', { oslReference: '' })], ''), part('radering', 'avslag', [ground('dsl_5_2_utkast')])];
    expect(validateDecisionParts(parts, ['registerutdrag', 'radering', 'rattelse'])).toEqual([
      { path: 'parts[0].motivering', code: 'motiveringRequired' },
      { path: 'parts[0].grounds[0].oslReference', code: 'oslReferenceRequired' },
      { path: 'parts[1].grounds[0].id', code: 'groundNotForRight' },
      { path: 'rights[2]', code: 'missingPart' },
    ]);
  });
});

describe('hasCaseJustification', () => {
  it('passes every ground that requires none, whatever the text', () => {
    expect(hasCaseJustification('', legalGround('dsl_5_2_utkast'))).toBe(true);
  });
  it('counts the own words beyond the template, not the template (Art 12(5): the PUA must show why)', () => {
    const base = ART12_5.text.sv.replace(ART12_5.placeholder!.sv, '');
    expect(hasCaseJustification(`${base} Fjorton likadana begäranden.`, ART12_5)).toBe(false); // 26 letters
    expect(hasCaseJustification(`${base} Fjorton likadana begäranden sedan januari, alla om samma anteckning.`, ART12_5)).toBe(true);
  });
});

describe('appealInstructionsFor — DSL 7 kap. 2 §: "beslut av en myndighet" go to förvaltningsrätten', () => {
  it.each([
    ['namnd', 'avslag', 'correct', 'a nämnd is a myndighet'],
    ['kommunstyrelse', 'delvis_bifall', 'correct', 'so is the kommunstyrelse'],
    ['namnd', 'bifall', 'not_applicable', 'a full grant goes against no one (FL 41 §)'],
    ['bolag', 'avslag', 'not_applicable', 'a kommunalt bolag is not a myndighet: IMY (Art 77) or allmän domstol (Art 79) instead'],
    ['bolag', 'art12_5', 'not_applicable', 'likewise its refusal under Art 12(5)'],
    ['bolag', 'bifall', 'not_applicable', 'and a full grant'],
  ] as const)('%s, %s → %s (%s)', (kind, type, expected, _why) => {
    expect(appealInstructionsFor(type, undefined, kind)).toBe(expected);
    expect(appealsGoToCourt(kind)).toBe(kind !== 'bolag');
  });
});
