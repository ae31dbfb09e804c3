/**
 * The declarative configuration of one samverkan (DOMAIN.md §1), imported with
 * `npm run admin -- import <file>`. Pure validation: errors name the JSON path of the bad field.
 * Codes are the stable identities used to update on re-import; references between sections
 * use them ("sjobacka/SN" = PUA SN of kommun sjobacka).
 */
import { z } from 'zod';
import { DECISION_TYPES, DELEGATION_ROLES, type DelegationPoint } from './decision-types';
import { DELEGATION_POINT_LIMITS } from './delegation-list';
import { STAFF_ROLES } from './permissions';
import { BASES_NEEDING_LAW, type LegalBasis, type ProcessingActivity } from './processing-activities';
import { PROCESSING_ACTIVITY_LIMITS } from './processing-activity-list';
import { parseOrganisationsnummer, parsePersonnummer } from './personnummer';

const code = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and "-"');
const puaCode = z.string().regex(/^[A-ZÅÄÖ0-9][A-ZÅÄÖ0-9-]*$/, 'must be upper-case letters, digits and "-"');
const email = z.string().email('must be an e-mail address');
const phone = z.string().regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number');
const text = z.string().trim().min(1, 'must not be empty');

const postalAddress = z.object({
  street: text,
  postalCode: z.string().regex(/^\d{3} ?\d{2}$/, 'must be a Swedish postnummer (NNN NN)'),
  city: text,
  careOf: z.string().optional(),
}).strict();

const dataskyddsombud = z.object({
  code,
  name: text,
  email,
  phone: phone.optional(),
  postalAddress: postalAddress.optional(),
}).strict();

/** `today` only matters for the century rule of 10-digit numbers; the file should use 12 digits. */
const isValidPersonnummer = (v: string) => /^\d{8}-?\d{4}$/.test(v.trim()) && parsePersonnummer(v, '9999-12-31').ok;
const personnummer = z.string().refine(isValidPersonnummer, 'must be a valid personnummer (YYYYMMDD-NNNN)');
const normalisePnr = (v: string) => v.replace('-', '').trim();

/**
 * One point of the PUA's delegeringsförteckning (KL 6 kap. 37 §, 7 kap. 5–6 §§), in the words of the
 * förteckning: "punkt" 7.1, the "beslut" it covers, and the delegate — a "roll" held in the PUA, a
 * named "person" (a staff entry's personnummer), or both (that person in that role).
 */
const delegationPointSchema = z
  .object({
    punkt: z.string().trim().min(1, 'must not be empty').max(DELEGATION_POINT_LIMITS.number, `must be at most ${DELEGATION_POINT_LIMITS.number} characters`),
    beslut: z
      .array(z.enum(DECISION_TYPES, { errorMap: () => ({ message: `must be one of ${DECISION_TYPES.join(', ')}` }) }))
      .min(1, 'a delegation point covers at least one decision type'),
    roll: z.enum(DELEGATION_ROLES, { errorMap: () => ({ message: `must be one of ${DELEGATION_ROLES.join(', ')}` }) }).optional(),
    person: personnummer.optional(),
    anmarkning: text.max(DELEGATION_POINT_LIMITS.remark, `must be at most ${DELEGATION_POINT_LIMITS.remark} characters`).optional(),
  })
  .strict()
  .refine((p) => p.roll !== undefined || p.person !== undefined, 'give the delegate: "roll", "person" or both');

/**
 * The legal bases of Art 6(1) a–f in the words a registerförteckning uses: "allmant_intresse" is
 * "uppgift av allmänt intresse eller myndighetsutövning" (e), what most of a nämnd's work rests on.
 */
