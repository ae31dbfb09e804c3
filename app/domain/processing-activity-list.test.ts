import { describe, expect, it } from 'vitest';
import { portabilityApplies, type ProcessingActivity } from './processing-activities';
import {
  activityCodeFrom,
  checkProcessingActivity,
  lines,
  placeProcessingActivity,
  removeProcessingActivity,
  toProcessingActivityInput,
  type ProcessingActivityInput,
} from './processing-activity-list';

const activity = (code: string, over: Partial<ProcessingActivity> = {}): ProcessingActivity => ({
  code,
  name: `Behandling ${code}`,
  purposes: ['Handläggning'],
  legalBasis: 'public_interest',
  legalBasisLaw: 'Socialtjänstlagen (2025:400)',
  dataCategories: ['Namn'],
  subjectCategories: ['Sökande'],
  recipients: [],
  thirdCountry: { transfers: false },
  retention: 'Fem år',
  source: 'Den sökande',
  automatedDecisions: { exists: false },
  systems: ['Treserva'],
  ...over,
});
const LIST = [activity('ekonomiskt-bistand'), activity('barn-och-unga'), activity('familjeradgivning')];
const ctx = (replacing: string | null = null) => ({ activities: LIST, replacing });

/** A complete new activity as the form sends it: Sjöbacka's skolskjuts (Skollagen 10 kap. 32 §). */
const input = (over: Partial<ProcessingActivityInput> = {}): ProcessingActivityInput => ({
  code: '',
  name: 'Skolskjuts',
  purposes: 'Pröva rätten till skolskjuts\r\nPlanera turerna',
  legalBasis: 'public_interest',
  legalBasisLaw: 'Skollagen (2010:800) 10 kap. 32 §',
  dataCategories: 'Namn och adress\nSkola',
  sensitiveCategories: '',
  subjectCategories: 'Elever\nVårdnadshavare',
  recipients: 'Trafikföretaget',
  thirdCountry: 'no',
  thirdCountryCountries: '',
  thirdCountrySafeguards: '',
  retention: 'Tre år efter att beslutet upphört',
  retentionReference: 'DHP BUN 4.4',
  source: 'Vårdnadshavarna',
  automated: 'no',
  automatedLogic: '',
  automatedSignificance: '',
  systems: 'Skolskjutsplaneringen',
  ...over,
});

