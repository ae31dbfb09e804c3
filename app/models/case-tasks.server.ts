/**
 * Tasks to the people who hold data (DOMAIN.md §4): the samordnare sends one per system owner or
 * medarbetare, due in a week (`taskAnswerDeadline`); the assignee answers on the internal form
 * "Svar till GDPR-samordnare" with attachments. The assignee sees only their own tasks and, of the
 * case, what they need to search: the diarienummer, the name and a masked personnummer (§9).
 */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { attachments, caseEvents, caseTasks, cases, pua, roleAssignments, staffUsers, submissions } from '../../db/schema/index';
import { taskAnswerDeadline } from '~/domain/deadlines';
import { isOpen, nextStatus, type CaseStatus } from '~/domain/case-status';
import { MAX_FILES } from '~/domain/file-types';
import type { TaskAnswer } from '~/domain/task-answer';
import { todayInStockholm } from '../utils/dates.server';
import { db, type Database } from '../utils/db.server';
import { readStoredFile, storeFile } from '../utils/file-store.server';
import type { UploadedFile } from '../utils/uploads.server';
import { writeAudit } from './audit.server';
import { isUuid } from '~/domain/uuid';

export const MAX_INSTRUCTIONS = 2000;

/** Who can be given a task in the PUA: its system owners, handläggare and samordnare. */
export async function taskRecipients(puaId: string, kommunId: string, database: Database = db()) {
  return database
    .selectDistinct({ id: staffUsers.id, name: staffUsers.name, role: roleAssignments.role })
    .from(staffUsers)
    .innerJoin(roleAssignments, eq(roleAssignments.staffUserId, staffUsers.id))
    .where(and(inArray(roleAssignments.role, ['systemagare', 'handlaggare', 'gdpr_samordnare']), or(eq(roleAssignments.puaId, puaId), eq(roleAssignments.kommunId, kommunId))))
    .orderBy(asc(staffUsers.name));
}

export type SendTaskResult = { ok: true; taskId: string; dueOn: string } | { ok: false; error: 'not-found' | 'closed' | 'invalid' | 'instructions' };

/** Sends a task; `allowed` are the recipient ids the route offered (`taskRecipients`). */
export async function sendTask(
  input: { caseId: string; staffId: string; assigneeId: string; instructions: string; allowed: readonly string[]; today?: string },
  database: Database = db(),
): Promise<SendTaskResult> {
  const instructions = input.instructions.trim();
  if (!instructions || instructions.length > MAX_INSTRUCTIONS) return { ok: false, error: 'instructions' };
  if (!input.allowed.includes(input.assigneeId)) return { ok: false, error: 'invalid' };
  const sentOn = input.today ?? todayInStockholm();
  const dueOn = taskAnswerDeadline(sentOn);
  return database.transaction(async (txn): Promise<SendTaskResult> => {
    const tx = txn as unknown as Database;
    const [c] = await tx.select({ id: cases.id, status: cases.status }).from(cases).where(eq(cases.id, input.caseId)).for('update');
    if (!c) return { ok: false, error: 'not-found' };
    if (!isOpen(c.status as CaseStatus)) return { ok: false, error: 'closed' };
    const [task] = await tx.insert(caseTasks).values({ caseId: c.id, assigneeStaffId: input.assigneeId, sentByStaffId: input.staffId, instructions, sentOn, dueOn }).returning({ id: caseTasks.id });
    // Sending the first task is when the data collection starts.
    const next = nextStatus(c.status as CaseStatus, 'start_work');
    if (next) await tx.update(cases).set({ status: next, updatedAt: new Date() }).where(eq(cases.id, c.id));
    await tx.insert(caseEvents).values({ caseId: c.id, type: 'task.sent', actorType: 'staff', actorId: input.staffId, visibleToResident: false, data: { taskId: task!.id, assigneeId: input.assigneeId, dueOn } });
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'task.send', entityType: 'case', entityId: c.id, details: { taskId: task!.id, assigneeId: input.assigneeId } });
    return { ok: true, taskId: task!.id, dueOn };
  });
}

/** The tasks of a case with their answers and files, for the case page. */
export async function listCaseTasks(caseId: string, database: Database = db()) {
  const rows = await database
    .select({ id: caseTasks.id, assigneeName: staffUsers.name, instructions: caseTasks.instructions, sentOn: caseTasks.sentOn, dueOn: caseTasks.dueOn, status: caseTasks.status, answer: caseTasks.answer, answeredAt: caseTasks.answeredAt })
    .from(caseTasks)
    .innerJoin(staffUsers, eq(staffUsers.id, caseTasks.assigneeStaffId))
    .where(eq(caseTasks.caseId, caseId))
    .orderBy(asc(caseTasks.sentOn), asc(caseTasks.createdAt));
  const files = rows.length
    ? await database.select({ id: attachments.id, taskId: attachments.taskId, filename: attachments.filename, size: attachments.size }).from(attachments).where(inArray(attachments.taskId, rows.map((r) => r.id)))
    : [];
  return rows.map((r) => ({ ...r, answer: r.answer as TaskAnswer | null, files: files.filter((f) => f.taskId === r.id) }));
}

