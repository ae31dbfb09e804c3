import crypto from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateSamverkanConfig } from '~/domain/samverkan-config';
import { residents } from '../../db/schema/index';
import { useTestDatabase } from '../../tests/db';
import { encryptPersonnummer, personnummerLookup } from '../utils/pnr-crypto.server';
import { countAuditRows } from './audit.server';
import { getSamverkanOverview, importSamverkanConfig } from './organisation.server';
import { fileSubmission, type NewSubmission } from './submission.server';

const t = useTestDatabase();

async function setup() {
  const demo = validateSamverkanConfig(JSON.parse(fs.readFileSync('db/seed/demo-samverkan.json', 'utf8')));
  if (!demo.ok) throw new Error('demo');
  await importSamverkanConfig(demo.config, { type: 'cli' }, '2026-11-22');
  const overview = await getSamverkanOverview();
  const sjobacka = overview.kommuner.find((k) => k.code === 'sjobacka')!;
  const [resident] = await t.handle.db
    .insert(residents)
    .values({ pnrCiphertext: encryptPersonnummer('198001019804'), pnrLookup: personnummerLookup('198001019804'), name: 'Anna Andersson' })
    .onConflictDoUpdate({ target: residents.pnrLookup, set: { name: 'Anna Andersson' } })
    .returning();
  return { sjobacka, resident: resident! };
}

function submission(ctx: Awaited<ReturnType<typeof setup>>, overrides: Partial<NewSubmission> = {}): NewSubmission {
  return {
    draftId: crypto.randomUUID(),
    kommunId: ctx.sjobacka.id,
    filedByResidentId: ctx.resident.id,
    channel: 'e_tjanst',
    relation: 'self',
    subject: { personnummer: '198001019804', name: 'Anna Andersson' },
    rights: ['registerutdrag'],
    puaIds: ctx.sjobacka.pua.filter((p) => ['SN', 'BUN'].includes(p.code)).map((p) => p.id),
    answers: {},
    protectedIdentity: false,
    receivedAt: new Date('2026-01-31T10:00:00+01:00'),
    actor: { type: 'resident', id: ctx.resident.id },
    ...overrides,
  };
}

