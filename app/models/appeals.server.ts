/**
 * Överklagande (issue #6, DOMAIN.md §8). A resident appeals from Mina ärenden (a draft, then signed
 * with BankID: the appeal is received the day it is signed), or staff register a paper appeal with
 * the date it reached the nämnd. The nämnd then checks timeliness (rättidsprövning, FL 45 §), may
 * reconsider (omprövning, app/models/appeal-decisions.server.ts), forwards the appeal to the court
 * (app/models/appeal-forwarding.server.ts) and records what the courts decide.
 */
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { appeals, attachments, caseEvents, decisions, type CourtRecord } from '../../db/schema/index';
import { checkCourtRecord, rattidsprovning, type CourtRecordError, type Rattidsprovning } from '~/domain/appeal';
import { COURT_OUTCOMES, type AppealInstructions, type CourtLevel } from '~/domain/decision-types';
import { compareIsoDates, isIsoDate } from '~/domain/iso-date';
import { todayInStockholm } from '../utils/dates.server';
import { db, type Database, transaction } from '../utils/db.server';
import { readStoredFile, storeFile } from '../utils/file-store.server';
import type { UploadedFile } from '../utils/uploads.server';
import { queuePuaNotice } from '../jobs/notices.server';
import { recordAudit, writeAudit } from './audit.server';
import { residentDecisions } from './decisions.server';
import { findResidentCase } from './resident-cases.server';

export type Appeal = typeof appeals.$inferSelect;
export const MAX_APPEAL_TEXT = 10_000;

export type AppealInput = { decisionId: string; changeWanted: string; reasons: string };
export type AppealFieldError = { field: 'decisionId' | 'changeWanted' | 'reasons' | 'receivedOn'; code: string };
export type AppealResult = { ok: true; id: string } | { ok: false; error: 'not-found' | 'not-allowed' | 'invalid'; errors?: AppealFieldError[]; courtError?: CourtRecordError };

type Tx = Database;

/** FL 43 §: the appeal must say which decision and what change is wanted. Reasons are optional. */
export function checkAppealInput(input: AppealInput): AppealFieldError[] {
  const errors: AppealFieldError[] = [];
  if (!input.decisionId) errors.push({ field: 'decisionId', code: 'required' });
  if (!input.changeWanted.trim()) errors.push({ field: 'changeWanted', code: 'required' });
  if (input.changeWanted.length > MAX_APPEAL_TEXT) errors.push({ field: 'changeWanted', code: 'too_long' });
  if (input.reasons.length > MAX_APPEAL_TEXT) errors.push({ field: 'reasons', code: 'too_long' });
  return errors;
}

/** Decisions of the case a person can appeal: decided, with appeal instructions (not a full grant). */
export async function appealableDecisions(caseId: string, database: Database = db()) {
  return (await residentDecisions(caseId, database)).filter((d) => d.appealable);
}

async function storeAppealFiles(tx: Tx, appealId: string, files: UploadedFile[], uploader: { residentId?: string; staffId?: string }) {
  for (const f of files) {
    const stored = await storeFile(f.bytes);
    await tx.insert(attachments).values({ sha256: stored.sha256, size: stored.size, filename: f.filename, mimeType: f.mimeType, purpose: 'appeal', appealId, uploadedByResidentId: uploader.residentId ?? null, uploadedByStaffId: uploader.staffId ?? null });
  }
}

/**
 * The resident's appeal before signing. One draft per case and resident: writing again replaces
 * the text (files are added). Nothing reaches the nämnd until it is signed.
 */
