import { describe, expect, it } from 'vitest';
import { LEGAL_GROUND_IDS, type LegalGroundId } from './decision-types';
import { MAX_GROUND_TEXT, validateDecisionParts } from './decisions';
import { appliedProvisions, groundsFor, isOslReference, isStatuteReference, LEGAL_GROUNDS, legalGround, oslReferenceInEnglish } from './legal-grounds';
import { RIGHTS, type Right } from './requests';

describe('the library: one entry per LegalGroundId', () => {
  it('has exactly the ids of decision-types.ts, in their order', () => {
    expect(LEGAL_GROUNDS.map((g) => g.id)).toEqual([...LEGAL_GROUND_IDS]);
  });

  it.each(LEGAL_GROUND_IDS.map((id) => [id]))('%s has provisions, title and text in Swedish and English, and at least one right', (id) => {
    const g = legalGround(id);
    for (const field of [g.provisions, g.title, g.text]) {
      expect(field.sv.trim()).not.toBe('');
      expect(field.en.trim()).not.toBe('');
      expect(field.sv).not.toBe(field.en);
    }
    expect(g.rights.length).toBeGreaterThan(0);
    expect(g.text.sv.length).toBeLessThanOrEqual(MAX_GROUND_TEXT);
    expect(g.text.en.length).toBeLessThanOrEqual(MAX_GROUND_TEXT);
  });

  it('speaks as "vi", never as "nämnden": the PUA may be the kommunstyrelse or a bolag (DOMAIN.md §1)', () => {
    for (const g of LEGAL_GROUNDS) expect(g.text.sv, g.id).not.toMatch(/nämnd/i);
  });

  it('throws for an id outside the library', () => {
    expect(() => legalGround('art99' as LegalGroundId)).toThrow(RangeError);
  });
});

describe('provisions: the exact citations (FL 32 §)', () => {
  it.each([
    ['art17_3b_allmanna_handlingar', 'Artikel 17.3 b dataskyddsförordningen (EU) 2016/679; 2 kap. tryckfrihetsförordningen; arkivlagen (1990:782)', 'issue #6: radering of allmänna handlingar'],
    ['dsl_5_1_sekretess', '5 kap. 1 § lagen (2018:218) med kompletterande bestämmelser till EU:s dataskyddsförordning (dataskyddslagen); offentlighets- och sekretesslagen (2009:400)', 'DSL 5 kap. 1 §: secrecy under OSL'],
    ['dsl_5_1_registerforfattning', '5 kap. 1 § lagen (2018:218) med kompletterande bestämmelser till EU:s dataskyddsförordning (dataskyddslagen)', 'DSL 5 kap. 1 §: "enligt lag eller annan författning", here a registerförfattning (its provision is added when applied)'],
    ['dsl_5_2_utkast', '5 kap. 2 § lagen (2018:218) med kompletterande bestämmelser till EU:s dataskyddsförordning (dataskyddslagen)', 'DSL 5 kap. 2 §: utkast, minnesanteckningar'],
    ['art15_4_andras_rattigheter', 'Artikel 15.4 och 20.4 dataskyddsförordningen (EU) 2016/679', 'Art 15(4) and its twin 20(4) for portability'],
    ['art20_allmant_intresse', 'Artikel 20.1 och 20.3 dataskyddsförordningen (EU) 2016/679', 'Art 20(1) consent/contract only; 20(3) not for public tasks'],
    ['art21_tvingande_skal', 'Artikel 21.1 dataskyddsförordningen (EU) 2016/679', 'Art 21(1) compelling legitimate grounds'],
    ['art12_5_uppenbart_ogrundad', 'Artikel 12.5 dataskyddsförordningen (EU) 2016/679', 'Art 12(5) manifestly unfounded or excessive'],
    ['identitet_ej_styrkt', 'Artikel 12.2 och 12.6 dataskyddsförordningen (EU) 2016/679', 'Art 12(6) ask for identity; 12(2) unable to identify'],
    ['art16_uppgifterna_riktiga', 'Artikel 16 dataskyddsförordningen (EU) 2016/679', 'Art 16 covers inaccurate or incomplete data only'],
    ['art18_forutsattningar_saknas', 'Artikel 18.1 dataskyddsförordningen (EU) 2016/679', 'Art 18(1) lists the four situations'],
  ] as [LegalGroundId, string, string][])('%s → %s (%s)', (id, sv) => {
    expect(legalGround(id).provisions.sv).toBe(sv);
  });

  it('cites the law by its English name with the Swedish name and number in the English text', () => {
    expect(legalGround('art17_3b_allmanna_handlingar').provisions.en).toBe(
      'Article 17(3)(b) of the General Data Protection Regulation (EU) 2016/679; Chapter 2 of the Freedom of the Press Act (tryckfrihetsförordningen); the Archives Act (arkivlagen, 1990:782)',
    );
  });
});

