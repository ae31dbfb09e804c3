import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { taskAnswerDeadline } from '~/domain/deadlines';
import { cases } from '../../db/schema/index';
import { addStaffRole } from './staff.server';
import { useTestDatabase } from '../../tests/db';
import { addResident, demoKommun, fileCase, useTestFileStore } from '../../tests/cases';
import { answerTask, getMyTask, listCaseTasks, listMyTasks, openTaskFile, sendTask, taskRecipients } from './case-tasks.server';
import { registerCase } from './case-handling.server';

const t = useTestDatabase();
useTestFileStore();
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

async function setup() {
  const { sjobacka, staff } = await demoKommun(t.handle);
  const sn = sjobacka.pua.find((p) => p.code === 'SN')!;
  const owner = await addStaffRole({ personnummer: '196504309870', name: 'Lars Forsberg', role: 'systemagare', scope: { puaIds: [sn.id] } }, { type: 'cli' });
  const anna = await addResident(t.handle, '198001019804', 'Anna Andersson');
  const [c] = await fileCase(t.handle, anna, '198001019804');
  return { sjobacka, sn, staff, owner, caseId: c!.id };
}

describe('tasks to system owners (DOMAIN.md §4)', () => {
  it('are due a week after sending, start the work, and are seen only by their assignee', async () => {
    const w = await setup();
    await registerCase({ caseId: w.caseId, staffId: w.staff.id });
    const recipients = await taskRecipients(w.sn.id, w.sjobacka.id);
    expect(recipients.map((r) => r.id)).toContain(w.owner.id);
    expect(await sendTask({ caseId: w.caseId, staffId: w.staff.id, assigneeId: w.owner.id, instructions: ' ', allowed: [w.owner.id] })).toEqual({ ok: false, error: 'instructions' });
    expect(await sendTask({ caseId: w.caseId, staffId: w.staff.id, assigneeId: w.staff.id, instructions: 'Sök', allowed: [w.owner.id] })).toEqual({ ok: false, error: 'invalid' });
    // Sent on Friday 2026-12-18: a week later is Friday 25 December, juldagen → Monday 28 December.
    const sent = await sendTask({ caseId: w.caseId, staffId: w.staff.id, assigneeId: w.owner.id, instructions: 'Sök i Treserva', allowed: [w.owner.id], today: '2026-12-18' });
    expect(sent).toEqual({ ok: true, taskId: expect.any(String), dueOn: taskAnswerDeadline('2026-12-18') });
    expect(taskAnswerDeadline('2026-12-18')).toBe('2026-12-28');
    expect((await t.handle.db.select({ s: cases.status }).from(cases).where(eq(cases.id, w.caseId)))[0]!.s).toBe('in_progress');
    const taskId = (sent as { taskId: string }).taskId;
    expect((await listMyTasks(w.owner.id)).map((x) => x.id)).toEqual([taskId]);
    expect(await getMyTask(taskId, w.staff.id)).toBeNull(); // not theirs
    expect((await getMyTask(taskId, w.owner.id))!.subjectName).toBe('Anna Andersson');
  });

  it('take one answer with files; "inga uppgifter funna" is an answer too', async () => {
    const w = await setup();
    const a = (await sendTask({ caseId: w.caseId, staffId: w.staff.id, assigneeId: w.owner.id, instructions: 'Treserva', allowed: [w.owner.id] })) as { taskId: string };
    const b = (await sendTask({ caseId: w.caseId, staffId: w.staff.id, assigneeId: w.staff.id, instructions: 'Pärmar', allowed: [w.staff.id] })) as { taskId: string };
    const found = { found: 'yes', workplace: 'IFO', where: 'system', whereWhich: 'Treserva', source: 'person', purpose: 'Bistånd', legalBasis: 'public_interest', legalBasisLaw: 'SoL', retention: '5 år', thirdCountry: 'no', automated: 'no' } as const;
    expect(await answerTask({ taskId: a.taskId, staffId: w.staff.id, answer: found })).toEqual({ ok: false, error: 'not-found' });
    expect(await answerTask({ taskId: a.taskId, staffId: w.owner.id, answer: found, files: [{ filename: 'utdrag.pdf', bytes: PDF, mimeType: 'application/pdf', size: PDF.byteLength }] })).toEqual({ ok: true });
    expect(await answerTask({ taskId: a.taskId, staffId: w.owner.id, answer: found })).toEqual({ ok: false, error: 'answered' });
    expect(await answerTask({ taskId: b.taskId, staffId: w.staff.id, answer: { found: 'no', workplace: 'Arkivet' } })).toEqual({ ok: true });
    const tasks = await listCaseTasks(w.caseId);
    expect(tasks.map((x) => [x.status, x.answer?.found])).toEqual([
      ['answered', 'yes'],
      ['answered', 'no'],
    ]);
    const file = await openTaskFile(tasks[0]!.files[0]!.id, w.caseId, w.staff.id);
    expect(file!.filename).toBe('utdrag.pdf');
    expect(await openTaskFile(tasks[0]!.files[0]!.id, '00000000-0000-4000-8000-000000000000', w.staff.id)).toBeNull();
  });
});
