import { describe, expect, it } from 'vitest';
import { formatTrackingNumber, parseTrackingNumber, s10CheckDigit } from './tracking-number';

// UPU Standard S10: 2 letters (service indicator) + 8-digit serial + check digit + 2-letter
// country code. Check digit: weights 8 6 4 2 3 5 9 7, C = 11 − (sum mod 11); 10 → 0, 11 → 5.
describe('s10CheckDigit', () => {
  it.each([
    // serial, check digit — how the sum works out
    ['47312482', 9], // the example in S10: 4·8+7·6+3·4+1·2+2·3+4·5+8·9+2·7 = 200; 200 mod 11 = 2; 11 − 2 = 9
    ['12345678', 5], // sum 204; 204 mod 11 = 6; 11 − 6 = 5 (an ordinary 5, not the 11 → 5 rule)
    ['12345686', 0], // sum 199; 199 mod 11 = 1; 11 − 1 = 10 → 0
    ['00000008', 0], // sum 56; 56 mod 11 = 1; 10 → 0
    ['12345689', 5], // sum 220; 220 mod 11 = 0; 11 − 0 = 11 → 5
    ['00000000', 5], // sum 0; 11 → 5
    ['12345684', 2], // sum 185; 185 mod 11 = 9; 11 − 9 = 2
  ])('%s → %i', (serial, check) => {
    expect(s10CheckDigit(serial)).toBe(check);
  });

  it('refuses anything but eight digits', () => {
    expect(() => s10CheckDigit('1234567')).toThrow();
    expect(() => s10CheckDigit('1234567A')).toThrow();
  });
});

describe('parseTrackingNumber', () => {
  it.each([
    // input, normalised — why it is valid
    ['RB473124829GB', 'RB473124829GB'], // the S10 example (sum 200 → 9)
    ['RR123456785SE', 'RR123456785SE'], // PostNord's form for a rekommenderat brev
    ['rr 1234 5678 5 se', 'RR123456785SE'], // spaces and lower case, as typed from the receipt
    ['  RR 1234 5678 5 SE  ', 'RR123456785SE'], // the display form, with stray spaces around it
    ['RR\u00a0123456785\tSE', 'RR123456785SE'], // a no-break space or tab from a copied text
    ['RR123456860SE', 'RR123456860SE'], // check digit 10 → 0
    ['RR123456895SE', 'RR123456895SE'], // check digit 11 → 5
    ['RR000000005SE', 'RR000000005SE'], // all-zero serial: sum 0 → 11 → 5
  ])('%j is valid → %s', (input, value) => {
    expect(parseTrackingNumber(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['RR123456784SE', 'checkDigit'], // 5 expected
    ['RB473124828GB', 'checkDigit'], // 9 expected
    ['RR123456861SE', 'checkDigit'], // 10 must become 0, not 1
    ['RR123456890SE', 'checkDigit'], // 11 must become 5, not 0
    ['RR123465785SE', 'checkDigit'], // two serial digits swapped
    ['RR12345678SE', 'format'], // 12 characters: a digit missing
    ['RR1234567855SE', 'format'], // 14 characters: a digit too many
    ['1R123456785SE', 'format'], // a digit where the service indicator's letter goes
    ['RR123456785S3', 'format'], // a digit where the country code's letter goes
    ['RR12345A785SE', 'format'], // a letter in the serial
    ['RR-1234-5678-5-SE', 'format'], // only spaces are ignored
    ['ÅR123456785SE', 'format'], // not an ASCII letter
    ['123456785', 'format'], // serial and check digit without the letters
  ] as const)('%j is rejected (%s)', (input, error) => {
    expect(parseTrackingNumber(input)).toEqual({ ok: false, error });
  });
});

describe('formatTrackingNumber', () => {
  it('groups a normalised number as PostNord prints it', () => {
    expect(formatTrackingNumber('RR123456785SE')).toBe('RR 1234 5678 5 SE');
    expect(formatTrackingNumber('RB473124829GB')).toBe('RB 4731 2482 9 GB');
  });

  it('round-trips with parseTrackingNumber', () => {
    const parsed = parseTrackingNumber(formatTrackingNumber('RR123456860SE'));
    expect(parsed).toEqual({ ok: true, value: 'RR123456860SE' });
  });

  it('leaves anything else unchanged', () => {
    expect(formatTrackingNumber('not a number')).toBe('not a number');
  });
});
