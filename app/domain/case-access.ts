/**
 * Who may do what with one case, as a pure function (issue #5 "Roles and access", DOMAIN.md §9).
 * Routes resolve the staff member's PUAs per permission (app/domain/permissions.ts) and ask here;
 * queries are scoped by the same rules (app/models/staff-cases.server.ts), so a list never shows
 * a case whose page would be refused.
 *
 * - see:       the case exists for me (inbox row, diarienummer, status, deadline)
 * - content:   who asks, what they ask, messages, files — for a case with skyddade
 *              personuppgifter only the *named handlers* (§9 "restrict the case to named handlers")
 * - handle:    messages, notes, extension, closing — the PUA's samordnare, or the assignee
 * - assign:    set the handläggare — the PUA's samordnare (named, for a protected case)
 * - register:  register and re-route an incoming case — samordnare and registrator
 * - claim:     a samordnare names themself handler of a protected case nobody handles yet
 */
export type StaffScope = {
  staffId: string;
  /** PUA ids per permission, from `puasWithPermission`. */
  readPua: readonly string[];
  readAssigned: readonly string[];
  handlePua: readonly string[];
  registerPua: readonly string[];
};

export type CaseForAccess = {
  puaId: string;
  assigneeStaffId: string | null;
  protectedIdentity: boolean;
  namedHandlerIds: readonly string[];
};

export type CaseAccess = { see: boolean; content: boolean; handle: boolean; assign: boolean; register: boolean; claim: boolean };

export const NO_ACCESS: CaseAccess = { see: false, content: false, handle: false, assign: false, register: false, claim: false };

export function caseAccess(scope: StaffScope, c: CaseForAccess): CaseAccess {
  const mine = c.assigneeStaffId === scope.staffId;
  const samordnare = scope.handlePua.includes(c.puaId);
  const registrar = scope.registerPua.includes(c.puaId);
  const see = scope.readPua.includes(c.puaId) || samordnare || registrar || (mine && scope.readAssigned.includes(c.puaId));
  if (!see) return NO_ACCESS;
  const named = c.namedHandlerIds.includes(scope.staffId);
  const content = !c.protectedIdentity || named;
  return {
    see,
    content,
    handle: content && (samordnare || (mine && scope.readAssigned.includes(c.puaId))),
    assign: content && samordnare,
    // Registering needs only what every registrator sees: the diarienummer and the PUA.
    register: registrar,
    claim: c.protectedIdentity && samordnare && !named && c.namedHandlerIds.length === 0,
  };
}

