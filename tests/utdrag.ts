/**
 * Fixtures for tests around the registerutdrag package (issue #7): a built package for a filed
 * case in Sjöbacka SN, the short way (one answer with one document, both released, so no beslut;
 * SN's four-eyes by a second samordnare), and reading a ZIP back. Use inside a file that called
 * `useTestDatabase()`, `useTestFileStore()` and `useTestDeliveryStore()`.
 */
import { eq } from 'drizzle-orm';
import { answerTask, sendTask } from '../app/models/case-tasks.server';
import { registerCase } from '../app/models/case-handling.server';
import { addStaffRole } from '../app/models/staff.server';
import { gatherUtdragItems, listUtdragItems, reviewUtdragItem } from '../app/models/utdrag-items.server';
import { approveUtdragPackage, buildUtdragPackage, prepareUtdragPackage } from '../app/models/utdrag-package.server';
import { personnummerLookup } from '../app/utils/pnr-crypto.server';
import { staffUsers } from '../db/schema/index';
import type { DatabaseHandle } from '../db/client';
import { demoKommun } from './cases';

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);

async function staffByPnr(handle: DatabaseHandle, pnr: string) {
  const [row] = await handle.db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.pnrLookup, personnummerLookup(pnr)));
  if (!row) throw new Error('demo staff member missing');
  return row.id;
}

/** Registers the SN case, has it answered, reviewed, prepared, approved and built; returns the package id. */
export async function buildTestUtdragPackage(handle: DatabaseHandle, caseId: string): Promise<string> {
  const { sjobacka } = await demoKommun(handle);
  const sn = sjobacka.pua.find((p) => p.code === 'SN')!;
  const samordnare = await staffByPnr(handle, '197803149827'); // samordnare SN in the demo samverkan
  const second = await addStaffRole({ personnummer: '197602029806', name: 'Maria Ek', role: 'gdpr_samordnare', scope: { puaIds: [sn.id] } }, { type: 'cli' });
  const owner = await addStaffRole({ personnummer: '196504309870', name: 'Lars Forsberg', role: 'systemagare', scope: { puaIds: [sn.id] } }, { type: 'cli' });
  await registerCase({ caseId, staffId: samordnare });
  const task = (await sendTask({ caseId, staffId: samordnare, assigneeId: owner.id, instructions: 'Treserva', allowed: [owner.id] })) as { taskId: string };
  await answerTask({
    taskId: task.taskId,
    staffId: owner.id,
    answer: { found: 'yes', workplace: 'IFO', where: 'system', whereWhich: 'Treserva', source: 'person', purpose: 'x', legalBasis: 'public_interest', legalBasisLaw: 'SoL', retention: '5 år', thirdCountry: 'no', automated: 'no', notes: '', activityCode: 'ekonomiskt-bistand' },
    files: [{ filename: 'journal.pdf', bytes: pdf('journalanteckning'), mimeType: 'application/pdf', size: 40 }],
  });
  await gatherUtdragItems(caseId);
  for (const item of await listUtdragItems(caseId)) await reviewUtdragItem({ caseId, itemId: item.id, staffId: samordnare, review: { outcome: 'release' } });
  const prepared = await prepareUtdragPackage({ caseId, staffId: samordnare });
  if (!prepared.ok) throw new Error(`package not prepared: ${prepared.error}`);
  if (!(await approveUtdragPackage({ caseId, packageId: prepared.packageId, staffId: second.id })).ok) throw new Error('package not approved');
  if (!(await buildUtdragPackage({ caseId, packageId: prepared.packageId, staffId: second.id })).ok) throw new Error('package not built');
  return prepared.packageId;
}

export { zipEntries } from './zip';
