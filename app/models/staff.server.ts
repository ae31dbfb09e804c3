/** Staff users and their role assignments. Personnummer only enters and leaves masked or encrypted. */
import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { kommuner, pua, roleAssignments, staffUsers } from '../../db/schema/index';
import { maskPersonnummer } from '~/domain/personnummer';
import type { StaffRole } from '~/domain/permissions';
import { db, type Database } from '../utils/db.server';
import { decryptPersonnummer, encryptPersonnummer, personnummerLookup } from '../utils/pnr-crypto.server';
import { writeAudit, type Actor } from './audit.server';

export async function findStaffByPersonnummer(normalised: string, database: Database = db()) {
  const [row] = await database.select().from(staffUsers).where(eq(staffUsers.pnrLookup, personnummerLookup(normalised))).limit(1);
  return row ?? null;
}

export async function getStaffUser(id: string, database: Database = db()) {
  const [row] = await database.select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email }).from(staffUsers).where(eq(staffUsers.id, id)).limit(1);
  return row ?? null;
}

export async function getRoleAssignments(staffUserId: string, database: Database = db()) {
  return database
    .select({ role: roleAssignments.role, puaId: roleAssignments.puaId, kommunId: roleAssignments.kommunId })
    .from(roleAssignments)
    .where(eq(roleAssignments.staffUserId, staffUserId));
}

export type NewStaffUser = {
  personnummer: string; // normalised 12 digits
  name: string;
  email?: string;
  role: StaffRole;
  scope: { puaIds: string[] } | { kommunId: string };
};

/** Adds a user, or a role to an existing user (same personnummer). Idempotent per role and scope. */
export async function addStaffRole(input: NewStaffUser, actor: Actor, database: Database = db()) {
  return database.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const lookup = personnummerLookup(input.personnummer);
    let [user] = await tx.select().from(staffUsers).where(eq(staffUsers.pnrLookup, lookup));
    if (!user) {
      [user] = await tx
        .insert(staffUsers)
        .values({ pnrCiphertext: encryptPersonnummer(input.personnummer), pnrLookup: lookup, name: input.name, email: input.email ?? null })
        .returning();
    }
    const rows: (typeof roleAssignments.$inferInsert)[] = 'kommunId' in input.scope
      ? [{ staffUserId: user!.id, role: input.role, kommunId: input.scope.kommunId, puaId: null }]
      : input.scope.puaIds.map((puaId) => ({ staffUserId: user!.id, role: input.role, puaId, kommunId: null }));
    if (rows.length === 0) throw new Error('a role needs at least one PUA or a kommun');
    await tx.insert(roleAssignments).values(rows).onConflictDoNothing();
    await writeAudit(tx, { actor, action: 'staff.role.add', entityType: 'staff_user', entityId: user!.id, details: { role: input.role, scope: input.scope } });
    return user!;
  });
}

/** Removes a user and all their roles. Returns false when no such user exists. */
export async function removeStaffUser(normalised: string, actor: Actor, database: Database = db()): Promise<boolean> {
  return database.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [user] = await tx.delete(staffUsers).where(eq(staffUsers.pnrLookup, personnummerLookup(normalised))).returning({ id: staffUsers.id });
    if (!user) return false;
    await writeAudit(tx, { actor, action: 'staff.remove', entityType: 'staff_user', entityId: user.id });
    return true;
  });
}

/** For the admin CLI: every user with masked personnummer and their roles (the listing is audited). */
export async function listStaffUsers(actor: Actor, database: Database = db()) {
  const users = await database.select().from(staffUsers).orderBy(asc(staffUsers.name));
  await database.transaction((tx) => writeAudit(tx as unknown as Database, { actor, action: 'staff.list', details: { count: users.length } }));
  const roles = await database.select().from(roleAssignments);
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    personnummer: maskPersonnummer(decryptPersonnummer(u.pnrCiphertext)),
    roles: roles.filter((r) => r.staffUserId === u.id).map((r) => ({ role: r.role, puaId: r.puaId, kommunId: r.kommunId })),
  }));
}

export async function hasRole(staffUserId: string, role: StaffRole, database: Database = db()) {
  const [row] = await database.select({ id: roleAssignments.id }).from(roleAssignments).where(and(eq(roleAssignments.staffUserId, staffUserId), eq(roleAssignments.role, role))).limit(1);
  return !!row;
}

const puaKommun = alias(kommuner, 'pua_kommun');

/** For the staff start page: name and each role with the name of its PUA or kommun. */
export async function getStaffOverview(staffUserId: string, database: Database = db()) {
  const user = await getStaffUser(staffUserId, database);
  if (!user) return null;
  const rows = await database
    .select({ role: roleAssignments.role, puaName: pua.name, puaKommun: puaKommun.name, kommunName: kommuner.name })
    .from(roleAssignments)
    .leftJoin(pua, eq(pua.id, roleAssignments.puaId))
    .leftJoin(puaKommun, eq(puaKommun.id, pua.kommunId))
    .leftJoin(kommuner, eq(kommuner.id, roleAssignments.kommunId))
    .where(eq(roleAssignments.staffUserId, staffUserId))
    .orderBy(asc(roleAssignments.role));
  return {
    name: user.name,
    roles: rows.map((r) => ({ role: r.role, scope: r.puaName ? `${r.puaName}, ${r.puaKommun}` : (r.kommunName ?? '') })),
  };
}
