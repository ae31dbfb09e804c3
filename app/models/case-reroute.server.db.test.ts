import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { caseEvents, cases } from '../../db/schema/index';
import { useTestDatabase } from '../../tests/db';
import { addResident, demoKommun, fileCase } from '../../tests/cases';
import { listMeetings, recordMeeting } from './case-meetings.server';
import { rerouteCase, rerouteTargets } from './case-reroute.server';

const t = useTestDatabase();

describe('re-routing (issue #5)', () => {
  it('keeps the received date and deadline, gives a new diarienummer, and leaves a trail in both PUAs', async () => {
    const { sjobacka, staff } = await demoKommun(t.handle);
    const anna = await addResident(t.handle, '198001019804', 'Anna Andersson');
    const [c] = await fileCase(t.handle, anna, '198001019804', { puaCodes: ['SN'] });
    await t.handle.db.update(cases).set({ receivedDate: '2026-11-02', deadline: '2026-12-02' }).where(eq(cases.id, c!.id));
    const bun = sjobacka.pua.find((p) => p.code === 'BUN')!;
    expect((await rerouteTargets(c!.puaId, sjobacka.id)).map((p) => p.id)).toContain(bun.id);

    const moved = await rerouteCase({ caseId: c!.id, staffId: staff.id, targetPuaId: bun.id });
    expect(moved).toEqual({ ok: true, caseId: expect.any(String), diarienummer: expect.stringMatching(/^BUN \d{4}\/\d{5}$/) });
    const [old] = await t.handle.db.select().from(cases).where(eq(cases.id, c!.id));
    const [fresh] = await t.handle.db.select().from(cases).where(eq(cases.id, (moved as { caseId: string }).caseId));
    expect(old!.status).toBe('closed');
    expect(fresh).toMatchObject({ puaId: bun.id, receivedDate: '2026-11-02', deadline: '2026-12-02', status: 'received', submissionId: old!.submissionId });
    const trail = async (id: string) => (await t.handle.db.select({ type: caseEvents.type, data: caseEvents.data }).from(caseEvents).where(eq(caseEvents.caseId, id))).map((e) => e.type);
    expect(await trail(c!.id)).toContain('rerouted');
    expect(await trail(fresh!.id)).toContain('rerouted.from');

    // Not again from the closed case, not to a PUA of another kommun, not to the same PUA.
    expect(await rerouteCase({ caseId: c!.id, staffId: staff.id, targetPuaId: bun.id })).toEqual({ ok: false, error: 'not-allowed' });
    expect(await rerouteCase({ caseId: fresh!.id, staffId: staff.id, targetPuaId: bun.id })).toEqual({ ok: false, error: 'same-pua' });
    const overview = await import('./organisation.server').then((m) => m.getSamverkanOverview());
    const granasaSn = overview.kommuner.find((k) => k.code === 'granasa')!.pua.find((p) => p.code === 'SN')!;
    expect(await rerouteCase({ caseId: fresh!.id, staffId: staff.id, targetPuaId: granasaSn.id })).toEqual({ ok: false, error: 'other-kommun' });
  });
});

describe('assessment meeting (DOMAIN.md §4)', () => {
  it('is recorded for change requests only, with date, participants and conclusion', async () => {
    const { staff } = await demoKommun(t.handle);
    const anna = await addResident(t.handle, '198001019804', 'Anna Andersson');
    const [change] = await fileCase(t.handle, anna, '198001019804', { rights: ['radering'] });
    const [access] = await fileCase(t.handle, anna, '198001019804');
    const meeting = { staffId: staff.id, heldOn: '2026-11-20', participants: 'Helena Dahl (DSO), jurist', conclusion: 'Raderas inte: allmän handling.', today: '2026-11-22' };
    expect(await recordMeeting({ ...meeting, caseId: change!.id, heldOn: '2026-11-23' })).toEqual({ ok: false, errors: { heldOn: 'date' } });
    expect(await recordMeeting({ ...meeting, caseId: change!.id, participants: ' ', conclusion: '' })).toEqual({ ok: false, errors: { participants: 'required', conclusion: 'required' } });
    expect(await recordMeeting({ ...meeting, caseId: access!.id })).toEqual({ ok: false, errors: { heldOn: 'not-change' } });
    expect(await recordMeeting({ ...meeting, caseId: change!.id })).toEqual({ ok: true });
    expect((await listMeetings(change!.id)).map((m) => m.conclusion)).toEqual(['Raderas inte: allmän handling.']);
  });
});
