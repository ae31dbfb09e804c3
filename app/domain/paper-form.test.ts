/**
 * The paper form's rules (issue #8; seed 004 bilaga 6/7; DOMAIN.md §3 who asks, §5 the deadline
 * runs from the day the request reached the kommun — the stamp).
 */
import { describe, expect, it } from 'vitest';
import { checkPaperForm, MAX_STAMP_AGE_DAYS, type PaperFormInput } from './paper-form';

const TODAY = '2026-03-10';
const SN = { id: 'sn', kommunId: 'sjobacka' };
const BUN = { id: 'bun', kommunId: 'sjobacka' };
const OTHER = { id: 'g-sn', kommunId: 'granasa' };

const valid: PaperFormInput = {
  rights: ['registerutdrag'],
  puaIds: ['sn'],
  allowedPuas: [SN, BUN, OTHER],
  relation: 'self',
  subjectPersonnummer: '19800101-9804',
  subjectName: '  Anna   Andersson ',
  requesterName: '',
  requesterPersonnummer: '',
  delivery: 'registered_post',
  stamp: { day: '3', month: '3', year: '2026' },
  protectedIdentity: false,
};

const errorsOf = (patch: Partial<PaperFormInput>) => {
  const r = checkPaperForm({ ...valid, ...patch }, TODAY);
  return r.ok ? {} : r.errors;
};

describe('a valid form', () => {
  it('becomes the request: normalised personnummer and name, the stamp as received date', () => {
    expect(checkPaperForm(valid, TODAY)).toEqual({
      ok: true,
      form: {
        kommunId: 'sjobacka',
        rights: ['registerutdrag'],
        puaIds: ['sn'],
        relation: 'self',
        subject: { personnummer: '198001019804', name: 'Anna Andersson' },
        requester: null,
        delivery: 'registered_post',
        receivedDate: '2026-03-03',
        protectedIdentity: false,
      },
    });
  });

  it('keeps who signed for someone else, with their personnummer: the answer goes to them (DOMAIN.md §3, §7)', () => {
    const r = checkPaperForm({ ...valid, relation: 'principal', requesterName: 'Bo Ombud', requesterPersonnummer: '19700101-8006' }, TODAY);
    expect(r.ok && r.form.requester).toEqual({ name: 'Bo Ombud', personnummer: '197001018006' });
    // Without it the letter, the pick-up and Mina ärenden could only be the subject's.
    expect(checkPaperForm({ ...valid, relation: 'ward', requesterName: 'Bo God Man' }, TODAY)).toEqual({ ok: false, errors: { requesterPersonnummer: 'required' } });
  });

  it('passes the skyddade personuppgifter box through', () => {
    const r = checkPaperForm({ ...valid, protectedIdentity: true }, TODAY);
    expect(r.ok && r.form.protectedIdentity).toBe(true);
  });
});

