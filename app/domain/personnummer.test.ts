import { describe, expect, it } from 'vitest';
import { ageOn, formatPersonnummer, maskPersonnummer, parseOrganisationsnummer, parsePersonnummer } from './personnummer';

const TODAY = '2026-11-22';

// Test numbers follow Skatteverket's rules (SKV 704): YYMMDD-NNNC with C the Luhn check digit.
describe('parsePersonnummer', () => {
  it.each([
    // input, expected normalised, birth date, samordningsnummer — rule
    ['19811228-9874', '198112289874', '1981-12-28', false], // 12 digits with separator
    ['198112289874', '198112289874', '1981-12-28', false], // 12 digits compact
    ['811228-9874', '198112289874', '1981-12-28', false], // "-": under 100 → 1900s
    ['8112289874', '198112289874', '1981-12-28', false], // no separator behaves like "-"
    ['811228+9874', '188112289874', '1881-12-28', false], // "+": 100 or older → one century earlier
    ['121212-1212', '201212121212', '2012-12-12', false], // "-" picks the most recent century
    ['701063-2391', '197010632391', '1970-10-03', true], // samordningsnummer: day + 60
    [' 19811228 9874 ', '198112289874', '1981-12-28', false], // spaces are ignored
  ])('%s → %s', (input, value, birthDate, samordning) => {
    const r = parsePersonnummer(input, TODAY);
    expect(r).toEqual({ ok: true, pnr: { value, birthDate, samordningsnummer: samordning } });
  });

  it.each([
    ['19811228-9873', 'checksum'], // wrong Luhn digit
    ['19810230-1234', 'date'], // 30 February does not exist
    ['19811332-1234', 'date'], // month 13
    ['701093-2391', 'date'], // samordningsnummer day 33
    ['20991228-9874', 'future'], // born after today
    ['1981-12-28-9874', 'format'],
    ['19811228+9874', 'format'], // "+" is meaningless with a century
    ['abc', 'format'],
    ['', 'format'],
  ] as const)('%s is rejected (%s)', (input, error) => {
    expect(parsePersonnummer(input, TODAY)).toEqual({ ok: false, error });
  });

  it('resolves the century against the given date, not the clock', () => {
    // 261123 is in the future on 2026-11-22, so "-" means 1926.
    const r = parsePersonnummer('261123-0000', TODAY);
    expect(r.ok && r.pnr.birthDate).toBe(r.ok ? '1926-11-23' : false);
  });
});

describe('display', () => {
  it('masks as YYYYMMDD-**** by default (DSL 3 kap. 10 §)', () => {
    expect(maskPersonnummer('198112289874')).toBe('19811228-****');
    expect(formatPersonnummer('198112289874')).toBe('19811228-9874');
  });

  it('computes age on a date', () => {
    const r = parsePersonnummer('20121212-1212', TODAY);
    if (!r.ok) throw new Error('fixture');
    expect(ageOn(r.pnr, '2030-12-11')).toBe(17);
    expect(ageOn(r.pnr, '2030-12-12')).toBe(18);
  });
});

describe('parseOrganisationsnummer', () => {
  it.each([
    ['212000-0142', '212000-0142'], // a kommun's number form (group 2), valid Luhn
    ['2120000142', '212000-0142'],
    ['212000-0143', null], // checksum
    ['811228-9874', null], // month < 20: that is a personnummer
    ['21200', null],
  ])('%s → %s', (input, expected) => {
    expect(parseOrganisationsnummer(input)).toBe(expected);
  });
});
