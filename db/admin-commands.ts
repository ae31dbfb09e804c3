/**
 * The admin CLI's commands (`npm run admin -- <command>`), kept apart from process handling so
 * tests call them directly. Each returns an exit code and writes to the given output.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { STAFF_ROLES, type StaffRole } from '../app/domain/permissions';
import { parsePersonnummer } from '../app/domain/personnummer';
import { validateSamverkanConfig } from '../app/domain/samverkan-config';
import { verifyAuditChain, type Actor } from '../app/models/audit.server';
import { findKommunByCode, importSamverkanConfig, resolvePuaRefs } from '../app/models/organisation.server';
import { addStaffRole, listStaffUsers, removeStaffUser } from '../app/models/staff.server';
import { todayInStockholm } from '../app/utils/dates.server';
import { db } from '../app/utils/db.server';

export type Output = { out(line: string): void; err(line: string): void };

const ACTOR: Actor = { type: 'cli', id: process.env.USER ?? 'admin' };

export const USAGE = `Användning: npm run admin -- <kommando>

  import <fil>                         importera (eller uppdatera) en samverkans konfiguration
  user:add --pnr <personnummer> --name <namn> --role <roll> (--pua <kommun/PUA>... | --kommun <kommun>) [--email <e-post>]
  user:list                            lista personal (personnummer maskerade)
  user:remove --pnr <personnummer>     ta bort en användare och alla roller
  audit:verify                         kontrollera granskningsloggens hashkedja

Roller: ${STAFF_ROLES.join(', ')}`;

function personnummerArg(value: string | undefined, io: Output): string | null {
  if (!value) {
    io.err('Fel: --pnr saknas.');
    return null;
  }
  const parsed = parsePersonnummer(value, todayInStockholm());
  if (!parsed.ok) {
    io.err(`Fel: --pnr är inte ett giltigt personnummer (${parsed.error}).`);
    return null;
  }
  return parsed.pnr.value;
}

async function importCommand(args: string[], io: Output): Promise<number> {
  const file = args[0];
  if (!file) {
    io.err('Fel: ange filen som ska importeras: npm run admin -- import <fil>');
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    io.err(`Fel: kan inte läsa ${file} som JSON: ${(error as Error).message}`);
    return 1;
  }
  const result = validateSamverkanConfig(json);
  if (!result.ok) {
    io.err(`Fel: ${file} är ogiltig (${result.errors.length} fel):`);
    for (const e of result.errors) io.err(`  ${e}`);
    return 1;
  }
  const s = await importSamverkanConfig(result.config, ACTOR, todayInStockholm());
  io.out(`Importerat ${file}: ${s.kommuner} kommuner, ${s.pua} PUA, ${s.dataskyddsombud} dataskyddsombud, ${s.staff} personal, ${s.roleAssignments} rolltilldelningar.`);
  return 0;
}

async function userAdd(args: string[], io: Output): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { pnr: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, pua: { type: 'string', multiple: true }, kommun: { type: 'string' }, email: { type: 'string' } },
    strict: true,
  });
  const pnr = personnummerArg(values.pnr, io);
  if (!pnr) return 2;
  if (!values.name?.trim()) {
    io.err('Fel: --name saknas.');
    return 2;
  }
  if (!values.role || !(STAFF_ROLES as readonly string[]).includes(values.role)) {
    io.err(`Fel: --role måste vara en av ${STAFF_ROLES.join(', ')}.`);
    return 2;
  }
  if (!!values.pua?.length === !!values.kommun) {
    io.err('Fel: ange antingen --pua <kommun/PUA> (en eller flera) eller --kommun <kommun>.');
    return 2;
  }
  let scope: { puaIds: string[] } | { kommunId: string };
  if (values.kommun) {
    const kommun = await findKommunByCode(values.kommun);
    if (!kommun) {
      io.err(`Fel: okänd kommun "${values.kommun}".`);
      return 1;
    }
    scope = { kommunId: kommun.id };
  } else {
    const { ids, unknown } = await resolvePuaRefs(values.pua!);
    if (unknown.length) {
      io.err(`Fel: okänd PUA ${unknown.map((u) => `"${u}"`).join(', ')} (skriv kommun/PUA, t.ex. sjobacka/SN).`);
      return 1;
    }
    scope = { puaIds: ids };
  }
  const user = await addStaffRole({ personnummer: pnr, name: values.name.trim(), email: values.email, role: values.role as StaffRole, scope }, ACTOR);
  io.out(`Rollen ${values.role} är tillagd för ${user.name}.`);
  return 0;
}

async function userList(io: Output): Promise<number> {
  const users = await listStaffUsers(ACTOR);
  for (const u of users) io.out(`${u.personnummer}  ${u.name}  ${u.roles.map((r) => r.role).join(', ')}`);
  io.out(`${users.length} användare.`);
  return 0;
}

async function userRemove(args: string[], io: Output): Promise<number> {
  const { values } = parseArgs({ args, options: { pnr: { type: 'string' } }, strict: true });
  const pnr = personnummerArg(values.pnr, io);
  if (!pnr) return 2;
  if (!(await removeStaffUser(pnr, ACTOR))) {
    io.err('Fel: ingen användare med det personnumret.');
    return 1;
  }
  io.out('Användaren är borttagen.');
  return 0;
}

async function auditVerify(io: Output): Promise<number> {
  const r = await verifyAuditChain(db());
  if (r.ok) {
    io.out(`Granskningsloggen är hel: ${r.rows} rader, hashkedjan stämmer.`);
    return 0;
  }
  io.err(`Granskningsloggen är INTE hel: ${r.problems.length} problem i ${r.rows} rader.`);
  for (const p of r.problems.slice(0, 50)) io.err(`  rad ${p.seq}: ${p.problem}`);
  return 1;
}

export async function runAdmin(argv: string[], io: Output): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'import':
        return await importCommand(args, io);
      case 'user:add':
        return await userAdd(args, io);
      case 'user:list':
        return await userList(io);
      case 'user:remove':
        return await userRemove(args, io);
      case 'audit:verify':
        return await auditVerify(io);
      default:
        io.err(command ? `Fel: okänt kommando "${command}".\n` : '');
        io.err(USAGE);
        return 2;
    }
  } catch (error) {
    // parseArgs throws on unknown flags; say which and show the usage.
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`Fel: ${error.message}`);
      io.err(USAGE);
      return 2;
    }
    throw error;
  }
}