describe('checkProcessingActivity — one activity of the registerförteckning (Art 30(1))', () => {
  it.each([
    ['complete', {}, null, []],
    ['no name', { name: ' ' }, null, [{ field: 'name', code: 'required' }]],
    ['a name over 200 characters', { name: 'x'.repeat(201) }, null, [{ field: 'name', code: 'too_long' }]],
    ['a code already in the förteckning', { code: 'barn-och-unga' }, null, [{ field: 'code', code: 'duplicate' }]],
    ['a name that makes a code already in the förteckning', { name: 'Familjerådgivning' }, null, [{ field: 'code', code: 'duplicate' }]],
    ['a code with capitals and spaces', { code: 'Skol skjuts' }, null, [{ field: 'code', code: 'invalid' }]],
    ['a code over 60 characters', { code: 'a'.repeat(61) }, null, [{ field: 'code', code: 'too_long' }]],
    ['a name that makes no code, and no code given', { name: '§§§' }, null, [{ field: 'code', code: 'required' }]],
    ['a changed activity keeps its code: the one sent is not checked', { code: 'barn-och-unga', name: 'Familjerådgivning' }, 'familjeradgivning', []],
    ['no purpose (Art 30(1)(b))', { purposes: '\n \n' }, null, [{ field: 'purposes', code: 'required' }]],
    ['a purpose over 300 characters', { purposes: `Kort\n${'x'.repeat(301)}` }, null, [{ field: 'purposes', code: 'too_long' }]],
    ['more than 40 categories', { dataCategories: Array.from({ length: 41 }, (_, i) => `Uppgift ${i}`).join('\n') }, null, [{ field: 'dataCategories', code: 'too_many' }]],
    ['no legal basis chosen', { legalBasis: '' }, null, [{ field: 'legalBasis', code: 'choose' }]],
    ['a basis that is not one of Art 6(1)', { legalBasis: 'myndighetsutovning' }, null, [{ field: 'legalBasis', code: 'choose' }]],
    ['6.1 e without the law it rests on (Art 6(3))', { legalBasisLaw: '' }, null, [{ field: 'legalBasisLaw', code: 'required' }]],
    ['6.1 c without the law (Art 6(3))', { legalBasis: 'legal_obligation', legalBasisLaw: ' ' }, null, [{ field: 'legalBasisLaw', code: 'required' }]],
    ['6.1 a needs no law', { legalBasis: 'consent', legalBasisLaw: '' }, null, []],
    ['6.1 b needs no law', { legalBasis: 'contract', legalBasisLaw: '' }, null, []],
    ['6.1 f needs no law', { legalBasis: 'legitimate_interest', legalBasisLaw: '' }, null, []],
    ['no category of personal data (Art 30(1)(c))', { dataCategories: '' }, null, [{ field: 'dataCategories', code: 'required' }]],
    ['no category of data subjects (Art 30(1)(c))', { subjectCategories: '' }, null, [{ field: 'subjectCategories', code: 'required' }]],
    ['no recipients: none outside the PUA', { recipients: '' }, null, []],
    ['transfers not answered (Art 30(1)(e))', { thirdCountry: '' }, null, [{ field: 'thirdCountry', code: 'choose' }]],
    ['a transfer without countries or safeguards', { thirdCountry: 'yes' }, null, [{ field: 'thirdCountryCountries', code: 'required' }, { field: 'thirdCountrySafeguards', code: 'required' }]],
    ['details of a transfer that does not happen are left out, not refused', { thirdCountry: 'no', thirdCountryCountries: 'USA', thirdCountrySafeguards: 'x'.repeat(3000) }, null, []],
    ['no retention (Art 30(1)(f))', { retention: '' }, null, [{ field: 'retention', code: 'required' }]],
    ['a dokumenthanteringsplan reference over 100 characters', { retentionReference: 'D'.repeat(101) }, null, [{ field: 'retentionReference', code: 'too_long' }]],
    ['no source', { source: '' }, null, [{ field: 'source', code: 'required' }]],
    ['automated decisions not answered', { automated: 'maybe' }, null, [{ field: 'automated', code: 'choose' }]],
    ['automated decisions without logic or consequences (Art 15(1)(h))', { automated: 'yes' }, null, [{ field: 'automatedLogic', code: 'required' }, { field: 'automatedSignificance', code: 'required' }]],
    ['no systems: kept on paper only', { systems: '' }, null, []],
  ] as const)('%s', (_label, over, replacing, errors) => {
    const r = checkProcessingActivity(input(over), ctx(replacing));
    expect(r.ok ? [] : r.errors).toEqual(errors);
  });

  it('reports every missing part at once', () => {
    const empty = Object.fromEntries(Object.keys(input()).map((k) => [k, ''])) as ProcessingActivityInput;
    const r = checkProcessingActivity(empty, ctx());
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['name', 'purposes', 'legalBasis', 'dataCategories', 'subjectCategories', 'thirdCountry', 'retention', 'source', 'automated']);
  });

  it('makes the activity: lines become items (trimmed, once), the code comes from the name, optional parts only when given', () => {
    const r = checkProcessingActivity(input({ purposes: ' Pröva rätten till skolskjuts \r\n\r\nPlanera turerna\nPlanera turerna', retentionReference: ' ' }), ctx());
    expect(r).toEqual({
      ok: true,
      activity: {
        code: 'skolskjuts',
        name: 'Skolskjuts',
        purposes: ['Pröva rätten till skolskjuts', 'Planera turerna'],
        legalBasis: 'public_interest',
        legalBasisLaw: 'Skollagen (2010:800) 10 kap. 32 §',
        dataCategories: ['Namn och adress', 'Skola'],
        subjectCategories: ['Elever', 'Vårdnadshavare'],
        recipients: ['Trafikföretaget'],
        thirdCountry: { transfers: false },
        retention: 'Tre år efter att beslutet upphört',
        source: 'Vårdnadshavarna',
        automatedDecisions: { exists: false },
        systems: ['Skolskjutsplaneringen'],
      },
    });
  });

  it('keeps the details of a transfer and of automated decisions when they happen', () => {
    const r = checkProcessingActivity(
      input({
        code: 'nyhetsbrev',
        legalBasis: 'consent',
        legalBasisLaw: '',
        thirdCountry: 'yes',
        thirdCountryCountries: 'USA\n',
        thirdCountrySafeguards: 'EU–US Data Privacy Framework',
        automated: 'yes',
        automatedLogic: 'Utskicken väljs efter ämne',
        automatedSignificance: 'Ingen rättslig verkan',
        sensitiveCategories: 'Uppgifter om hälsa',
      }),
      ctx(),
    );
    expect(r.ok && r.activity).toMatchObject({
      code: 'nyhetsbrev',
      legalBasis: 'consent',
      sensitiveCategories: ['Uppgifter om hälsa'],
      thirdCountry: { transfers: true, countries: ['USA'], safeguards: 'EU–US Data Privacy Framework' },
      automatedDecisions: { exists: true, logic: 'Utskicken väljs efter ämne', significance: 'Ingen rättslig verkan' },
    });
    expect(r.ok && 'legalBasisLaw' in r.activity).toBe(false);
    expect(r.ok && portabilityApplies(r.activity)).toBe(true);
  });

  it('an activity read back into the form and saved unchanged is the same activity', () => {
    const a = activity('hyresavtal', {
      legalBasis: 'contract',
      sensitiveCategories: ['Hälsa'],
      thirdCountry: { transfers: true, countries: ['USA', 'Indien'], safeguards: 'Standardavtalsklausuler' },
      retentionReference: 'Dokumenthanteringsplan SBH 2.1',
      automatedDecisions: { exists: true, logic: 'Kötid', significance: 'Vem som får erbjudande' },
    });
    expect(checkProcessingActivity(toProcessingActivityInput(a), { activities: [...LIST, a], replacing: 'hyresavtal' })).toEqual({ ok: true, activity: a });
  });
});

