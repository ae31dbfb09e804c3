import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from './permissions';
import { parsePersonnummer } from './personnummer';
import { validateSamverkanConfig, type SamverkanConfig } from './samverkan-config';

const DEMO_PATH = join(process.cwd(), 'db/seed/demo-samverkan.json');
const TODAY = '2026-11-22';

/** A fresh, mutable copy of the demo file for every test. */
function demo(): SamverkanConfig {
  return JSON.parse(readFileSync(DEMO_PATH, 'utf8')) as SamverkanConfig;
}

function validDemo(): SamverkanConfig {
  const r = validateSamverkanConfig(demo());
  if (!r.ok) throw new Error(`demo-samverkan.json is invalid:\n${r.errors.join('\n')}`);
  return r.config;
}

/** Index of the first staff user holding `role`, so the table tests don't depend on file order. */
function staffIndex(cfg: SamverkanConfig, role: string, scope: 'pua' | 'kommun'): number {
  const i = cfg.staff.findIndex((s) => s.roles.some((r) => r.role === role && scope in r));
  if (i < 0) throw new Error(`no staff with ${scope}-scoped role ${role}`);
  return i;
}

/** The kommun codes where a role assignment applies. */
function kommunerOf(r: SamverkanConfig['staff'][number]['roles'][number]): string[] {
  return r.pua ? r.pua.map((ref) => ref.split('/')[0]!) : [r.kommun!];
}

