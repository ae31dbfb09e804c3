import fs from 'node:fs';
import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { supportedLngs } from '~/i18n';
import { DETAIL_SPECS, detailsStep, fieldMax, journeySteps, RELATIONS, stepErrors } from '~/domain/request-journey';
import { RIGHTS } from '~/domain/requests';
import { DETAIL_FIELDS } from './detail-fields';
import { errorKey, errorMessage, subjectContext } from './texts';

const resources = Object.fromEntries(supportedLngs.map((lng) => [lng, { request: JSON.parse(fs.readFileSync(`locales/${lng}/request.json`, 'utf8')) as object }]));
const i18n = createInstance();
const ts = {} as Record<(typeof supportedLngs)[number], TFunction>;

beforeAll(async () => {
  await i18n.init({ resources, ns: ['request'], defaultNS: 'request', lng: 'sv', fallbackLng: false, interpolation: { escapeValue: false } });
  for (const lng of supportedLngs) ts[lng] = i18n.getFixedT(lng, 'request');
});

/** Every step a journey can have: more than one kommun, for someone else, every right. */
const ALL_STEPS = journeySteps({ relation: 'child', rights: [...RIGHTS] }, 2);
const ALL_ERRORS = ALL_STEPS.flatMap((step) => Object.entries(stepErrors(step)).flatMap(([field, codes]) => codes.map((code) => ({ step, field, code }))));
const CONTEXTS = [undefined, 'child', 'represented'] as const;

