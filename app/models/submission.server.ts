/**
 * Filing a request: one transaction creates the submission, its cases (one per PUA and kind,
 * each with a gap-free diarienummer from its PUA) with their legal deadline, the first timeline
 * event of each case and the audit row. Idempotent per draft: a double click, a resubmitted form
 * or a retry creates the cases exactly once and returns the same ones.
 */
import crypto from 'node:crypto';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { caseEvents, cases, diariumCounters, pua, submissions } from '../../db/schema/index';
import { gdprDeadline } from '~/domain/deadlines';
import { formatDiarienummer, planCases, type Right } from '~/domain/requests';
import type { Lng } from '~/i18n';
import { todayInStockholm } from '../utils/dates.server';
import { db, type Database } from '../utils/db.server';
import { encryptPersonnummer, personnummerLookup } from '../utils/pnr-crypto.server';
import { DELIVERY, type Delivery } from '~/domain/request-journey';
import { attachToSubmission } from './attachments.server';
import { writeAudit, type Actor } from './audit.server';

export type NewSubmission = {
  draftId: string;
  kommunId: string;
  filedByResidentId: string | null;
  channel: 'e_tjanst' | 'reception' | 'paper' | 'phone';
  relation: 'self' | 'child' | 'principal' | 'ward';
  subject: { personnummer: string; name: string };
  rights: Right[];
  puaIds: string[];
  answers: Record<string, unknown>;
  protectedIdentity: boolean;
  signedSummary?: string;
  signature?: Record<string, unknown>;
  /** When the request reached the kommun; its Stockholm date starts the deadline (DOMAIN.md §5). */
  receivedAt: Date;
  /** For paper forms: the stamp date, which may be earlier than the day it was registered. */
  receivedDate?: string;
  /**
   * The portal language the person filed in; letters and decisions are written in it (issue #6).
   * Swedish when not given, as for a request staff register from paper, the reception or the phone.
   */
  language?: Lng;
  /** A request registered by an official: who, and for a visitor or caller the identity check it rests on. */
  registeredByStaffId?: string;
  identityCheckId?: string;
  actor: Actor;
};

/** The journey's answers as kept with the submission: the subject's name, not their personnummer. */
function withoutPersonnummer(answers: Record<string, unknown>): Record<string, unknown> {
  const subject = answers.subject as { name?: string; personnummer?: string } | undefined;
  if (!subject || typeof subject !== 'object' || !('personnummer' in subject)) return answers;
  const { personnummer: _dropped, ...rest } = subject;
  return { ...answers, subject: rest };
}

export type FiledCase = { id: string; diarienummer: string; puaId: string; kind: string; rights: string[]; receivedDate: string; deadline: string };
export type FiledSubmission = { id: string; reference: string; cases: FiledCase[]; created: boolean };

/** Takes the next number of the PUA's diarium for the year; the row lock makes it gap-free. */
export async function nextDiarieNumber(tx: Database, puaId: string, year: number): Promise<number> {
  const [row] = await tx
    .insert(diariumCounters)
    .values({ puaId, year, lastNumber: 1 })
    .onConflictDoUpdate({ target: [diariumCounters.puaId, diariumCounters.year], set: { lastNumber: sql`${diariumCounters.lastNumber} + 1` } })
    .returning({ n: diariumCounters.lastNumber });
  return row!.n;
}

