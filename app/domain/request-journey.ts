/**
 * The resident's request journey (issue #4): which questions are asked, in which order, and what
 * a valid answer is. Pure: the routes load and store the answers, this module decides.
 * Fields follow the municipal forms (seed 004 bilaga 6, 7 and 4; DOMAIN.md §3). A rejected field
 * gets an error code (`required`, `tooLong`, `personnummer.format`…); `stepErrors` lists every
 * code each field can get, and app/components/request/texts.ts turns a step, field and code into
 * that field's own message.
 */
import { z } from 'zod';
import { ageOn, parsePersonnummer } from './personnummer';
import { RIGHTS, type Right } from './requests';

export const RELATIONS = ['self', 'child', 'principal', 'ward'] as const;
export type Relation = (typeof RELATIONS)[number];
export const DELIVERY = ['portal', 'registered_post', 'reception'] as const;
export type Delivery = (typeof DELIVERY)[number];

/** Art 17(1) a–f in plain language (radering). */
export const ERASURE_GROUNDS = ['not-needed', 'consent-withdrawn', 'objection', 'unlawful', 'legal-obligation', 'child-online'] as const;
/** Art 18(1) a–d (begränsning). */
export const RESTRICTION_GROUNDS = ['accuracy-contested', 'unlawful', 'legal-claims', 'objection-pending'] as const;
export const PORTABILITY_FORMATS = ['json', 'csv'] as const;

export type Answers = {
  kommunId?: string;
  rights?: Right[];
  relation?: Relation;
  subject?: { name: string; personnummer: string };
  custody?: 'sole' | 'joint';
  allPuas?: boolean;
  puaIds?: string[];
  details?: Partial<Record<Right, Record<string, string>>>;
  email?: string;
  phone?: string;
  protectedIdentity?: boolean;
  delivery?: Delivery;
};

export type StepId = string;
export const detailsStep = (right: Right) => `uppgifter-${right}`;

/** The steps that apply to these answers, in order. The check page comes after the last. */
export function journeySteps(answers: Answers, kommunCount: number): StepId[] {
  const steps: StepId[] = [];
  if (kommunCount > 1) steps.push('kommun');
  steps.push('rattigheter', 'for-vem');
  if (answers.relation && answers.relation !== 'self') steps.push('person');
  steps.push('namnd');
  for (const right of RIGHTS) if (answers.rights?.includes(right)) steps.push(detailsStep(right));
  steps.push('kontakt', 'leverans', 'bilagor');
  return steps;
}

export function nextStep(current: StepId, answers: Answers, kommunCount: number): StepId {
  const steps = journeySteps(answers, kommunCount);
  const i = steps.indexOf(current);
  return i >= 0 && i < steps.length - 1 ? steps[i + 1]! : 'kontrollera';
}

export function previousStep(current: StepId, answers: Answers, kommunCount: number): StepId | null {
  const steps = journeySteps(answers, kommunCount);
  if (current === 'kontrollera') return steps[steps.length - 1] ?? null;
  const i = steps.indexOf(current);
  return i > 0 ? steps[i - 1]! : null;
}

/** The first step whose answer is missing, or null when the journey is complete. */
export function firstIncompleteStep(answers: Answers, kommunCount: number, today: string): StepId | null {
  for (const step of journeySteps(answers, kommunCount)) {
    if (!stepComplete(step, answers, today)) return step;
  }
  return null;
}

/**
 * Fields per right (bilaga 7 and 4): a text with its length limit (and whether it must be
 * answered), or one choice out of fixed options with the code its absence gets.
 */
type DetailSpec = { kind: 'text'; max: number; required?: boolean } | { kind: 'choice'; options: readonly [string, ...string[]]; missing: 'chooseGround' | 'chooseFormat' };
const text = (max: number): DetailSpec => ({ kind: 'text', max });
const required = (max: number): DetailSpec => ({ kind: 'text', max, required: true });
const choice = (options: readonly [string, ...string[]], missing: 'chooseGround' | 'chooseFormat'): DetailSpec => ({ kind: 'choice', options, missing });

export const DETAIL_SPECS: Record<Right, Record<string, DetailSpec>> = {
  registerutdrag: { period: text(200), matter: text(1000) },
  rattelse: { which: required(2000), wrong: required(2000), correct: required(2000), grounds: text(2000) },
  radering: { which: required(2000), ground: choice(ERASURE_GROUNDS, 'chooseGround'), explanation: text(2000) },
  begransning: { which: required(2000), ground: choice(RESTRICTION_GROUNDS, 'chooseGround'), explanation: text(2000) },
  invandning: { processing: required(2000), why: required(4000) },
  dataportabilitet: { which: required(2000), format: choice(PORTABILITY_FORMATS, 'chooseFormat'), recipient: text(300) },
  aterkalla_samtycke: { consent: required(1000), givenWhen: text(100), givenTo: text(300), forWhom: text(300), why: text(2000) },
};