export const RATTSLIGA_GRUNDER = {
  samtycke: 'consent',
  avtal: 'contract',
  rattslig_forpliktelse: 'legal_obligation',
  grundlaggande_intresse: 'vital_interest',
  allmant_intresse: 'public_interest',
  intresseavvagning: 'legitimate_interest',
} as const satisfies Record<string, LegalBasis>;
const GRUNDER = Object.keys(RATTSLIGA_GRUNDER) as [keyof typeof RATTSLIGA_GRUNDER, ...(keyof typeof RATTSLIGA_GRUNDER)[]];
const GRUNDER_NEEDING_LAW = GRUNDER.filter((g) => BASES_NEEDING_LAW.includes(RATTSLIGA_GRUNDER[g]));

const PA = PROCESSING_ACTIVITY_LIMITS;
const activityText = (max: number) => text.max(max, `must be at most ${max} characters`);
const activityList = z.array(activityText(PA.item)).max(PA.items, `must have at most ${PA.items} items`);

/**
 * One processing activity of the PUA's registerförteckning (GDPR Art 30(1); issue #7), in the
 * words of the förteckning: "kod", "namn", "andamal", "rattsligGrund" with the "lag" it rests on,
 * the categories of "uppgifter" (and "kansligaUppgifter", Art 9–10) and of "registrerade",
 * "mottagare" ([] = none outside the PUA), "tredjeland", "lagringstid" with the
 * "dokumenthanteringsplan" reference, "kalla", "automatiseradeBeslut" and "system" ([] = on paper
 * only). Whether there are transfers or automated decisions is said either way ("sker": false).
 */
const processingActivitySchema = z
  .object({
    kod: code.max(PA.code, `must be at most ${PA.code} characters`),
    namn: activityText(PA.name),
    andamal: activityList.min(1, 'name at least one purpose'),
    rattsligGrund: z.enum(GRUNDER, { errorMap: () => ({ message: `must be one of ${GRUNDER.join(', ')}` }) }),
    lag: activityText(PA.text).optional(),
    uppgifter: activityList.min(1, 'name at least one category of personal data'),
    kansligaUppgifter: activityList.optional(),
    registrerade: activityList.min(1, 'name at least one category of data subjects'),
    mottagare: activityList,
    tredjeland: z.object({ sker: z.boolean(), lander: activityList.optional(), skyddsatgarder: activityText(PA.text).optional() }).strict(),
    lagringstid: activityText(PA.text),
    dokumenthanteringsplan: activityText(PA.reference).optional(),
    kalla: activityText(PA.text),
    automatiseradeBeslut: z.object({ forekommer: z.boolean(), logik: activityText(PA.text).optional(), betydelse: activityText(PA.text).optional() }).strict(),
    system: activityList,
  })
  .strict()
  .superRefine((a, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (GRUNDER_NEEDING_LAW.includes(a.rattsligGrund) && a.lag === undefined) {
      issue(['lag'], `name the law the processing rests on (Art 6(3)): required with rattsligGrund "${a.rattsligGrund}"`);
    }
    if (a.tredjeland.sker) {
      if (!a.tredjeland.lander?.length) issue(['tredjeland', 'lander'], 'name the countries when "sker" is true');
      if (a.tredjeland.skyddsatgarder === undefined) issue(['tredjeland', 'skyddsatgarder'], 'give the safeguards (Art 44–49) when "sker" is true');
    } else {
      if (a.tredjeland.lander !== undefined) issue(['tredjeland', 'lander'], 'only when "sker" is true');
      if (a.tredjeland.skyddsatgarder !== undefined) issue(['tredjeland', 'skyddsatgarder'], 'only when "sker" is true');
    }
    if (a.automatiseradeBeslut.forekommer) {
      if (a.automatiseradeBeslut.logik === undefined) issue(['automatiseradeBeslut', 'logik'], 'describe the logic (Art 15(1)(h)) when "forekommer" is true');
      if (a.automatiseradeBeslut.betydelse === undefined) issue(['automatiseradeBeslut', 'betydelse'], 'describe the significance and consequences (Art 15(1)(h)) when "forekommer" is true');
    } else {
      if (a.automatiseradeBeslut.logik !== undefined) issue(['automatiseradeBeslut', 'logik'], 'only when "forekommer" is true');
      if (a.automatiseradeBeslut.betydelse !== undefined) issue(['automatiseradeBeslut', 'betydelse'], 'only when "forekommer" is true');
    }
  });

