/**
 * Inbox benchmark (issue #5): "the inbox must stay fast with 1,000,000 cases".
 *
 *   npm run bench:inbox -- [--cases=1000000] [--runs=50] [--compare] [--try-trgm] [--keep]
 *
 * A benchmark, not a test. It
 * 1. creates a throwaway database on BENCH_DATABASE_URL (default the local server), applies the
 *    migrations, imports db/seed/demo-samverkan.json and seeds the cases with set-based SQL
 *    (generate_series + INSERT … SELECT), then VACUUM ANALYZE;
 * 2. times the real `listInbox` (drizzle on postgres-js, audit row included) for several staff
 *    scopes and filters, and prints p50/p95/max, the indexes each plan uses, and
 *    EXPLAIN (ANALYZE, BUFFERS) of the default first page and of a name search;
 * 3. with --compare first drops the inbox indexes of migration 0008 and measures without them,
 *    then builds them again from that migration and prints before/after; with --try-trgm it
 *    also tries a trigram index for name search (benchmark database only, not in the schema);
 * 4. drops the database at the end, also on an error or Ctrl-C (--keep leaves it for psql).
 *
 * The data: 13 demo PUAs, skewed (Sjöbacka SN ~25 %), received dates over three years, legal
 * deadlines from app/domain/deadlines.ts, some extended; old cases closed or withdrawn and a few
 * thousand open; about 1.25 cases per submission; assignees from the demo staff of each PUA;
 * skyddade personuppgifter for ~0.3 % of the people; subjects drawn from a pool of valid
 * personnummer (HMAC lookup and AES ciphertext made by app/utils/pnr-crypto.server.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { StaffScope } from '../app/domain/case-access';
import type { InboxFilters } from '../app/models/staff-cases.server';
import type { Database, DatabaseHandle } from '../db/client';

// ---------------------------------------------------------------------------------------------
// Options and environment (before any app module reads the environment)
// ---------------------------------------------------------------------------------------------

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number, min = 1) => {
  const raw = args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const n = raw === undefined ? fallback : Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
  return n;
};
if (flag('help')) {
  console.log('Usage: npx tsx scripts/bench-inbox.ts [--cases=1000000] [--runs=50] [--warmup=5] [--compare] [--try-trgm] [--keep]');
  process.exit(0);
}
/** lookup → personnummer of the seeded people, to search for one of them. */
let pnrs = new Map<string, string>();

const CASES = option('cases', 1_000_000);
const RUNS = option('runs', 50);
const WARMUP = option('warmup', 5, 0);
const COMPARE = flag('compare');
const TRY_TRGM = flag('try-trgm');
const KEEP = flag('keep');
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** ~1.25 cases per submission: a fifth of the requests ask for two kinds (e.g. registerutdrag + rättelse). */
const SUBMISSIONS = Math.max(1, Math.round(CASES * 0.8));
/** Distinct people asking; most ask once, some more often. */
const PEOPLE = Math.max(1, Math.round(CASES * 0.6));
/** Received dates over the last three years. */
const DAYS = 3 * 365 + 1;

// Throwaway secrets so nothing is read from or written to ./data (same as tests/setup-env.ts).
process.env.SESSION_SECRET ??= crypto.randomBytes(32).toString('base64url');
process.env.PERSONNUMMER_ENCRYPTION_KEYS ??= crypto.randomBytes(32).toString('base64');
process.env.PERSONNUMMER_LOOKUP_KEY ??= crypto.randomBytes(32).toString('base64');
process.env.DATA_DIR ??= path.join(os.tmpdir(), 'dsp-bench-inbox');
process.env.LOG_LEVEL ??= 'silent';

const schema = await import('../db/schema/index');
const { applyMigrations } = await import('../db/migrations-runner');
const { useDatabase } = await import('../app/utils/db.server');
const { validateSamverkanConfig } = await import('../app/domain/samverkan-config');
const { importSamverkanConfig, listPuaRefs } = await import('../app/models/organisation.server');
const { getRoleAssignments } = await import('../app/models/staff.server');
const { puasWithPermission } = await import('../app/domain/permissions');
const { listInbox, INBOX_PAGE_SIZE } = await import('../app/models/staff-cases.server');
const { todayInStockholm } = await import('../app/utils/dates.server');
const { addDays } = await import('../app/domain/iso-date');
const { gdprDeadline, gdprExtendedDeadline } = await import('../app/domain/deadlines');
const { encryptPersonnummer, personnummerLookup } = await import('../app/utils/pnr-crypto.server');

