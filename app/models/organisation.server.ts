/**
 * Samverkan, kommuner, PUAs and dataskyddsombud: reading them, and importing the declarative
 * configuration file (idempotent: rows are matched by their codes and updated in place).
 */
import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { dataskyddsombud, kommuner, pua, roleAssignments, samverkan, staffUsers } from '../../db/schema/index';
import { toDelegationPoints, toProcessingActivities, type SamverkanConfig } from '~/domain/samverkan-config';
import { parsePersonnummer } from '~/domain/personnummer';
import { db, type Database } from '../utils/db.server';
import { encryptPersonnummer, personnummerLookup } from '../utils/pnr-crypto.server';
import { writeAudit, type Actor } from './audit.server';

export async function isConfigured(database: Database = db()): Promise<boolean> {
  const [row] = await database.select({ n: sql<number>`count(*)::int` }).from(samverkan);
  return (row?.n ?? 0) > 0;
}

export async function listPuaRefs(database: Database = db()) {
  return database.select({ id: pua.id, kommunId: pua.kommunId }).from(pua);
}

/** Public facts for the start page and notices: kommuner with their PUAs and DPO. */
export async function getSamverkanOverview(database: Database = db()) {
  const [sv] = await database.select().from(samverkan).limit(1);
  const k = await database.select().from(kommuner).orderBy(asc(kommuner.name));
  const p = await database.select().from(pua).where(eq(pua.active, true)).orderBy(asc(pua.kind), asc(pua.name));
  const d = await database.select().from(dataskyddsombud);
  return {
    samverkan: sv ?? null,
    kommuner: k.map((kommun) => ({
      ...kommun,
      dataskyddsombud: d.find((x) => x.id === kommun.dataskyddsombudId) ?? null,
      pua: p.filter((x) => x.kommunId === kommun.id),
    })),
  };
}

export type ImportSummary = { kommuner: number; pua: number; dataskyddsombud: number; staff: number; roleAssignments: number; delegationPoints: number; processingActivities: number };

/**
 * Imports a validated configuration in one transaction. Re-importing the same file changes
 * nothing but `updatedAt`; a changed file updates the rows it names. Rows the file no longer
 * names are kept (PUAs are deactivated, never deleted: cases refer to them). A staff user's
 * role assignments are replaced by those in the file, and so is each PUA's delegeringsförteckning
 * (`pua.delegations`, persons resolved to staff ids) and registerförteckning
 * (`pua.processing_activities`); no förteckning in the file = an empty one.
 * A decision keeps the point it was taken under as it read then (`decisions.delegation_point`).
 */
