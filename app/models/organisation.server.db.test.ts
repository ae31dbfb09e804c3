import fs from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { kommuner, pua } from '../../db/schema/index';
import { toProcessingActivities, validateSamverkanConfig, type SamverkanConfig } from '~/domain/samverkan-config';
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

  /** Each PUA's stored förteckning by "kommun/PUA", and each kommun's förvaltningsrätt. */
  async function stored() {
    const rows = await t.handle.db.select({ kommun: kommuner.code, code: pua.code, delegations: pua.delegations }).from(pua).innerJoin(kommuner, eq(kommuner.id, pua.kommunId));
    const courts = await t.handle.db.select({ code: kommuner.code, forvaltningsratt: kommuner.forvaltningsratt }).from(kommuner);
    return { delegations: new Map(rows.map((r) => [`${r.kommun}/${r.code}`, r.delegations])), courts: new Map(courts.map((c) => [c.code, c.forvaltningsratt])) };
  }

  it('stores each PUA’s delegeringsförteckning with persons resolved to staff ids, and the förvaltningsrätt (issue #6)', async () => {
    const config = demo();
    const summary = await importSamverkanConfig(config, actor, '2026-11-22');
    const { delegations, courts } = await stored();

    const expectedPoints = config.kommuner.flatMap((k) => k.pua.map((p) => p.delegeringsforteckning?.length ?? 0)).reduce((a, b) => a + b, 0);
    expect(summary.delegationPoints).toBe(expectedPoints);
    expect(expectedPoints).toBeGreaterThan(0);

    const eva = await findStaffByPersonnummer('197605039945');
    const olof = await findStaffByPersonnummer('196809179952');
    const granasaSn = delegations.get('granasa/SN')!;
    expect(granasaSn.map((d) => d.number)).toEqual(['7.1', '7.2', '7.3', '7.4', '7.5']);
    expect(granasaSn[0]).toEqual({ number: '7.1', decisionTypes: ['bifall'], role: 'handlaggare', remark: expect.stringContaining('bifalls i sin helhet') });
    expect(granasaSn[2]).toEqual({ number: '7.3', decisionTypes: ['art12_5'], staffUserId: eva!.id, remark: expect.stringContaining('dataskyddsombudet') });
    expect(delegations.get('granasa/KS')![2]).toMatchObject({ number: '12.3', role: 'gdpr_samordnare', staffUserId: olof!.id });
    // The file's personnummer never reaches the stored points.
    // (Staff ids are UUIDs, whose first groups can look like "19800101-1234": take them out first.)
    const storedPoints = JSON.stringify([...delegations.values()]).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');
    expect(storedPoints).not.toMatch(/\d{8}-?\d{4}/);

    for (const k of config.kommuner) expect(courts.get(k.code)).toEqual(k.forvaltningsratt);
  });

  it('re-import replaces the förteckning and the förvaltningsrätt', async () => {
    const config = demo();
    const sn = config.kommuner[0]!.pua.find((p) => p.code === 'SN')!;
    sn.delegeringsforteckning = [
      { punkt: '3.1', beslut: ['bifall', 'avslag'], roll: 'handlaggare', anmarkning: 'Anmäls till nämnden.' },
      { punkt: '3.2', beslut: ['art12_5'], person: config.staff.find((s) => s.name === 'Anna Lindqvist')!.personnummer },
    ];
    delete config.kommuner[0]!.pua.find((p) => p.code === 'BN')!.delegeringsforteckning;
    config.kommuner[1]!.forvaltningsratt = { name: 'Förvaltningsrätten i Linköping' };
    await importSamverkanConfig(config, actor, '2026-11-22');

    const { delegations, courts } = await stored();
    const anna = await findStaffByPersonnummer('197803149827');
    expect(delegations.get('sjobacka/SN')).toEqual([
      { number: '3.1', decisionTypes: ['bifall', 'avslag'], role: 'handlaggare', remark: 'Anmäls till nämnden.' },
      { number: '3.2', decisionTypes: ['art12_5'], staffUserId: anna!.id },
    ]);
    expect(delegations.get('sjobacka/BN')).toEqual([]);
    expect(delegations.get('sjobacka/KS')!.length).toBe(5);
    expect(courts.get('granasa')).toEqual({ name: 'Förvaltningsrätten i Linköping' });

    delete config.kommuner[1]!.forvaltningsratt;
    await importSamverkanConfig(config, actor, '2026-11-22');
    expect((await stored()).courts.get('granasa')).toBeNull();
  });

  /** Each PUA's stored registerförteckning by "kommun/PUA". */
  async function storedActivities() {
    const rows = await t.handle.db.select({ kommun: kommuner.code, code: pua.code, activities: pua.processingActivities }).from(pua).innerJoin(kommuner, eq(kommuner.id, pua.kommunId));
    return new Map(rows.map((r) => [`${r.kommun}/${r.code}`, r.activities]));
  }

  it('stores each PUA’s registerförteckning as processing activities, and a re-import replaces it (issue #7)', async () => {
    const config = demo();
    const summary = await importSamverkanConfig(config, actor, '2026-11-22');
    const expected = config.kommuner.flatMap((k) => k.pua.map((p) => [`${k.code}/${p.code}`, toProcessingActivities(p.registerforteckning)] as const));
    expect(summary.processingActivities).toBe(expected.reduce((n, [, a]) => n + a.length, 0));
    const stored = await storedActivities();
    for (const [ref, activities] of expected) expect(stored.get(ref), ref).toEqual(activities);
    expect(stored.get('sjobacka/SN')!.map((a) => a.code)).toEqual(['ekonomiskt-bistand', 'barn-och-unga', 'familjeradgivning']);
    expect(stored.get('sjobacka/KS')!.find((a) => a.code === 'nyhetsbrev')).toMatchObject({ legalBasis: 'consent', thirdCountry: { transfers: true, countries: ['USA'] } });

    const sn = config.kommuner[0]!.pua.find((p) => p.code === 'SN')!;
    sn.registerforteckning = [sn.registerforteckning![2]!];
    delete config.kommuner[0]!.pua.find((p) => p.code === 'BN')!.registerforteckning;
    await importSamverkanConfig(config, actor, '2026-11-22');
    const after = await storedActivities();
    expect(after.get('sjobacka/SN')!.map((a) => a.code)).toEqual(['familjeradgivning']);
    expect(after.get('sjobacka/BN')).toEqual([]);
    expect(after.get('granasa/SN')).toEqual(stored.get('granasa/SN'));
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
