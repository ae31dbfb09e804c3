import type { TFunction } from 'i18next';
import { fieldMax, rightOfStep, type Relation, type StepId } from '~/domain/request-journey';

/**
 * The i18next context of a text that speaks of the person the request is about: none for oneself
 * ("uppgifter som du själv har lämnat"), `child` for a guardian ("… som barnet har lämnat") and
 * `represented` for an ombud or a god man/förvaltare ("… som den du företräder har lämnat").
 * i18next falls back to the plain key, so only the texts that differ have a `_child` or
 * `_represented` variant in locales/<lng>/request.json.
 */
export type SubjectContext = 'child' | 'represented';

export function subjectContext(relation: Relation | undefined): SubjectContext | undefined {
  if (relation === 'child') return 'child';
  if (relation === 'principal' || relation === 'ward') return 'represented';
  return undefined;
}

/** Where a step's texts live under `steps.` and `errors.` (`for-vem` → `forVem`, `uppgifter-rattelse` → `details.rattelse`). */
export function stepTextKey(step: StepId): string {
  const right = rightOfStep(step);
  if (right) return `details.${right}`;
  return step === 'for-vem' ? 'forVem' : step;
}

/**
 * The key of the message for one field's error: `errors.<step>.<field>.<kind>`, e.g.
 * `errors.details.rattelse.wrong.required` ("Skriv vad som är fel i uppgifterna"). A code that
 * already names its field (`personnummer.format`) is not repeated. An error that belongs to no
 * field (`form`) has its own key.
 */
export function errorKey(step: StepId, field: string, code: string): string {
  if (field === 'form') return `errors.${code}`;
  const kind = code.startsWith(`${field}.`) ? code.slice(field.length + 1) : code;
  return `errors.${stepTextKey(step)}.${field}.${kind}`;
}

/** The message itself, with the field's length limit (`{{max, number}}`) and the subject's context. */
export function errorMessage(t: TFunction, step: StepId, field: string, code: string, relation?: Relation): string {
  return t(errorKey(step, field, code), { max: fieldMax(step, field), context: subjectContext(relation) });
}
