import { describe, expect, it } from 'vitest';
import { PERMISSIONS, puasWithPermission, ROLE_PERMISSIONS, STAFF_ROLES } from './permissions';

const puas = [
  { id: 'sj-ks', kommunId: 'sj' },
  { id: 'sj-sn', kommunId: 'sj' },
  { id: 'gr-ks', kommunId: 'gr' },
];

describe('puasWithPermission', () => {
  it.each([
    // assignments, permission, expected PUAs — why
    [[{ role: 'gdpr_samordnare', puaId: 'sj-sn', kommunId: null }], 'read:case:pua', ['sj-sn']], // PUA scope: that PUA only
    [[{ role: 'dataskyddsombud', puaId: null, kommunId: 'sj' }], 'read:case:pua', ['sj-ks', 'sj-sn']], // kommun scope: all its PUAs
    [[{ role: 'systemagare', puaId: 'sj-sn', kommunId: null }], 'read:case:pua', []], // systemägare sees tasks, not cases
    [[{ role: 'kontaktcenter', puaId: null, kommunId: 'gr' }], 'handle:case:pua', []], // status only (seed 001)
    [[{ role: 'gdpr_samordnare', puaId: 'sj-sn', kommunId: null }], 'edit:register:pua', ['sj-sn']], // the samordnare keeps the PUA's registerförteckning
    [[{ role: 'admin', puaId: null, kommunId: 'sj' }], 'edit:register:pua', []], // the admin keeps the delegeringsförteckning, not this one
    [[{ role: 'dataskyddsombud', puaId: null, kommunId: 'sj' }], 'edit:register:pua', []], // the DPO monitors (Art 39), does not keep it
    [
      [
        { role: 'gdpr_samordnare', puaId: 'sj-ks', kommunId: null },
        { role: 'dataskyddsombud', puaId: null, kommunId: 'gr' },
      ],
      'read:case:pua',
      ['gr-ks', 'sj-ks'],
    ], // several assignments add up
  ] as const)('%j %s → %j', (assignments, permission, expected) => {
    expect(puasWithPermission(assignments, puas, permission)).toEqual(expected);
  });

  it('every permission is held by at least one role', () => {
    const held = new Set(STAFF_ROLES.flatMap((r) => ROLE_PERMISSIONS[r]));
    expect(PERMISSIONS.filter((p) => !held.has(p))).toEqual([]);
  });
});
