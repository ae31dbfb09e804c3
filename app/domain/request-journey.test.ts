import { describe, expect, it } from 'vitest';
import { RIGHTS } from './requests';
import { DETAIL_SPECS, deliveryOptions, detailsStep, fieldMax, firstIncompleteStep, journeySteps, nextStep, parseStep, requiredAttachmentPurpose, rightOfStep, stepErrors, type Answers } from './request-journey';

const ctx = { today: '2026-11-22', kommunIds: ['k1', 'k2'], puaIds: ['p1', 'p2'], filerPnr: '198001019804' };

describe('journeySteps (one question per page, issue #4)', () => {
  it('asks for the kommun only when there is more than one', () => {
    expect(journeySteps({}, 1)[0]).toBe('rattigheter');
    expect(journeySteps({}, 2)[0]).toBe('kommun');
  });

  it('asks who the person is only when the request is not for oneself', () => {
    expect(journeySteps({ relation: 'self' }, 1)).not.toContain('person');
    expect(journeySteps({ relation: 'child' }, 1)).toContain('person');
  });

  it('has one details page per chosen right, in the order of the rights', () => {
    expect(journeySteps({ rights: ['radering', 'registerutdrag'] }, 1).filter((s) => s.startsWith('uppgifter-'))).toEqual(['uppgifter-registerutdrag', 'uppgifter-radering']);
  });

  it('goes to the check page after the last step', () => {
    expect(nextStep('bilagor', {}, 1)).toBe('kontrollera');
  });
});

describe('parseStep', () => {
  it.each([
    ['rattigheter', {}, { rights: 'chooseRight' }],
    ['for-vem', { relation: 'cousin' }, { relation: 'chooseRelation' }],
    ['namnd', {}, { puaIds: 'choosePua' }],
    ['namnd', { puaIds: ['p9'] }, { puaIds: 'choosePua' }], // not a PUA of the kommun
    ['kontakt', { email: 'inte-en-adress' }, { email: 'email' }],
    ['leverans', {}, { delivery: 'chooseDelivery' }],
    ['uppgifter-rattelse', { which: 'Adressen' }, { wrong: 'required' }],
    ['uppgifter-radering', { which: 'Bilder' }, { ground: 'chooseGround' }],
    ['uppgifter-dataportabilitet', { which: 'Ansökan' }, { format: 'chooseFormat' }],
    ['person', { relation: 'child', name: 'Elsa', personnummer: '19800101-9804', custody: 'sole' }, { personnummer: 'personnummer.notChild' }], // must be under 18
    ['person', { relation: 'principal', name: 'X', personnummer: '198001019804' }, { personnummer: 'personnummer.self' }],
    ['person', { relation: 'child', name: 'Elsa', personnummer: '20100321-9829' }, { custody: 'chooseCustody' }], // statement of custody
    ['person', { relation: 'principal', name: '', personnummer: '123' }, { name: 'nameRequired', personnummer: 'personnummer.format' }],
    ['person', { relation: 'ward', name: 'X'.repeat(201), personnummer: ' ' }, { name: 'tooLong', personnummer: 'personnummer.required' }], // empty is asked for, not "wrong format"
    ['uppgifter-invandning', {}, { processing: 'required', why: 'required' }],
    ['uppgifter-invandning', { processing: 'Publicering', why: 'x'.repeat(4001) }, { why: 'tooLong' }],
  ] as const)('%s %j → errors %j', (step, form, errors) => {
    const r = parseStep(step, form as Record<string, string>, ctx);
    expect(r).toMatchObject({ ok: false, errors });
    if (!r.ok) expect(r.values).toEqual(form); // what was typed comes back
  });

  it('accepts a child with custody and normalises the personnummer', () => {
    expect(parseStep('person', { relation: 'child', name: 'Elsa Svensson', personnummer: '201003219829', custody: 'joint' }, ctx)).toEqual({
      ok: true,
      patch: { subject: { name: 'Elsa Svensson', personnummer: '201003219829' }, custody: 'joint' },
    });
  });

  it('"Jag vet inte – skicka till alla" chooses every PUA', () => {
    expect(parseStep('namnd', { allPuas: 'yes' }, ctx)).toEqual({ ok: true, patch: { allPuas: true, puaIds: [] } });
  });

  it('protected identity keeps no e-mail or phone (DOMAIN.md §9)', () => {
    expect(parseStep('kontakt', { email: 'a@b.se', protectedIdentity: 'yes' }, ctx)).toEqual({ ok: true, patch: { email: undefined, phone: undefined, protectedIdentity: true } });
  });
});

