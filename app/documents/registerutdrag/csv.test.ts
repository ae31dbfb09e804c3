import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

const body = (csv: Buffer) => csv.toString('utf8').replace(/^\uFEFF/, '');

describe('toCsv (RFC 4180 quoting, ";" for Swedish Excel, UTF-8 with BOM)', () => {
  it('starts with a byte order mark and ends every row with CRLF', () => {
    const csv = toCsv(['Namn', 'Ort'], [['Renée Åström', 'Granåsa']]);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body(csv)).toBe('Namn;Ort\r\nRenée Åström;Granåsa\r\n');
  });

  it.each([
    ['plain', 'Kassör', 'Kassör'],
    ['a semicolon', 'Storgatan 1; 641 80 Granåsa', '"Storgatan 1; 641 80 Granåsa"'],
    ['a comma needs no quotes with ";"', 'namn, adress', 'namn, adress'],
    ['quotes are doubled', 'Boken "Pippi"', '"Boken ""Pippi"""'],
    ['a line break', 'rad 1\nrad 2', '"rad 1\nrad 2"'],
    ['leading space is kept', ' indragen', '" indragen"'],
    ['a formula is defused', '=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['a phone number with +', '+46 70 123 45 67', "'+46 70 123 45 67"],
    ['@ at the start', '@SUM(A1)', "'@SUM(A1)"],
    ['a negative number stays a number', '-500', '-500'],
    ['a decimal comma stays a number', '12,50', '12,50'],
    ['empty', '', ''],
  ])('%s', (_label, value, expected) => {
    expect(body(toCsv(['x'], [[value]]))).toBe(`x\r\n${expected}\r\n`);
  });
});