export async function saveAppealDraft(input: AppealInput & { caseId: string; residentId: string; files: UploadedFile[] }, database: Database = db()): Promise<AppealResult> {
  const found = await findResidentCase(input.caseId, input.residentId, database);
  if (!found) return { ok: false, error: 'not-found' };
  const errors = checkAppealInput(input);
  const decision = (await appealableDecisions(found.id, database)).find((d) => d.id === input.decisionId);
  if (input.decisionId && !decision) errors.push({ field: 'decisionId', code: 'required' });
  if (errors.length) return { ok: false, error: 'invalid', errors };
  return transaction(database, async (tx) => {
    const [draft] = await tx.select().from(appeals).where(and(eq(appeals.caseId, found.id), eq(appeals.filedByResidentId, input.residentId), eq(appeals.status, 'draft')));
    const values = { decisionId: input.decisionId, changeWanted: input.changeWanted.trim(), reasons: input.reasons.trim(), updatedAt: new Date() };
    const id = draft
      ? (await tx.update(appeals).set(values).where(eq(appeals.id, draft.id)).returning({ id: appeals.id }))[0]!.id
      : (await tx.insert(appeals).values({ ...values, caseId: found.id, channel: 'portal', filedByResidentId: input.residentId }).returning({ id: appeals.id }))[0]!.id;
    await storeAppealFiles(tx, id, input.files, { residentId: input.residentId });
    await writeAudit(tx, { actor: { type: 'resident', id: input.residentId }, action: 'appeal.draft', entityType: 'case', entityId: found.id, details: { appealId: id, files: input.files.length } });
    return { ok: true, id };
  });
}

/** The resident's unsigned appeal in this case, with its files, or null. */
export async function getAppealDraft(caseId: string, residentId: string, database: Database = db()) {
  const found = await findResidentCase(caseId, residentId, database);
  if (!found) return null;
  const [draft] = await database.select().from(appeals).where(and(eq(appeals.caseId, found.id), eq(appeals.filedByResidentId, residentId), eq(appeals.status, 'draft')));
  if (!draft) return null;
  const files = await database.select({ id: attachments.id, filename: attachments.filename, sha256: attachments.sha256, size: attachments.size }).from(attachments).where(eq(attachments.appealId, draft.id)).orderBy(asc(attachments.createdAt));
  return { ...draft, files, diarienummer: found.diarienummer };
}

/** What the BankID signature covers: the appeal's text, the decision and the files' hashes. */
export function appealPayload(draft: NonNullable<Awaited<ReturnType<typeof getAppealDraft>>>) {
  return { appealId: draft.id, caseId: draft.caseId, decisionId: draft.decisionId, changeWanted: draft.changeWanted, reasons: draft.reasons, files: draft.files.map((f) => f.sha256) };
}

/** Files the signed appeal: received today (Europe/Stockholm), the PUA is told. Idempotent. */
export async function fileSignedAppeal(input: { appealId: string; residentId: string; summary: string; signature: Record<string, unknown> }, database: Database = db()): Promise<AppealResult> {
  const today = todayInStockholm();
  const result = await transaction<AppealResult>(database, async (tx) => {
    const [a] = await tx.select().from(appeals).where(and(eq(appeals.id, input.appealId), eq(appeals.filedByResidentId, input.residentId))).for('update');
    if (!a) return { ok: false, error: 'not-found' };
    if (a.status !== 'draft') return { ok: true, id: a.id };
    await tx.update(appeals).set({ status: 'received', receivedOn: today, signedSummary: input.summary, signature: input.signature, updatedAt: new Date() }).where(eq(appeals.id, a.id));
    const data = { appealId: a.id, decisionId: a.decisionId, channel: 'portal', receivedOn: today };
    await tx.insert(caseEvents).values({ caseId: a.caseId, type: 'appeal.received', actorType: 'resident', actorId: input.residentId, visibleToResident: true, data });
    await writeAudit(tx, { actor: { type: 'resident', id: input.residentId }, action: 'appeal.file', entityType: 'case', entityId: a.caseId, details: data });
    return { ok: true, id: a.id };
  });
  if (result.ok) {
    const [a] = await database.select({ caseId: appeals.caseId }).from(appeals).where(eq(appeals.id, result.id));
    await queuePuaNotice(a!.caseId, 'appeal', database);
  }
  return result;
}

