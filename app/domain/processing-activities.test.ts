import { describe, expect, it } from 'vitest';
import { ART_6_1, portabilityApplies } from './processing-activities';

describe('portabilityApplies — Art 20(1) and (3)', () => {
  it.each([
    ['consent (6.1 a), in a system', 'consent', ['E-tjänst'], true],
    ['contract (6.1 b), in a system', 'contract', ['Hyressystemet'], true],
    ['a contract kept only on paper: not by automated means', 'contract', [], false],
    ['public interest (6.1 e): Art 20(3)', 'public_interest', ['Procapita'], false],
    ['legal obligation (6.1 c)', 'legal_obligation', ['Platina'], false],
    ['legitimate interest (6.1 f)', 'legitimate_interest', ['CRM'], false],
    ['vital interest (6.1 d)', 'vital_interest', ['Journal'], false],
  ] as const)('%s', (_label, legalBasis, systems, expected) => {
    expect(portabilityApplies({ legalBasis, systems: [...systems] })).toBe(expected);
  });

  it('names the letter of Art 6(1) for every basis', () => {
    expect(Object.values(ART_6_1).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});