const schemaOf = (spec: DetailSpec): z.ZodType<string> =>
  spec.kind === 'choice'
    ? z.enum(spec.options, { errorMap: () => ({ message: spec.missing }) })
    : spec.required
      ? z.string().trim().min(1, 'required').max(spec.max, 'tooLong')
      : z.string().trim().max(spec.max, 'tooLong');

const detailSchema = (fields: Record<string, DetailSpec>): z.ZodType<Record<string, string>> =>
  z.object(Object.fromEntries(Object.entries(fields).map(([name, spec]) => [name, schemaOf(spec)])));

export const DETAIL_SCHEMAS = Object.fromEntries(RIGHTS.map((right) => [right, detailSchema(DETAIL_SPECS[right])])) as Record<Right, z.ZodType<Record<string, string>>>;

/** The longest name of the person a request is about. */
export const NAME_MAX = 200;

const PERSONNUMMER_ERRORS = ['required', 'format', 'date', 'checksum', 'future', 'self', 'notChild'] as const;

const STEP_ERRORS: Record<string, Record<string, readonly string[]>> = {
  kommun: { kommunId: ['chooseKommun'] },
  rattigheter: { rights: ['chooseRight'] },
  'for-vem': { relation: ['chooseRelation'] },
  person: { name: ['nameRequired', 'tooLong'], personnummer: PERSONNUMMER_ERRORS.map((e) => `personnummer.${e}`), custody: ['chooseCustody'] },
  namnd: { puaIds: ['choosePua'] },
  kontakt: { email: ['email'], phone: ['phone'] },
  leverans: { delivery: ['chooseDelivery'] },
  bilagor: {}, // files are checked by the attachments page itself
};

/**
 * Every error code each field of each step can get from `parseStep`: the list a translation must
 * exist for (texts.test.ts checks both languages). A test keeps `parseStep` within it.
 */
export function stepErrors(step: StepId): Record<string, readonly string[]> {
  const right = rightOfStep(step);
  if (right) {
    return Object.fromEntries(
      Object.entries(DETAIL_SPECS[right]).map(([name, spec]) => [name, spec.kind === 'choice' ? [spec.missing] : spec.required ? ['required', 'tooLong'] : ['tooLong']]),
    );
  }
  return STEP_ERRORS[step] ?? {};
}

/** The longest answer a text field takes, for "… får vara högst 2 000 tecken". */
export function fieldMax(step: StepId, field: string): number | undefined {
  if (step === 'person' && field === 'name') return NAME_MAX;
  const right = rightOfStep(step);
  const spec = right ? DETAIL_SPECS[right][field] : undefined;
  return spec?.kind === 'text' ? spec.max : undefined;
}

/** The right whose details a step asks for (`uppgifter-radering` → `radering`), or null. */
export function rightOfStep(step: StepId): Right | null {
  const right = step.startsWith('uppgifter-') ? step.slice('uppgifter-'.length) : '';
  return (RIGHTS as readonly string[]).includes(right) ? (right as Right) : null;
}

export type FieldErrors = Record<string, string>;
export type StepResult = { ok: true; patch: Partial<Answers> } | { ok: false; errors: FieldErrors; values: Record<string, string | string[]> };

const first = (errors: z.ZodIssue[]): FieldErrors =>
  errors.reduce<FieldErrors>((acc, i) => {
    const key = String(i.path[0] ?? 'form');
    acc[key] ??= i.message;
    return acc;
  }, {});

type Context = { today: string; kommunIds: string[]; puaIds: string[]; filerPnr: string };

