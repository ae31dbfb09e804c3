import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { StaffScope } from '~/domain/case-access';
import { auditLog } from '../../db/schema/index';
import { useTestDatabase } from '../../tests/db';
import { addResident, demoKommun, fileCase } from '../../tests/cases';
import { assignCase, claimProtectedCase, registerCase } from './case-handling.server';
import { getStaffCase, INBOX_PAGE_SIZE, listInbox } from './staff-cases.server';

const t = useTestDatabase();

async function setup() {
  const { sjobacka, staff } = await demoKommun(t.handle);
  const sn = sjobacka.pua.find((p) => p.code === 'SN')!.id;
  const samordnare = (id: string): StaffScope => ({ staffId: id, readPua: [sn], readAssigned: [], handlePua: [sn], registerPua: [sn] });
  return { sn, staff, samordnare };
}

describe('the inbox', () => {
  it('pages by deadline with a keyset cursor, every case exactly once', async () => {
    const { staff, samordnare } = await setup();
    const anna = await addResident(t.handle, '198001019804', 'Anna Andersson');
    for (let i = 0; i < INBOX_PAGE_SIZE + 5; i++) await fileCase(t.handle, anna, '198001019804');
    const seen: string[] = [];
    let after: { deadline: string; id: string } | null = null;
    for (;;) {
      const page = await listInbox(samordnare(staff.id), { after });
      seen.push(...page.rows.map((r) => r.id));
      if (!page.hasMore) break;
      const last = page.rows.at(-1)!;
      after = { deadline: last.deadline, id: last.id };
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(INBOX_PAGE_SIZE + 5);
  });

  it('finds by diarienummer and by personnummer, and logs a personnummer search as such', async () => {
    const { staff, samordnare } = await setup();
    const sven = await addResident(t.handle, '196504129815', 'Sven Svensson');
    const [c] = await fileCase(t.handle, sven, '196504129815');
    expect((await listInbox(samordnare(staff.id), { q: c!.diarienummer })).rows.map((r) => r.id)).toEqual([c!.id]);
    const byPnr = await listInbox(samordnare(staff.id), { q: '19650412-9815' });
    expect(byPnr.rows.map((r) => r.id)).toContain(c!.id);
    expect(byPnr.rows.every((r) => r.subjectName === 'Sven Svensson')).toBe(true);
    const logged = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'case.search.personnummer'), eq(auditLog.actorId, staff.id)));
    expect(logged.length).toBeGreaterThan(0);
    expect(JSON.stringify(logged)).not.toContain('9815');
  });
});

describe('skyddade personuppgifter (DOMAIN.md §9)', () => {
  it('the name stays hidden until a samordnare claims the case; then only named handlers see it', async () => {
    const { staff, samordnare } = await setup();
    const elsa = await addResident(t.handle, '199211059838', 'Skyddad Person');
    const [c] = await fileCase(t.handle, elsa, '199211059838', { protectedIdentity: true });
    const me = samordnare(staff.id);
    const colleague = samordnare('00000000-0000-4000-8000-000000000001');

    const listed = (await listInbox(me, { q: c!.diarienummer })).rows[0]!;
    expect(listed.protectedIdentity).toBe(true);
    expect(listed.subjectName).toBeNull();
    expect((await listInbox(me, { q: 'Skyddad' })).rows).toEqual([]); // a name search does not find it
    const before = await getStaffCase(c!.id, me);
    expect(before!.content).toBeNull();
    expect(before!.access.claim).toBe(true);

    expect(await claimProtectedCase({ caseId: c!.id, staffId: staff.id })).toEqual({ ok: true });
    const after = await getStaffCase(c!.id, me);
    expect(after!.content!.subjectName).toBe('Skyddad Person');
    expect((await listInbox(me, { q: c!.diarienummer })).rows[0]!.subjectName).toBe('Skyddad Person');
    // Another samordnare of the same PUA: sees that it exists, not what it is, and cannot claim it.
    const theirs = await getStaffCase(c!.id, colleague);
    expect(theirs!.content).toBeNull();
    expect(theirs!.access.claim).toBe(false);
  });

  it('assigning a handläggare names them', async () => {
    const { staff, samordnare } = await setup();
    const p = await addResident(t.handle, '199211059838', 'Skyddad Person');
    const [c] = await fileCase(t.handle, p, '199211059838', { protectedIdentity: true });
    await claimProtectedCase({ caseId: c!.id, staffId: staff.id });
    await registerCase({ caseId: c!.id, staffId: staff.id });
    const handlaggareId = '00000000-0000-4000-8000-000000000002';
    // The id must be a staff user: use the samordnare themself as the only allowed choice.
    expect(await assignCase({ caseId: c!.id, staffId: staff.id, assigneeId: handlaggareId, allowed: [staff.id] })).toEqual({ ok: false, error: 'invalid' });
    expect(await assignCase({ caseId: c!.id, staffId: staff.id, assigneeId: staff.id, allowed: [staff.id] })).toEqual({ ok: true });
    const scope: StaffScope = { ...samordnare(staff.id), handlePua: [], readPua: [], registerPua: [], readAssigned: samordnare(staff.id).readPua };
    expect((await getStaffCase(c!.id, scope))!.access.content).toBe(true);
  });
});