describe('safe path and attachments', () => {
  it('offers post also with skyddade personuppgifter, via Skatteverket\'s förmedling', () => {
    // Post goes via Skatteverket's förmedling: no address needed (DOMAIN.md §9).
    expect(deliveryOptions({ protectedIdentity: true })).toEqual(['portal', 'registered_post', 'reception']);
    expect(deliveryOptions({})).toEqual(['portal', 'registered_post', 'reception']);
  });

  it('requires a fullmakt for a principal and proof of appointment for a ward (FL 14–15 §§)', () => {
    expect(requiredAttachmentPurpose({ relation: 'principal' })).toBe('fullmakt');
    expect(requiredAttachmentPurpose({ relation: 'ward' })).toBe('appointment');
    expect(requiredAttachmentPurpose({ relation: 'self' })).toBeNull();
  });

  it('firstIncompleteStep walks the answers', () => {
    const a: Answers = { rights: ['registerutdrag'], relation: 'self', allPuas: true, details: { registerutdrag: { period: '', matter: '' } }, protectedIdentity: false, delivery: 'portal' };
    expect(firstIncompleteStep(a, 1, ctx.today)).toBeNull();
    expect(firstIncompleteStep({ ...a, delivery: undefined }, 1, ctx.today)).toBe('leverans');
  });
});

describe('error codes (each field gets its own message, issue #4)', () => {
  const allSteps = journeySteps({ relation: 'child', rights: [...RIGHTS] }, 2);
  /** Bad answers for every step: together they reach every code a field can get. */
  const badForms: [string, Record<string, string | string[]>][] = [
    ['kommun', {}],
    ['kommun', { kommunId: 'k9' }],
    ['rattigheter', { rights: 'nothing' }],
    ['for-vem', {}],
    ['person', { relation: 'child' }],
    ...['123', '20101321-9829', '20100321-9828', '20300321-9825', '198001019804'].map((pnr): [string, Record<string, string>] => ['person', { relation: 'child', name: 'x'.repeat(201), personnummer: pnr }]),
    ['person', { relation: 'principal', name: 'Anna', personnummer: ctx.filerPnr }],
    ['namnd', {}],
    ['kontakt', { email: 'a@', phone: 'x' }],
    ['leverans', { delivery: 'dove' }],
    ...RIGHTS.flatMap((right): [string, Record<string, string>][] => [
      [detailsStep(right), {}],
      [detailsStep(right), Object.fromEntries(Object.entries(DETAIL_SPECS[right]).map(([name, spec]) => [name, spec.kind === 'text' ? 'x'.repeat(spec.max + 1) : 'none']))],
    ]),
  ];

  it('parseStep returns only codes that stepErrors lists, so every one has a message', () => {
    const seen = new Set<string>();
    for (const [step, form] of badForms) {
      const r = parseStep(step, form, ctx);
      if (r.ok) continue; // e.g. an empty registerutdrag page: nothing is required
      for (const [field, code] of Object.entries(r.errors)) {
        expect(stepErrors(step)[field], `${step}.${field}`).toContain(code);
        seen.add(`${step}.${field}.${code}`);
      }
    }
    // …and every listed code is reached: the list holds nothing parseStep never says.
    const listed = allSteps.flatMap((step) => Object.entries(stepErrors(step)).flatMap(([field, codes]) => codes.map((c) => `${step}.${field}.${c}`)));
    expect(listed.filter((k) => !seen.has(k))).toEqual([]);
  });

  it('a details page lists exactly the fields of its right', () => {
    for (const right of RIGHTS) expect(Object.keys(stepErrors(detailsStep(right)))).toEqual(Object.keys(DETAIL_SPECS[right]));
  });

  it('knows each text field’s length limit for "… får vara högst 2 000 tecken"', () => {
    expect(fieldMax('uppgifter-invandning', 'why')).toBe(4000);
    expect(fieldMax('uppgifter-radering', 'ground')).toBeUndefined();
    expect(fieldMax('person', 'name')).toBe(200);
    expect(fieldMax('kontakt', 'email')).toBeUndefined();
  });

  it('rightOfStep names the right of a details page only', () => {
    expect(rightOfStep('uppgifter-aterkalla_samtycke')).toBe('aterkalla_samtycke');
    expect(rightOfStep('uppgifter-nonsense')).toBeNull();
    expect(rightOfStep('kontakt')).toBeNull();
  });
});
