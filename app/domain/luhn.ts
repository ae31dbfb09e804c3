/** Luhn (mod 10) check used by personnummer, samordningsnummer and organisationsnummer. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The check digit that makes `digits + check` Luhn-valid. */
export function luhnCheckDigit(digits: string): number {
  for (let c = 0; c <= 9; c++) if (luhnValid(digits + c)) return c;
  throw new Error('unreachable');
}