describe('groundsFor — which grounds can justify refusing which right', () => {
  it.each([
    ['registerutdrag', ['dsl_5_1_sekretess', 'dsl_5_1_registerforfattning', 'dsl_5_2_utkast', 'art15_4_andras_rattigheter', 'art12_5_uppenbart_ogrundad', 'identitet_ej_styrkt'], 'DSL 5 kap. 1–2 §§ and Art 15(4) limit Art 15; Art 12(5)/(6) apply to every right'],
    ['rattelse', ['art12_5_uppenbart_ogrundad', 'identitet_ej_styrkt', 'art16_uppgifterna_riktiga'], 'Art 16: only inaccurate data are rectified'],
    ['radering', ['art17_3b_allmanna_handlingar', 'art12_5_uppenbart_ogrundad', 'identitet_ej_styrkt'], 'Art 17(3)(b): allmänna handlingar are kept (arkivlagen, TF 2 kap.)'],
    ['begransning', ['art12_5_uppenbart_ogrundad', 'identitet_ej_styrkt', 'art18_forutsattningar_saknas'], 'Art 18(1): the four situations'],
    ['invandning', ['art21_tvingande_skal', 'art12_5_uppenbart_ogrundad', 'identitet_ej_styrkt'], 'Art 21(1): compelling legitimate grounds'],
    ['dataportabilitet', ['art15_4_andras_rattigheter', 'art20_allmant_intresse', 'art12_5_uppenbart_ogrundad', 'identitet_ej_styrkt'], 'Art 20(3)/(1) and 20(4) (= 15(4)); not DSL 5 kap., which covers Art 13–15 only'],
    ['aterkalla_samtycke', ['art17_3b_allmanna_handlingar', 'art12_5_uppenbart_ogrundad', 'identitet_ej_styrkt'], 'Art 17(1)(b) erasure after withdrawal yields to Art 17(3)(b)'],
  ] as [Right, LegalGroundId[], string][])('%s → %j (%s)', (right, ids) => {
    expect(groundsFor(right).map((g) => g.id)).toEqual(ids);
  });

  it('offers at least one ground for every right, so every right can be refused with a reason', () => {
    for (const r of RIGHTS) expect(groundsFor(r).length, r).toBeGreaterThan(0);
  });
});

describe('flags', () => {
  it('only Art 12(5) requires a justification beyond the template (the PUA carries the burden of proof)', () => {
    expect(LEGAL_GROUNDS.filter((g) => g.requiresJustification).map((g) => g.id)).toEqual(['art12_5_uppenbart_ogrundad']);
  });

  it('only DSL 5 kap. 1 § needs the OSL chapter and section', () => {
    expect(LEGAL_GROUNDS.filter((g) => g.needsOslReference).map((g) => g.id)).toEqual(['dsl_5_1_sekretess']);
  });

  it('only the registerförfattning ground needs the statute cited (DSL 1 kap. 6 §: the register statute takes precedence)', () => {
    expect(LEGAL_GROUNDS.filter((g) => g.needsStatuteReference).map((g) => g.id)).toEqual(['dsl_5_1_registerforfattning']);
  });

  it('the Art 12(5) template carries its bracketed instruction in both languages', () => {
    const g = legalGround('art12_5_uppenbart_ogrundad');
    expect(g.text.sv.endsWith(g.placeholder!.sv)).toBe(true);
    expect(g.text.en.endsWith(g.placeholder!.en)).toBe(true);
    expect(g.placeholder!.sv).toMatch(/^\[.*\]$/);
  });

  it.each(LEGAL_GROUND_IDS.map((id) => [id]))('the template of %s can be used as it stands, except Art 12(5)', (id) => {
    const g = legalGround(id);
    for (const lang of ['sv', 'en'] as const) {
      const parts = [{ right: g.rights[0]!, outcome: 'avslag' as const, motivering: 'Se nedan.', grounds: [{ id, text: g.text[lang], ...(g.needsOslReference ? { oslReference: '26 kap. 1 §' } : {}), ...(g.needsStatuteReference ? { statuteReference: '8 § lagen (2001:454)' } : {}) }] }];
      const codes = validateDecisionParts(parts, [g.rights[0]!]).map((e) => e.code);
      expect(codes).toEqual(g.requiresJustification ? ['justificationRequired'] : []);
    }
  });
});