// ---------------------------------------------------------------------------------------------
// The throwaway database and its clean-up
// ---------------------------------------------------------------------------------------------

const dbName = `dsp_bench_${crypto.randomBytes(4).toString('hex')}`;
const benchUrl = (() => {
  const u = new URL(SERVER_URL);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
let created = false;
let dropped = false;
const clients: postgres.Sql[] = [];

async function dropDatabase() {
  if (!created || dropped) return;
  dropped = true;
  await Promise.allSettled(clients.map((c) => c.end({ timeout: 1 })));
  if (KEEP) {
    console.log(`\n--keep: the database ${dbName} is left on the server (psql ${benchUrl}); drop it with: drop database ${dbName} with (force);`);
  } else {
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    console.log(`\nDropped ${dbName}.`);
  }
  await admin.end({ timeout: 1 });
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: dropping the benchmark database …`);
    dropDatabase()
      .catch((e) => console.error('Could not drop the database:', e))
      .finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const seconds = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const fmt = (n: number) => n.toLocaleString('en-US');
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function table(head: string[], rows: (string | number)[][]) {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const width = head.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i >= 2 && /^[\d.,]+$/.test(c) ? c.padStart(width[i]!) : c.padEnd(width[i]!))).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of cells.slice(1)) console.log(line(r));
}

/** A valid 12-digit personnummer for person k (unique per k < 29 220 000). */
function personnummerFor(k: number): string {
  const day = (k * 7919) % 29220; // 1930-01-01 … 2009-12-31
  const d = new Date(Date.UTC(1930, 0, 1) + day * 86_400_000);
  const serial = String((Math.floor(k / 29220) * 37 + 100) % 1000).padStart(3, '0');
  const yymmdd = `${String(d.getUTCFullYear() % 100).padStart(2, '0')}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
  const nine = `${yymmdd}${serial}`;
  const sum = nine.split('').reduce((acc, ch, i) => {
    const v = Number(ch) * (i % 2 === 0 ? 2 : 1);
    return acc + (v > 9 ? v - 9 : v);
  }, 0);
  return `${d.getUTCFullYear()}${nine.slice(2)}${(10 - (sum % 10)) % 10}`;
}

const FIRST_NAMES = [
  'Anna', 'Eva', 'Maria', 'Karin', 'Sara', 'Lena', 'Emma', 'Kerstin', 'Ingrid', 'Elin', 'Sofia', 'Linnea', 'Aisha', 'Fatima', 'Nour',
  'Lars', 'Erik', 'Karl', 'Johan', 'Anders', 'Per', 'Mikael', 'Nils', 'Oskar', 'Ali', 'Mohammed', 'Hassan', 'Jonas', 'Ahmed', 'Olof',
];
const LAST_NAMES = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Pettersson',
  'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson', 'Magnusson', 'Olofsson', 'Lindström', 'Lindqvist',
  'Lindgren', 'Axelsson', 'Berg', 'Bergström', 'Lundberg', 'Lind', 'Lundgren', 'Lundqvist', 'Mattsson', 'Berglund', 'Fredriksson',
  'Sandberg', 'Henriksson', 'Ali', 'Mohammed', 'Hassan', 'Nguyen', 'Öberg',
];

/** Share of all cases per demo PUA (kommun/code): Sjöbacka SN is the big one. */
const PUA_WEIGHTS: Record<string, number> = {
  'sjobacka/SN': 0.25, 'sjobacka/BUN': 0.12, 'sjobacka/VON': 0.1, 'sjobacka/KS': 0.06, 'sjobacka/SBH': 0.04, 'sjobacka/BN': 0.04, 'sjobacka/KFN': 0.03,
  'granasa/SN': 0.12, 'granasa/BUN': 0.07, 'granasa/VON': 0.07, 'granasa/KS': 0.04, 'granasa/BN': 0.03, 'granasa/MHN': 0.03,
};

// ---------------------------------------------------------------------------------------------
// 1. Create, migrate, configure, seed
// ---------------------------------------------------------------------------------------------

type Handle = DatabaseHandle & { client: postgres.Sql; captured: { query: string; params: unknown[] }[]; capture: boolean };

function connect(): Handle {
  const client = postgres(benchUrl, { max: 4, onnotice: () => {} });
  clients.push(client);
  const state = { captured: [] as { query: string; params: unknown[] }[], capture: false };
  const db = drizzle(client, {
    schema,
    casing: 'snake_case',
    logger: { logQuery: (query, params) => void (state.capture && state.captured.push({ query, params })) },
  }) as unknown as Database;
  return Object.assign(state, {
    driver: 'postgres' as const,
    db,
    client,
    connectionString: benchUrl,
    raw: { executeSql: async (text: string, values?: unknown[]) => ({ rows: [...(await client.unsafe(text, (values ?? []) as never[]))] }) },
    close: () => client.end({ timeout: 5 }),
  });
}

async function setUp(today: string): Promise<Handle> {
  const t0 = performance.now();
  created = true; // before the statement: a Ctrl-C while it runs must still drop the database
  await admin.unsafe(`create database ${dbName}`);
  const handle = connect();
  useDatabase(handle);
  await applyMigrations(handle);
  const demo = validateSamverkanConfig(JSON.parse(fs.readFileSync('db/seed/demo-samverkan.json', 'utf8')));
  if (!demo.ok) throw new Error('db/seed/demo-samverkan.json is invalid');
  await importSamverkanConfig(demo.config, { type: 'cli' }, today);
  console.log(`Created ${dbName}, migrated, demo samverkan imported (${seconds(t0)}).`);

  // One connection for the seed, so its session settings hold for every statement.
  const seed = postgres(benchUrl, { max: 1, onnotice: () => {} });
  clients.push(seed);
  const tSeed = performance.now();
  await seed.unsafe(`set work_mem = '256MB'; set maintenance_work_mem = '512MB'; set synchronous_commit = off`);
  await seed.unsafe(`
    create schema bench_seed;
    -- A deterministic uniform number in [0, 1) per (row, salt): the same submission gets the same
    -- PUA, date and person in both inserts without a join.
    create function bench_seed.r(n bigint, salt int) returns float8 language sql immutable parallel safe
      as $$ select ((hashint8extended(n, salt) >> 11) & 4503599627370495)::float8 / 4503599627370496.0 $$;
    create table bench_seed.pua (idx int primary key, id uuid not null, kommun_id uuid not null, prefix text not null, staff uuid[] not null);
    create table bench_seed.days (a int primary key, received date not null, deadline date not null, deadline_ext date not null);
    create table bench_seed.people (k int primary key, lookup text not null, ciphertext text not null, name text not null, protected boolean not null);
  `);

  // PUAs with their weights and the staff a case there can be assigned to (samordnare, handläggare).
  const puas = await seed.unsafe<{ id: string; kommun_id: string; key: string; prefix: string; staff: string[] | null }[]>(`
    select p.id, p.kommun_id, k.code || '/' || p.code as key, p.diarium_prefix as prefix,
           (select array_agg(distinct ra.staff_user_id order by ra.staff_user_id) from role_assignments ra
             where ra.role in ('gdpr_samordnare', 'handlaggare') and (ra.pua_id = p.id or ra.kommun_id = p.kommun_id)) as staff
    from pua p join kommuner k on k.id = p.kommun_id order by k.code, p.code`);
  const weights = puas.map((p) => PUA_WEIGHTS[p.key] ?? 0.005);
  const total = weights.reduce((a, b) => a + b, 0);
  const lower: number[] = [];
  weights.reduce((acc, w) => (lower.push(acc / total), acc + w), 0);
  for (const [i, p] of puas.entries()) {
    await seed`insert into bench_seed.pua values (${i + 1}, ${p.id}, ${p.kommun_id}, ${p.prefix}, ${p.staff ?? []}::uuid[])`;
  }
  const puaThresholds = `array[${lower.map((x) => x.toFixed(6)).join(',')}]::float8[]`;

  // Received dates with their legal deadlines (app/domain/deadlines.ts), a = age in days.
  const days = Array.from({ length: DAYS }, (_, a) => {
    const received = addDays(today, -a);
    return { a, received, deadline: gdprDeadline(received), deadline_ext: gdprExtendedDeadline(received) };
  });
  await seed`insert into bench_seed.days select * from jsonb_to_recordset(${JSON.stringify(days)}::text::jsonb) as x(a int, received date, deadline date, deadline_ext date)`;

  // The people: valid personnummer, HMAC lookup and ciphertext made by the portal's own functions.
  let t = performance.now();
  const pnrOf = new Map<string, string>(); // lookup → personnummer, to search for a seeded person
  for (let k0 = 0; k0 < PEOPLE; k0 += 50_000) {
    const batch = [];
    for (let k = k0; k < Math.min(PEOPLE, k0 + 50_000); k++) {
      const pnr = personnummerFor(k);
      const lookup = personnummerLookup(pnr);
      pnrOf.set(lookup, pnr);
      const h = crypto.createHash('md5').update(String(k)).digest();
      batch.push({
        k,
        lookup,
        ciphertext: encryptPersonnummer(pnr),
        name: `${FIRST_NAMES[h[0]! % FIRST_NAMES.length]} ${LAST_NAMES[h.readUInt16BE(1) % LAST_NAMES.length]}`,
        protected: h.readUInt16BE(3) < 65536 * 0.003,
      });
    }
    await seed`insert into bench_seed.people select * from jsonb_to_recordset(${JSON.stringify(batch)}::text::jsonb) as x(k int, lookup text, ciphertext text, name text, protected boolean)`;
  }
  console.log(`Seeded ${fmt(PEOPLE)} people (personnummer, lookup, ciphertext) in ${seconds(t)}.`);

  const r = (n: string, salt: number) => `bench_seed.r(${n}, ${salt})`;
  // Per submission s: PUA (r1), age in days (r2), channel (r3), relation (r4), person (r6), first kind (r7).
  const subAttrs = (s: string) => `
    width_bucket(${r(s, 1)}, ${puaThresholds}) as pua_idx,
    least(floor(${r(s, 2)} * ${DAYS})::int, ${DAYS - 1}) as a,
    floor(${r(s, 6)} * ${PEOPLE})::int as k`;

  t = performance.now();
  for (let lo = 1; lo <= SUBMISSIONS; lo += 250_000) {
    const hi = Math.min(SUBMISSIONS, lo + 249_999);
    await seed.unsafe(`
      insert into submissions (id, reference, draft_id, kommun_id, channel, relation, subject_pnr_ciphertext, subject_pnr_lookup, subject_name,
                               answers, protected_identity, signed_summary, signature, received_at, created_at)
      select md5('s' || x.s)::uuid,
             'DSP-' || to_char(d.received, 'YYYY') || '-' || upper(lpad(to_hex(x.s), 6, '0')),
             md5('d' || x.s)::uuid,
             p.kommun_id,
             (case when x.r3 < 0.85 then 'e_tjanst' when x.r3 < 0.93 then 'reception' when x.r3 < 0.98 then 'paper' else 'phone' end)::request_channel,
             (case when x.r4 < 0.90 then 'self' when x.r4 < 0.96 then 'child' when x.r4 < 0.99 then 'principal' else 'ward' end)::subject_relation,
             pe.ciphertext, pe.lookup, pe.name,
             '{"contact": {"notify": "portal"}, "delivery": "portal"}'::jsonb,
             pe.protected,
             case when x.r3 < 0.85 then 'Jag begär ut de personuppgifter som behandlas om mig.' end,
             case when x.r3 < 0.85 then '{"bench": true}'::jsonb end,
             (d.received + make_interval(secs => floor(x.r3 * 86399)::int)) at time zone 'Europe/Stockholm',
             (d.received + make_interval(secs => floor(x.r3 * 86399)::int)) at time zone 'Europe/Stockholm'
      from (select s, ${r('s', 3)} as r3, ${r('s', 4)} as r4, ${subAttrs('s')} from generate_series(${lo}::bigint, ${hi}::bigint) s) x
      join bench_seed.pua p on p.idx = x.pua_idx
      join bench_seed.days d on d.a = x.a
      join bench_seed.people pe on pe.k = x.k`);
    process.stdout.write(`\r  submissions: ${fmt(hi)} / ${fmt(SUBMISSIONS)} (${seconds(t)})`);
  }
  console.log();

  // Cases: case g belongs to submission s = ⌊(g−1)·S/N⌋+1, and `pos` is its place within it, so
  // a submission's cases share PUA and date and differ in kind (the (submission, PUA, kind) key).
  // Status by age: a case is open with probability 0.9·e^(−age/6) (+0.4 % stragglers, overdue,
  // under 180 days); the rest closed (95 %) or withdrawn, a few recent ones decided.
  t = performance.now();
  await seed.unsafe(`
    insert into cases (id, submission_id, pua_id, kind, rights, diarienummer, received_date, deadline, extended_on, extension_reason,
                       status, protected_identity, assignee_staff_id, registered_at, created_at, updated_at)
    select gen_random_uuid(), md5('s' || y.s)::uuid, p.id, y.kind,
           case y.kind when 'registerutdrag' then array['registerutdrag']
                       when 'dataportabilitet' then array['dataportabilitet']
                       when 'samtycke' then array['aterkalla_samtycke']
                       else case floor(${r('y.g', 15)} * 5)::int when 0 then array['rattelse'] when 1 then array['radering'] when 2 then array['begransning']
                                 when 3 then array['invandning'] else array['rattelse', 'radering'] end end,
           p.prefix || ' ' || extract(year from y.received) || '/' ||
             case when y.n < 100000 then lpad(y.n::text, 5, '0') else y.n::text end,
           y.received,
           case when y.extended then y.deadline_ext else y.deadline end,
           case when y.extended then y.received + 20 end,
           case when y.extended then 'Begäran är omfattande och kräver sökning i flera verksamhetssystem.' end,
           y.status, pe.protected,
           case when y.status = 'received' then null
                when y.status = 'registered' and ${r('y.g', 13)} >= 0.4 then null
                when ${r('y.g', 13)} >= 0.92 then null
                else p.staff[1 + floor(${r('y.g', 14)} * cardinality(p.staff))::int] end,
           case when y.status <> 'received' then (y.received + 1 + time '09:00') at time zone 'Europe/Stockholm' end,
           (y.received + time '12:00') at time zone 'Europe/Stockholm',
           least(now(), (y.received + (case when y.status in ('closed', 'withdrawn', 'decided') then 20 else 1 end) + time '12:00') at time zone 'Europe/Stockholm')
    from (
      select x.*,
             (array['registerutdrag', 'forandring', 'dataportabilitet', 'samtycke']::case_kind[])[1 + (x.kind0 + x.pos) % 4] as kind,
             x.a >= 20 and ${r('x.g', 12)} < 0.03 as extended,
             (case when ${r('x.g', 10)} < 0.9 * exp(-x.a / 6.0) + case when x.a < 180 then 0.004 else 0 end then
                case when x.a <= 1 and ${r('x.g', 11)} < 0.6 then 'received'
                     else (array['received', 'registered', 'registered', 'in_progress', 'in_progress', 'in_progress', 'in_progress', 'in_progress',
                                 'awaiting_resident', 'awaiting_resident'])[1 + floor(${r('x.g', 11)} * 10)::int] end
              else case when x.a < 14 and ${r('x.g', 11)} < 0.1 then 'decided' when ${r('x.g', 11)} >= 0.95 then 'withdrawn' else 'closed' end
             end)::case_status as status,
             d.received, d.deadline, d.deadline_ext,
             row_number() over (partition by x.pua_idx, extract(year from d.received) order by d.received, x.g) as n
      from (
        select g, s, (g - 1) - ((s - 1) * ${CASES} + ${SUBMISSIONS} - 1) / ${SUBMISSIONS} as pos,
               width_bucket(${r('s', 7)}, array[0, 0.70, 0.88, 0.95]::float8[]) - 1 as kind0,
               ${subAttrs('s')}
        from (select g, (g - 1) * ${SUBMISSIONS} / ${CASES} + 1 as s from generate_series(1::bigint, ${CASES}::bigint) g) gs
      ) x
      join bench_seed.days d on d.a = x.a
    ) y
    join bench_seed.pua p on p.idx = y.pua_idx
    join bench_seed.people pe on pe.k = y.k`);
  console.log(`  cases: ${fmt(CASES)} (${seconds(t)})`);

  t = performance.now();
  await seed.unsafe(`
    insert into case_handlers (case_id, staff_user_id, named_at)
      select id, assignee_staff_id, registered_at from cases where protected_identity and assignee_staff_id is not null;
    insert into diarium_counters (pua_id, year, last_number)
      select pua_id, substring(diarienummer from ' (\\d{4})/')::int, max(substring(diarienummer from '/(\\d+)$')::int) from cases group by 1, 2;
  `);
  // The people pool is kept in memory (lookup → personnummer) for the personnummer search.
  await seed.unsafe(`drop schema bench_seed cascade`);
  await seed.unsafe(`vacuum (analyze) submissions`);
  await seed.unsafe(`vacuum (analyze) cases`);
  await seed.unsafe(`vacuum (analyze) case_handlers`);
  await seed.unsafe(`analyze`);
  console.log(`  case handlers, diarium counters, VACUUM ANALYZE (${seconds(t)})`);
  console.log(`Seeding took ${seconds(tSeed)} (${fmt(SUBMISSIONS)} submissions, ${fmt(CASES)} cases). Total set-up ${seconds(t0)}.`);
  await seed.end();

  const stats = await handle.client.unsafe(`
    select status::text, count(*)::int as n from cases group by 1 order by 2 desc`);
  console.log(`Case statuses: ${stats.map((s) => `${s.status} ${fmt(s.n)}`).join(', ')}`);
  const sizes = await handle.client.unsafe(`
    select relname, pg_size_pretty(pg_table_size(oid)) as heap, pg_size_pretty(pg_indexes_size(oid)) as indexes
    from pg_class where relname in ('cases', 'submissions') order by relname`);
  console.log(`Sizes: ${sizes.map((s) => `${s.relname} ${s.heap} + indexes ${s.indexes}`).join('; ')}`);
  pnrs = pnrOf;
  return handle;
}

// ---------------------------------------------------------------------------------------------
// 2. Measure
// ---------------------------------------------------------------------------------------------

type Named = { label: string; scope: StaffScope };
type Case = { label: string; filters: InboxFilters };
type Result = { scope: string; query: string; rows: number; p50: number; p95: number; max: number; plan: string };

async function scopeOf(handle: Handle, name: string): Promise<StaffScope> {
  const [staff] = await handle.client<{ id: string }[]>`select id from staff_users where name = ${name}`;
  if (!staff) throw new Error(`demo staff ${name} not found`);
  // As requireCaseScope (app/utils/auth.server.ts) resolves it.
  const [assignments, puas] = await Promise.all([getRoleAssignments(staff.id), listPuaRefs()]);
  const of = (p: Parameters<typeof puasWithPermission>[2]) => puasWithPermission(assignments, puas, p);
  return { staffId: staff.id, readPua: of('read:case:pua'), readAssigned: of('read:case:assigned'), handlePua: of('handle:case:pua'), registerPua: of('register:case:pua') };
}

/** The queries to time for one scope; inputs (a diarienummer, a personnummer) are taken from its own inbox. */
async function casesFor(handle: Handle, scope: StaffScope, today: string): Promise<Case[]> {
  const first = await listInbox(scope, {});
  // Page 20 through the keyset cursor, as the inbox's "Nästa" link does.
  let after: InboxFilters['after'] = null;
  let page = 1;
  let rows = first.rows;
  let hasMore = first.hasMore;
  while (page < 20 && hasMore) {
    const last = rows.at(-1)!;
    after = { deadline: last.deadline, id: last.id };
    ({ rows, hasMore } = await listInbox(scope, { after }));
    page++;
  }
  const sample = first.rows[Math.min(25, first.rows.length - 1)];
  const wholePua = [...new Set([...scope.readPua, ...scope.handlePua, ...scope.registerPua])];
  const [sub] = sample
    ? await handle.client<{ lookup: string }[]>`select s.subject_pnr_lookup as lookup from cases c join submissions s on s.id = c.submission_id where c.id = ${sample.id}`
    : [];
  const [old] = await handle.client<{ diarienummer: string }[]>`
    select diarienummer from cases
    where status = 'closed' and received_date < ${addDays(today, -700)}
      and (pua_id = any(${wholePua}::uuid[]) or (pua_id = any(${[...scope.readAssigned]}::uuid[]) and assignee_staff_id = ${scope.staffId}))
    limit 1`;
  const list: Case[] = [
    { label: 'default, first page', filters: {} },
    { label: `default, page ${page} (keyset)`, filters: { after } },
    { label: 'mine', filters: { mine: true } },
    { label: 'overdue', filters: { overdue: true } },
    { label: 'due soon', filters: { dueSoon: true } },
    { label: 'status = in_progress', filters: { status: 'in_progress' } },
  ];
  if (sample) list.push({ label: `search diarienummer "${sample.diarienummer}"`, filters: { q: sample.diarienummer } });
  list.push({ label: 'search name "johansson"', filters: { q: 'johansson' } });
  list.push({ label: 'search name "zetterlund" (no hit)', filters: { q: 'zetterlund' } });
  if (sub && pnrs.has(sub.lookup)) list.push({ label: 'search personnummer', filters: { q: pnrs.get(sub.lookup)! } });
  if (old) list.push({ label: `status = closed + diarienummer "${old.diarienummer}"`, filters: { status: 'closed', q: old.diarienummer } });
  list.push({ label: 'status = closed + name "johansson"', filters: { status: 'closed', q: 'johansson' } });
  return list;
}

/** The SELECT listInbox sent (captured through the drizzle logger), for EXPLAIN. */
async function capturedSelect(handle: Handle, scope: StaffScope, filters: InboxFilters) {
  handle.captured.length = 0;
  handle.capture = true;
  try {
    await listInbox(scope, filters);
  } finally {
    handle.capture = false;
  }
  const q = handle.captured.find((c) => c.query.startsWith('select') && c.query.includes('from "cases"'));
  if (!q) throw new Error('listInbox query not captured');
  return q;
}

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };
function planSummary(node: PlanNode, out = new Set<string>()): Set<string> {
  if (node['Index Name']) out.add(node['Index Name']);
  else if (node['Node Type'] === 'Seq Scan') out.add(`seq scan ${node['Relation Name']}`);
  else if (node['Node Type'] === 'Sort' || node['Node Type'] === 'Incremental Sort') out.add(node['Node Type'].toLowerCase());
  for (const child of node.Plans ?? []) planSummary(child, out);
  return out;
}

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

