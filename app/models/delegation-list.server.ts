/**
 * The admin's view of a PUA's delegeringsförteckning (issue #6): the points as stored
 * (`pua.delegations`), the people who can be named, and saving or removing one point. Every change
 * is audited with the point before and after. A decision already taken keeps the point it was taken
 * under (`decisions.delegation_point`), so editing the list never rewrites history. A later import
 * of the samverkan file replaces the list again (README "Samverkan configuration").
 */
import { asc, eq, inArray, or } from 'drizzle-orm';
import { kommuner, pua, roleAssignments, staffUsers } from '../../db/schema/index';
import type { DelegationPoint } from '~/domain/decision-types';
import { checkDelegationPoint, placeDelegationPoint, removeDelegationPoint, type DelegationPointCheck, type DelegationPointInput } from '~/domain/delegation-list';
import type { StaffRole } from '~/domain/permissions';
import { db, type Database } from '../utils/db.server';
import { writeAudit } from './audit.server';

/** The PUAs the admin may configure, for the picker: "Socialnämnden, Sjöbacka kommun". */
export async function configurablePuas(puaIds: string[], database: Database = db()) {
  if (!puaIds.length) return [];
  return database
    .select({ id: pua.id, name: pua.name, kommun: kommuner.name })
    .from(pua)
    .innerJoin(kommuner, eq(kommuner.id, pua.kommunId))
    .where(inArray(pua.id, puaIds))
    .orderBy(asc(kommuner.name), asc(pua.name));
}

export type Nameable = { id: string; name: string; roles: StaffRole[] };

/** Staff with a role in the PUA (directly or kommun-wide): the people a point can name. */
async function nameablePeople(database: Database, puaId: string, kommunId: string): Promise<Nameable[]> {
  const rows = await database
    .select({ id: staffUsers.id, name: staffUsers.name, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(staffUsers, eq(staffUsers.id, roleAssignments.staffUserId))
    .where(or(eq(roleAssignments.puaId, puaId), eq(roleAssignments.kommunId, kommunId)))
    .orderBy(asc(staffUsers.name));
  const people = new Map<string, Nameable>();
  for (const r of rows) {
    const p = people.get(r.id) ?? { id: r.id, name: r.name, roles: [] };
    if (!p.roles.includes(r.role)) p.roles.push(r.role);
    people.set(r.id, p);
  }
  return [...people.values()];
}

/** The förteckning of one PUA, and names for every person it or the form may show. */
export async function delegationList(puaId: string, database: Database = db()) {
  const [p] = await database
    .select({ id: pua.id, name: pua.name, kommunId: pua.kommunId, kommun: kommuner.name, delegations: pua.delegations })
    .from(pua)
    .innerJoin(kommuner, eq(kommuner.id, pua.kommunId))
    .where(eq(pua.id, puaId));
  if (!p) return null;
  const people = await nameablePeople(database, p.id, p.kommunId);
  // A point may name someone who has since left the PUA: still show who it is.
  const missing = p.delegations.map((d) => d.staffUserId).filter((id): id is string => !!id && !people.some((x) => x.id === id));
  const former = missing.length ? await database.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(inArray(staffUsers.id, missing)) : [];
  const names = Object.fromEntries([...people, ...former].map((x) => [x.id, x.name]));
  return { pua: { id: p.id, name: p.name, kommun: p.kommun }, points: p.delegations, people, names };
}

async function lockedList(tx: Database, puaId: string) {
  const [p] = await tx.select({ delegations: pua.delegations, kommunId: pua.kommunId }).from(pua).where(eq(pua.id, puaId)).for('update');
  return p ?? null;
}

/** Not found: no such PUA, or the point being changed was removed meanwhile. */
export type SaveResult = DelegationPointCheck | { ok: false; notFound: true };

/**
 * Adds a point, or changes the point numbered `replacing`. Checked against the list as it is when
 * saved (the row is locked), so two admins cannot both take "7.6".
 */
export async function saveDelegationPoint(
  input: { puaId: string; replacing: string | null; point: DelegationPointInput; staffId: string },
  database: Database = db(),
): Promise<SaveResult> {
  return database.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    const list = await lockedList(tx, input.puaId);
    if (!list || (input.replacing !== null && !list.delegations.some((d) => d.number === input.replacing))) return { ok: false, notFound: true };
    const people = await nameablePeople(tx, input.puaId, list.kommunId);
    const check = checkDelegationPoint(input.point, { points: list.delegations, replacing: input.replacing, staffUserIds: new Set(people.map((p) => p.id)) });
    if (!check.ok) return check;
    const before: DelegationPoint | null = list.delegations.find((d) => d.number === input.replacing) ?? null;
    await tx.update(pua).set({ delegations: placeDelegationPoint(list.delegations, input.replacing, check.point), updatedAt: new Date() }).where(eq(pua.id, input.puaId));
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: before ? 'pua.delegation.change' : 'pua.delegation.add', entityType: 'pua', entityId: input.puaId, details: { before, after: check.point } });
    return check;
  });
}

export async function removeDelegationPointOf(input: { puaId: string; number: string; staffId: string }, database: Database = db()): Promise<boolean> {
  return database.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    const list = await lockedList(tx, input.puaId);
    const before = list?.delegations.find((d) => d.number === input.number);
    if (!list || !before) return false;
    await tx.update(pua).set({ delegations: removeDelegationPoint(list.delegations, input.number), updatedAt: new Date() }).where(eq(pua.id, input.puaId));
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'pua.delegation.remove', entityType: 'pua', entityId: input.puaId, details: { before } });
    return true;
  });
}