/** Staff register an appeal that came on paper, with the day it reached the nämnd. */
export async function registerPaperAppeal(input: AppealInput & { caseId: string; staffId: string; receivedOn: string; files: UploadedFile[] }, database: Database = db()): Promise<AppealResult> {
  const errors = checkAppealInput(input);
  const decision = (await appealableDecisions(input.caseId, database)).find((d) => d.id === input.decisionId);
  if (input.decisionId && !decision) errors.push({ field: 'decisionId', code: 'required' });
  if (!isIsoDate(input.receivedOn)) errors.push({ field: 'receivedOn', code: 'required' });
  else if (compareIsoDates(input.receivedOn, todayInStockholm()) > 0) errors.push({ field: 'receivedOn', code: 'in_future' });
  else if (decision?.decidedOn && compareIsoDates(input.receivedOn, decision.decidedOn) < 0) errors.push({ field: 'receivedOn', code: 'before_decision' });
  if (errors.length) return { ok: false, error: 'invalid', errors };
  return transaction(database, async (tx) => {
    const [row] = await tx
      .insert(appeals)
      .values({ caseId: input.caseId, decisionId: input.decisionId, status: 'received', channel: 'paper', receivedOn: input.receivedOn, registeredByStaffId: input.staffId, changeWanted: input.changeWanted.trim(), reasons: input.reasons.trim() })
      .returning({ id: appeals.id });
    await storeAppealFiles(tx, row!.id, input.files, { staffId: input.staffId });
    const data = { appealId: row!.id, decisionId: input.decisionId, channel: 'paper', receivedOn: input.receivedOn };
    await tx.insert(caseEvents).values({ caseId: input.caseId, type: 'appeal.received', actorType: 'staff', actorId: input.staffId, visibleToResident: true, data });
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'appeal.register', entityType: 'case', entityId: input.caseId, details: data });
    return { ok: true, id: row!.id };
  });
}

/** Filed appeals only: a draft is the resident's own until it is signed. */
const filed = ne(appeals.status, 'draft');

/** The filed appeals of a case (or the one with `appealId`), newest first, with their files. */
export async function listCaseAppeals(caseId: string, database: Database = db(), appealId?: string) {
  const rows = await database.select().from(appeals).where(and(eq(appeals.caseId, caseId), filed, appealId ? eq(appeals.id, appealId) : undefined)).orderBy(desc(appeals.createdAt));
  const files = rows.length
    ? await database.select({ id: attachments.id, appealId: attachments.appealId, filename: attachments.filename, size: attachments.size, mimeType: attachments.mimeType }).from(attachments).where(inArray(attachments.appealId, rows.map((r) => r.id))).orderBy(asc(attachments.createdAt))
    : [];
  return rows.map((r) => ({ ...r, files: files.filter((f) => f.appealId === r.id) }));
}

export async function getCaseAppeal(caseId: string, appealId: string, database: Database = db()) {
  if (!/^[0-9a-f-]{36}$/i.test(appealId)) return null;
  return (await listCaseAppeals(caseId, database, appealId))[0] ?? null;
}

/** The facts a rättidsprövning rests on: the appealed decision's notification and its letter. */
export async function timelinessOf(appeal: Pick<Appeal, 'decisionId' | 'receivedOn'>, reachedCourtOn: string | null = null, database: Database = db()): Promise<Rattidsprovning & { notifiedOn: string | null; instructions: AppealInstructions }> {
  const [d] = await database.select({ notifiedOn: decisions.notifiedOn, instructions: decisions.appealInstructions }).from(decisions).where(eq(decisions.id, appeal.decisionId));
  const instructions = (d?.instructions ?? 'missing') as AppealInstructions;
  const result = rattidsprovning({ notifiedOn: d?.notifiedOn ?? null, receivedOn: appeal.receivedOn!, instructions, reachedCourtOn });
  return { ...result, notifiedOn: d?.notifiedOn ?? null, instructions };
}