describe('activityCodeFrom — a code for the samverkan file, from the name', () => {
  it.each([
    ['Skolskjuts', 'skolskjuts'],
    ['Handläggning av ekonomiskt bistånd', 'handlaggning-av-ekonomiskt-bistand'],
    ['  Bygglov, rivningslov & marklov ', 'bygglov-rivningslov-marklov'],
    ['Insatser enligt LSS (1993:387)', 'insatser-enligt-lss-1993-387'],
    ['Café – Kulturhuset', 'cafe-kulturhuset'],
    ['§§§', ''],
    ['a'.repeat(59) + ' b', 'a'.repeat(59)],
  ])('%s → %s', (name, code) => {
    expect(activityCodeFrom(name)).toBe(code);
  });
});

describe('lines — one item per line', () => {
  it('trims, drops empty lines and repeats, on any line ending', () => {
    expect(lines(' Namn \r\n\r\nAdress\nNamn\n  ')).toEqual(['Namn', 'Adress']);
    expect(lines('')).toEqual([]);
  });
});

describe('placing and removing activities', () => {
  const codes = (as: ProcessingActivity[]) => as.map((a) => a.code);

  it('a new activity goes last; a changed one keeps its place', () => {
    expect(codes(placeProcessingActivity(LIST, null, activity('skolskjuts')))).toEqual(['ekonomiskt-bistand', 'barn-och-unga', 'familjeradgivning', 'skolskjuts']);
    const changed = placeProcessingActivity(LIST, 'barn-och-unga', activity('barn-och-unga', { name: 'Barn och unga' }));
    expect(codes(changed)).toEqual(codes(LIST));
    expect(changed[1]!.name).toBe('Barn och unga');
  });

  it('removes by code and leaves the rest', () => {
    expect(codes(removeProcessingActivity(LIST, 'barn-och-unga'))).toEqual(['ekonomiskt-bistand', 'familjeradgivning']);
    expect(removeProcessingActivity(LIST, 'okand')).toEqual(LIST);
  });
});