/** The förvaltningsrätt that hears appeals against the kommun's decisions (DOMAIN.md §8). */
const forvaltningsratt = z.object({
  name: text,
  postalAddress: postalAddress.optional(),
  email: email.optional(),
}).strict();

const puaSchema = z.object({
  code: puaCode,
  kind: z.enum(['kommunstyrelse', 'namnd', 'bolag']),
  name: text,
  description: text.max(300, 'must be a short sentence (at most 300 characters)'),
  diariumPrefix: z.string().regex(/^[A-ZÅÄÖ]{1,6}$/, 'must be 1–6 upper-case letters'),
  postalAddress,
  email,
  phone: phone.optional(),
  /** Defaults to the kommun's DPO. */
  dataskyddsombud: code.optional(),
  delegeringsforteckning: z.array(delegationPointSchema).optional(),
  registerforteckning: z.array(processingActivitySchema).optional(),
  /** A registerutdrag needs a second person's approval before it goes out (issue #7). Default: no. */
  registerutdragFyraOgon: z.boolean().optional(),
}).strict();

const kommunSchema = z.object({
  code,
  name: text,
  organisationsnummer: z.string().refine((v) => parseOrganisationsnummer(v) !== null, 'must be a valid organisationsnummer (NNNNNN-NNNN)'),
  postalAddress,
  email,
  phone,
  website: z.string().url('must be a URL').optional(),
  logoUrl: z.string().optional(),
  dataskyddsombud: code,
  forvaltningsratt: forvaltningsratt.optional(),
  pua: z.array(puaSchema).min(1, 'a kommun needs at least one PUA'),
}).strict();

const roleAssignment = z
  .object({
    role: z.enum(STAFF_ROLES, { errorMap: () => ({ message: `must be one of ${STAFF_ROLES.join(', ')}` }) }),
    pua: z.array(z.string().regex(/^[a-z0-9-]+\/[A-ZÅÄÖ0-9-]+$/, 'must be "kommun/PUA"')).min(1).optional(),
    kommun: code.optional(),
  })
  .strict()
  .refine((r) => (r.pua === undefined) !== (r.kommun === undefined), 'give exactly one scope: "pua" (a list of "kommun/PUA") or "kommun"');

const staffSchema = z.object({
  personnummer,
  name: text,
  email: email.optional(),
  roles: z.array(roleAssignment).min(1, 'a staff user needs at least one role'),
}).strict();

