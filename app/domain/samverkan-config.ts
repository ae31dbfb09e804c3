/**
 * The declarative configuration of one samverkan (DOMAIN.md §1), imported with
 * `npm run admin -- import <file>`. Pure validation: errors name the JSON path of the bad field.
 * Codes are the stable identities used to update on re-import; references between sections
 * use them ("sjobacka/SN" = PUA SN of kommun sjobacka).
 */
import { z } from 'zod';
import { STAFF_ROLES } from './permissions';
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

/** `today` only matters for the century rule of 10-digit numbers; the file should use 12 digits. */
const personnummer = z.string().refine((v) => /^\d{8}-?\d{4}$/.test(v.trim()) && parsePersonnummer(v, '9999-12-31').ok, 'must be a valid personnummer (YYYYMMDD-NNNN)');

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
