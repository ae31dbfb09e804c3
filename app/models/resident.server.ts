/** Residents: created at their first BankID login, found by the keyed personnummer lookup. */
import { eq } from 'drizzle-orm';
import { residents } from '../../db/schema/index';
import { db, type Database } from '../utils/db.server';
import { decryptPersonnummer, encryptPersonnummer, personnummerLookup } from '../utils/pnr-crypto.server';

export async function upsertResidentAtLogin(personnummer: string, name: string, database: Database = db()) {
  const lookup = personnummerLookup(personnummer);
  const now = new Date();
  const [row] = await database
    .insert(residents)
    .values({ pnrCiphertext: encryptPersonnummer(personnummer), pnrLookup: lookup, name, lastLoginAt: now })
    .onConflictDoUpdate({ target: residents.pnrLookup, set: { name, lastLoginAt: now } })
    .returning({ id: residents.id, name: residents.name });
  return row!;
}

export async function getResident(id: string, database: Database = db()) {
  const [row] = await database.select({ id: residents.id, name: residents.name }).from(residents).where(eq(residents.id, id)).limit(1);
  return row ?? null;
}

/** The resident's own personnummer, for signing their request (requirement.personalNumber). */
export async function getResidentPersonnummer(id: string, database: Database = db()): Promise<string | null> {
  const [row] = await database.select({ c: residents.pnrCiphertext }).from(residents).where(eq(residents.id, id)).limit(1);
  return row ? decryptPersonnummer(row.c) : null;
}

/**
 * The resident a reception official registers a request for (issue #8): found by the keyed
 * lookup, or created without a login, so that the person later finds the case in Mina ärenden
 * when they log in with BankID, and the reception hands the answer over to them. An existing
 * resident keeps the name their BankID gave.
 */
export async function residentForVisitor(personnummer: string, name: string, database: Database = db()): Promise<string> {
  const lookup = personnummerLookup(personnummer);
  await database.insert(residents).values({ pnrCiphertext: encryptPersonnummer(personnummer), pnrLookup: lookup, name }).onConflictDoNothing({ target: residents.pnrLookup });
  const [row] = await database.select({ id: residents.id }).from(residents).where(eq(residents.pnrLookup, lookup));
  return row!.id;
}