export const samverkanConfigSchema = z.object({
  samverkan: z.object({ code, name: text }).strict(),
  dataskyddsombud: z.array(dataskyddsombud).min(1),
  kommuner: z.array(kommunSchema).min(1),
  staff: z.array(staffSchema).default([]),
}).strict().superRefine((cfg, ctx) => {
  const dpoCodes = new Set(cfg.dataskyddsombud.map((d) => d.code));
  const seen = new Set<string>();
  const puaRefs = new Set<string>();
  // Per valid staff personnummer: the roles held in each "kommun/PUA" (or in every PUA of a kommun).
  const staffRoles = new Map<string, { role: string; pua?: string[]; kommun?: string }[]>();
  for (const s of cfg.staff) if (isValidPersonnummer(s.personnummer)) staffRoles.set(normalisePnr(s.personnummer), s.roles);
  const holds = (pnr: string, role: string, kommunCode: string, puaRef: string) =>
    (staffRoles.get(pnr) ?? []).some((r) => r.role === role && (r.pua?.includes(puaRef) || r.kommun === kommunCode));
  cfg.kommuner.forEach((k, ki) => {
    if (seen.has(k.code)) ctx.addIssue({ code: 'custom', path: ['kommuner', ki, 'code'], message: `duplicate kommun code "${k.code}"` });
    seen.add(k.code);
    if (!dpoCodes.has(k.dataskyddsombud)) ctx.addIssue({ code: 'custom', path: ['kommuner', ki, 'dataskyddsombud'], message: `unknown dataskyddsombud "${k.dataskyddsombud}"` });
    const puaCodes = new Set<string>();
    const prefixes = new Set<string>();
    k.pua.forEach((p, pi) => {
      if (puaCodes.has(p.code)) ctx.addIssue({ code: 'custom', path: ['kommuner', ki, 'pua', pi, 'code'], message: `duplicate PUA code "${p.code}"` });
      if (prefixes.has(p.diariumPrefix)) ctx.addIssue({ code: 'custom', path: ['kommuner', ki, 'pua', pi, 'diariumPrefix'], message: `duplicate diarium prefix "${p.diariumPrefix}" in this kommun` });
      if (p.dataskyddsombud && !dpoCodes.has(p.dataskyddsombud)) ctx.addIssue({ code: 'custom', path: ['kommuner', ki, 'pua', pi, 'dataskyddsombud'], message: `unknown dataskyddsombud "${p.dataskyddsombud}"` });
      puaCodes.add(p.code);
      prefixes.add(p.diariumPrefix);
      puaRefs.add(`${k.code}/${p.code}`);
      const ref = `${k.code}/${p.code}`;
      const punkter = new Set<string>();
      p.delegeringsforteckning?.forEach((d, di) => {
        const at = ['kommuner', ki, 'pua', pi, 'delegeringsforteckning', di];
        if (typeof d.punkt === 'string') {
          if (punkter.has(d.punkt.trim())) ctx.addIssue({ code: 'custom', path: [...at, 'punkt'], message: `duplicate punkt "${d.punkt.trim()}" in this PUA` });
          punkter.add(d.punkt.trim());
        }
        const types = new Set<string>();
        d.beslut?.forEach((b, bi) => {
          if (types.has(b)) ctx.addIssue({ code: 'custom', path: [...at, 'beslut', bi], message: `duplicate decision type "${b}"` });
          types.add(b);
        });
        // A malformed person or PUA code is reported where it is; checking roles against it would only echo that.
        if (typeof d.person !== 'string' || !isValidPersonnummer(d.person) || !puaCode.safeParse(p.code).success) return;
        const pnr = normalisePnr(d.person);
        // Never echo a personnummer in a message (DSL 3 kap. 10 §): the path says which one.
        if (!staffRoles.has(pnr)) ctx.addIssue({ code: 'custom', path: [...at, 'person'], message: 'no staff user has this personnummer' });
        else if (d.roll && !holds(pnr, d.roll, k.code, ref)) ctx.addIssue({ code: 'custom', path: [...at, 'person'], message: `the person does not hold the role "${d.roll}" in ${ref}` });
        else if (!d.roll && !DELEGATION_ROLES.some((role) => holds(pnr, role, k.code, ref))) ctx.addIssue({ code: 'custom', path: [...at, 'person'], message: `the person holds no ${DELEGATION_ROLES.join(' or ')} role in ${ref}` });
      });
      const koder = new Set<string>();
      p.registerforteckning?.forEach((a, ai) => {
        if (typeof a.kod !== 'string') return;
        if (koder.has(a.kod)) ctx.addIssue({ code: 'custom', path: ['kommuner', ki, 'pua', pi, 'registerforteckning', ai, 'kod'], message: `duplicate kod "${a.kod}" in this PUA` });
        koder.add(a.kod);
      });
    });
  });
  const pnrs = new Set<string>();
  cfg.staff.forEach((s, si) => {
    const pnr = s.personnummer.replace('-', '').trim();
    if (pnrs.has(pnr)) ctx.addIssue({ code: 'custom', path: ['staff', si, 'personnummer'], message: 'duplicate personnummer' });
    pnrs.add(pnr);
    s.roles.forEach((r, ri) => {
      r.pua?.forEach((ref, i) => {
        if (/^[a-z0-9-]+\/[A-ZÅÄÖ0-9-]+$/.test(ref) && !puaRefs.has(ref)) ctx.addIssue({ code: 'custom', path: ['staff', si, 'roles', ri, 'pua', i], message: `unknown PUA "${ref}"` });
      });
      if (r.kommun !== undefined && !seen.has(r.kommun)) ctx.addIssue({ code: 'custom', path: ['staff', si, 'roles', ri, 'kommun'], message: `unknown kommun "${r.kommun}"` });
    });
  });
});