describe('demo-samverkan.json', () => {
  it('validates against the schema', () => {
    const r = validateSamverkanConfig(demo());
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('is the samverkan Sjöbacka–Granåsa: two kommuner sharing one dataskyddsombud', () => {
    const cfg = validDemo();
    expect(cfg.samverkan.code).toBe('sjobacka-granasa');
    expect(cfg.kommuner.map((k) => k.code)).toEqual(['sjobacka', 'granasa']);
    expect(cfg.dataskyddsombud).toHaveLength(1);
    const dpo = cfg.dataskyddsombud[0]!;
    expect(dpo.code).toBe('dso-sjobacka');
    for (const k of cfg.kommuner) {
      expect(k.dataskyddsombud).toBe(dpo.code);
      // No PUA overrides the shared DPO.
      for (const p of k.pua) expect(p.dataskyddsombud ?? dpo.code).toBe(dpo.code);
    }
  });

  it('has at least five PUAs per kommun, a kommunstyrelse in each and a kommunalt bolag', () => {
    const cfg = validDemo();
    for (const k of cfg.kommuner) {
      expect(k.pua.length, k.code).toBeGreaterThanOrEqual(5);
      expect(k.pua.filter((p) => p.kind === 'kommunstyrelse').map((p) => p.code), k.code).toEqual(['KS']);
      expect(k.pua.map((p) => p.code), k.code).toEqual(expect.arrayContaining(['KS', 'BN', 'SN', 'BUN', 'VON']));
    }
    expect(cfg.kommuner.flatMap((k) => k.pua).some((p) => p.kind === 'bolag')).toBe(true);
  });

  it.each(STAFF_ROLES.map((role) => [role]))('has staff with role %s in both kommuner', (role) => {
    const cfg = validDemo();
    for (const k of cfg.kommuner) {
      const holders = cfg.staff.filter((s) => s.roles.some((r) => r.role === role && kommunerOf(r).includes(k.code)));
      expect(holders.length, `${role} in ${k.code}`).toBeGreaterThan(0);
    }
  });

  it('gives every PUA a GDPR-samordnare and a handläggare (DOMAIN.md §1)', () => {
    const cfg = validDemo();
    for (const role of ['gdpr_samordnare', 'handlaggare']) {
      const covered = new Set(cfg.staff.flatMap((s) => s.roles.flatMap((r) => (r.role === role ? (r.pua ?? []) : []))));
      for (const k of cfg.kommuner) for (const p of k.pua) expect(covered.has(`${k.code}/${p.code}`), `${role} for ${k.code}/${p.code}`).toBe(true);
    }
  });

  it('has one dataskyddsombud user serving both kommuner and one admin per kommun', () => {
    const cfg = validDemo();
    const dpoUsers = cfg.staff.filter((s) => s.roles.some((r) => r.role === 'dataskyddsombud'));
    expect(dpoUsers).toHaveLength(1);
    expect(dpoUsers[0]!.roles.flatMap(kommunerOf).sort()).toEqual(['granasa', 'sjobacka']);
    for (const k of cfg.kommuner) {
      const admins = cfg.staff.filter((s) => s.roles.some((r) => r.role === 'admin' && kommunerOf(r).includes(k.code)));
      expect(admins, k.code).toHaveLength(1);
    }
  });

  it('uses only fictional data: .example.se addresses and test-range personnummer born 1960–1995', () => {
    const cfg = validDemo();
    const emails = [
      ...cfg.dataskyddsombud.map((d) => d.email),
      ...cfg.kommuner.flatMap((k) => [k.email, ...k.pua.map((p) => p.email)]),
      ...cfg.staff.map((s) => s.email ?? ''),
    ];
    for (const e of emails) expect(e).toMatch(/@[a-z0-9-]+\.example\.se$/);
    for (const k of cfg.kommuner) expect(k.organisationsnummer).toMatch(/^212000-\d{4}$/);
    for (const s of cfg.staff) {
      expect(s.personnummer).toMatch(/^(19[6-8]\d|199[0-5])\d{4}-9[89]\d{2}$/);
      const p = parsePersonnummer(s.personnummer, TODAY);
      expect(p.ok, s.personnummer).toBe(true);
    }
  });
});

describe('validateSamverkanConfig errors name the JSON path', () => {
  type Case = [label: string, mutate: (cfg: SamverkanConfig) => unknown, expected: string[]];

  const cases: Case[] = [
    ['bad e-mail on a PUA', (c) => { c.kommuner[0]!.pua[2]!.email = 'socialnamnden-at-sjobacka'; return c; }, ['kommuner[0].pua[2].email: must be an e-mail address']],
    ['bad e-mail on the DPO', (c) => { c.dataskyddsombud[0]!.email = 'dso@'; return c; }, ['dataskyddsombud[0].email: must be an e-mail address']],
    ['duplicate PUA code', (c) => { c.kommuner[1]!.pua.push({ ...c.kommuner[1]!.pua[0]!, diariumPrefix: 'KSA' }); return c; }, ['kommuner[1].pua[6].code: duplicate PUA code "KS"']],
    ['duplicate diarium prefix', (c) => { c.kommuner[0]!.pua[3]!.diariumPrefix = 'SN'; return c; }, ['kommuner[0].pua[3].diariumPrefix: duplicate diarium prefix "SN" in this kommun']],
    ['lower-case PUA code', (c) => { c.kommuner[0]!.pua.push({ ...c.kommuner[0]!.pua[2]!, code: 'mhn', diariumPrefix: 'MHN' }); return c; }, ['kommuner[0].pua[7].code: must be upper-case letters, digits and "-"']],
    ['bad postnummer', (c) => { c.kommuner[1]!.postalAddress.postalCode = '6488'; return c; }, ['kommuner[1].postalAddress.postalCode: must be a Swedish postnummer (NNN NN)']],
    ['organisationsnummer with wrong check digit', (c) => { c.kommuner[0]!.organisationsnummer = '212000-9870'; return c; }, ['kommuner[0].organisationsnummer: must be a valid organisationsnummer (NNNNNN-NNNN)']],
    ['personnummer given as organisationsnummer', (c) => { c.kommuner[1]!.organisationsnummer = '780314-9827'; return c; }, ['kommuner[1].organisationsnummer: must be a valid organisationsnummer (NNNNNN-NNNN)']],
    ['unknown dataskyddsombud', (c) => { c.kommuner[1]!.dataskyddsombud = 'dso-flen'; return c; }, ['kommuner[1].dataskyddsombud: unknown dataskyddsombud "dso-flen"']],
    ['personnummer with wrong check digit', (c) => { c.staff[0]!.personnummer = '19780314-9828'; return c; }, ['staff[0].personnummer: must be a valid personnummer (YYYYMMDD-NNNN)']],
    ['personnummer with impossible date', (c) => { c.staff[1]!.personnummer = '19830230-9810'; return c; }, ['staff[1].personnummer: must be a valid personnummer (YYYYMMDD-NNNN)']],
    ['personnummer with only 10 digits', (c) => { c.staff[2]!.personnummer = '691127-9849'; return c; }, ['staff[2].personnummer: must be a valid personnummer (YYYYMMDD-NNNN)']],
    ['duplicate personnummer', (c) => { c.staff[3]!.personnummer = c.staff[0]!.personnummer; return c; }, ['staff[3].personnummer: duplicate personnummer']],
    ['staff user without roles', (c) => { c.staff[0]!.roles = []; return c; }, ['staff[0].roles: a staff user needs at least one role']],
    ['unknown top-level key', (c) => ({ ...c, bolag: [] }), ["(root): Unrecognized key(s) in object: 'bolag'"]],
    ['unknown key on a PUA', (c) => ({ ...c, kommuner: c.kommuner.map((k, ki) => (ki === 0 ? { ...k, pua: k.pua.map((p, pi) => (pi === 1 ? { ...p, nickname: 'Bygg' } : p)) } : k)) }), ["kommuner[0].pua[1]: Unrecognized key(s) in object: 'nickname'"]],
  ];

  it.each(cases)('%s', (_label, mutate, expected) => {
    const r = validateSamverkanConfig(mutate(demo()));
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors).toEqual(expected);
  });

  it('unknown PUA in a role', () => {
    const cfg = demo();
    const si = staffIndex(cfg, 'gdpr_samordnare', 'pua');
    const role = cfg.staff[si]!.roles[0]!;
    if (!role.pua) throw new Error('expected a PUA-scoped role');
    role.pua[0] = 'sjobacka/XYZ';
    expect(validateSamverkanConfig(cfg)).toEqual({ ok: false, errors: [`staff[${si}].roles[0].pua[0]: unknown PUA "sjobacka/XYZ"`] });
  });

  it('PUA reference to another kommun’s nämnd (KFN exists only in Sjöbacka)', () => {
    const cfg = demo();
    const si = cfg.staff.findIndex((s) => s.roles.some((r) => !!r.pua && r.pua[0]!.startsWith('granasa/')));
    const role = cfg.staff[si]!.roles[0]!;
    if (!role.pua) throw new Error('expected a PUA-scoped role');
    role.pua.push('granasa/KFN');
    const i = role.pua.length - 1;
    expect(validateSamverkanConfig(cfg)).toEqual({ ok: false, errors: [`staff[${si}].roles[0].pua[${i}]: unknown PUA "granasa/KFN"`] });
  });

  it('renaming a PUA code also reports every staff reference to the old code', () => {
    const cfg = demo();
    cfg.kommuner[0]!.pua[2]!.code = 'SOC'; // was SN
    const refs = cfg.staff.flatMap((s, si) => s.roles.flatMap((r, ri) => (r.pua ? r.pua.flatMap((ref, i) => (ref === 'sjobacka/SN' ? [`staff[${si}].roles[${ri}].pua[${i}]: unknown PUA "sjobacka/SN"`] : [])) : [])));
    expect(refs.length).toBeGreaterThan(0);
    expect(validateSamverkanConfig(cfg)).toEqual({ ok: false, errors: refs });
  });

  it('unknown kommun in a kommun-scoped role', () => {
    const cfg = demo();
    const si = staffIndex(cfg, 'reception', 'kommun');
    cfg.staff[si]!.roles[0] = { role: 'reception', kommun: 'flen' };
    expect(validateSamverkanConfig(cfg)).toEqual({ ok: false, errors: [`staff[${si}].roles[0].kommun: unknown kommun "flen"`] });
  });

  it('malformed PUA reference (not "kommun/PUA")', () => {
    const cfg = demo();
    const si = staffIndex(cfg, 'handlaggare', 'pua');
    const role = cfg.staff[si]!.roles[0]!;
    if (!role.pua) throw new Error('expected a PUA-scoped role');
    role.pua[0] = 'SN';
    const r = validateSamverkanConfig(cfg);
    expect(r.ok ? [] : r.errors).toContain(`staff[${si}].roles[0].pua[0]: must be "kommun/PUA"`);
  });

  it('unknown role name points at the role assignment', () => {
    const cfg = demo();
    const si = staffIndex(cfg, 'registrator', 'kommun');
    (cfg.staff[si]!.roles[0] as { role: string }).role = 'superuser';
    const r = validateSamverkanConfig(cfg);
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]!.startsWith(`staff[${si}].roles[0]`)).toBe(true);
  });

  it('reports every error, not only the first', () => {
    const cfg = demo();
    cfg.kommuner[0]!.pua[2]!.email = 'nope';
    cfg.staff[0]!.personnummer = '19780314-9828';
    const r = validateSamverkanConfig({ ...cfg, extra: true });
    expect(r.ok ? [] : [...r.errors].sort()).toEqual([
      "(root): Unrecognized key(s) in object: 'extra'",
      'kommuner[0].pua[2].email: must be an e-mail address',
      'staff[0].personnummer: must be a valid personnummer (YYYYMMDD-NNNN)',
    ]);
  });
});
