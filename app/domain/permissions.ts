/**
 * Roles and what they may do. Powers are attached to roles here, once; guards in
 * app/utils/auth.server.ts check a permission and resolve the PUAs where it holds.
 * Later issues add permissions as features arrive; a permission nobody holds is a bug.
 */
export const STAFF_ROLES = [
  'gdpr_samordnare',
  'handlaggare',
  'systemagare',
  'registrator',
  'reception',
  'kontaktcenter',
  'dataskyddsombud',
  'admin',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const PERMISSIONS = [
  'read:case:pua', // see every case of the PUA(s)
  'read:case:assigned', // see cases assigned to me
  'handle:case:pua', // act on the cases of the PUA(s): assign, tasks, messages, close
  'register:case:pua', // register and re-route incoming cases
  'decide:case:pua', // issue a beslut (delegation is checked separately)
  'compile:registerutdrag:pua',
  'edit:register:pua', // keep the PUA's registerförteckning (Art 30): add, change, remove processing activities
  'answer:task:own', // answer tasks addressed to me
  'verify:identity', // reception/kontaktcenter identity checks
  'register:request:visitor', // file a request on a visitor's behalf
  'read:case-status:kommun', // status-only lookup
  'handover:package:kommun', // hand a registerutdrag over at the reception, against an ID check
  'read:audit:pua',
  'admin:config:kommun',
  'admin:users:kommun',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  // The samordnare keeps the registerförteckning (DOMAIN.md §1): a duty of its own, not case handling.
  gdpr_samordnare: ['read:case:pua', 'handle:case:pua', 'register:case:pua', 'decide:case:pua', 'compile:registerutdrag:pua', 'edit:register:pua', 'answer:task:own', 'read:audit:pua'],
  handlaggare: ['read:case:assigned', 'decide:case:pua', 'answer:task:own'],
  systemagare: ['answer:task:own'],
  registrator: ['register:case:pua', 'register:request:visitor'],
  reception: ['verify:identity', 'register:request:visitor', 'read:case-status:kommun', 'handover:package:kommun'],
  kontaktcenter: ['verify:identity', 'read:case-status:kommun'],
  // The DPO monitors compliance (Art 39): read-only across the kommuner served.
  dataskyddsombud: ['read:case:pua', 'read:audit:pua'],
  admin: ['admin:config:kommun', 'admin:users:kommun', 'read:audit:pua'],
};

export function roleGrants(role: StaffRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export type RoleAssignment = { role: StaffRole; puaId: string | null; kommunId: string | null };
export type PuaRef = { id: string; kommunId: string };

/**
 * The PUAs in which `permission` holds for someone with these assignments: a PUA-scoped role
 * covers that PUA, a kommun-scoped role every PUA of the kommun. Empty = no access.
 */
export function puasWithPermission(assignments: readonly RoleAssignment[], allPuas: readonly PuaRef[], permission: Permission): string[] {
  const ids = new Set<string>();
  for (const a of assignments) {
    if (!roleGrants(a.role, permission)) continue;
    if (a.puaId) ids.add(a.puaId);
    if (a.kommunId) for (const p of allPuas) if (p.kommunId === a.kommunId) ids.add(p.id);
  }
  return [...ids].sort();
}