/** Validates one step's form. `values` echo what was typed, so an error never loses input. */
export function parseStep(step: StepId, form: Record<string, string | string[]>, ctx: Context): StepResult {
  const one = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : Array.isArray(form[k]) ? (form[k] as string[])[0] ?? '' : '');
  const many = (k: string) => (Array.isArray(form[k]) ? (form[k] as string[]) : typeof form[k] === 'string' && form[k] ? [form[k] as string] : []);
  const fail = (errors: FieldErrors): StepResult => ({ ok: false, errors, values: form });

  switch (step) {
    case 'kommun': {
      const id = one('kommunId');
      return ctx.kommunIds.includes(id) ? { ok: true, patch: { kommunId: id } } : fail({ kommunId: 'chooseKommun' });
    }
    case 'rattigheter': {
      const rights = many('rights').filter((r): r is Right => (RIGHTS as readonly string[]).includes(r));
      return rights.length ? { ok: true, patch: { rights } } : fail({ rights: 'chooseRight' });
    }
    case 'for-vem': {
      const relation = one('relation');
      if (!(RELATIONS as readonly string[]).includes(relation)) return fail({ relation: 'chooseRelation' });
      return { ok: true, patch: relation === 'self' ? { relation: 'self', subject: undefined, custody: undefined } : { relation: relation as Relation } };
    }
    case 'person': {
      const errors: FieldErrors = {};
      const name = one('name').trim();
      if (!name) errors.name = 'nameRequired';
      else if (name.length > NAME_MAX) errors.name = 'tooLong';
      // An empty answer is asked for ("Skriv personnumret"), not called a wrong format.
      const parsed = one('personnummer').trim() ? parsePersonnummer(one('personnummer'), ctx.today) : null;
      if (!parsed) errors.personnummer = 'personnummer.required';
      else if (!parsed.ok) errors.personnummer = `personnummer.${parsed.error}`;
      else if (parsed.pnr.value === ctx.filerPnr) errors.personnummer = 'personnummer.self';
      const relation = one('relation');
      if (parsed?.ok && relation === 'child' && ageOn(parsed.pnr, ctx.today) >= 18) errors.personnummer = 'personnummer.notChild';
      const custody = one('custody');
      if (relation === 'child' && custody !== 'sole' && custody !== 'joint') errors.custody = 'chooseCustody';
      if (Object.keys(errors).length || !parsed?.ok) return fail(errors);
      return { ok: true, patch: { subject: { name, personnummer: parsed.pnr.value }, custody: relation === 'child' ? (custody as 'sole' | 'joint') : undefined } };
    }
    case 'namnd': {
      if (one('allPuas') === 'yes') return { ok: true, patch: { allPuas: true, puaIds: [] } };
      const ids = many('puaIds').filter((id) => ctx.puaIds.includes(id));
      return ids.length ? { ok: true, patch: { allPuas: false, puaIds: ids } } : fail({ puaIds: 'choosePua' });
    }
    case 'kontakt': {
      const errors: FieldErrors = {};
      const email = one('email').trim();
      const phone = one('phone').trim();
      if (email && !z.string().email().max(254).safeParse(email).success) errors.email = 'email';
      if (phone && !/^\+?[0-9 ()-]{6,20}$/.test(phone)) errors.phone = 'phone';
      if (Object.keys(errors).length) return fail(errors);
      const protectedIdentity = one('protectedIdentity') === 'yes';
      // Skyddade personuppgifter (DOMAIN.md §9): no notices by e-mail or SMS, so none are kept.
      return { ok: true, patch: protectedIdentity ? { email: undefined, phone: undefined, protectedIdentity } : { email: email || undefined, phone: phone || undefined, protectedIdentity } };
    }
    case 'leverans': {
      const delivery = one('delivery');
      if (!(DELIVERY as readonly string[]).includes(delivery)) return fail({ delivery: 'chooseDelivery' });
      return { ok: true, patch: { delivery: delivery as Delivery } };
    }
    case 'bilagor':
      return { ok: true, patch: {} };
    default: {
      const right = rightOfStep(step);
      if (!right) return fail({ form: 'unknownStep' });
      const fields = Object.fromEntries(Object.keys(DETAIL_SPECS[right]).map((k) => [k, one(k)]));
      const r = DETAIL_SCHEMAS[right].safeParse(fields);
      if (!r.success) return fail(first(r.error.issues));
      return { ok: true, patch: { details: { [right]: r.data } } };
    }
  }
}

/** Whether a step has a valid stored answer (for "continue where you left off" and the check page). */
export function stepComplete(step: StepId, a: Answers, _today: string): boolean {
  switch (step) {
    case 'kommun':
      return !!a.kommunId;
    case 'rattigheter':
      return !!a.rights?.length;
    case 'for-vem':
      return !!a.relation;
    case 'person':
      return !!a.subject && (a.relation !== 'child' || !!a.custody);
    case 'namnd':
      return !!a.allPuas || !!a.puaIds?.length;
    case 'kontakt':
      return a.protectedIdentity !== undefined;
    case 'leverans':
      return !!a.delivery && deliveryAllowed(a);
    case 'bilagor':
      return true;
    default: {
      const right = rightOfStep(step);
      return !!right && DETAIL_SCHEMAS[right].safeParse(a.details?.[right] ?? {}).success;
    }
  }
}

/**
 * Delivery choices for these answers. All three, also with skyddade personuppgifter (DOMAIN.md §9:
 * "build a safe path"): post then goes via Skatteverket's förmedling, addressed by personnummer
 * only, so no address is ever asked for, stored or printed (app/models/utdrag-delivery.server.ts).
 */
export function deliveryOptions(_a: Answers): Delivery[] {
  return [...DELIVERY];
}

export function deliveryAllowed(a: Answers): boolean {
  return !!a.delivery && deliveryOptions(a).includes(a.delivery);
}

/** A fullmakt or proof of appointment must be attached before anything is released (FL 14–15 §§). */
export function requiredAttachmentPurpose(a: Answers): 'fullmakt' | 'appointment' | null {
  if (a.relation === 'principal') return 'fullmakt';
  if (a.relation === 'ward') return 'appointment';
  return null;
}
