import { describe, expect, it } from 'vitest';
import type { ProcessingActivity } from './processing-activities';
import { parseTaskAnswer } from './task-answer';

const found = {
  workplace: 'IFO, Socialförvaltningen',
  found: 'yes',
  where: 'system',
  whereWhich: 'Treserva',
  source: 'person',
  purpose: 'Handläggning av bistånd',
  legalBasis: 'public_interest',
  legalBasisLaw: 'Socialtjänstlagen (2001:453)',
  retention: 'Gallras fem år efter sista anteckning',
  thirdCountry: 'no',
  automated: 'no',
};

// DOMAIN.md §4: the internal form "Svar till GDPR-samordnare", plus recipients, third country, automated decisions.
describe('parseTaskAnswer', () => {
  it('"inga uppgifter funna" is a complete answer with only the workplace', () => {
    expect(parseTaskAnswer({ workplace: 'Kultur', found: 'no' })).toEqual({ ok: true, answer: { found: 'no', workplace: 'Kultur', notes: undefined } });
  });

  it('accepts a complete "found" answer', () => {
    const r = parseTaskAnswer(found);
    expect(r.ok).toBe(true);
  });

  it.each([
    ['no choice at all', { workplace: 'X' }, { found: 'choose' }],
    ['no workplace', { found: 'no' }, { workplace: 'required' }],
    ['found, nothing else', { workplace: 'X', found: 'yes' }, { where: 'choose', whereWhich: 'required', source: 'choose', purpose: 'required', legalBasis: 'choose', retention: 'required', thirdCountry: 'choose', automated: 'choose' }],
    ['rättslig förpliktelse without the law', { ...found, legalBasis: 'legal_obligation', legalBasisLaw: '' }, { legalBasisLaw: 'required' }],
    ['samtycke needs no law', { ...found, legalBasis: 'consent', legalBasisLaw: '' }, {}],
    ['collected from someone else, not saying whom', { ...found, source: 'other' }, { sourceWhich: 'required' }],
    ['third-country transfer without details', { ...found, thirdCountry: 'yes' }, { thirdCountryDetails: 'required' }],
    ['automated decisions without details', { ...found, automated: 'yes' }, { automatedDetails: 'required' }],
    ['an unknown legal basis', { ...found, legalBasis: 'because' }, { legalBasis: 'choose' }],
    ['an over-long field', { ...found, purpose: 'x'.repeat(2001) }, { purpose: 'tooLong' }],
  ])('%s', (_name, input, errors) => {
    const r = parseTaskAnswer(input as Record<string, string>);
    if (Object.keys(errors).length === 0) expect(r.ok).toBe(true);
    else expect(r).toMatchObject({ ok: false, errors });
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(Object.keys(errors).sort());
  });

  it('keeps what was typed when it refuses', () => {
    const r = parseTaskAnswer({ ...found, retention: '' });
    expect(r).toMatchObject({ ok: false, values: { whereWhich: 'Treserva' } });
  });
});

describe('parseTaskAnswer with the registerförteckning (issue #7): nothing typed twice', () => {
  const BISTAND: ProcessingActivity = {
    code: 'ekonomiskt-bistand',
    name: 'Handläggning av ekonomiskt bistånd',
    purposes: ['Pröva rätten till bistånd', 'Följa upp beslut'],
    legalBasis: 'public_interest',
    legalBasisLaw: 'Socialtjänstlagen (2001:453)',
    dataCategories: ['Namn', 'Inkomster'],
    subjectCategories: ['Sökande'],
    recipients: ['Försäkringskassan'],
    thirdCountry: { transfers: true, countries: ['USA'], safeguards: 'EU–US Data Privacy Framework' },
    retention: 'Gallras fem år efter sista anteckning',
    retentionReference: 'DHP SN 3.2.1',
    source: 'Från dig och från Försäkringskassan',
    automatedDecisions: { exists: false },
    systems: ['Treserva'],
  };
  const located = { workplace: 'IFO', found: 'yes', where: 'system', whereWhich: 'Treserva', source: 'person' };

  it('takes purpose, legal basis, retention, recipients, third country and automated decisions from the activity', () => {
    expect(parseTaskAnswer({ ...located, activityCode: 'ekonomiskt-bistand' }, [BISTAND])).toEqual({
      ok: true,
      answer: {
        found: 'yes',
        workplace: 'IFO',
        where: 'system',
        whereWhich: 'Treserva',
        source: 'person',
        sourceWhich: undefined,
        purpose: 'Pröva rätten till bistånd; Följa upp beslut',
        legalBasis: 'public_interest',
        legalBasisLaw: 'Socialtjänstlagen (2001:453)',
        retention: 'Gallras fem år efter sista anteckning (DHP SN 3.2.1)',
        recipients: 'Försäkringskassan',
        thirdCountry: 'yes',
        thirdCountryDetails: 'USA: EU–US Data Privacy Framework',
        automated: 'no',
        notes: undefined,
        activityCode: 'ekonomiskt-bistand',
      },
    });
  });

  it('still needs where the data was found; an unknown activity is refused; without one, everything is asked', () => {
    expect(parseTaskAnswer({ workplace: 'IFO', found: 'yes', activityCode: 'ekonomiskt-bistand' }, [BISTAND])).toEqual(expect.objectContaining({ ok: false, errors: { where: 'choose', whereWhich: 'required', source: 'choose' } }));
    expect(parseTaskAnswer({ ...located, activityCode: 'hemtjanst' }, [BISTAND])).toEqual(expect.objectContaining({ ok: false, errors: expect.objectContaining({ activityCode: 'choose' }) }));
    expect(parseTaskAnswer({ ...located, activityCode: '' }, [BISTAND])).toEqual(expect.objectContaining({ ok: false, errors: expect.objectContaining({ purpose: 'required', legalBasis: 'choose' }) }));
  });
});
