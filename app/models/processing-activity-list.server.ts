/**
 * The GDPR-samordnare's view of a PUA's registerförteckning (issue #7): the processing activities
 * as stored (`pua.processing_activities`), and saving or removing one. Every change is audited with
 * the activity before and after. A later import of the samverkan file replaces the förteckning
 * again (README "Your own samverkan").
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { kommuner, pua } from '../../db/schema/index';
import type { ProcessingActivity } from '~/domain/processing-activities';
import {
  checkProcessingActivity,
  placeProcessingActivity,
  removeProcessingActivity,
  type ProcessingActivityCheck,
  type ProcessingActivityInput,
} from '~/domain/processing-activity-list';
import { db, type Database } from '../utils/db.server';
import { writeAudit } from './audit.server';

/** The PUAs whose förteckning the samordnare keeps, for the picker: "Socialnämnden, Sjöbacka kommun". */
export async function registerPuas(puaIds: string[], database: Database = db()) {
  if (!puaIds.length) return [];
  return database
    .select({ id: pua.id, name: pua.name, kommun: kommuner.name })
    .from(pua)
    .innerJoin(kommuner, eq(kommuner.id, pua.kommunId))
    .where(inArray(pua.id, puaIds))
    .orderBy(asc(kommuner.name), asc(pua.name));
}

/** The förteckning of one PUA. */
export async function processingActivityList(puaId: string, database: Database = db()) {
  const [p] = await database
    .select({ id: pua.id, name: pua.name, kommun: kommuner.name, activities: pua.processingActivities })
    .from(pua)
    .innerJoin(kommuner, eq(kommuner.id, pua.kommunId))
    .where(eq(pua.id, puaId));
  if (!p) return null;
  return { pua: { id: p.id, name: p.name, kommun: p.kommun }, activities: p.activities };
}

async function lockedList(tx: Database, puaId: string) {
  const [p] = await tx.select({ activities: pua.processingActivities }).from(pua).where(eq(pua.id, puaId)).for('update');
  return p?.activities ?? null;
}

/** Not found: no such PUA, or the activity being changed was removed meanwhile. */
export type SaveActivityResult = ProcessingActivityCheck | { ok: false; notFound: true };

/**
 * Adds an activity, or changes the one with the code `replacing`. Checked against the list as it
 * is when saved (the row is locked), so two samordnare cannot both take the same code.
 */
export async function saveProcessingActivity(
  input: { puaId: string; replacing: string | null; activity: ProcessingActivityInput; staffId: string },
  database: Database = db(),
): Promise<SaveActivityResult> {
  return database.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    const activities = await lockedList(tx, input.puaId);
    if (!activities || (input.replacing !== null && !activities.some((a) => a.code === input.replacing))) return { ok: false, notFound: true };
    const check = checkProcessingActivity(input.activity, { activities, replacing: input.replacing });
    if (!check.ok) return check;
    const before: ProcessingActivity | null = activities.find((a) => a.code === input.replacing) ?? null;
    await tx.update(pua).set({ processingActivities: placeProcessingActivity(activities, input.replacing, check.activity), updatedAt: new Date() }).where(eq(pua.id, input.puaId));
    await writeAudit(tx, {
      actor: { type: 'staff', id: input.staffId },
      action: before ? 'pua.processing_activity.change' : 'pua.processing_activity.add',
      entityType: 'pua',
      entityId: input.puaId,
      details: { before, after: check.activity },
    });
    return check;
  });
}

/** Removes the activity with this code; returns it, or null when there is none. */
export async function removeProcessingActivityOf(input: { puaId: string; code: string; staffId: string }, database: Database = db()): Promise<ProcessingActivity | null> {
  return database.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    const activities = await lockedList(tx, input.puaId);
    const before = activities?.find((a) => a.code === input.code);
    if (!activities || !before) return null;
    await tx.update(pua).set({ processingActivities: removeProcessingActivity(activities, input.code), updatedAt: new Date() }).where(eq(pua.id, input.puaId));
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'pua.processing_activity.remove', entityType: 'pua', entityId: input.puaId, details: { before } });
    return before;
  });
}
