import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DECISION_TYPES, DELEGATION_ROLES } from './decision-types';
import { delegationPointFor } from './delegation';
import { STAFF_ROLES, type StaffRole } from './permissions';
import { parsePersonnummer } from './personnummer';
import { BASES_NEEDING_LAW, portabilityApplies } from './processing-activities';
import { toDelegationPoints, toProcessingActivities, validateSamverkanConfig, type ProcessingActivityConfig, type SamverkanConfig } from './samverkan-config';

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

/** Point `di` of the förteckning of PUA `pi` in kommun `ki`. */
function dp(cfg: SamverkanConfig, ki: number, pi: number, di: number) {
  return cfg.kommuner[ki]!.pua[pi]!.delegeringsforteckning![di]!;
}

/** Activity `ai` of the registerförteckning of PUA `pi` in kommun `ki`. */
function ra(cfg: SamverkanConfig, ki: number, pi: number, ai: number) {
  return cfg.kommuner[ki]!.pua[pi]!.registerforteckning![ai]!;
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

describe('demo-samverkan.json: delegeringsförteckningar and förvaltningsrätt (issue #6)', () => {
  /** The roles a staff entry holds in kommun/PUA, PUA-scoped or kommun-scoped. */
  function rolesIn(s: SamverkanConfig['staff'][number], kommun: string, pua: string): StaffRole[] {
    return s.roles.filter((r) => r.pua?.includes(`${kommun}/${pua}`) || r.kommun === kommun).map((r) => r.role);
  }

  it('gives every PUA a förteckning: GDPR-samordnare decide every type (a bolag: none about appeals, DSL 7 kap. 2 §), handläggare only bifall (the e2e proposal/approval relies on it)', () => {
    const cfg = validDemo();
    for (const k of cfg.kommuner) {
      for (const p of k.pua) {
        const points = toDelegationPoints(p.delegeringsforteckning, (pnr) => `staff-${pnr}`);
        expect(points.length, `${k.code}/${p.code}`).toBeGreaterThan(0);
        for (const s of cfg.staff) {
          const roles = rolesIn(s, k.code, p.code);
          const delegate = { staffUserId: `staff-${s.personnummer.replace('-', '')}`, roles };
          const types = DECISION_TYPES.filter((t) => delegationPointFor(points, delegate, t) !== null);
          const where = `${s.name} in ${k.code}/${p.code}`;
          // A bolag's decisions cannot be appealed, so it has nothing to dismiss or reconsider on appeal.
          const all = p.kind === 'bolag' ? DECISION_TYPES.filter((t) => t !== 'avvisning_sent_overklagande' && t !== 'omprovning') : [...DECISION_TYPES];
          if (roles.includes('gdpr_samordnare')) expect(types, where).toEqual(all);
          else if (roles.includes('handlaggare')) expect(types, where).toEqual(['bifall']);
          else expect(types, where).toEqual([]);
        }
      }
    }
  });

  it('numbers the points like a förteckning ("7.1"), each with a Swedish remark, and names at least one person', () => {
    const points = validDemo().kommuner.flatMap((k) => k.pua.flatMap((p) => p.delegeringsforteckning ?? []));
    for (const d of points) {
      expect(d.punkt).toMatch(/^\d{1,2}\.\d$/);
      expect(d.anmarkning).toMatch(/[åäö]/);
    }
    expect(points.some((d) => d.person && !d.roll)).toBe(true);
    expect(points.some((d) => d.person && d.roll)).toBe(true);
  });

  it('sends appeals from both kommuner (Södermanlands län) to Förvaltningsrätten i Linköping', () => {
    for (const k of validDemo().kommuner) {
      expect(k.forvaltningsratt, k.code).toEqual({
        name: 'Förvaltningsrätten i Linköping',
        postalAddress: { street: 'Box 406', postalCode: '581 04', city: 'Linköping' },
        email: 'forvaltningsrattenilinkoping@dom.se',
      });
    }
  });
});

describe('demo-samverkan.json: registerförteckningar (issue #7)', () => {
  const everyActivity = () => validDemo().kommuner.flatMap((k) => k.pua.flatMap((p) => toProcessingActivities(p.registerforteckning).map((a) => ({ ref: `${k.code}/${p.code}`, kind: p.kind, a }))));

  it('gives every PUA of both kommuner a förteckning of two to four activities (Art 30(1): each controller keeps its own)', () => {
    for (const k of validDemo().kommuner) {
      for (const p of k.pua) expect(p.registerforteckning?.length ?? 0, `${k.code}/${p.code}`).toSatisfy((n: number) => n >= 2 && n <= 4);
    }
  });

  it('says for each activity what Art 15(1) makes a registerutdrag tell, in Swedish, with the dokumenthanteringsplan behind the retention', () => {
    for (const { ref, a } of everyActivity()) {
      const where = `${ref} ${a.code}`;
      expect(a.purposes.length, where).toBeGreaterThan(0);
      expect(a.dataCategories.length, where).toBeGreaterThan(0);
      expect(a.subjectCategories.length, where).toBeGreaterThan(0);
      expect(a.retentionReference, where).toMatch(/^(DHP [A-ZÅÄÖ]+|Dokumenthanteringsplan [A-ZÅÄÖ]+) \d+(\.\d+)*$/);
      expect([a.name, ...a.purposes, a.retention, a.source].join(' '), where).toMatch(/[åäö]/);
      if (BASES_NEEDING_LAW.includes(a.legalBasis)) expect(a.legalBasisLaw, where).toMatch(/\(\d{4}:\d+\)|\(EU\)/);
    }
  });

  it('shows every Art 15 item somewhere: a third-country transfer with its safeguards, automated decisions, Art 9 data, a source other than the person', () => {
    const all = everyActivity().map((x) => x.a);
    const transfer = all.find((a) => a.thirdCountry.transfers);
    expect(transfer?.thirdCountry).toEqual({ transfers: true, countries: ['USA'], safeguards: expect.stringMatching(/Data Privacy Framework.*standardavtalsklausuler/s) });
    const automated = all.filter((a) => a.automatedDecisions.exists).map((a) => a.code);
    expect(automated).toEqual(expect.arrayContaining(['avgifter-forskola-fritidshem', 'bostadsko']));
    expect(all.some((a) => a.sensitiveCategories?.some((c) => /hälsa/.test(c)))).toBe(true);
    expect(all.some((a) => /SSBTEK/.test(a.source))).toBe(true);
  });

  it('rests a nämnd’s myndighetsutövning on 6.1 e, consent and contract on 6.1 a and b: only those carry portability (Art 20)', () => {
    const byCode = (ref: string, code: string) => everyActivity().find((x) => x.ref === ref && x.a.code === code)!.a;
    expect(byCode('sjobacka/SN', 'ekonomiskt-bistand')).toMatchObject({ legalBasis: 'public_interest', legalBasisLaw: 'Socialtjänstlagen (2025:400)' });
    expect(byCode('sjobacka/KS', 'nyhetsbrev').legalBasis).toBe('consent');
    expect(byCode('sjobacka/SBH', 'hyresavtal').legalBasis).toBe('contract');
    const portable = everyActivity().filter((x) => portabilityApplies(x.a)).map((x) => `${x.ref} ${x.a.code}`);
    expect(portable).toEqual(expect.arrayContaining(['sjobacka/KS nyhetsbrev', 'sjobacka/SBH hyresavtal', 'sjobacka/SBH bostadsko']));
    // The bolag's activities all rest on contracts; no socialnämnd activity is portable.
    expect(everyActivity().filter((x) => x.kind === 'bolag').every((x) => portabilityApplies(x.a))).toBe(true);
    expect(portable.filter((r) => r.includes('/SN '))).toEqual([]);
  });
});

describe('toProcessingActivities — the förteckning as stored in pua.processing_activities', () => {
  const full: ProcessingActivityConfig = {
    kod: 'ekonomiskt-bistand',
    namn: 'Handläggning av ekonomiskt bistånd',
    andamal: ['Utreda rätt till bistånd', 'Utreda rätt till bistånd', 'Betala ut bistånd'],
    rattsligGrund: 'allmant_intresse',
    lag: 'Socialtjänstlagen (2025:400)',
    uppgifter: ['Namn', 'Inkomster'],
    kansligaUppgifter: ['Uppgifter om hälsa'],
    registrerade: ['Sökande'],
    mottagare: ['Förvaltningsrätten vid överklagande'],
    tredjeland: { sker: true, lander: ['USA'], skyddsatgarder: 'Standardavtalsklausuler' },
    lagringstid: 'Fem år efter sista anteckningen',
    dokumenthanteringsplan: 'DHP SN 3.2.1',
    kalla: 'Den sökande och SSBTEK',
    automatiseradeBeslut: { forekommer: true, logik: 'Normen räknas ut automatiskt', betydelse: 'Avgör beloppet' },
    system: ['Treserva'],
  };

  it.each([
    ['every part, each list item once; the Swedish basis becomes the letter’s code (6.1 e = public_interest)', full, {
      code: 'ekonomiskt-bistand',
      name: 'Handläggning av ekonomiskt bistånd',
      purposes: ['Utreda rätt till bistånd', 'Betala ut bistånd'],
      legalBasis: 'public_interest',
      legalBasisLaw: 'Socialtjänstlagen (2025:400)',
      dataCategories: ['Namn', 'Inkomster'],
      sensitiveCategories: ['Uppgifter om hälsa'],
      subjectCategories: ['Sökande'],
      recipients: ['Förvaltningsrätten vid överklagande'],
      thirdCountry: { transfers: true, countries: ['USA'], safeguards: 'Standardavtalsklausuler' },
      retention: 'Fem år efter sista anteckningen',
      retentionReference: 'DHP SN 3.2.1',
      source: 'Den sökande och SSBTEK',
      automatedDecisions: { exists: true, logic: 'Normen räknas ut automatiskt', significance: 'Avgör beloppet' },
      systems: ['Treserva'],
    }],
    ['consent (6.1 a) with nothing optional: no law, no Art 9 data, no recipients, no transfers, no automated decisions, on paper', {
      kod: 'nyhetsbrev', namn: 'Nyhetsbrev', andamal: ['Skicka nyhetsbrev'], rattsligGrund: 'samtycke', uppgifter: ['E-postadress'], registrerade: ['Prenumeranter'],
      mottagare: [], tredjeland: { sker: false }, lagringstid: 'Tills samtycket återkallas', kalla: 'Prenumeranten', automatiseradeBeslut: { forekommer: false }, system: [],
    } satisfies ProcessingActivityConfig, {
      code: 'nyhetsbrev', name: 'Nyhetsbrev', purposes: ['Skicka nyhetsbrev'], legalBasis: 'consent', dataCategories: ['E-postadress'], subjectCategories: ['Prenumeranter'],
      recipients: [], thirdCountry: { transfers: false }, retention: 'Tills samtycket återkallas', source: 'Prenumeranten', automatedDecisions: { exists: false }, systems: [],
    }],
  ] as const)('%s', (_label, entry, expected) => {
    expect(toProcessingActivities([entry as ProcessingActivityConfig])).toStrictEqual([expected]);
  });

  it.each([
    ['samtycke', 'consent'],
    ['avtal', 'contract'],
    ['rattslig_forpliktelse', 'legal_obligation'],
    ['grundlaggande_intresse', 'vital_interest'],
    ['allmant_intresse', 'public_interest'],
    ['intresseavvagning', 'legitimate_interest'],
  ] as const)('rattsligGrund %s is %s', (grund, basis) => {
    expect(toProcessingActivities([{ ...full, rattsligGrund: grund }])[0]!.legalBasis).toBe(basis);
  });

  it('no förteckning is an empty list', () => {
    expect(toProcessingActivities(undefined)).toEqual([]);
  });
});

describe('toDelegationPoints — the förteckning as stored in pua.delegations', () => {
  it('maps punkt, beslut, roll, person and anmärkning, resolving the person to a staff id', () => {
    const ids = new Map([['197605039945', 'id-eva']]);
    expect(
      toDelegationPoints(
        [
          { punkt: '7.1', beslut: ['bifall'], roll: 'handlaggare' },
          { punkt: '7.3', beslut: ['art12_5', 'art12_5'], person: '19760503-9945', anmarkning: 'Efter samråd med dataskyddsombudet.' },
          { punkt: '7.4', beslut: ['omprovning'], roll: 'gdpr_samordnare', person: '197605039945' },
        ],
        (pnr) => ids.get(pnr),
      ),
    ).toEqual([
      { number: '7.1', decisionTypes: ['bifall'], role: 'handlaggare' },
      { number: '7.3', decisionTypes: ['art12_5'], staffUserId: 'id-eva', remark: 'Efter samråd med dataskyddsombudet.' },
      { number: '7.4', decisionTypes: ['omprovning'], role: 'gdpr_samordnare', staffUserId: 'id-eva' },
    ]);
  });

  it('no förteckning is an empty list; an unresolvable person throws', () => {
    expect(toDelegationPoints(undefined, () => undefined)).toEqual([]);
    expect(() => toDelegationPoints([{ punkt: '1.1', beslut: ['bifall'], person: '19850101-9809' }], () => undefined)).toThrow();
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
    // Delegeringsförteckning (KL 6 kap. 37 §, 7 kap. 5–6 §§). kommuner[0].pua[2] = sjobacka/SN, kommuner[1].pua[0] = granasa/KS, kommuner[1].pua[2] = granasa/SN.
    ['delegation point naming no delegate', (c) => { delete dp(c, 0, 2, 0).roll; return c; }, ['kommuner[0].pua[2].delegeringsforteckning[0]: give the delegate: "roll", "person" or both']],
    ['delegation point covering no decision type', (c) => { dp(c, 0, 2, 1).beslut = []; return c; }, ['kommuner[0].pua[2].delegeringsforteckning[1].beslut: a delegation point covers at least one decision type']],
    ['unknown decision type', (c) => { (dp(c, 0, 2, 1).beslut as string[]) = ['delegationsbeslut']; return c; }, [`kommuner[0].pua[2].delegeringsforteckning[1].beslut[0]: must be one of ${DECISION_TYPES.join(', ')}`]],
    ['decision type twice in a point', (c) => { dp(c, 0, 2, 1).beslut = ['avslag', 'avvisning', 'avslag']; return c; }, ['kommuner[0].pua[2].delegeringsforteckning[1].beslut[2]: duplicate decision type "avslag"']],
    ['a role that cannot decide', (c) => { (dp(c, 0, 2, 0) as { roll: string }).roll = 'registrator'; return c; }, [`kommuner[0].pua[2].delegeringsforteckning[0].roll: must be one of ${DELEGATION_ROLES.join(', ')}`]],
    ['duplicate punkt within a PUA', (c) => { dp(c, 0, 2, 1).punkt = '7.1'; return c; }, ['kommuner[0].pua[2].delegeringsforteckning[1].punkt: duplicate punkt "7.1" in this PUA']],
    ['duplicate punkt after trimming', (c) => { dp(c, 0, 2, 1).punkt = ' 7.1 '; return c; }, ['kommuner[0].pua[2].delegeringsforteckning[1].punkt: duplicate punkt "7.1" in this PUA']],
    ['empty punkt', (c) => { dp(c, 0, 2, 1).punkt = ' '; return c; }, ['kommuner[0].pua[2].delegeringsforteckning[1].punkt: must not be empty']],
    ['punkt too long', (c) => { dp(c, 0, 2, 1).punkt = '7.2 Beslut om avslag enligt GDPR'; return c; }, ['kommuner[0].pua[2].delegeringsforteckning[1].punkt: must be at most 20 characters']],
    ['anmärkning too long', (c) => { dp(c, 0, 2, 1).anmarkning = 'Anmäls till nämnden. '.repeat(20); return c; }, ['kommuner[0].pua[2].delegeringsforteckning[1].anmarkning: must be at most 300 characters']],
    ['unknown key in a delegation point', (c) => { (dp(c, 0, 2, 0) as Record<string, unknown>).delegat = 'Enhetschef'; return c; }, ["kommuner[0].pua[2].delegeringsforteckning[0]: Unrecognized key(s) in object: 'delegat'"]],
    ['delegation to a person who is not staff', (c) => { dp(c, 1, 2, 2).person = '19850101-9809'; return c; }, ['kommuner[1].pua[2].delegeringsforteckning[2].person: no staff user has this personnummer']],
    ['delegation to an invalid personnummer', (c) => { dp(c, 1, 2, 2).person = '19760503-9946'; return c; }, ['kommuner[1].pua[2].delegeringsforteckning[2].person: must be a valid personnummer (YYYYMMDD-NNNN)']],
    ['delegation to staff without a deciding role in this PUA (Olof is samordnare in KS, not SN)', (c) => { dp(c, 1, 2, 2).person = '19680917-9952'; return c; }, ['kommuner[1].pua[2].delegeringsforteckning[2].person: the person holds no gdpr_samordnare or handlaggare role in granasa/SN']],
    ['person and roll: the person must hold that role here', (c) => { dp(c, 1, 0, 2).roll = 'handlaggare'; return c; }, ['kommuner[1].pua[0].delegeringsforteckning[2].person: the person does not hold the role "handlaggare" in granasa/KS']],
    // Registerförteckning (Art 30(1)). kommuner[0].pua[0] = sjobacka/KS, [0].pua[2] = sjobacka/SN (ekonomiskt-bistand first), [0].pua[6] = sjobacka/SBH.
    ['6.1 e without the law it rests on (Art 6(3))', (c) => { delete ra(c, 0, 2, 0).lag; return c; }, ['kommuner[0].pua[2].registerforteckning[0].lag: name the law the processing rests on (Art 6(3)): required with rattsligGrund "allmant_intresse"']],
    ['6.1 c without the law (Art 6(3))', (c) => { delete ra(c, 0, 0, 0).lag; return c; }, ['kommuner[0].pua[0].registerforteckning[0].lag: name the law the processing rests on (Art 6(3)): required with rattsligGrund "rattslig_forpliktelse"']],
    ['an empty law', (c) => { ra(c, 0, 2, 0).lag = ' '; return c; }, ['kommuner[0].pua[2].registerforteckning[0].lag: must not be empty']],
    ['a legal basis that is not one of Art 6(1)', (c) => { (ra(c, 0, 2, 0) as { rattsligGrund: string }).rattsligGrund = 'myndighetsutovning'; return c; }, ['kommuner[0].pua[2].registerforteckning[0].rattsligGrund: must be one of samtycke, avtal, rattslig_forpliktelse, grundlaggande_intresse, allmant_intresse, intresseavvagning']],
    ['the same kod twice in a PUA', (c) => { ra(c, 0, 2, 1).kod = 'ekonomiskt-bistand'; return c; }, ['kommuner[0].pua[2].registerforteckning[1].kod: duplicate kod "ekonomiskt-bistand" in this PUA']],
    ['a kod with capitals and spaces', (c) => { ra(c, 0, 2, 0).kod = 'Ekonomiskt bistånd'; return c; }, ['kommuner[0].pua[2].registerforteckning[0].kod: must be lower-case letters, digits and "-"']],
    ['no purpose', (c) => { ra(c, 0, 2, 0).andamal = []; return c; }, ['kommuner[0].pua[2].registerforteckning[0].andamal: name at least one purpose']],
    ['an empty purpose', (c) => { ra(c, 0, 2, 0).andamal.push(' '); return c; }, ['kommuner[0].pua[2].registerforteckning[0].andamal[3]: must not be empty']],
    ['no category of personal data', (c) => { ra(c, 0, 2, 0).uppgifter = []; return c; }, ['kommuner[0].pua[2].registerforteckning[0].uppgifter: name at least one category of personal data']],
    ['no category of data subjects', (c) => { ra(c, 0, 2, 0).registrerade = []; return c; }, ['kommuner[0].pua[2].registerforteckning[0].registrerade: name at least one category of data subjects']],
    ['recipients not said (an empty list says "none")', (c) => { delete (ra(c, 0, 2, 0) as Partial<ProcessingActivityConfig>).mottagare; return c; }, ['kommuner[0].pua[2].registerforteckning[0].mottagare: Required']],
    ['a name over 200 characters', (c) => { ra(c, 0, 2, 0).namn = 'Ekonomiskt bistånd '.repeat(11); return c; }, ['kommuner[0].pua[2].registerforteckning[0].namn: must be at most 200 characters']],
    ['more than 40 categories', (c) => { ra(c, 0, 2, 0).uppgifter = Array.from({ length: 41 }, (_, i) => `Uppgift ${i}`); return c; }, ['kommuner[0].pua[2].registerforteckning[0].uppgifter: must have at most 40 items']],
    ['a transfer without countries or safeguards (Art 15(2), 46)', (c) => { ra(c, 0, 2, 0).tredjeland = { sker: true }; return c; }, [
      'kommuner[0].pua[2].registerforteckning[0].tredjeland.lander: name the countries when "sker" is true',
      'kommuner[0].pua[2].registerforteckning[0].tredjeland.skyddsatgarder: give the safeguards (Art 44–49) when "sker" is true',
    ]],
    ['a transfer to no country', (c) => { ra(c, 0, 0, 2).tredjeland.lander = []; return c; }, ['kommuner[0].pua[0].registerforteckning[2].tredjeland.lander: name the countries when "sker" is true']],
    ['safeguards for a transfer that does not happen', (c) => { ra(c, 0, 2, 0).tredjeland.skyddsatgarder = 'Standardavtalsklausuler'; return c; }, ['kommuner[0].pua[2].registerforteckning[0].tredjeland.skyddsatgarder: only when "sker" is true']],
    ['transfers not said', (c) => { (ra(c, 0, 2, 0) as { tredjeland: unknown }).tredjeland = {}; return c; }, ['kommuner[0].pua[2].registerforteckning[0].tredjeland.sker: Required']],
    ['automated decisions without their logic and consequences (Art 15(1)(h))', (c) => { ra(c, 0, 6, 1).automatiseradeBeslut = { forekommer: true }; return c; }, [
      'kommuner[0].pua[6].registerforteckning[1].automatiseradeBeslut.logik: describe the logic (Art 15(1)(h)) when "forekommer" is true',
      'kommuner[0].pua[6].registerforteckning[1].automatiseradeBeslut.betydelse: describe the significance and consequences (Art 15(1)(h)) when "forekommer" is true',
    ]],
    ['logic of automated decisions that are not made', (c) => { ra(c, 0, 2, 0).automatiseradeBeslut.logik = 'Normen räknas ut'; return c; }, ['kommuner[0].pua[2].registerforteckning[0].automatiseradeBeslut.logik: only when "forekommer" is true']],
    ['unknown key in an activity', (c) => { (ra(c, 0, 2, 0) as Record<string, unknown>).ansvarig = 'Anna Lindqvist'; return c; }, ["kommuner[0].pua[2].registerforteckning[0]: Unrecognized key(s) in object: 'ansvarig'"]],
    ['förvaltningsrätt with a bad e-mail', (c) => { c.kommuner[0]!.forvaltningsratt!.email = 'linkoping-at-dom.se'; return c; }, ['kommuner[0].forvaltningsratt.email: must be an e-mail address']],
    ['förvaltningsrätt without a name', (c) => { c.kommuner[1]!.forvaltningsratt!.name = ''; return c; }, ['kommuner[1].forvaltningsratt.name: must not be empty']],
    ['förvaltningsrätt with a bad postnummer', (c) => { c.kommuner[1]!.forvaltningsratt!.postalAddress!.postalCode = '58104 Linköping'; return c; }, ['kommuner[1].forvaltningsratt.postalAddress.postalCode: must be a Swedish postnummer (NNN NN)']],
  ];

  it.each(cases)('%s', (_label, mutate, expected) => {
    const r = validateSamverkanConfig(mutate(demo()));
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors).toEqual(expected);
  });

  it.each([
    ['the same punkt in two PUAs', (c: SamverkanConfig) => { dp(c, 0, 1, 0).punkt = '7.1'; return c; }],
    ['a PUA without förteckning', (c: SamverkanConfig) => { delete c.kommuner[0]!.pua[1]!.delegeringsforteckning; return c; }],
    ['the same kod in two PUAs', (c: SamverkanConfig) => { ra(c, 0, 1, 0).kod = 'ekonomiskt-bistand'; return c; }],
    ['a PUA without registerförteckning', (c: SamverkanConfig) => { delete c.kommuner[1]!.pua[5]!.registerforteckning; return c; }],
    ['consent, contract and legitimate interest need no law', (c: SamverkanConfig) => {
      for (const [ai, grund] of [[0, 'samtycke'], [1, 'avtal'], [2, 'intresseavvagning']] as const) {
        ra(c, 0, 2, ai).rattsligGrund = grund;
        delete ra(c, 0, 2, ai).lag;
      }
      return c;
    }],
    ['a kommun without förvaltningsrätt', (c: SamverkanConfig) => { delete c.kommuner[1]!.forvaltningsratt; return c; }],
    ['a förvaltningsrätt with its name only', (c: SamverkanConfig) => { c.kommuner[0]!.forvaltningsratt = { name: 'Förvaltningsrätten i Linköping' }; return c; }],
    ['a person holding the role kommun-wide', (c: SamverkanConfig) => {
      const per = c.staff.find((s) => s.name === 'Per Ekström')!;
      per.roles.push({ role: 'handlaggare', kommun: 'granasa' });
      dp(c, 1, 2, 2).person = per.personnummer;
      return c;
    }],
  ])('valid: %s', (_label, mutate) => {
    const r = validateSamverkanConfig(mutate(demo()));
    expect(r.ok ? [] : r.errors).toEqual([]);
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
