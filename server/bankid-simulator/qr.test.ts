import { parseQr, qrAuthCode, qrData, verifyQr } from './qr';

// Test vectors from BankID's documentation (see ../../../shared/BANKID.md, "Animated QR").
const TOKEN = '67df3917-fa0d-44e5-b327-edcc928297f8';
const SECRET = 'd28db9a7-4cde-429e-a983-359be676944c';
const VECTORS: Array<[number, string]> = [
  [0, 'dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8'],
  [1, '949d559bf23403952a94d103e67743126381eda00f0b3cbddbf7c96b1adcbce2'],
  [2, 'a9e5ec59cb4eee4ef4117150abc58fad7a85439a6a96ccbecc3668b41795b3f3'],
];

describe('QR codes', () => {
  it.each(VECTORS)('qrAuthCode at t=%i matches the BankID test vector', (t, code) => {
    expect(qrAuthCode(SECRET, t)).toBe(code);
    expect(qrData(TOKEN, SECRET, t)).toBe(`bankid.${TOKEN}.${t}.${code}`);
  });

  it('parses QR content and rejects anything else', () => {
    expect(parseQr(`bankid.${TOKEN}.12.${VECTORS[0]![1]}`)).toEqual({ qrStartToken: TOKEN, qrTime: 12, qrAuthCode: VECTORS[0]![1] });
    expect(parseQr('bankid.not-a-token.0.abc')).toBeUndefined();
    expect(parseQr(`bankid.${TOKEN}.-1.${VECTORS[0]![1]}`)).toBeUndefined();
    expect(parseQr(`https://example.com/${TOKEN}`)).toBeUndefined();
  });

  it('accepts a genuine code within ±2 s and flags forged and stale ones', () => {
    const at = (t: number) => parseQr(qrData(TOKEN, SECRET, t))!;
    expect(verifyQr(at(10), SECRET, 12)).toEqual({ ok: true });
    expect(verifyQr(at(10), SECRET, 8)).toEqual({ ok: true });
    expect(verifyQr(at(10), SECRET, 13)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyQr(at(10), 'another-secret', 10)).toEqual({ ok: false, reason: 'forged' });
    const tampered = { ...at(1), qrTime: 2 }; // t=1's code presented as t=2
    expect(verifyQr(tampered, SECRET, 2)).toEqual({ ok: false, reason: 'forged' });
  });
});
