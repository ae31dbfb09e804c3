import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { StaffScope } from '~/domain/case-access';
import { cases } from '../../db/schema/index';
import { useTestDatabase } from '../../tests/db';
import { addResident, demoKommun, fileCase } from '../../tests/cases';
import { sendTask } from './case-tasks.server';
import { caseDashboard } from './dashboard.server';

const t = useTestDatabase();

describe('caseDashboard', () => {
  it('counts open cases of my PUAs by status and kind, overdue, due this week and waiting tasks', async () => {
    const { sjobacka, staff } = await demoKommun(t.handle);
    const sn = sjobacka.pua.find((p) => p.code === 'SN')!.id;
    const bun = sjobacka.pua.find((p) => p.code === 'BUN')!.id;
    const anna = await addResident(t.handle, '198001019804', 'Anna Andersson');
    const [late] = await fileCase(t.handle, anna, '198001019804', { puaCodes: ['SN'] });
    const [soon] = await fileCase(t.handle, anna, '198001019804', { puaCodes: ['SN'], rights: ['radering'] });
    const [later] = await fileCase(t.handle, anna, '198001019804', { puaCodes: ['SN'] });
    await fileCase(t.handle, anna, '198001019804', { puaCodes: ['BUN'] }); // another PUA: not counted
    // Today is Wednesday 2026-11-25: the week ends Sunday 29th.
    await t.handle.db.update(cases).set({ deadline: '2026-11-24' }).where(eq(cases.id, late!.id));
    await t.handle.db.update(cases).set({ deadline: '2026-11-27' }).where(eq(cases.id, soon!.id));
    await t.handle.db.update(cases).set({ deadline: '2026-12-20' }).where(eq(cases.id, later!.id));
    await sendTask({ caseId: later!.id, staffId: staff.id, assigneeId: staff.id, instructions: 'Sök', allowed: [staff.id], today: '2026-11-10' });

    const scope: StaffScope = { staffId: staff.id, readPua: [sn], readAssigned: [], handlePua: [sn], registerPua: [sn] };
    const d = await caseDashboard(scope, '2026-11-25');
    expect(d).toMatchObject({ total: 3, overdue: 1, dueThisWeek: 1, tasksWaiting: 1, tasksOverdue: 1 });
    expect(d.byStatusKind).toEqual(expect.arrayContaining([
      { status: 'received', kind: 'registerutdrag', n: 2 },
      { status: 'received', kind: 'forandring', n: 1 },
    ]));
    const none: StaffScope = { staffId: staff.id, readPua: [], readAssigned: [bun], handlePua: [], registerPua: [] };
    expect((await caseDashboard(none, '2026-11-25')).total).toBe(0); // a handläggare with nothing assigned
  });
});