export async function importSamverkanConfig(config: SamverkanConfig, actor: Actor, today: string, database: Database = db()): Promise<ImportSummary> {
  return database.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const now = new Date();
    const [sv] = await tx
      .insert(samverkan)
      .values({ code: config.samverkan.code, name: config.samverkan.name })
      .onConflictDoUpdate({ target: samverkan.code, set: { name: config.samverkan.name, updatedAt: now } })
      .returning();

    const dpoIds = new Map<string, string>();
    for (const d of config.dataskyddsombud) {
      const values = { samverkanId: sv!.id, code: d.code, name: d.name, email: d.email, phone: d.phone ?? null, postalAddress: d.postalAddress ?? null };
      const [row] = await tx
        .insert(dataskyddsombud)
        .values(values)
        .onConflictDoUpdate({ target: [dataskyddsombud.samverkanId, dataskyddsombud.code], set: values })
        .returning({ id: dataskyddsombud.id });
      dpoIds.set(d.code, row!.id);
    }

    const puaIds = new Map<string, string>();
    const kommunIds = new Map<string, string>();
    let puaCount = 0;
    for (const k of config.kommuner) {
      const values = {
        samverkanId: sv!.id,
        code: k.code,
        name: k.name,
        organisationsnummer: k.organisationsnummer,
        postalAddress: k.postalAddress,
        email: k.email,
        phone: k.phone,
        website: k.website ?? null,
        logoUrl: k.logoUrl ?? null,
        dataskyddsombudId: dpoIds.get(k.dataskyddsombud)!,
        forvaltningsratt: k.forvaltningsratt ?? null,
        updatedAt: now,
      };
      const [kommun] = await tx
        .insert(kommuner)
        .values(values)
        .onConflictDoUpdate({ target: [kommuner.samverkanId, kommuner.code], set: values })
        .returning({ id: kommuner.id });
      kommunIds.set(k.code, kommun!.id);
      for (const p of k.pua) {
        const puaValues = {
          kommunId: kommun!.id,
          code: p.code,
          kind: p.kind,
          name: p.name,
          description: p.description,
          diariumPrefix: p.diariumPrefix,
          postalAddress: p.postalAddress,
          email: p.email,
          phone: p.phone ?? null,
          dataskyddsombudId: dpoIds.get(p.dataskyddsombud ?? k.dataskyddsombud)!,
          active: true,
          updatedAt: now,
        };
        const [row] = await tx
          .insert(pua)
          .values(puaValues)
          .onConflictDoUpdate({ target: [pua.kommunId, pua.code], set: puaValues })
          .returning({ id: pua.id });
        puaIds.set(`${k.code}/${p.code}`, row!.id);
        puaCount++;
      }
      const named = k.pua.map((p) => p.code);
      await tx
        .update(pua)
        .set({ active: false, updatedAt: now })
        .where(and(eq(pua.kommunId, kommun!.id), notInArray(pua.code, named)));
    }

    let assignmentCount = 0;
    const staffIds = new Map<string, string>();
    for (const s of config.staff) {
      const parsed = parsePersonnummer(s.personnummer, today);
      if (!parsed.ok) throw new Error(`staff ${s.name}: invalid personnummer`); // validated before; defensive
      const lookup = personnummerLookup(parsed.pnr.value);
      const [existing] = await tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.pnrLookup, lookup));
      let staffId = existing?.id;
      if (staffId) {
        await tx.update(staffUsers).set({ name: s.name, email: s.email ?? null, updatedAt: now }).where(eq(staffUsers.id, staffId));
        await tx.delete(roleAssignments).where(eq(roleAssignments.staffUserId, staffId));
      } else {
        const [row] = await tx
          .insert(staffUsers)
          .values({ pnrCiphertext: encryptPersonnummer(parsed.pnr.value), pnrLookup: lookup, name: s.name, email: s.email ?? null })
          .returning({ id: staffUsers.id });
        staffId = row!.id;
      }
      staffIds.set(parsed.pnr.value, staffId!);
      const rows: (typeof roleAssignments.$inferInsert)[] = s.roles.flatMap((r): (typeof roleAssignments.$inferInsert)[] =>
        r.pua
          ? r.pua.map((ref) => ({ staffUserId: staffId!, role: r.role, puaId: puaIds.get(ref)!, kommunId: null }))
          : [{ staffUserId: staffId!, role: r.role, puaId: null, kommunId: kommunIds.get(r.kommun!)! }],
      );
      if (rows.length) await tx.insert(roleAssignments).values(rows);
      assignmentCount += rows.length;
    }

    // The förteckningar last: a point may name a person, who now has a staff id.
    let delegationPoints = 0;
    let processingActivities = 0;
    for (const k of config.kommuner) {
      for (const p of k.pua) {
        const delegations = toDelegationPoints(p.delegeringsforteckning, (pnr) => staffIds.get(pnr));
        const activities = toProcessingActivities(p.registerforteckning);
        await tx.update(pua).set({ delegations, processingActivities: activities, utdragFourEyes: p.registerutdragFyraOgon ?? false }).where(eq(pua.id, puaIds.get(`${k.code}/${p.code}`)!));
        delegationPoints += delegations.length;
        processingActivities += activities.length;
      }
    }

    const summary: ImportSummary = {
      kommuner: config.kommuner.length,
      pua: puaCount,
      dataskyddsombud: config.dataskyddsombud.length,
      staff: config.staff.length,
      roleAssignments: assignmentCount,
      delegationPoints,
      processingActivities,
    };
    await writeAudit(tx, { actor, action: 'config.import', entityType: 'samverkan', entityId: sv!.id, details: { ...summary } });
    return summary;
  });
}

/** Resolves "kommun/PUA" references (CLI input) to ids; unknown references are returned apart. */
export async function resolvePuaRefs(refs: string[], database: Database = db()) {
  const rows = await database
    .select({ id: pua.id, code: pua.code, kommunCode: kommuner.code })
    .from(pua)
    .innerJoin(kommuner, eq(kommuner.id, pua.kommunId))
    .where(inArray(pua.code, refs.map((r) => r.split('/')[1] ?? '')));
  const byRef = new Map(rows.map((r) => [`${r.kommunCode}/${r.code}`, r.id]));
  return { ids: refs.map((r) => byRef.get(r)).filter((x): x is string => !!x), unknown: refs.filter((r) => !byRef.has(r)) };
}

export async function findKommunByCode(code: string, database: Database = db()) {
  const [row] = await database.select().from(kommuner).where(eq(kommuner.code, code)).limit(1);
  return row ?? null;
}