async function measure(handle: Handle, scopes: Named[], today: string): Promise<Result[]> {
  const results: Result[] = [];
  console.log(`  (load average before: ${load()})`);
  for (const { label, scope } of scopes) {
    for (const c of await casesFor(handle, scope, today)) {
      const { query, params } = await capturedSelect(handle, scope, c.filters);
      const [plan] = await handle.client.unsafe(`explain (format json) ${query}`, params as never[]);
      const summary = [...planSummary((plan!['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan)].filter((s) => !/^(pua|staff_users|case_handlers)_/.test(s)).join(', ');
      for (let i = 0; i < WARMUP; i++) await listInbox(scope, c.filters);
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        const page = await listInbox(scope, c.filters);
        times.push(performance.now() - t);
        rows = page.rows.length;
      }
      times.sort((a, b) => a - b);
      const r: Result = { scope: label, query: c.label, rows, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)!, plan: summary };
      results.push(r);
      process.stdout.write(`  ${label.padEnd(24)} ${c.label.padEnd(48)} p50 ${ms(r.p50).padStart(6)} ms  p95 ${ms(r.p95).padStart(6)} ms\n`);
    }
  }
  console.log(`  (load average after: ${load()}; other work on the machine shows up in p95 and max)`);
  return results;
}

function printResults(title: string, results: Result[]) {
  console.log(`\n${title} (ms over ${RUNS} runs after ${WARMUP} warm-up runs; listInbox incl. its audit row)\n`);
  table(
    ['Scope', 'Query', 'Rows', 'p50', 'p95', 'max', 'Plan uses'],
    results.map((r) => [r.scope, r.query, r.rows, ms(r.p50), ms(r.p95), ms(r.max), r.plan]),
  );
  const slow = results.filter((r) => r.p95 > 50);
  console.log(slow.length ? `\n${slow.length} quer${slow.length === 1 ? 'y has' : 'ies have'} p95 > 50 ms.` : '\nEvery query has p95 ≤ 50 ms.');
}

async function explain(handle: Handle, scope: Named, label: string, filters: InboxFilters) {
  const { query, params } = await capturedSelect(handle, scope.scope, filters);
  const rows = await handle.client.unsafe(`explain (analyze, buffers) ${query}`, params as never[]);
  console.log(`\nEXPLAIN (ANALYZE, BUFFERS) — ${scope.label}, ${label}\n`);
  for (const r of rows) console.log(`  ${r['QUERY PLAN']}`);
}

// ---------------------------------------------------------------------------------------------
// 3. The inbox indexes of migration 0008 (--compare) and a trigram candidate (--try-trgm)
// ---------------------------------------------------------------------------------------------

/**
 * The inbox indexes (issue #5), exactly as migration 0008 creates them: --compare drops them to
 * measure the inbox without them, then builds them again. Read from the migration so the
 * benchmark cannot drift from the schema.
 */
const INBOX_INDEX_MIGRATION = new URL('../db/migrations/0008_inbox_open_case_indexes.sql', import.meta.url);
const INBOX_INDEXES = fs.readFileSync(INBOX_INDEX_MIGRATION, 'utf8')
  .split('--> statement-breakpoint').map((statement) => statement.trim().replace(/;$/, '')).filter(Boolean);
const inboxIndexNames = INBOX_INDEXES.map((statement) => /CREATE INDEX "([^"]+)"/.exec(statement)![1]!);

async function dropInboxIndexes(handle: Handle) {
  for (const name of inboxIndexNames) await handle.client.unsafe(`DROP INDEX "${name}"`);
  await handle.client.unsafe(`analyze cases`);
  console.log(`  Dropped ${inboxIndexNames.join(', ')}.`);
}
const TRGM_INDEXES = [
  `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
  `CREATE INDEX "submissions_subject_name_trgm_idx" ON "submissions" USING gin ("subject_name" gin_trgm_ops)`,
];

async function addIndexes(handle: Handle, statements: string[]) {
  const t = performance.now();
  for (const s of statements) {
    console.log(`  ${s}`);
    await handle.client.unsafe(s);
  }
  await handle.client.unsafe(`analyze cases`);
  await handle.client.unsafe(`analyze submissions`);
  console.log(`  (built in ${seconds(t)})`);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const today = todayInStockholm();
  const server = await admin.unsafe(`select version() as v, current_setting('shared_buffers') as sb, current_setting('work_mem') as wm, current_setting('jit') as jit`);
  console.log(`Inbox benchmark: ${fmt(CASES)} cases on ${server[0]!.v.split(' on ')[0]} (shared_buffers ${server[0]!.sb}, work_mem ${server[0]!.wm}, jit ${server[0]!.jit}), ${os.cpus().length} CPU cores, today ${today}.`);
  const handle = await setUp(today);
  console.log(`Inbox page size ${INBOX_PAGE_SIZE}.`);

  const scopes: Named[] = [
    { label: 'Anna (samordnare SN)', scope: await scopeOf(handle, 'Anna Lindqvist') },
    { label: 'Karin (samordnare 4 PUA)', scope: await scopeOf(handle, 'Karin Åberg') },
    { label: 'Erik (handläggare)', scope: await scopeOf(handle, 'Erik Holm') },
    { label: 'Helena (DPO, 13 PUA)', scope: await scopeOf(handle, 'Helena Dahl') },
  ];

  if (COMPARE) await dropInboxIndexes(handle);
  console.log(COMPARE ? '\nMeasuring without the inbox indexes of migration 0008 …' : '\nMeasuring (the indexes of db/schema) …');
  const before = await measure(handle, scopes, today);
  printResults(COMPARE ? 'Without the inbox indexes' : 'The indexes of db/schema', before);
  await explain(handle, scopes[0]!, 'default first page', {});
  await explain(handle, scopes[0]!, 'search name "johansson"', { q: 'johansson' });

  const phases: [string, string[]][] = [];
  if (COMPARE) phases.push(['the inbox indexes of migration 0008', INBOX_INDEXES]);
  if (TRY_TRGM) phases.push(['pg_trgm on submissions.subject_name', TRGM_INDEXES]);
  let previous = before;
  for (const [name, statements] of phases) {
    console.log(`\nAdding ${name}:`);
    await addIndexes(handle, statements);
    const after = await measure(handle, scopes, today);
    printResults(`With ${name}`, after);
    console.log(`\nBefore → after (p50 / p95 ms)\n`);
    table(
      ['Scope', 'Query', 'before p50', 'before p95', 'after p50', 'after p95'],
      after.map((r, i) => [r.scope, r.query, ms(previous[i]!.p50), ms(previous[i]!.p95), ms(r.p50), ms(r.p95)]),
    );
    await explain(handle, scopes[0]!, 'default first page', {});
    await explain(handle, scopes[0]!, 'search name "johansson"', { q: 'johansson' });
    previous = after;
  }
  useDatabase(undefined);
}

try {
  await main();
  await dropDatabase();
} catch (e) {
  if (!stopping) {
    console.error(e);
    await dropDatabase().catch((err) => console.error('Could not drop the database:', err));
    process.exit(1);
  }
}