const taskColumns = {
  id: caseTasks.id,
  caseId: caseTasks.caseId,
  instructions: caseTasks.instructions,
  sentOn: caseTasks.sentOn,
  dueOn: caseTasks.dueOn,
  status: caseTasks.status,
  answer: caseTasks.answer,
  diarienummer: cases.diarienummer,
  kind: cases.kind,
  puaName: pua.name,
  sentByName: staffUsers.name,
};

/** The staff member's own tasks, open ones first by due date. */
export async function listMyTasks(staffId: string, database: Database = db()) {
  const rows = await database
    .select({ ...taskColumns, subjectName: submissions.subjectName, protectedIdentity: cases.protectedIdentity })
    .from(caseTasks)
    .innerJoin(cases, eq(cases.id, caseTasks.caseId))
    .innerJoin(submissions, eq(submissions.id, cases.submissionId))
    .innerJoin(pua, eq(pua.id, cases.puaId))
    .innerJoin(staffUsers, eq(staffUsers.id, caseTasks.sentByStaffId))
    .where(eq(caseTasks.assigneeStaffId, staffId))
    .orderBy(asc(caseTasks.status), asc(caseTasks.dueOn));
  return rows;
}

/**
 * One task of the staff member, with the facts needed to search for the person: name and the
 * personnummer ciphertext (the route masks it). Null for someone else's task. Audited.
 */
export async function getMyTask(taskId: string, staffId: string, database: Database = db()) {
  if (!isUuid(taskId)) return null;
  const [row] = await database
    .select({ ...taskColumns, subjectName: submissions.subjectName, subjectPnrCiphertext: submissions.subjectPnrCiphertext, rights: cases.rights, protectedIdentity: cases.protectedIdentity, processingActivities: pua.processingActivities })
    .from(caseTasks)
    .innerJoin(cases, eq(cases.id, caseTasks.caseId))
    .innerJoin(submissions, eq(submissions.id, cases.submissionId))
    .innerJoin(pua, eq(pua.id, cases.puaId))
    .innerJoin(staffUsers, eq(staffUsers.id, caseTasks.sentByStaffId))
    .where(and(eq(caseTasks.id, taskId), eq(caseTasks.assigneeStaffId, staffId)));
  if (!row) return null;
  await database.transaction(async (txn) => {
    await writeAudit(txn as unknown as Database, { actor: { type: 'staff', id: staffId }, action: 'task.view', entityType: 'case', entityId: row.caseId, details: { taskId } });
  });
  return row;
}

export type AnswerTaskResult = { ok: true } | { ok: false; error: 'not-found' | 'answered' | 'too-many-files' };

/** The assignee's answer, once; files are stored encrypted and attached to the task. */
export async function answerTask(input: { taskId: string; staffId: string; answer: TaskAnswer; files?: UploadedFile[] }, database: Database = db()): Promise<AnswerTaskResult> {
  const files = input.files ?? [];
  if (files.length > MAX_FILES) return { ok: false, error: 'too-many-files' };
  if (!isUuid(input.taskId)) return { ok: false, error: 'not-found' };
  const stored = await Promise.all(files.map(async (f) => ({ file: f, stored: await storeFile(f.bytes) })));
  return database.transaction(async (txn): Promise<AnswerTaskResult> => {
    const tx = txn as unknown as Database;
    const [task] = await tx.select().from(caseTasks).where(and(eq(caseTasks.id, input.taskId), eq(caseTasks.assigneeStaffId, input.staffId))).for('update');
    if (!task) return { ok: false, error: 'not-found' };
    if (task.status !== 'open') return { ok: false, error: 'answered' };
    await tx.update(caseTasks).set({ status: 'answered', answer: input.answer, answeredAt: new Date() }).where(eq(caseTasks.id, task.id));
    if (stored.length) {
      await tx.insert(attachments).values(stored.map(({ file, stored: s }) => ({ sha256: s.sha256, filename: file.filename, mimeType: file.mimeType, size: s.size, taskId: task.id, purpose: 'task', uploadedByStaffId: input.staffId })));
    }
    await tx.insert(caseEvents).values({ caseId: task.caseId, type: 'task.answered', actorType: 'staff', actorId: input.staffId, visibleToResident: false, data: { taskId: task.id, found: input.answer.found } });
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'task.answer', entityType: 'case', entityId: task.caseId, details: { taskId: task.id, found: input.answer.found, files: stored.map((s) => ({ sha256: s.stored.sha256, size: s.stored.size })) } });
    return { ok: true };
  });
}

/** A file of a task answer, for a staff member whose access to the case the route has checked. */
export async function openTaskFile(attachmentId: string, caseId: string, staffId: string, database: Database = db()) {
  if (!isUuid(attachmentId)) return null;
  const [file] = await database
    .select({ id: attachments.id, sha256: attachments.sha256, filename: attachments.filename, mimeType: attachments.mimeType, size: attachments.size })
    .from(attachments)
    .innerJoin(caseTasks, eq(caseTasks.id, attachments.taskId))
    .where(and(eq(attachments.id, attachmentId), eq(caseTasks.caseId, caseId)));
  if (!file) return null;
  const bytes = await readStoredFile(file.sha256);
  await database.transaction(async (txn) => {
    await writeAudit(txn as unknown as Database, { actor: { type: 'staff', id: staffId }, action: 'attachment.download', entityType: 'attachment', entityId: file.id, details: { caseId, sha256: file.sha256, size: file.size } });
  });
  return { filename: file.filename, mimeType: file.mimeType, bytes };
}
