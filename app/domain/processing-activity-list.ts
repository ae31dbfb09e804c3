/**
 * Editing a PUA's registerförteckning in the portal (issue #7: "editable by the samordnare"). One
 * activity is checked here as the samverkan file checks it (samverkan-config.ts, same limits), and
 * placed in the list. An activity's code is its identity — task answers link to it — so it is
 * given once, when the activity is added, and kept when the activity is changed.
 */
import { BASES_NEEDING_LAW, type LegalBasis, type ProcessingActivity } from './processing-activities';
import { LEGAL_BASES } from './task-answer';

/** The longest code, name, list item and free text, and the most items in a list: in the file and the form alike. */
export const PROCESSING_ACTIVITY_LIMITS = { code: 60, name: 200, item: 300, items: 40, text: 2000, reference: 100 } as const;

/** "ekonomiskt-bistand": lower-case letters, digits and "-", as every code in the samverkan file. */
export const ACTIVITY_CODE = /^[a-z0-9][a-z0-9-]*$/;

/**
 * What the form sends, every value a string. List fields hold one item per line. `thirdCountry`
 * and `automated` are "yes" or "no"; their details count only with "yes" (without JavaScript the
 * detail fields are always on the page).
 */
export type ProcessingActivityInput = {
  code: string;
  name: string;
  purposes: string;
  legalBasis: string;
  legalBasisLaw: string;
  dataCategories: string;
  sensitiveCategories: string;
  subjectCategories: string;
  recipients: string;
  thirdCountry: string;
  thirdCountryCountries: string;
  thirdCountrySafeguards: string;
  retention: string;
  retentionReference: string;
  source: string;
  automated: string;
  automatedLogic: string;
  automatedSignificance: string;
  systems: string;
};

export type ProcessingActivityField = keyof ProcessingActivityInput;
export type ProcessingActivityErrorCode = 'required' | 'too_long' | 'too_many' | 'invalid' | 'duplicate' | 'choose';
export type ProcessingActivityError = { field: ProcessingActivityField; code: ProcessingActivityErrorCode };

export type ProcessingActivityCheck = { ok: true; activity: ProcessingActivity } | { ok: false; errors: ProcessingActivityError[] };

/** One item per line: trimmed, empty lines dropped, each item once. */
export function lines(value: string): string[] {
  return [...new Set(value.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))];
}

/** A code made from the name when none is given: "Skolskjuts för elever" → "skolskjuts-for-elever". */
export function activityCodeFrom(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, PROCESSING_ACTIVITY_LIMITS.code)
    .replace(/-+$/, '');
}

/**
 * Checks one activity against the rest of the förteckning. `replacing` is the code of the activity
 * being changed (its code is kept whatever the form sends), null for a new one.
 */
