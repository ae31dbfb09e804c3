import { describe, expect, it } from 'vitest';
import { qrContent } from './qr';

// Test vectors from BankID's documentation (../shared/BANKID.md "Animated QR").
const token = '67df3917-fa0d-44e5-b327-edcc928297f8';
const secret = 'd28db9a7-4cde-429e-a983-359be676944c';

describe('qrContent', () => {
  it.each([
    [0, 'dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8'],
    [1, '949d559bf23403952a94d103e67743126381eda00f0b3cbddbf7c96b1adcbce2'],
    [2, 'a9e5ec59cb4eee4ef4117150abc58fad7a85439a6a96ccbecc3668b41795b3f3'],
  ])('t=%i matches the BankID test vector', (t, code) => {
    expect(qrContent(token, secret, t)).toBe(`bankid.${token}.${t}.${code}`);
  });

  it('uses whole seconds', () => {
    expect(qrContent(token, secret, 1.9)).toBe(qrContent(token, secret, 1));
  });
});