describe('fileSubmission', () => {
  it('creates one case per PUA and kind, with diarienummer and the legal deadline (DOMAIN.md §5)', async () => {
    const ctx = await setup();
    const filed = await fileSubmission(submission(ctx, { rights: ['registerutdrag', 'rattelse', 'radering'] }));
    expect(filed.created).toBe(true);
    expect(filed.reference).toMatch(/^DSP-\d{4}-[2-9A-Z]{6}$/);
    expect(filed.cases).toHaveLength(4); // 2 PUAs × (registerutdrag, förändring)
    for (const c of filed.cases) {
      expect(c.diarienummer).toMatch(/^(SN|BUN) \d{4}\/\d{5}$/);
      expect(c.receivedDate).toBe('2026-01-31');
      expect(c.deadline).toBe('2026-03-02'); // 2026-02-28 is a Saturday → Monday 2 March
    }
    expect(filed.cases.find((c) => c.kind === 'forandring')!.rights).toEqual(['rattelse', 'radering']);
    expect(await countAuditRows(t.handle.db, 'submission.file')).toBeGreaterThanOrEqual(1);
  });

  it('keeps the personnummer only encrypted: the copy of the answers has the name, not the number (ADR 005)', async () => {
    const ctx = await setup();
    const filed = await fileSubmission(submission(ctx, { relation: 'child', subject: { personnummer: '201003219829', name: 'Elsa Svensson' }, answers: { relation: 'child', subject: { name: 'Elsa Svensson', personnummer: '201003219829' }, delivery: 'portal' } }));
    const rows = (await t.handle.raw.executeSql('select answers::text as a, subject_pnr_ciphertext as c from submissions where id = $1', [filed.id])).rows as { a: string; c: string }[];
    expect(rows[0]!.a).toContain('Elsa Svensson');
    expect(rows[0]!.a).not.toContain('201003219829');
    expect(rows[0]!.c).not.toContain('201003219829');
  });

  it('migration 0014 scrubs the personnummer from answers filed before, and keeps the name', async () => {
    const ctx = await setup();
    const filed = await fileSubmission(submission(ctx, { relation: 'child', subject: { personnummer: '201003219829', name: 'Elsa Svensson' } }));
    // As an older filing stored it.
    await t.handle.raw.executeSql(`update submissions set answers = '{"relation":"child","subject":{"name":"Elsa Svensson","personnummer":"201003219829"}}'::jsonb where id = $1`, [filed.id]);
    await t.handle.raw.executeSql(fs.readFileSync('db/migrations/0014_scrub_answers_personnummer.sql', 'utf8'), []);
    const rows = (await t.handle.raw.executeSql('select answers from submissions where id = $1', [filed.id])).rows as { answers: unknown }[];
    const answers = typeof rows[0]!.answers === 'string' ? JSON.parse(rows[0]!.answers) : rows[0]!.answers;
    expect(answers).toEqual({ relation: 'child', subject: { name: 'Elsa Svensson' } });
  });

  it('is idempotent: a parallel double submit of one draft files the cases once', async () => {
    const ctx = await setup();
    const input = submission(ctx);
    const results = await Promise.all([fileSubmission(input), fileSubmission(input), fileSubmission(input)]);
    const ids = results.map((r) => r.id);
    expect(new Set(ids).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const rows = (await t.handle.raw.executeSql('select count(*)::int as n from cases where submission_id = $1', [ids[0]])).rows[0] as { n: number };
    expect(rows.n).toBe(2);
    // A retry later returns the same receipt.
    expect((await fileSubmission(input)).cases.map((c) => c.diarienummer).sort()).toEqual(results[0]!.cases.map((c) => c.diarienummer).sort());
  });

  it('numbers are gap-free per PUA and year even under concurrent submissions', async () => {
    const ctx = await setup();
    const sn = ctx.sjobacka.pua.find((p) => p.code === 'SN')!.id;
    await Promise.all(Array.from({ length: 12 }, () => fileSubmission(submission(ctx, { puaIds: [sn] }))));
    const rows = (await t.handle.raw.executeSql("select diarienummer from cases where pua_id = $1 order by diarienummer", [sn])).rows as { diarienummer: string }[];
    const numbers = rows.map((r) => Number(r.diarienummer.split('/')[1]));
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
  });

  it('a failed filing leaves no gap: the counter rolls back with it', async () => {
    const ctx = await setup();
    const bun = ctx.sjobacka.pua.find((p) => p.code === 'BUN')!.id;
    const granasaPua = (await getSamverkanOverview()).kommuner.find((k) => k.code === 'granasa')!.pua[0]!.id;
    await expect(fileSubmission(submission(ctx, { puaIds: [bun, granasaPua] }))).rejects.toThrow(/kommun/);
    const before = (await t.handle.raw.executeSql('select count(*)::int as n from cases where pua_id = $1', [bun])).rows[0] as { n: number };
    const next = await fileSubmission(submission(ctx, { puaIds: [bun] }));
    expect(Number(next.cases[0]!.diarienummer.split('/')[1])).toBe(before.n + 1);
  });
});

describe('the language of the request (issue #6)', () => {
  it('is stored as filed; a request registered without one is Swedish', async () => {
    const ctx = await setup();
    const language = async (id: string) => ((await t.handle.raw.executeSql('select language from submissions where id = $1', [id])).rows[0] as { language: string }).language;
    expect(await language((await fileSubmission(submission(ctx, { language: 'en' }))).id)).toBe('en');
    expect(await language((await fileSubmission(submission(ctx, { language: 'sv' }))).id)).toBe('sv');
    expect(await language((await fileSubmission(submission(ctx, { channel: 'paper' }))).id)).toBe('sv');
  });
});

describe('diarienummer across kommuner', () => {
  it('two kommuner’s PUAs with the same prefix each start at 00001', async () => {
    const ctx = await setup();
    const granasa = (await getSamverkanOverview()).kommuner.find((k) => k.code === 'granasa')!;
    const a = await fileSubmission(submission(ctx, { puaIds: [ctx.sjobacka.pua.find((p) => p.code === 'VON')!.id] }));
    const b = await fileSubmission(submission(ctx, { kommunId: granasa.id, puaIds: [granasa.pua.find((p) => p.code === 'VON')!.id] }));
    expect(a.cases[0]!.diarienummer.split('/')[1]).toBe(b.cases[0]!.diarienummer.split('/')[1]);
  });
});