export type SamverkanConfig = z.infer<typeof samverkanConfigSchema>;
export type DelegationPointConfig = z.infer<typeof delegationPointSchema>;

/**
 * The förteckning as stored (`pua.delegations`): "punkt" → number, "beslut" → decisionTypes (each
 * once, in file order), "roll" → role, "person" → the staff user's id via `staffUserIdOf` (given the
 * normalised 12-digit personnummer), "anmarkning" → remark. Throws if a person cannot be resolved;
 * validation guarantees that every person is in the file's staff list.
 */
export function toDelegationPoints(points: readonly DelegationPointConfig[] | undefined, staffUserIdOf: (pnr: string) => string | undefined): DelegationPoint[] {
  return (points ?? []).map((d) => {
    const point: DelegationPoint = { number: d.punkt.trim(), decisionTypes: [...new Set(d.beslut)] };
    if (d.roll) point.role = d.roll;
    if (d.person) {
      const id = staffUserIdOf(normalisePnr(d.person));
      if (!id) throw new Error(`delegation point ${d.punkt}: the person is not a staff user`);
      point.staffUserId = id;
    }
    if (d.anmarkning) point.remark = d.anmarkning.trim();
    return point;
  });
}

export type ProcessingActivityConfig = z.infer<typeof processingActivitySchema>;

/**
 * The förteckning as stored (`pua.processing_activities`): each entry as a ProcessingActivity, its
 * lists in file order and each item once; optional parts only when given.
 */
export function toProcessingActivities(entries: readonly ProcessingActivityConfig[] | undefined): ProcessingActivity[] {
  const once = (items: readonly string[]) => [...new Set(items.map((i) => i.trim()))];
  return (entries ?? []).map((a) => {
    const activity: ProcessingActivity = {
      code: a.kod,
      name: a.namn.trim(),
      purposes: once(a.andamal),
      legalBasis: RATTSLIGA_GRUNDER[a.rattsligGrund],
      dataCategories: once(a.uppgifter),
      subjectCategories: once(a.registrerade),
      recipients: once(a.mottagare),
      thirdCountry: a.tredjeland.sker ? { transfers: true, countries: once(a.tredjeland.lander ?? []), safeguards: (a.tredjeland.skyddsatgarder ?? '').trim() } : { transfers: false },
      retention: a.lagringstid.trim(),
      source: a.kalla.trim(),
      automatedDecisions: a.automatiseradeBeslut.forekommer
        ? { exists: true, logic: (a.automatiseradeBeslut.logik ?? '').trim(), significance: (a.automatiseradeBeslut.betydelse ?? '').trim() }
        : { exists: false },
      systems: once(a.system),
    };
    if (a.lag) activity.legalBasisLaw = a.lag.trim();
    if (a.kansligaUppgifter?.length) activity.sensitiveCategories = once(a.kansligaUppgifter);
    if (a.dokumenthanteringsplan) activity.retentionReference = a.dokumenthanteringsplan.trim();
    return activity;
  });
}

export type ConfigResult = { ok: true; config: SamverkanConfig } | { ok: false; errors: string[] };

/** Validates parsed JSON; each error reads `kommuner[0].pua[2].email: must be an e-mail address`. */
export function validateSamverkanConfig(json: unknown): ConfigResult {
  const r = samverkanConfigSchema.safeParse(json);
  if (r.success) return { ok: true, config: r.data };
  return { ok: false, errors: r.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`) };
}

function formatPath(path: (string | number)[]): string {
  if (path.length === 0) return '(root)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
