/**
 * Who gets an e-mail notice (app/jobs/notices.server.ts). Read both when queueing (to queue
 * nothing that would not be sent) and when sending (the answer may have changed meanwhile).
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { cases, pua, submissions } from '../../db/schema/index';
import type { Database } from '../utils/db.server';
import { isUuid } from '~/domain/uuid';

const emailAddress = z.string().trim().email().max(254);

export async function residentAddress(caseId: string, database: Database): Promise<string | null> {
  if (!isUuid(caseId)) return null;
  const [row] = await database
    .select({ answers: submissions.answers, submissionProtected: submissions.protectedIdentity, caseProtected: cases.protectedIdentity })
    .from(cases)
    .innerJoin(submissions, eq(submissions.id, cases.submissionId))
    .where(eq(cases.id, caseId));
  // Skyddade personuppgifter: never a notice, whatever the answers say (DOMAIN.md §9).
  if (!row || row.submissionProtected || row.caseProtected) return null;
  const email = emailAddress.safeParse(row.answers.email);
  return email.success ? email.data : null;
}

export async function puaMailbox(caseId: string, database: Database): Promise<{ to: string; diarienummer: string | null } | null> {
  if (!isUuid(caseId)) return null;
  const [row] = await database
    .select({ email: pua.email, diarienummer: cases.diarienummer, submissionProtected: submissions.protectedIdentity, caseProtected: cases.protectedIdentity })
    .from(cases)
    .innerJoin(pua, eq(pua.id, cases.puaId))
    .innerJoin(submissions, eq(submissions.id, cases.submissionId))
    .where(eq(cases.id, caseId));
  const to = emailAddress.safeParse(row?.email);
  if (!row || !to.success) return null;
  // A protected person's case is open to named handlers only, and a functional mailbox is read
  // by others too: they are told that something happened, not in which case.
  return { to: to.data, diarienummer: row.submissionProtected || row.caseProtected ? null : row.diarienummer };
}
