import { describe, expect, it } from 'vitest';
import { ageOn, formatPersonnummer, maskPersonnummer, maskPersonnummerInText, parseOrganisationsnummer, parsePersonnummer } from './personnummer';

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

describe('maskPersonnummerInText (DSL 3 kap. 10 §; DOMAIN.md §9)', () => {
  it.each([
    // text, keep, expected — rule
    ['Sökande 19811228-9874, Storgatan 1', [], 'Sökande 19811228-****, Storgatan 1'], // 12 digits with "-"
    ['pnr 198112289874.', [], 'pnr 19811228-****.'], // 12 digits compact, Luhn-valid
    ['19811228 9874 ringde', [], '19811228-**** ringde'], // space before the last four, Luhn-valid
    ['Barnet 121212-1212 och mamman 811228-9874', [], 'Barnet 121212-**** och mamman 811228-****'], // 10 digits: the form is kept
    ['född 811228+9874', [], 'född 811228+****'], // "+" (100 or older) stays
    ['samordningsnummer 701063-2391', [], 'samordningsnummer 701063-****'], // day + 60
    ['19811228-9873 (fel kontrollsiffra)', [], '19811228-**** (fel kontrollsiffra)'], // written as a pnr: masked even with a wrong check digit
    ['Kund 198112289873', [], 'Kund 198112289873'], // compact and Luhn-invalid: not a pnr
    ['Ring 0701234567 eller 070-123 45 67', [], 'Ring 0701234567 eller 070-123 45 67'], // telephone numbers (this one fails the Luhn check; about 1 in 10 would not)
    ['Diarienummer BN 2026/00123, belopp 12 500 kr', [], 'Diarienummer BN 2026/00123, belopp 12 500 kr'],
    ['19811332-1234 och 811232-1234', [], '19811332-1234 och 811232-1234'], // month 13, day 32: not dates
    ['Kontonummer 81122898741234', [], 'Kontonummer 81122898741234'], // inside a longer run of digits
    ['Jag 19811228-9874, barnet 201212121212', ['198112289874'], 'Jag 19811228-9874, barnet 20121212-****'], // keep: the person's own
    ['Jag 811228-9874', ['19811228-9874'], 'Jag 811228-9874'], // keep matches the 10-digit form
    ['Ingen siffra här', [], 'Ingen siffra här'],
  ] as const)('%s → %s', (text, keep, expected) => {
    expect(maskPersonnummerInText(text, keep)).toBe(expected);
  });
});
