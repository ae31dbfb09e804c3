import { describe, expect, it } from 'vitest';
import { puasWithPermission, type RoleAssignment, type StaffRole } from './permissions';
import { caseAccess, type CaseAccess, type CaseForAccess, type StaffScope } from './case-access';

// Two PUAs of one kommun and one of another (DOMAIN.md §1: each nämnd is its own controller).
const PUAS = [
  { id: 'sn', kommunId: 'sjobacka' },
  { id: 'bun', kommunId: 'sjobacka' },
  { id: 'gr-sn', kommunId: 'granasa' },
];
const ME = 'me';

function scopeOf(roles: [StaffRole, { pua: string } | { kommun: string }][]): StaffScope {
  const assignments: RoleAssignment[] = roles.map(([role, s]) => ({ role, puaId: 'pua' in s ? s.pua : null, kommunId: 'kommun' in s ? s.kommun : null }));
  const of = (p: Parameters<typeof puasWithPermission>[2]) => puasWithPermission(assignments, PUAS, p);
  return { staffId: ME, readPua: of('read:case:pua'), readAssigned: of('read:case:assigned'), handlePua: of('handle:case:pua'), registerPua: of('register:case:pua') };
}

const snCase = (over: Partial<CaseForAccess> = {}): CaseForAccess => ({ puaId: 'sn', assigneeStaffId: null, protectedIdentity: false, namedHandlerIds: [], ...over });
const only = (...keys: (keyof CaseAccess)[]): CaseAccess => ({ see: false, content: false, handle: false, assign: false, register: false, claim: false, ...Object.fromEntries(keys.map((k) => [k, true])) });

// [who, case, expected]. Issue #5 "Roles and access"; DOMAIN.md §9 for the protected cases.
const table: [string, StaffScope, CaseForAccess, CaseAccess][] = [
  ['samordnare of SN, SN case', scopeOf([['gdpr_samordnare', { pua: 'sn' }]]), snCase(), only('see', 'content', 'handle', 'assign', 'register')],
  ['samordnare of BUN, SN case', scopeOf([['gdpr_samordnare', { pua: 'bun' }]]), snCase(), only()],
  ['samordnare of the other kommun', scopeOf([['gdpr_samordnare', { pua: 'gr-sn' }]]), snCase(), only()],
  ['handläggare, assigned to me', scopeOf([['handlaggare', { pua: 'sn' }]]), snCase({ assigneeStaffId: ME }), only('see', 'content', 'handle')],
  ['handläggare, assigned to someone else', scopeOf([['handlaggare', { pua: 'sn' }]]), snCase({ assigneeStaffId: 'other' }), only()],
  ['handläggare of BUN, SN case assigned to me', scopeOf([['handlaggare', { pua: 'bun' }]]), snCase({ assigneeStaffId: ME }), only()],
  ['registrator of SN', scopeOf([['registrator', { pua: 'sn' }]]), snCase(), only('see', 'content', 'register')],
  ['DPO of the kommun: read-only', scopeOf([['dataskyddsombud', { kommun: 'sjobacka' }]]), snCase(), only('see', 'content')],
  ['DPO of the other kommun', scopeOf([['dataskyddsombud', { kommun: 'granasa' }]]), snCase(), only()],
  ['systemägare: tasks only', scopeOf([['systemagare', { pua: 'sn' }]]), snCase(), only()],
  ['reception', scopeOf([['reception', { kommun: 'sjobacka' }]]), snCase(), only()],
  ['kontaktcenter', scopeOf([['kontaktcenter', { kommun: 'sjobacka' }]]), snCase(), only()],
  ['admin', scopeOf([['admin', { kommun: 'sjobacka' }]]), snCase(), only()],
  // Skyddade personuppgifter: content for named handlers only.
  ['samordnare, protected case nobody handles: may claim', scopeOf([['gdpr_samordnare', { pua: 'sn' }]]), snCase({ protectedIdentity: true }), only('see', 'register', 'claim')],
  ['samordnare named handler of a protected case', scopeOf([['gdpr_samordnare', { pua: 'sn' }]]), snCase({ protectedIdentity: true, namedHandlerIds: [ME] }), only('see', 'content', 'handle', 'assign', 'register')],
  ['samordnare, protected case handled by another', scopeOf([['gdpr_samordnare', { pua: 'sn' }]]), snCase({ protectedIdentity: true, namedHandlerIds: ['other'] }), only('see', 'register')],
  ['DPO, protected case', scopeOf([['dataskyddsombud', { kommun: 'sjobacka' }]]), snCase({ protectedIdentity: true, namedHandlerIds: ['other'] }), only('see')],
  ['assigned handläggare named on a protected case', scopeOf([['handlaggare', { pua: 'sn' }]]), snCase({ protectedIdentity: true, assigneeStaffId: ME, namedHandlerIds: ['other', ME] }), only('see', 'content', 'handle')],
];

describe('caseAccess', () => {
  it.each(table)('%s', (_who, scope, c, expected) => {
    expect(caseAccess(scope, c)).toEqual(expected);
  });

  it('content, handling and assigning never go beyond seeing', () => {
    for (const [, scope, c] of table) {
      const a = caseAccess(scope, c);
      if (!a.see) expect(a).toEqual(only());
      if (a.handle || a.assign) expect(a.content).toBe(true);
    }
  });
});
