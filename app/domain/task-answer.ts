/**
 * The internal form "Svar till GDPR-samordnare" (DOMAIN.md §4, seed 004 bilaga 6), with the three
 * questions the routine lacks but Art 15(1) needs: recipients, third-country transfer, automated
 * decisions. "Inga uppgifter funna" is a complete answer. Pure parsing and validation: field
 * → error code, translated by the page (locales/<lng>/office.json `task.errors`).
 */
import type { ProcessingActivity } from './processing-activities';

export const WHERE = ['system', 'app', 'binder', 'other'] as const;
export const SOURCES = ['person', 'other'] as const;
/** GDPR Art 6(1) c, e, b, a, f, d in the routine's words. */
export const LEGAL_BASES = ['legal_obligation', 'public_interest', 'contract', 'consent', 'legitimate_interest', 'vital_interest'] as const;
const NEEDS_LAW: readonly string[] = ['legal_obligation', 'public_interest'];

export type TaskAnswer =
  | { found: 'no'; workplace: string; notes?: string }
  | {
    found: 'yes';
    workplace: string;
    where: (typeof WHERE)[number];
    whereWhich: string;
    source: (typeof SOURCES)[number];
    sourceWhich?: string;
    purpose: string;
    legalBasis: (typeof LEGAL_BASES)[number];
    legalBasisLaw?: string;
    retention: string;
    recipients?: string;
    thirdCountry: 'yes' | 'no';
    thirdCountryDetails?: string;
    automated: 'yes' | 'no';
    automatedDetails?: string;
    notes?: string;
    /**
     * The processing activity of the PUA's registerförteckning the data belongs to (issue #7). When
     * given, purpose through automated decisions were taken from the activity, not typed.
     */
    activityCode?: string;
  };

export type TaskAnswerErrors = Record<string, 'required' | 'choose' | 'tooLong'>;
export type ParsedTaskAnswer = { ok: true; answer: TaskAnswer } | { ok: false; errors: TaskAnswerErrors; values: Record<string, string> };

export const MAX_ANSWER_FIELD = 2000;

/**
 * Validates the submitted form (all values strings, as from FormData). `activities`: the PUA's
 * registerförteckning. An answer that names one of them (`activityCode`) takes purpose, legal
 * basis, retention, recipients, third country and automated decisions from it — nothing typed twice.
 */
export function parseTaskAnswer(input: Record<string, string | undefined>, activities: readonly ProcessingActivity[] = []): ParsedTaskAnswer {
  const values: Record<string, string> = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, (v ?? '').trim()]));
  const errors: TaskAnswerErrors = {};
  const text = (name: string, required: boolean) => {
    const v = values[name] ?? '';
    if (v.length > MAX_ANSWER_FIELD) errors[name] = 'tooLong';
    else if (required && !v) errors[name] = 'required';
    return v || undefined;
  };
  const choice = <T extends string>(name: string, options: readonly T[]): T | undefined => {
    const v = values[name];
    if (options.includes(v as T)) return v as T;
    errors[name] = 'choose';
    return undefined;
  };

  const workplace = text('workplace', true);
  const found = choice('found', ['yes', 'no'] as const);
  const notes = text('notes', false);
  if (found !== 'yes') {
    return Object.keys(errors).length ? { ok: false, errors, values } : { ok: true, answer: { found: 'no', workplace: workplace!, notes } };
  }
  const where = choice('where', WHERE);
  const whereWhich = text('whereWhich', true);
  const source = choice('source', SOURCES);
  const sourceWhich = text('sourceWhich', source === 'other');
  const code = values.activityCode ?? '';
  const activity = code ? activities.find((a) => a.code === code) : undefined;
  if (code && !activity) errors.activityCode = 'choose';
  if (activity) {
    if (Object.keys(errors).length) return { ok: false, errors, values };
    return { ok: true, answer: { found: 'yes', workplace: workplace!, where: where!, whereWhich: whereWhich!, source: source!, sourceWhich, ...fromActivity(activity), notes, activityCode: activity.code } };
  }
  const purpose = text('purpose', true);
  const legalBasis = choice('legalBasis', LEGAL_BASES);
  const legalBasisLaw = text('legalBasisLaw', legalBasis !== undefined && NEEDS_LAW.includes(legalBasis));
  const retention = text('retention', true);
  const recipients = text('recipients', false);
  const thirdCountry = choice('thirdCountry', ['yes', 'no'] as const);
  const thirdCountryDetails = text('thirdCountryDetails', thirdCountry === 'yes');
  const automated = choice('automated', ['yes', 'no'] as const);
  const automatedDetails = text('automatedDetails', automated === 'yes');
  if (Object.keys(errors).length) return { ok: false, errors, values };
  return {
    ok: true,
    answer: {
      found: 'yes',
      workplace: workplace!,
      where: where!,
      whereWhich: whereWhich!,
      source: source!,
      sourceWhich,
      purpose: purpose!,
      legalBasis: legalBasis!,
      legalBasisLaw,
      retention: retention!,
      recipients,
      thirdCountry: thirdCountry!,
      thirdCountryDetails,
      automated: automated!,
      automatedDetails,
      notes,
    },
  };
}

/** The described part of an answer, as the registerförteckning states it for the activity. */
function fromActivity(a: ProcessingActivity) {
  const retention = a.retentionReference ? `${a.retention} (${a.retentionReference})` : a.retention;
  return {
    purpose: a.purposes.join('; '),
    legalBasis: a.legalBasis,
    ...(a.legalBasisLaw ? { legalBasisLaw: a.legalBasisLaw } : {}),
    retention,
    ...(a.recipients.length ? { recipients: a.recipients.join('; ') } : {}),
    thirdCountry: a.thirdCountry.transfers ? ('yes' as const) : ('no' as const),
    ...(a.thirdCountry.transfers ? { thirdCountryDetails: `${a.thirdCountry.countries.join(', ')}: ${a.thirdCountry.safeguards}` } : {}),
    automated: a.automatedDecisions.exists ? ('yes' as const) : ('no' as const),
    ...(a.automatedDecisions.exists ? { automatedDetails: a.automatedDecisions.logic } : {}),
  };
}