// Each rule of the brief, with the field it lands on.
describe.each<[string, Partial<PaperFormInput>, Record<string, string>]>([
  ['no right (at least one)', { rights: [] }, { rights: 'chooseRight' }],
  ['an unknown right only', { rights: ['allt'] }, { rights: 'chooseRight' }],
  ['no PUA (at least one)', { puaIds: [] }, { puaIds: 'choosePua' }],
  ['a PUA the official may not register for', { puaIds: ['sn', 'elsewhere'] }, { puaIds: 'choosePua' }],
  ['PUAs of two kommuner (one submission = one kommun)', { puaIds: ['sn', 'g-sn'] }, { puaIds: 'oneKommun' }],
  ['no relation (§3 who asks)', { relation: '' }, { relation: 'chooseRelation' }],
  ['an unknown relation', { relation: 'neighbour' }, { relation: 'chooseRelation' }],
  ['no subject personnummer', { subjectPersonnummer: ' ' }, { subjectPersonnummer: 'required' }],
  ['a malformed personnummer', { subjectPersonnummer: '1980-01-01' }, { subjectPersonnummer: 'format' }],
  ['a wrong check digit', { subjectPersonnummer: '19800101-9805' }, { subjectPersonnummer: 'checksum' }],
  ['a child who was 18 on the stamp date (FB 6 kap.)', { relation: 'child', requesterName: 'Vera Vårdnadshavare', requesterPersonnummer: '19700101-8006' }, { subjectPersonnummer: 'notChild' }],
  ['no subject name', { subjectName: '' }, { subjectName: 'required' }],
  ['a subject name over NAME_MAX', { subjectName: 'A'.repeat(201) }, { subjectName: 'tooLong' }],
  ['someone else asks without a name or personnummer', { relation: 'principal' }, { requesterName: 'required', requesterPersonnummer: 'required' }],
  ['someone else asks without a personnummer', { relation: 'child', requesterName: 'Vera Vårdnadshavare', subjectPersonnummer: '201003219829' }, { requesterPersonnummer: 'required' }],
  ['the requester’s personnummer, given but invalid', { relation: 'principal', requesterName: 'Bo', requesterPersonnummer: '19700101-8001' }, { requesterPersonnummer: 'checksum' }],
  ['the requester is the subject', { relation: 'principal', requesterName: 'Anna', requesterPersonnummer: '198001019804' }, { requesterPersonnummer: 'sameAsSubject' }],
  ['no delivery', { delivery: '' }, { delivery: 'chooseDelivery' }],
  ['an unknown delivery', { delivery: 'email' }, { delivery: 'chooseDelivery' }],
  ['no stamp date', { stamp: { day: '', month: '', year: '' } }, { stamp: 'required' }],
  ['a stamp without a year', { stamp: { day: '3', month: '3', year: '' } }, { stamp: 'incomplete' }],
  ['a stamp that is not a date', { stamp: { day: '30', month: '2', year: '2026' } }, { stamp: 'notADate' }],
  ['a stamp with letters', { stamp: { day: 'tre', month: '3', year: '2026' } }, { stamp: 'notADate' }],
  ['a two-digit year', { stamp: { day: '3', month: '3', year: '26' } }, { stamp: 'notADate' }],
  ['a stamp after today', { stamp: { day: '11', month: '3', year: '2026' } }, { stamp: 'future' }],
  ['a stamp over a year old (a typo in the year)', { stamp: { day: '9', month: '3', year: '2025' } }, { stamp: 'tooOld' }],
])('%s', (_name, patch, expected) => {
  it('is refused on that field only', () => {
    expect(errorsOf(patch)).toEqual(expected);
  });
});

describe('the stamp date (DOMAIN.md §5: the deadline runs from the day the request came in)', () => {
  it.each([
    ['today', { day: '10', month: '3', year: '2026' }, '2026-03-10'],
    ['last week', { day: '03', month: '03', year: '2026' }, '2026-03-03'],
    [`exactly ${MAX_STAMP_AGE_DAYS} days ago`, { day: '10', month: '3', year: '2025' }, '2025-03-10'],
  ])('%s is accepted', (_name, stamp, expected) => {
    const r = checkPaperForm({ ...valid, stamp }, TODAY);
    expect(r.ok && r.form.receivedDate).toBe(expected);
  });

  it('decides notChild on the stamp date, not on today', () => {
    // Born 2008-03-05: 17 on a stamp of 2026-03-03, 18 by today (2026-03-10).
    const child = { ...valid, relation: 'child', requesterName: 'Vera', requesterPersonnummer: '19700101-8006', subjectPersonnummer: '200803052380' };
    expect(checkPaperForm(child, TODAY).ok).toBe(true);
    expect(checkPaperForm({ ...child, stamp: { day: '5', month: '3', year: '2026' } }, TODAY)).toEqual({ ok: false, errors: { subjectPersonnummer: 'notChild' } });
  });

  it('reports every mistake at once', () => {
    expect(Object.keys(errorsOf({ rights: [], puaIds: [], relation: '', subjectPersonnummer: '', subjectName: '', delivery: '', stamp: { day: '', month: '', year: '' } })).sort()).toEqual(
      ['delivery', 'puaIds', 'relation', 'rights', 'stamp', 'subjectName', 'subjectPersonnummer'],
    );
  });
});
