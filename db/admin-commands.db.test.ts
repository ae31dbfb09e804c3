import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../tests/db';
import { runAdmin } from './admin-commands';

const t = useTestDatabase();

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const tableCount = async (table: string) => ((await t.handle.raw.executeSql(`select count(*)::int as n from ${table}`, [])).rows[0] as { n: number }).n;

describe('npm run admin', () => {
  it('imports the demo file twice without duplicates', async () => {
    const first = await run('import', 'db/seed/demo-samverkan.json');
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toMatch(/^Importerat db\/seed\/demo-samverkan.json: 2 kommuner/);
    const counts = { pua: await tableCount('pua'), staff: await tableCount('staff_users'), roles: await tableCount('role_assignments') };
    expect((await run('import', 'db/seed/demo-samverkan.json')).code).toBe(0);
    expect({ pua: await tableCount('pua'), staff: await tableCount('staff_users'), roles: await tableCount('role_assignments') }).toEqual(counts);
  });

  it('a bad file gets precise errors naming the field, and a non-zero exit', async () => {
    const demo = JSON.parse(fs.readFileSync('db/seed/demo-samverkan.json', 'utf8'));
    demo.kommuner[1].pua[0].email = 'inte-en-adress';
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dsp-')), 'bad.json');
    fs.writeFileSync(file, JSON.stringify(demo));
    const r = await run('import', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('kommuner[1].pua[0].email: must be an e-mail address');
  });

  it('a file that is not JSON gets a clear error', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dsp-')), 'broken.json');
    fs.writeFileSync(file, '{ "samverkan": ');
    const r = await run('import', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/kan inte läsa .* som JSON/);
  });

  it('user:add, user:list (masked) and user:remove', async () => {
    const add = await run('user:add', '--pnr', '19900101-9984', '--name', 'Test Testsson', '--role', 'handlaggare', '--pua', 'sjobacka/SN', '--pua', 'sjobacka/BUN');
    expect(add).toMatchObject({ code: 0 });
    const list = await run('user:list');
    expect(list.out).toContain('19900101-****  Test Testsson  handlaggare, handlaggare');
    expect(list.out).not.toContain('19900101-9984');
    expect((await run('user:remove', '--pnr', '199001019984')).code).toBe(0);
    expect((await run('user:list')).out).not.toContain('Test Testsson');
  });

  it.each([
    [['user:add', '--pnr', '19900101-9985', '--name', 'X', '--role', 'handlaggare', '--pua', 'sjobacka/SN'], 2, /inte ett giltigt personnummer/],
    [['user:add', '--pnr', '19900101-9984', '--name', 'X', '--role', 'kung', '--pua', 'sjobacka/SN'], 2, /--role måste vara en av/],
    [['user:add', '--pnr', '19900101-9984', '--name', 'X', '--role', 'handlaggare'], 2, /antingen --pua/],
    [['user:add', '--pnr', '19900101-9984', '--name', 'X', '--role', 'handlaggare', '--pua', 'sjobacka/XYZ'], 1, /okänd PUA "sjobacka\/XYZ"/],
    [['user:add', '--pnr', '19900101-9984', '--name', 'X', '--role', 'reception', '--kommun', 'flen'], 1, /okänd kommun "flen"/],
    [['user:add', '--bogus'], 2, /Unknown option/],
    [['user:remove', '--pnr', '19900101-9984'], 1, /ingen användare/],
    [['frobnicate'], 2, /okänt kommando "frobnicate"/],
  ])('%j → exit %i with a clear message', async (argv, code, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
  });

  it('audit:verify reports an intact chain, then a tampered one', async () => {
    expect((await run('audit:verify')).out).toMatch(/Granskningsloggen är hel: \d+ rader/);
    await t.handle.raw.executeSql('alter table audit_log disable trigger audit_log_no_update_delete', []);
    await t.handle.raw.executeSql(`update audit_log set action = 'config.tampered' where seq = 1`, []);
    await t.handle.raw.executeSql('alter table audit_log enable trigger audit_log_no_update_delete', []);
    const r = await run('audit:verify');
    expect(r.code).toBe(1);
    expect(r.err).toContain('rad 1: hash-mismatch');
  });
});
