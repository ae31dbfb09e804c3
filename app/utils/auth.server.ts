/**
 * Throwing guards: every loader and action starts with one of these (STYLE.md habit 2).
 * A staff member without the permission gets 404, not 403: the page's existence is not revealed.
 */
import { redirect } from '@remix-run/node';
import type { StaffScope } from '~/domain/case-access';
import { puasWithPermission, type Permission } from '~/domain/permissions';
import { listPuaRefs } from '~/models/organisation.server';
import { getRoleAssignments, getStaffUser } from '~/models/staff.server';
import { getSession, sessionPolicies } from './session.server';

function returnTo(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}

export async function getResidentId(request: Request): Promise<string | null> {
  const session = await getSession(request);
  return session?.kind === 'resident' ? session.residentId : null;
}

export async function requireResidentId(request: Request): Promise<string> {
  const id = await getResidentId(request);
  if (!id) throw redirect(`/logga-in?${new URLSearchParams({ redirectTo: returnTo(request) })}`);
  return id;
}

/**
 * For downloads of documents and files (issue #4): the BankID login must be more recent than the
 * session's idle limit. A session kept alive for hours by activity on a shared computer does not
 * hand out documents; the resident proves again who they are and comes back to `returnTo`.
 */
export async function requireRecentResidentLogin(request: Request, returnTo: string, now = new Date()): Promise<string> {
  const session = await getSession(request);
  if (session?.kind !== 'resident' || !session.residentId) {
    throw redirect(`/logga-in?${new URLSearchParams({ redirectTo: returnTo })}`);
  }
  const limitMs = sessionPolicies().resident.idleMinutes * 60_000;
  if (now.getTime() - session.createdAt.getTime() > limitMs) {
    throw redirect(`/logga-in?${new URLSearchParams({ redirectTo: returnTo, reauth: '1' })}`);
  }
  return session.residentId;
}

export async function requireStaffId(request: Request): Promise<string> {
  const session = await getSession(request);
  if (session?.kind !== 'staff' || !session.staffUserId) {
    throw redirect(`/personal/logga-in?${new URLSearchParams({ redirectTo: returnTo(request) })}`);
  }
  return session.staffUserId;
}

export type StaffAccess = {
  staff: { id: string; name: string; email: string | null };
  /** The PUAs in which the permission holds; every query of the route is scoped to them. */
  puaIds: string[];
};

export async function requireStaffWithPermission(request: Request, permission: Permission): Promise<StaffAccess> {
  const staffId = await requireStaffId(request);
  const [staff, assignments, puas] = await Promise.all([getStaffUser(staffId), getRoleAssignments(staffId), listPuaRefs()]);
  const puaIds = puasWithPermission(assignments, puas, permission);
  if (!staff || puaIds.length === 0) throw new Response('Not Found', { status: 404 });
  return { staff, puaIds };
}

/** The PUAs where the logged-in staff member holds `permission` (empty when none): for showing an action. */
export async function puasWithPermissionFor(request: Request, permission: Permission): Promise<string[]> {
  const staffId = await requireStaffId(request);
  const [assignments, puas] = await Promise.all([getRoleAssignments(staffId), listPuaRefs()]);
  return puasWithPermission(assignments, puas, permission);
}

/** `invariantResponse` from the Epic Stack: a failed expectation becomes an HTTP error. */
export function invariantResponse(condition: unknown, message = 'Not Found', status = 404): asserts condition {
  if (!condition) throw new Response(message, { status });
}

/**
 * The back office's guard for case routes: the staff member's PUAs per case permission, as
 * `caseAccess` (app/domain/case-access.ts) needs them. Without any case permission: 404.
 */
export async function requireCaseScope(request: Request): Promise<StaffAccess & { scope: StaffCaseScope }> {
  const staffId = await requireStaffId(request);
  const [staff, scope] = await Promise.all([getStaffUser(staffId), caseScopeOf(staffId)]);
  const puaIds = scopePuaIds(scope);
  if (!staff || puaIds.length === 0) throw new Response('Not Found', { status: 404 });
  return { staff, puaIds, scope };
}

/** A case scope, plus where the person may take beslut (delegation is checked apart) and compile registerutdrag. */
export type StaffCaseScope = StaffScope & { decidePua: readonly string[]; compilePua: readonly string[] };

/** The staff member's PUAs per case permission (empty lists when they have no case work). One role lookup serves them all. */
export async function caseScopeOf(staffId: string): Promise<StaffCaseScope> {
  const [assignments, puas] = await Promise.all([getRoleAssignments(staffId), listPuaRefs()]);
  const of = (p: Permission) => puasWithPermission(assignments, puas, p);
  return { staffId, readPua: of('read:case:pua'), readAssigned: of('read:case:assigned'), handlePua: of('handle:case:pua'), registerPua: of('register:case:pua'), decidePua: of('decide:case:pua'), compilePua: of('compile:registerutdrag:pua') };
}

export const scopePuaIds = (scope: StaffScope) => [...new Set([...scope.readPua, ...scope.readAssigned, ...scope.handlePua, ...scope.registerPua])].sort();
