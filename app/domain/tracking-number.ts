/**
 * The tracking number (kollinummer) of a rekommenderat brev, as the staff record it when a
 * registerutdrag goes out by post (issue #7). PostNord marks registered letters with the item
 * identifier of UPU Standard S10 ("Identification of postal items – 13-character identifier"):
 *
 *   RR 1234 5678 5 SE
 *   │  └─ serial ─┘ │ └ ISO 3166-1 alpha-2 code of the issuing post (SE for PostNord Sverige)
 *   │               └ check digit over the serial
 *   └ service indicator (R… for registered mail)
 *
 * Only the S10 shape and its check digit are enforced: the service indicator and country are
 * checked to be letters, not matched against a list, so that a real number printed on a receipt is
 * never refused. The check digit catches what staff most often get wrong, a mistyped or swapped
 * digit.
 */

export type TrackingNumberError = 'empty' | 'format' | 'checkDigit';

export type TrackingNumberResult = { ok: true; value: string } | { ok: false; error: TrackingNumberError };

const S10 = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/;

/** UPU S10: the weights for the eight serial digits, left to right. */
const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/**
 * The S10 check digit of an 8-digit serial: C = 11 − (Σ digit × weight mod 11), where 10 becomes
 * 0 and 11 becomes 5 (UPU Standard S10, the check-digit algorithm).
 */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new Error('an S10 serial has 8 digits');
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(serial[i]), 0);
  const c = 11 - (sum % 11);
  if (c === 10) return 0;
  if (c === 11) return 5;
  return c;
}

/**
 * Accepts what a person types or copies from the receipt: any spaces and lower case
 * ("rr 1234 5678 5 se"). Returns the normalised form, "RR123456785SE", for storing.
 */
export function parseTrackingNumber(input: string): TrackingNumberResult {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  if (compact === '') return { ok: false, error: 'empty' };
  const m = S10.exec(compact);
  if (!m) return { ok: false, error: 'format' };
  const [, , serial, check] = m as unknown as [string, string, string, string, string];
  if (s10CheckDigit(serial) !== Number(check)) return { ok: false, error: 'checkDigit' };
  return { ok: true, value: compact };
}

/**
 * For display, grouped the way PostNord prints it: "RR 1234 5678 5 SE". A value that is not a
 * normalised S10 identifier is returned unchanged rather than mangled.
 */
export function formatTrackingNumber(value: string): string {
  return value.replace(/^([A-Z]{2})(\d{4})(\d{4})(\d)([A-Z]{2})$/, '$1 $2 $3 $4 $5');
}
