import { describe, expect, it } from 'vitest';
import { caseKindFor, formatDiarienummer, planCases, RIGHTS } from './requests';

describe('caseKindFor (seed 004 bilaga 7: the diarium kinds)', () => {
  it.each([
    ['registerutdrag', 'registerutdrag'], // "Begäran om registerutdrag"
    ['rattelse', 'forandring'], // "Begäran om förändring"
    ['radering', 'forandring'],
    ['begransning', 'forandring'],
    ['invandning', 'forandring'],
    ['dataportabilitet', 'dataportabilitet'], // "Begäran om dataportabilitet"
    ['aterkalla_samtycke', 'samtycke'], // Art 7.3: its own case
  ] as const)('%s → %s', (right, kind) => expect(caseKindFor(right)).toBe(kind));
});

describe('planCases (DOMAIN.md §3: one case per PUA and kind)', () => {
  it('groups the change rights into one förändring case per PUA', () => {
    expect(planCases(['radering', 'registerutdrag', 'rattelse'], ['sn', 'bun'])).toEqual([
      { puaId: 'sn', kind: 'registerutdrag', rights: ['registerutdrag'] },
      { puaId: 'sn', kind: 'forandring', rights: ['rattelse', 'radering'] },
      { puaId: 'bun', kind: 'registerutdrag', rights: ['registerutdrag'] },
      { puaId: 'bun', kind: 'forandring', rights: ['rattelse', 'radering'] },
    ]);
  });

  it('every right to every PUA: four kinds per PUA', () => {
    expect(planCases(RIGHTS, ['ks'])).toHaveLength(4);
  });

  it('ignores a PUA named twice', () => {
    expect(planCases(['registerutdrag'], ['ks', 'ks'])).toHaveLength(1);
  });
});

describe('formatDiarienummer', () => {
  it('pads the number to five digits (BN 2026/00123, DOMAIN.md §3)', () => {
    expect(formatDiarienummer('BN', 2026, 123)).toBe('BN 2026/00123');
  });
});