export function checkProcessingActivity(
  input: ProcessingActivityInput,
  ctx: { activities: readonly ProcessingActivity[]; replacing: string | null },
): ProcessingActivityCheck {
  const L = PROCESSING_ACTIVITY_LIMITS;
  const errors: ProcessingActivityError[] = [];
  const fail = (field: ProcessingActivityField, code: ProcessingActivityErrorCode) => errors.push({ field, code });
  const text = (field: ProcessingActivityField, required: boolean, max: number = L.text) => {
    const v = input[field].trim();
    if (!v && required) fail(field, 'required');
    else if (v.length > max) fail(field, 'too_long');
    return v;
  };
  const list = (field: ProcessingActivityField, required: boolean) => {
    const items = lines(input[field]);
    if (!items.length && required) fail(field, 'required');
    else if (items.some((i) => i.length > L.item)) fail(field, 'too_long');
    else if (items.length > L.items) fail(field, 'too_many');
    return items;
  };
  const yesNo = (field: 'thirdCountry' | 'automated') => {
    const v = input[field].trim();
    if (v === 'yes' || v === 'no') return v;
    fail(field, 'choose');
    return null;
  };

  const name = text('name', true, L.name);
  let code = ctx.replacing;
  if (code === null) {
    const given = input.code.trim();
    code = given || activityCodeFrom(name);
    if (!code) {
      // No code and a name that gives none: the name's own error says enough, when it has one.
      if (name) fail('code', 'required');
    } else if (code.length > L.code) fail('code', 'too_long');
    else if (!ACTIVITY_CODE.test(code)) fail('code', 'invalid');
    else if (ctx.activities.some((a) => a.code === code)) fail('code', 'duplicate');
  }

  const purposes = list('purposes', true);
  const basis = input.legalBasis.trim();
  const legalBasis = (LEGAL_BASES as readonly string[]).includes(basis) ? (basis as LegalBasis) : null;
  if (!legalBasis) fail('legalBasis', 'choose');
  const legalBasisLaw = text('legalBasisLaw', legalBasis !== null && BASES_NEEDING_LAW.includes(legalBasis));
  const dataCategories = list('dataCategories', true);
  const sensitiveCategories = list('sensitiveCategories', false);
  const subjectCategories = list('subjectCategories', true);
  const recipients = list('recipients', false);

  const thirdCountry = yesNo('thirdCountry');
  const countries = thirdCountry === 'yes' ? list('thirdCountryCountries', true) : [];
  const safeguards = thirdCountry === 'yes' ? text('thirdCountrySafeguards', true) : '';

  const retention = text('retention', true);
  const retentionReference = text('retentionReference', false, L.reference);
  const source = text('source', true);

  const automated = yesNo('automated');
  const logic = automated === 'yes' ? text('automatedLogic', true) : '';
  const significance = automated === 'yes' ? text('automatedSignificance', true) : '';
  const systems = list('systems', false);
  if (errors.length || !legalBasis || !thirdCountry || !automated || !code) return { ok: false, errors };

  const activity: ProcessingActivity = {
    code,
    name,
    purposes,
    legalBasis,
    ...(legalBasisLaw ? { legalBasisLaw } : {}),
    dataCategories,
    ...(sensitiveCategories.length ? { sensitiveCategories } : {}),
    subjectCategories,
    recipients,
    thirdCountry: thirdCountry === 'yes' ? { transfers: true, countries, safeguards } : { transfers: false },
    retention,
    ...(retentionReference ? { retentionReference } : {}),
    source,
    automatedDecisions: automated === 'yes' ? { exists: true, logic, significance } : { exists: false },
    systems,
  };
  return { ok: true, activity };
}

/** The form's values for an activity: list fields one item per line. */
export function toProcessingActivityInput(a: ProcessingActivity): ProcessingActivityInput {
  return {
    code: a.code,
    name: a.name,
    purposes: a.purposes.join('\n'),
    legalBasis: a.legalBasis,
    legalBasisLaw: a.legalBasisLaw ?? '',
    dataCategories: a.dataCategories.join('\n'),
    sensitiveCategories: (a.sensitiveCategories ?? []).join('\n'),
    subjectCategories: a.subjectCategories.join('\n'),
    recipients: a.recipients.join('\n'),
    thirdCountry: a.thirdCountry.transfers ? 'yes' : 'no',
    thirdCountryCountries: a.thirdCountry.transfers ? a.thirdCountry.countries.join('\n') : '',
    thirdCountrySafeguards: a.thirdCountry.transfers ? a.thirdCountry.safeguards : '',
    retention: a.retention,
    retentionReference: a.retentionReference ?? '',
    source: a.source,
    automated: a.automatedDecisions.exists ? 'yes' : 'no',
    automatedLogic: a.automatedDecisions.exists ? a.automatedDecisions.logic : '',
    automatedSignificance: a.automatedDecisions.exists ? a.automatedDecisions.significance : '',
    systems: a.systems.join('\n'),
  };
}

/** The list with `activity` in it: in the place of `replacing` when given, else last. */
export function placeProcessingActivity(activities: readonly ProcessingActivity[], replacing: string | null, activity: ProcessingActivity): ProcessingActivity[] {
  const at = replacing === null ? -1 : activities.findIndex((a) => a.code === replacing);
  return at >= 0 ? activities.map((a, i) => (i === at ? activity : a)) : [...activities, activity];
}

export function removeProcessingActivity(activities: readonly ProcessingActivity[], code: string): ProcessingActivity[] {
  return activities.filter((a) => a.code !== code);
}