describe('isOslReference — how Swedish statutes are cited (DSL 5 kap. 1 § needs the OSL provision)', () => {
  it.each([
    ['26 kap. 1 §', true, 'socialtjänstsekretess'],
    ['26 kap. 1 § första stycket', true, 'with stycke'],
    ['12 kap. 3 § andra stycket', true, 'OSL 12 kap. 3 §: secret towards the vårdnadshavare'],
    ['21 kap. 3 a §', true, 'a-paragraph'],
    ['25 kap. 1 och 2 §§', true, 'two sections: §§'],
    ['26 kap. 1, 2 och 5 §§', true, 'three sections'],
    ['26 kap. 1 § och 12 kap. 3 §', true, 'two chapters'],
    ['26 kap. 1 §; 21 kap. 1 §', true, 'separated by semicolon'],
    ['  26  kap. 1 § ', true, 'extra spaces are normalised'],
    ['', false, 'empty'],
    ['OSL', false, 'the law without chapter and section'],
    ['26:1', false, 'not the Swedish citation form'],
    ['26 kap 1 §', false, '"kap." has a full stop'],
    ['26 kap. 1', false, 'no §'],
    ['25 kap. 1 och 2 §', false, 'several sections take §§'],
    ['26 kap. 1 §§', false, 'one section takes §'],
    ['kap. 1 §', false, 'no chapter'],
    ['26 kap. § 1', false, '§ after the number'],
  ])('%j → %s (%s)', (ref, expected) => {
    expect(isOslReference(ref)).toBe(expected);
  });

  it.each([
    ['26 kap. 1 §', 'Chapter 26, Section 1'],
    ['26 kap. 1 § första stycket', 'Chapter 26, Section 1, first paragraph'],
    ['25 kap. 1 och 2 §§', 'Chapter 25, Sections 1 and 2'],
    ['21 kap. 3 a §', 'Chapter 21, Section 3 a'],
    ['26 kap. 1 § och 12 kap. 3 §', 'Chapter 26, Section 1; Chapter 12, Section 3'],
    ['OSL', 'OSL'],
  ])('oslReferenceInEnglish(%j) = %j', (ref, expected) => {
    expect(oslReferenceInEnglish(ref)).toBe(expected);
  });
});

describe('appliedProvisions — the citations printed for a ground as applied', () => {
  it.each([
    [{ id: 'dsl_5_1_sekretess', oslReference: '26 kap. 1 §' }, 'sv', '5 kap. 1 § lagen (2018:218) med kompletterande bestämmelser till EU:s dataskyddsförordning (dataskyddslagen); 26 kap. 1 § offentlighets- och sekretesslagen (2009:400)'],
    [
      { id: 'dsl_5_1_sekretess', oslReference: '26 kap. 1 §' },
      'en',
      'Chapter 5, Section 1 of the Act (2018:218) containing supplementary provisions to the EU General Data Protection Regulation (Data Protection Act); Chapter 26, Section 1 of the Public Access to Information and Secrecy Act (offentlighets- och sekretesslagen, 2009:400)',
    ],
    [{ id: 'dsl_5_1_sekretess' }, 'sv', '5 kap. 1 § lagen (2018:218) med kompletterande bestämmelser till EU:s dataskyddsförordning (dataskyddslagen); offentlighets- och sekretesslagen (2009:400)'],
    [
      { id: 'dsl_5_1_registerforfattning', statuteReference: '8 §  lagen (2001:454) om behandling av personuppgifter inom socialtjänsten' },
      'sv',
      '5 kap. 1 § lagen (2018:218) med kompletterande bestämmelser till EU:s dataskyddsförordning (dataskyddslagen); 8 § lagen (2001:454) om behandling av personuppgifter inom socialtjänsten',
    ],
    [
      { id: 'dsl_5_1_registerforfattning', statuteReference: '4 kap. 2 § patientdatalagen (2008:355)' },
      'en',
      'Chapter 5, Section 1 of the Act (2018:218) containing supplementary provisions to the EU General Data Protection Regulation (Data Protection Act); 4 kap. 2 § patientdatalagen (2008:355)',
    ],
    [{ id: 'dsl_5_2_utkast', statuteReference: '8 § lagen (2001:454)' }, 'sv', '5 kap. 2 § lagen (2018:218) med kompletterande bestämmelser till EU:s dataskyddsförordning (dataskyddslagen)'],
    [{ id: 'art17_3b_allmanna_handlingar', oslReference: '26 kap. 1 §' }, 'sv', 'Artikel 17.3 b dataskyddsförordningen (EU) 2016/679; 2 kap. tryckfrihetsförordningen; arkivlagen (1990:782)'],
  ] as [{ id: LegalGroundId; oslReference?: string; statuteReference?: string }, 'sv' | 'en', string][])('%j in %s', (applied, lang, expected) => {
    expect(appliedProvisions(applied, lang)).toBe(expected);
  });
});

describe('isStatuteReference — a register statute cited so the person can find it (DSL 5 kap. 1 §)', () => {
  it.each([
    ['8 § lagen (2001:454) om behandling av personuppgifter inom socialtjänsten', true, 'section and SFS number'],
    ['4 kap. 2 § patientdatalagen (2008:355)', true, 'chapter and section'],
    ['6 och 7 §§ förordningen (2001:637), SFS 2001:637', true, 'several sections'],
    ['3 a § lagen (2001:454)', true, 'a lettered section'],
    ['lagen (2001:454) om behandling av personuppgifter inom socialtjänsten', false, 'no section'],
    ['8 § socialtjänstlagen', false, 'no SFS number'],
    ['SoL', false, 'an abbreviation'],
    ['', false, 'empty'],
    [`8 § lagen (2001:454) ${'x'.repeat(200)}`, false, 'longer than MAX_STATUTE_REFERENCE'],
  ] as [string, boolean, string][])('%j → %s (%s)', (reference, expected) => {
    expect(isStatuteReference(reference)).toBe(expected);
  });
});
