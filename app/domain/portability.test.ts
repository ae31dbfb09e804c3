import { describe, expect, it } from 'vitest';
import { portabilityReason } from './portability';

describe('portabilityReason — Art 20(1) and (3)', () => {
  it.each([
    ['consent (6.1 a), in a system: applies', 'consent', ['E-tjänst'], null],
    ['contract (6.1 b), in a system: applies', 'contract', ['Hyressystemet'], null],
    ['a contract kept only on paper: Art 20(1)(b)', 'contract', [], 'not_automated'],
    ['consent kept only on paper: Art 20(1)(b)', 'consent', [], 'not_automated'],
    ['public interest (6.1 e): Art 20(3)', 'public_interest', ['Procapita'], 'legal_basis'],
    ['legal obligation (6.1 c): Art 20(1)(a)', 'legal_obligation', ['Platina'], 'legal_basis'],
    ['legitimate interest (6.1 f): Art 20(1)(a)', 'legitimate_interest', ['CRM'], 'legal_basis'],
    ['public interest on paper: the basis is the first reason', 'public_interest', [], 'legal_basis'],
  ] as const)('%s', (_label, legalBasis, systems, expected) => {
    expect(portabilityReason({ legalBasis, systems: [...systems] })).toBe(expected);
  });
});
