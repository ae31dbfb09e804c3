/** The registerutdrag build as a background job (issue #7): queued when a queue runs, built by the worker. */
import { describe, expect, it } from 'vitest';
import { addResident, fileCase, useTestDeliveryStore, useTestFileStore } from '../../tests/cases';
import { useTestDatabase } from '../../tests/db';
import { buildTestUtdragPackage } from '../../tests/utdrag';
import { eq } from 'drizzle-orm';
import { utdragPackages } from '../../db/schema/index';
import { approveUtdragPackage, currentUtdragPackage, openUtdragPackageAsResident, prepareUtdragPackage } from '~/models/utdrag-package.server';
import { deliveryStore } from '~/utils/delivery-store.server';
import { startJobs, type JobDefinition } from './queue.server';
import { JOBS } from './queue.server';
import { queueUtdragBuild, utdragBuildJob, utdragPurgeJob } from './utdrag.server';

const t = useTestDatabase();
useTestFileStore();
useTestDeliveryStore();

describe('utdrag.build', () => {
  it('is queued and built by the worker', async () => {
    const resident = await addResident(t.handle, '198001019804', 'Anna Andersson');
    const [c] = await fileCase(t.handle, resident, '198001019804');
    await buildTestUtdragPackage(t.handle, c!.id);
    // A new preparation (by the samordnare, so it waits for approval; here approved at once by a second one).
    const built = await currentUtdragPackage(c!.id);
    const prepared = await prepareUtdragPackage({ caseId: c!.id, staffId: built!.approvedByStaffId! });
    expect(prepared.ok).toBe(true);
    const errors: Error[] = [];
    const boss = await startJobs(t.handle, (err) => errors.push(err), [utdragBuildJob as JobDefinition]);
    try {
      const pkg = await currentUtdragPackage(c!.id);
      if (pkg!.status === 'awaiting_approval') await approveUtdragPackage({ caseId: c!.id, packageId: pkg!.id, staffId: built!.preparedByStaffId });
      expect(await queueUtdragBuild({ caseId: c!.id, packageId: pkg!.id, staffId: built!.preparedByStaffId })).toBe(true);
      await expect.poll(async () => (await currentUtdragPackage(c!.id))?.status, { timeout: 20_000, interval: 250 }).toBe('built');
      expect(errors).toEqual([]);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });

  it('utdrag-purge removes packages past their last day from the delivery store, keeping the record', async () => {
    expect(JOBS).toContain(utdragPurgeJob);
    const resident = await addResident(t.handle, '197405065553', 'Test Person');
    const [c] = await fileCase(t.handle, resident, '197405065553');
    await buildTestUtdragPackage(t.handle, c!.id);
    const p = (await currentUtdragPackage(c!.id))!;
    expect(await deliveryStore().hasPackage(p.storeId!)).toBe(true);

    await utdragPurgeJob.handler({ today: p.availableUntil! }); // the last day itself: still there
    expect((await currentUtdragPackage(c!.id))!.status).toBe('built');
    await t.handle.db.update(utdragPackages).set({ availableUntil: '2026-01-01' }).where(eq(utdragPackages.id, p.id));
    await utdragPurgeJob.handler({ today: '2026-01-02' });

    expect(await deliveryStore().hasPackage(p.storeId!)).toBe(false);
    const [row] = await t.handle.db.select().from(utdragPackages).where(eq(utdragPackages.id, p.id));
    expect(row).toMatchObject({ status: 'removed', sha256: p.sha256 });
    expect(row!.removedAt).not.toBeNull();
    expect(await openUtdragPackageAsResident(c!.id, resident.id)).toBeNull();
    expect(await currentUtdragPackage(c!.id)).toMatchObject({ status: 'removed' });
  });
});
