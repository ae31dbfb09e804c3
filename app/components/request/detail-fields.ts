import type { Right } from '~/domain/requests';
import { ERASURE_GROUNDS, PORTABILITY_FORMATS, RESTRICTION_GROUNDS } from '~/domain/request-journey';

/** The fields of each right's details page, in order (schemas in app/domain/request-journey.ts). */
export type DetailField =
  | { name: string; kind: 'textarea' | 'text'; optional?: boolean; hint?: boolean }
  | { name: string; kind: 'radios'; options: readonly string[]; optionsKey: string };

export const DETAIL_FIELDS: Record<Right, DetailField[]> = {
  registerutdrag: [
    { name: 'period', kind: 'text', optional: true, hint: true },
    { name: 'matter', kind: 'textarea', optional: true, hint: true },
  ],
  rattelse: [
    { name: 'which', kind: 'textarea' },
    { name: 'wrong', kind: 'textarea' },
    { name: 'correct', kind: 'textarea' },
    { name: 'grounds', kind: 'textarea', optional: true },
  ],
  radering: [
    { name: 'which', kind: 'textarea' },
    { name: 'ground', kind: 'radios', options: ERASURE_GROUNDS, optionsKey: 'grounds' },
    { name: 'explanation', kind: 'textarea', optional: true },
  ],
  begransning: [
    { name: 'which', kind: 'textarea' },
    { name: 'ground', kind: 'radios', options: RESTRICTION_GROUNDS, optionsKey: 'grounds' },
    { name: 'explanation', kind: 'textarea', optional: true },
  ],
  invandning: [
    { name: 'processing', kind: 'textarea' },
    { name: 'why', kind: 'textarea', hint: true },
  ],
  dataportabilitet: [
    { name: 'which', kind: 'textarea', hint: true },
    { name: 'format', kind: 'radios', options: PORTABILITY_FORMATS, optionsKey: 'formats' },
    { name: 'recipient', kind: 'text', optional: true, hint: true },
  ],
  aterkalla_samtycke: [
    { name: 'consent', kind: 'textarea' },
    { name: 'givenWhen', kind: 'text', optional: true },
    { name: 'givenTo', kind: 'text', optional: true },
    { name: 'forWhom', kind: 'text', optional: true },
    { name: 'why', kind: 'textarea', optional: true },
  ],
};