function newReference(year: number): string {
  // Crockford-style alphabet: no 0/O or 1/I to misread on the phone with kontaktcenter.
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const bytes = crypto.randomBytes(6);
  return `DSP-${year}-${[...bytes].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

async function existingFiling(database: Database, draftId: string): Promise<FiledSubmission | null> {
  const [s] = await database.select({ id: submissions.id, reference: submissions.reference }).from(submissions).where(eq(submissions.draftId, draftId));
  if (!s) return null;
  const rows = await database
    .select({ id: cases.id, diarienummer: cases.diarienummer, puaId: cases.puaId, kind: cases.kind, rights: cases.rights, receivedDate: cases.receivedDate, deadline: cases.deadline })
    .from(cases)
    .where(eq(cases.submissionId, s.id))
    .orderBy(asc(cases.diarienummer));
  return { ...s, cases: rows, created: false };
}

/** The id of the submission filed from this draft, or null. */
export async function submissionOfDraft(draftId: string, database: Database = db()): Promise<string | null> {
  const [s] = await database.select({ id: submissions.id }).from(submissions).where(eq(submissions.draftId, draftId));
  return s?.id ?? null;
}

const isUniqueViolation = (e: unknown) => {
  for (let err: unknown = e; err; err = (err as { cause?: unknown }).cause) {
    if ((err as { code?: string }).code === '23505') return true;
  }
  return false;
};

export async function fileSubmission(input: NewSubmission, database: Database = db()): Promise<FiledSubmission> {
  const already = await existingFiling(database, input.draftId);
  if (already) return already;
  const receivedDate = input.receivedDate ?? todayInStockholm(input.receivedAt);
  const deadline = gdprDeadline(receivedDate);
  const year = Number(todayInStockholm().slice(0, 4));
  try {
    return await database.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Database;
      const prefixes = await tx.select({ id: pua.id, prefix: pua.diariumPrefix, kommunId: pua.kommunId }).from(pua).where(inArray(pua.id, input.puaIds));
      if (prefixes.length !== new Set(input.puaIds).size || prefixes.some((p) => p.kommunId !== input.kommunId)) {
        throw new Error('every PUA must belong to the kommun of the submission');
      }
      const [submission] = await tx
        .insert(submissions)
        .values({
          reference: newReference(year),
          draftId: input.draftId,
          kommunId: input.kommunId,
          filedByResidentId: input.filedByResidentId,
          channel: input.channel,
          relation: input.relation,
          subjectPnrCiphertext: encryptPersonnummer(input.subject.personnummer),
          subjectPnrLookup: personnummerLookup(input.subject.personnummer),
          subjectName: input.subject.name,
          // The personnummer lives only encrypted (subjectPnrCiphertext, ADR 005): not in the answers' copy.
          answers: withoutPersonnummer(input.answers),
          protectedIdentity: input.protectedIdentity,
          signedSummary: input.signedSummary ?? null,
          signature: input.signature ?? null,
          language: input.language ?? 'sv',
          registeredByStaffId: input.registeredByStaffId ?? null,
          identityCheckId: input.identityCheckId ?? null,
          receivedAt: input.receivedAt,
        })
        .returning({ id: submissions.id, reference: submissions.reference });
      // Each case starts with the delivery chosen in the journey; the samordnare may change it later.
      const chosen = input.answers.delivery;
      const deliveryMethod: Delivery = (DELIVERY as readonly unknown[]).includes(chosen) ? (chosen as Delivery) : 'portal';
      const filed: FiledCase[] = [];
      for (const planned of planCases(input.rights, input.puaIds)) {
        const prefix = prefixes.find((p) => p.id === planned.puaId)!.prefix;
        const diarienummer = formatDiarienummer(prefix, year, await nextDiarieNumber(tx, planned.puaId, year));
        const [row] = await tx
          .insert(cases)
          .values({ submissionId: submission!.id, puaId: planned.puaId, kind: planned.kind, rights: planned.rights, diarienummer, receivedDate, deadline, protectedIdentity: input.protectedIdentity, deliveryMethod })
          .returning({ id: cases.id });
        await tx.insert(caseEvents).values({ caseId: row!.id, type: 'received', actorType: input.actor.type, actorId: input.actor.id ?? null, data: { channel: input.channel, receivedDate, deadline } });
        filed.push({ id: row!.id, diarienummer, puaId: planned.puaId, kind: planned.kind, rights: planned.rights, receivedDate, deadline });
      }
      // The draft's files (fullmakt, evidence) now belong to the filed request.
      const files = await attachToSubmission(input.draftId, submission!.id, tx, input.actor);
      await writeAudit(tx, {
        actor: input.actor,
        action: 'submission.file',
        entityType: 'submission',
        entityId: submission!.id,
        details: { channel: input.channel, relation: input.relation, cases: filed.map((c) => c.diarienummer), attachments: files, ...(input.identityCheckId ? { identityCheckId: input.identityCheckId } : {}) },
      });
      return { ...submission!, cases: filed, created: true };
    });
  } catch (error) {
    // A parallel submit of the same draft won the race: its cases are the answer.
    if (isUniqueViolation(error)) {
      const winner = await existingFiling(database, input.draftId);
      if (winner) return winner;
    }
    throw error;
  }
}
