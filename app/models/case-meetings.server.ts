/**
 * The assessment meeting of a change request (DOMAIN.md §4, seed 004 bilaga 7): the samordnare
 * meets the DPO, the säkerhetsansvarig and a jurist within two weeks and documents the conclusion,
 * which is registered in the case.
 */
import { asc, eq } from 'drizzle-orm';
import { caseEvents, caseMeetings, cases, staffUsers } from '../../db/schema/index';
import { isIsoDate } from '~/domain/iso-date';
import { db, type Database } from '../utils/db.server';
import { writeAudit } from './audit.server';

export const MAX_MEETING_TEXT = 4000;

export type MeetingResult = { ok: true } | { ok: false; errors: Record<string, 'required' | 'date' | 'tooLong' | 'not-change'> };

export async function recordMeeting(input: { caseId: string; staffId: string; heldOn: string; participants: string; conclusion: string; today: string }, database: Database = db()): Promise<MeetingResult> {
  const errors: Record<string, 'required' | 'date' | 'tooLong' | 'not-change'> = {};
  const participants = input.participants.trim();
  const conclusion = input.conclusion.trim();
  if (!isIsoDate(input.heldOn) || input.heldOn > input.today) errors.heldOn = 'date';
  if (!participants) errors.participants = 'required';
  else if (participants.length > MAX_MEETING_TEXT) errors.participants = 'tooLong';
  if (!conclusion) errors.conclusion = 'required';
  else if (conclusion.length > MAX_MEETING_TEXT) errors.conclusion = 'tooLong';
  if (Object.keys(errors).length) return { ok: false, errors };
  return database.transaction(async (txn): Promise<MeetingResult> => {
    const tx = txn as unknown as Database;
    const [c] = await tx.select({ id: cases.id, kind: cases.kind }).from(cases).where(eq(cases.id, input.caseId)).for('update');
    if (!c || c.kind !== 'forandring') return { ok: false, errors: { heldOn: 'not-change' } };
    const [m] = await tx.insert(caseMeetings).values({ caseId: c.id, heldOn: input.heldOn, participants, conclusion, recordedByStaffId: input.staffId }).returning({ id: caseMeetings.id });
    await tx.insert(caseEvents).values({ caseId: c.id, type: 'meeting.held', actorType: 'staff', actorId: input.staffId, visibleToResident: false, data: { meetingId: m!.id, heldOn: input.heldOn } });
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'case.meeting', entityType: 'case', entityId: c.id, details: { meetingId: m!.id } });
    return { ok: true };
  });
}

export async function listMeetings(caseId: string, database: Database = db()) {
  return database
    .select({ id: caseMeetings.id, heldOn: caseMeetings.heldOn, participants: caseMeetings.participants, conclusion: caseMeetings.conclusion, recordedBy: staffUsers.name })
    .from(caseMeetings)
    .innerJoin(staffUsers, eq(staffUsers.id, caseMeetings.recordedByStaffId))
    .where(eq(caseMeetings.caseId, caseId))
    .orderBy(asc(caseMeetings.heldOn));
}