describe('error messages: one per field and error, in every language (issue #4)', () => {
  it('maps a code to its field’s own key', () => {
    expect(errorKey('uppgifter-rattelse', 'wrong', 'required')).toBe('errors.details.rattelse.wrong.required');
    expect(errorKey('person', 'personnummer', 'personnummer.format')).toBe('errors.person.personnummer.format');
    expect(errorKey('for-vem', 'relation', 'chooseRelation')).toBe('errors.forVem.relation.chooseRelation');
    expect(errorKey('uppgifter-x', 'form', 'unknownStep')).toBe('errors.unknownStep');
  });

  it('covers every step of the journey', () => {
    expect(ALL_ERRORS.length).toBeGreaterThan(40);
    expect(new Set(ALL_ERRORS.map((e) => e.step))).toEqual(new Set(ALL_STEPS.filter((s) => s !== 'bilagor')));
  });

  it.each(supportedLngs)('every field × error has a message in %s', (lng) => {
    const missing = ALL_ERRORS.map((e) => errorKey(e.step, e.field, e.code)).filter((key) => !i18n.exists(key, { lng, ns: 'request' }));
    expect(missing).toEqual([]);
    expect(i18n.exists('errors.unknownStep', { lng, ns: 'request' })).toBe(true);
  });

  it.each(supportedLngs)('no two fields of a page share a message in %s, and none is left generic', (lng) => {
    for (const step of ALL_STEPS) {
      for (const relation of RELATIONS) {
        const messages = Object.entries(stepErrors(step)).flatMap(([field, codes]) => codes.map((code) => errorMessage(ts[lng], step, field, code, relation)));
        expect(new Set(messages).size, `${step} (${relation}): ${messages.join(' | ')}`).toBe(messages.length);
        for (const m of messages) expect(m).not.toMatch(/^errors\.|Fyll i det här fältet|Fill in this field|Texten är för lång|The text is too long|\{\{/);
      }
    }
  });

  it('says how long a text may be, as a number in the page’s language', () => {
    expect(errorMessage(ts.sv, 'uppgifter-invandning', 'why', 'tooLong')).toBe('Skälen för invändningen får vara högst 4\u00a0000 tecken');
    expect(errorMessage(ts.en, 'uppgifter-invandning', 'why', 'tooLong')).toBe('The reasons for the objection must be 4,000 characters or fewer');
    for (const e of ALL_ERRORS.filter((x) => x.code === 'tooLong')) {
      expect(fieldMax(e.step, e.field), `${e.step}.${e.field}`).toBeGreaterThan(0);
      for (const lng of supportedLngs) expect(errorMessage(ts[lng], e.step, e.field, e.code)).toMatch(/\d/);
    }
  });

  it('the messages the review asked for', () => {
    expect(errorMessage(ts.sv, 'uppgifter-rattelse', 'which', 'required')).toBe('Skriv vilka uppgifter som är fel');
    expect(errorMessage(ts.sv, 'uppgifter-rattelse', 'correct', 'required')).toBe('Skriv vad som ska stå i stället');
    expect(errorMessage(ts.sv, 'uppgifter-invandning', 'processing', 'required')).toBe('Skriv vilken behandling du invänder mot');
    expect(errorMessage(ts.sv, 'uppgifter-radering', 'ground', 'chooseGround')).toBe('Välj varför uppgifterna ska raderas');
  });
});

describe('texts about the person the request is about (issue #4)', () => {
  it('a guardian gets the child context, an ombud and a god man the represented one', () => {
    expect(RELATIONS.map(subjectContext)).toEqual([undefined, 'child', 'represented', 'represented']);
  });

  const keysOf = (obj: unknown, prefix = ''): string[] =>
    obj && typeof obj === 'object' ? Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keysOf(v, `${prefix}${k}.`)) : [prefix.slice(0, -1)];

  it.each(supportedLngs)('every _child or _represented text in %s has the plain text for oneself and its sibling', (lng) => {
    const keys = new Set(keysOf(resources[lng]!.request));
    const variants = [...keys].filter((k) => /_(child|represented)$/.test(k));
    expect(variants.length).toBeGreaterThan(10);
    for (const key of variants) {
      const base = key.replace(/_(child|represented)$/, '');
      expect(keys.has(base), `${key} without ${base}`).toBe(true);
      expect(keys.has(`${base}_child`) && keys.has(`${base}_represented`), `${base} needs both variants`).toBe(true);
    }
  });

  it('the details pages speak of the child, not of the filer’s own data', () => {
    const t = (key: string, relation: 'self' | 'child' | 'principal') => ts.sv(key, { context: subjectContext(relation) });
    expect(t('steps.details.dataportabilitet.whichHint', 'self')).toContain('som du själv har lämnat');
    expect(t('steps.details.dataportabilitet.whichHint', 'child')).toContain('som barnet har lämnat');
    expect(t('steps.details.dataportabilitet.whichHint', 'principal')).toContain('som den du företräder har lämnat');
    expect(t('steps.details.aterkalla_samtycke.givenWhen', 'self')).toBe('När gav du samtycket?');
    expect(t('steps.details.aterkalla_samtycke.givenWhen', 'child')).toBe('När gavs samtycket?');
    expect(ts.en('steps.details.aterkalla_samtycke.givenTo', { context: 'child' })).toBe('Who was it given to?');
  });

  it.each(supportedLngs)('every question, hint and option of a details page has a text in %s, for every relation', (lng) => {
    for (const right of RIGHTS) {
      const base = `steps.details.${right}`;
      for (const context of CONTEXTS) {
        const t = (key: string) => ts[lng](key, { context });
        for (const f of DETAIL_FIELDS[right]) {
          const keys = [`${base}.${f.name}`, ...(f.kind === 'radios' ? f.options.map((o) => `${base}.${f.optionsKey}.${o}`) : f.hint ? [`${base}.${f.name}Hint`] : [])];
          for (const key of keys) expect(t(key), key).not.toBe(key);
        }
      }
    }
  });
});

describe('DETAIL_FIELDS follows the domain’s fields', () => {
  it.each(RIGHTS)('%s: same fields, in order, optional exactly when not required, the same options', (right) => {
    const specs = DETAIL_SPECS[right];
    expect(DETAIL_FIELDS[right].map((f) => f.name)).toEqual(Object.keys(specs));
    for (const f of DETAIL_FIELDS[right]) {
      const spec = specs[f.name]!;
      if (f.kind === 'radios') expect(spec).toMatchObject({ kind: 'choice', options: f.options });
      else expect({ kind: spec.kind, optional: !!f.optional }).toEqual({ kind: 'text', optional: spec.kind === 'text' && !spec.required });
    }
    expect(Object.keys(stepErrors(detailsStep(right)))).toEqual(Object.keys(specs));
  });
});
