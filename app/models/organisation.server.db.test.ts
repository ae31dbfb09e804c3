import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { validateSamverkanConfig, type SamverkanConfig } from '~/domain/samverkan-config';
import { useTestDatabase } from '../../tests/db';
import { countAuditRows } from './audit.server';
import { getSamverkanOverview, importSamverkanConfig, isConfigured } from './organisation.server';
import { findStaffByPersonnummer, getRoleAssignments } from './staff.server';

const t = useTestDatabase();
const actor = { type: 'cli' } as const;

function demo(): SamverkanConfig {
  const r = validateSamverkanConfig(JSON.parse(fs.readFileSync('db/seed/demo-samverkan.json', 'utf8')));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.config;
}

async function counts() {
  const q = async (table: string) => ((await t.handle.raw.executeSql(`select count(*)::int as n from ${table}`, [])).rows[0] as { n: number }).n;
  return { samverkan: await q('samverkan'), kommuner: await q('kommuner'), pua: await q('pua'), dpo: await q('dataskyddsombud'), staff: await q('staff_users'), roles: await q('role_assignments') };
}

describe('importSamverkanConfig', () => {
  it('imports the demo file, and a second import creates no duplicates', async () => {
    expect(await isConfigured()).toBe(false);
    const config = demo();
    const first = await importSamverkanConfig(config, actor, '2026-11-22');
    const afterFirst = await counts();
    expect(afterFirst).toEqual({ samverkan: 1, kommuner: 2, pua: first.pua, dpo: 1, staff: config.staff.length, roles: first.roleAssignments });

    await importSamverkanConfig(config, actor, '2026-11-22');
    expect(await counts()).toEqual(afterFirst);
    expect(await countAuditRows(t.handle.db, 'config.import')).toBe(2);
  });

  it('re-import updates what changed and replaces a user’s roles', async () => {
    const config = demo();
    config.kommuner[0]!.pua[1]!.name = 'Samhällsbyggnadsnämnden';
    const someone = config.staff[0]!;
    someone.roles = [{ role: 'handlaggare', kommun: config.kommuner[0]!.code }];
    await importSamverkanConfig(config, actor, '2026-11-22');

    const overview = await getSamverkanOverview();
    const names = overview.kommuner.flatMap((k) => k.pua.map((p) => p.name));
    expect(names).toContain('Samhällsbyggnadsnämnden');
    const staff = await findStaffByPersonnummer(someone.personnummer.replace('-', ''));
    expect(await getRoleAssignments(staff!.id)).toEqual([{ role: 'handlaggare', puaId: null, kommunId: expect.any(String) }]);
  });

  it('deactivates a PUA the file no longer names instead of deleting it', async () => {
    const config = demo();
    const removed = config.kommuner[1]!.pua.pop()!;
    config.staff = config.staff.map((s) => ({ ...s, roles: s.roles.map((r) => ({ ...r, pua: r.pua?.filter((ref) => ref !== `${config.kommuner[1]!.code}/${removed.code}`) })).filter((r) => !r.pua || r.pua.length > 0).map((r) => (r.pua ? { role: r.role, pua: r.pua } : { role: r.role, kommun: r.kommun! })) })).filter((s) => s.roles.length > 0);
    await importSamverkanConfig(config, actor, '2026-11-22');
    const rows = await t.handle.db.execute(sql`select active from pua where code = ${removed.code} and kommun_id = (select id from kommuner where code = ${config.kommuner[1]!.code})`);
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { active: boolean }[];
    expect(list).toEqual([{ active: false }]);
  });

  it('stores staff personnummer only encrypted, with a keyed lookup', async () => {
    const r = (await t.handle.raw.executeSql('select pnr_ciphertext, pnr_lookup from staff_users', [])).rows as { pnr_ciphertext: string; pnr_lookup: string }[];
    const pnrs = demo().staff.map((s) => s.personnummer.replace('-', ''));
    for (const row of r) for (const pnr of pnrs) {
      expect(row.pnr_ciphertext).not.toContain(pnr);
      expect(row.pnr_lookup).not.toContain(pnr);
    }
  });
});