/** Records the rättidsprövning (FL 45 §) on the appeal and the timeline. */
export async function recordRattidsprovning(input: { caseId: string; appealId: string; staffId: string; reachedCourtOn?: string | null }, database: Database = db()): Promise<AppealResult> {
  return transaction(database, async (tx) => {
    const [a] = await tx.select().from(appeals).where(and(eq(appeals.id, input.appealId), eq(appeals.caseId, input.caseId))).for('update');
    if (!a || a.status === 'draft') return { ok: false, error: 'not-found' };
    if (a.status !== 'received') return { ok: false, error: 'not-allowed' };
    const result = await timelinessOf(a, input.reachedCourtOn ?? null, tx);
    const record = { inTime: !result.avvisa, deadline: result.deadline, rule: result.rule, checkedOn: todayInStockholm(), checkedByStaffId: input.staffId };
    await tx.update(appeals).set({ timeliness: record, updatedAt: new Date() }).where(eq(appeals.id, a.id));
    const data = { appealId: a.id, inTime: record.inTime, rule: record.rule, deadline: record.deadline };
    await tx.insert(caseEvents).values({ caseId: a.caseId, type: 'appeal.timeliness_checked', actorType: 'staff', actorId: input.staffId, data });
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'appeal.timeliness', entityType: 'case', entityId: a.caseId, details: data });
    return { ok: true, id: a.id };
  });
}


/** Records what förvaltningsrätten (or, on further appeal, kammarrätten) decided; the order of the courts is `checkCourtRecord`. */
export async function recordCourtDecision(
  input: { caseId: string; appealId: string; staffId: string; court: CourtLevel; malnummer: string; outcome: string; decidedOn: string },
  database: Database = db(),
): Promise<AppealResult> {
  const valid = input.malnummer.trim() && input.malnummer.length <= 40 && (COURT_OUTCOMES as readonly string[]).includes(input.outcome) && isIsoDate(input.decidedOn) && compareIsoDates(input.decidedOn, todayInStockholm()) <= 0;
  if (!valid) return { ok: false, error: 'invalid' };
  return transaction(database, async (tx) => {
    const [a] = await tx.select().from(appeals).where(and(eq(appeals.id, input.appealId), eq(appeals.caseId, input.caseId))).for('update');
    if (!a) return { ok: false, error: 'not-found' };
    if (a.status !== 'forwarded' && a.status !== 'court_decided') return { ok: false, error: 'not-allowed' };
    const courtError = checkCourtRecord({ court: input.court, outcome: input.outcome, decidedOn: input.decidedOn }, a.courtRecords.filter((r) => r.court !== input.court));
    if (courtError) return { ok: false, error: 'invalid', courtError };
    const record: CourtRecord = { court: input.court, malnummer: input.malnummer.trim(), outcome: input.outcome, decidedOn: input.decidedOn };
    const records = [...a.courtRecords.filter((r) => r.court !== input.court), record];
    await tx.update(appeals).set({ courtRecords: records, status: 'court_decided', updatedAt: new Date() }).where(eq(appeals.id, a.id));
    const data = { appealId: a.id, ...record };
    await tx.insert(caseEvents).values({ caseId: a.caseId, type: 'appeal.court_decided', actorType: 'staff', actorId: input.staffId, visibleToResident: true, data });
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'appeal.court', entityType: 'case', entityId: a.caseId, details: data });
    return { ok: true, id: a.id };
  });
}

/** A file sent with a filed appeal of the case, for staff with content access; audited. */
export async function openAppealFile(attachmentId: string, caseId: string, staffId: string, database: Database = db()) {
  if (!/^[0-9a-f-]{36}$/i.test(attachmentId)) return null;
  const [file] = await database
    .select({ id: attachments.id, sha256: attachments.sha256, filename: attachments.filename, mimeType: attachments.mimeType, size: attachments.size })
    .from(attachments)
    .innerJoin(appeals, eq(appeals.id, attachments.appealId))
    .where(and(eq(attachments.id, attachmentId), eq(appeals.caseId, caseId), filed));
  if (!file) return null;
  const bytes = await readStoredFile(file.sha256);
  await recordAudit(database, { actor: { type: 'staff', id: staffId }, action: 'attachment.download', entityType: 'attachment', entityId: file.id, details: { caseId, sha256: file.sha256, size: file.size } });
  return { filename: file.filename, mimeType: file.mimeType, bytes };
}
