/**
 * Compiling a registerutdrag (issue #7): items gathered from answers and their files once each,
 * a document added, the review per item with its rules, and the beslut part the exclusions call for.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index';
import { addResident, demoKommun, fileCase, useTestFileStore } from '../../tests/cases';
import { useTestDatabase } from '../../tests/db';
import { exclusionDecisionPart, type ItemReview } from '~/domain/utdrag-review';
import { answerTask, sendTask } from './case-tasks.server';
import { registerCase } from './case-handling.server';
import { addStaffRole } from './staff.server';
import { addUtdragDocument, gatherUtdragItems, listUtdragItems, reviewUtdragItem, setItemActivity } from './utdrag-items.server';

const t = useTestDatabase();
useTestFileStore();
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);
const FOUND = { found: 'yes', workplace: 'IFO', where: 'system', whereWhich: 'Treserva', source: 'person', purpose: 'Bistånd', legalBasis: 'public_interest', legalBasisLaw: 'SoL', retention: '5 år', thirdCountry: 'no', automated: 'no' } as const;

async function answeredCase() {
  const { sjobacka, staff } = await demoKommun(t.handle);
  const sn = sjobacka.pua.find((p) => p.code === 'SN')!;
  const owner = await addStaffRole({ personnummer: '196504309870', name: 'Lars Forsberg', role: 'systemagare', scope: { puaIds: [sn.id] } }, { type: 'cli' });
  const resident = await addResident(t.handle, '198001019804', 'Anna Andersson');
  const [c] = await fileCase(t.handle, resident, '198001019804');
  await registerCase({ caseId: c!.id, staffId: staff.id });
  const a = (await sendTask({ caseId: c!.id, staffId: staff.id, assigneeId: owner.id, instructions: 'Treserva', allowed: [owner.id] })) as { taskId: string };
  const b = (await sendTask({ caseId: c!.id, staffId: staff.id, assigneeId: owner.id, instructions: 'Arkivet', allowed: [owner.id] })) as { taskId: string };
  await answerTask({ taskId: a.taskId, staffId: owner.id, answer: FOUND, files: [{ filename: 'journal.pdf', bytes: pdf('journal'), mimeType: 'application/pdf', size: 30 }, { filename: 'utkast.pdf', bytes: pdf('utkast'), mimeType: 'application/pdf', size: 29 }] });
  await answerTask({ taskId: b.taskId, staffId: owner.id, answer: { found: 'no', workplace: 'Arkivet' } });
  return { caseId: c!.id, staff, owner };
}

describe('the items of a registerutdrag', () => {
  it('come from answers that found data and their files, once each; a document can be added', async () => {
    const w = await answeredCase();
    expect(await gatherUtdragItems(w.caseId)).toBe(3);
    expect(await gatherUtdragItems(w.caseId)).toBe(0);
    await addUtdragDocument({ caseId: w.caseId, staffId: w.staff.id, file: { filename: 'beslut-2015.pdf', bytes: pdf('arkiv'), mimeType: 'application/pdf', size: 28 }, title: 'Beslut om bistånd 2015', activityCode: null });
    const items = await listUtdragItems(w.caseId);
    expect(items.map((i) => [i.kind, i.title, i.review])).toEqual([
      ['answer', 'Treserva (IFO)', null],
      ['attachment', 'journal.pdf', null],
      ['attachment', 'utkast.pdf', null],
      ['document', 'Beslut om bistånd 2015', null],
    ]);
    expect(items[1]!.file).toMatchObject({ filename: 'journal.pdf', mimeType: 'application/pdf' });
    expect(await setItemActivity({ caseId: w.caseId, itemId: items[0]!.id, staffId: w.staff.id, activityCode: 'ekonomiskt-bistand' })).toBe(true);
    expect(await setItemActivity({ caseId: '00000000-0000-4000-8000-000000000000', itemId: items[0]!.id, staffId: w.staff.id, activityCode: 'x' })).toBe(false);
  });

  it('are reviewed one by one: a draft withheld (DSL 5 kap. 2 §), a document masked with its copy, an answer never masked', async () => {
    const w = await answeredCase();
    await gatherUtdragItems(w.caseId);
    const [answer, journal, draft] = await listUtdragItems(w.caseId);

    expect(await reviewUtdragItem({ caseId: w.caseId, itemId: answer!.id, staffId: w.staff.id, review: { outcome: 'release_masked', ground: 'art15_4_andras_rattigheter', note: 'x' } })).toEqual({ ok: false, errors: { outcome: 'notADocument' } });
    expect(await reviewUtdragItem({ caseId: w.caseId, itemId: answer!.id, staffId: w.staff.id, review: { outcome: 'release' } })).toEqual({ ok: true, review: { outcome: 'release' } });
    expect(await reviewUtdragItem({ caseId: w.caseId, itemId: draft!.id, staffId: w.staff.id, review: { outcome: 'withhold', ground: 'dsl_5_2_utkast', note: 'Utkast till utredning som inte expedierats.' } })).toMatchObject({ ok: true });
    expect(await reviewUtdragItem({ caseId: w.caseId, itemId: journal!.id, staffId: w.staff.id, review: { outcome: 'release_masked', ground: 'art15_4_andras_rattigheter', note: 'Grannens namn.' } })).toEqual({ ok: false, errors: { redactedFile: 'redactedFileRequired' } });
    const masked = await reviewUtdragItem({ caseId: w.caseId, itemId: journal!.id, staffId: w.staff.id, review: { outcome: 'release_masked', ground: 'art15_4_andras_rattigheter', note: 'Grannens namn.' }, redacted: { filename: 'journal-maskerad.pdf', bytes: pdf('maskerad'), mimeType: 'application/pdf', size: 31 } });
    expect(masked).toMatchObject({ ok: true, review: { outcome: 'release_masked' } });
    // Changing the note later keeps the copy already uploaded.
    expect(await reviewUtdragItem({ caseId: w.caseId, itemId: journal!.id, staffId: w.staff.id, review: { outcome: 'release_masked', ground: 'art15_4_andras_rattigheter', note: 'Grannens namn och adress.' } })).toMatchObject({ ok: true });

    const items = await listUtdragItems(w.caseId);
    expect(items[1]!.file!.filename).toBe('journal.pdf');
    expect(items[1]!.redactedFile!.filename).toBe('journal-maskerad.pdf');
    const part = exclusionDecisionPart(items.map((i) => i.review as ItemReview), 'sv')!;
    expect(part.grounds.map((g) => g.id)).toEqual(['dsl_5_2_utkast', 'art15_4_andras_rattigheter']);

    const audit = await t.handle.db.select({ details: auditLog.details }).from(auditLog).where(and(eq(auditLog.action, 'utdrag.item_reviewed'), eq(auditLog.entityId, w.caseId)));
    expect(audit).toHaveLength(4);
    expect(JSON.stringify(audit)).not.toContain('Grannens');
  });
});
