import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../tests/db';
import { countAuditRows, recordAudit, verifyAuditChain, withAudit, writeAudit } from './audit.server';

const t = useTestDatabase();
const actor = { type: 'staff', id: 'a3f1c0de-0000-4000-8000-000000000001' } as const;

async function writeRows(n: number) {
  for (let i = 0; i < n; i++) {
    await t.handle.db.transaction(async (tx) => writeAudit(tx as never, { actor, action: 'case.view', entityType: 'case', entityId: `c${i}`, details: { i, nested: { b: 1, a: [1, 2] } } }));
  }
}

/** What a DBA with table-owner rights could do: switch off the append-only trigger and tamper. */
async function tamper(statement: string) {
  await t.handle.raw.executeSql('alter table audit_log disable trigger audit_log_no_update_delete', []);
  try {
    await t.handle.raw.executeSql(statement, []);
  } finally {
    await t.handle.raw.executeSql('alter table audit_log enable trigger audit_log_no_update_delete', []);
  }
}

describe('audit chain', () => {
  it('an intact chain verifies, also after concurrent writers', async () => {
    await writeRows(3);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => withAudit(t.handle.db, { actor, action: 'case.change', details: { i } }, async () => i)),
    );
    const r = await verifyAuditChain(t.handle.db, 4); // small batches exercise the paging
    expect(r).toEqual({ ok: true, rows: 11, problems: [] });
  });

  it('records reads concurrently without forking the chain (recordAudit takes its own transaction)', async () => {
    const before = await countAuditRows(t.handle.db);
    await Promise.all(Array.from({ length: 12 }, (_, i) => recordAudit(t.handle.db, { actor, action: 'document.download', details: { i } })));
    expect(await verifyAuditChain(t.handle.db)).toEqual({ ok: true, rows: before + 12, problems: [] });
  });

  it('refuses UPDATE and DELETE (append-only trigger)', async () => {
    await expect(t.handle.raw.executeSql("update audit_log set action = 'x' where seq = 1", [])).rejects.toThrow(/append-only/);
    await expect(t.handle.raw.executeSql('delete from audit_log where seq = 1', [])).rejects.toThrow(/append-only/);
  });

  it('rolls back the audit row with the change it records', async () => {
    const before = await countAuditRows(t.handle.db);
    await expect(
      withAudit(t.handle.db, { actor, action: 'case.change' }, async () => {
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    expect(await countAuditRows(t.handle.db)).toBe(before);
  });

  it('detects an edited row', async () => {
    await tamper(`update audit_log set details = '{"i": 99}' where seq = 2`);
    const r = await verifyAuditChain(t.handle.db);
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual({ seq: 2, problem: 'hash-mismatch' });
  });

  it('detects a deleted row in the middle', async () => {
    await tamper('delete from audit_log where seq = 5');
    const r = await verifyAuditChain(t.handle.db);
    expect(r.problems).toContainEqual({ seq: 5, problem: 'gap' });
    expect(r.problems).toContainEqual({ seq: 6, problem: 'broken-link' });
  });

  it('detects a deleted last row (the head remembers it)', async () => {
    const [last] = (await t.handle.raw.executeSql('select max(seq)::int as m from audit_log', [])).rows as { m: number }[];
    await tamper(`delete from audit_log where seq = ${last!.m}`);
    const r = await verifyAuditChain(t.handle.db);
    expect(r.problems).toContainEqual({ seq: last!.m, problem: 'tail-missing' });
  });
});
