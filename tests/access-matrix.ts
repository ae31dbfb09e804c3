/**
 * What the back office's role × route matrices share (app/routes/*.access-matrix.db.test.ts): the
 * people — every staff role, in the case's PUA (SN), in another PUA (BUN) or kommun-wide, and a
 * resident — each with a session and a CSRF token; a request builder; and `outcome`, which reads
 * what a loader or action answered. Allowed means the route answers (200, a redirect, or a 400
 * from past the guard); refused means 404, so a page's existence is not revealed; a resident is
 * sent to the staff login. Use inside a file that called `useTestDatabase()`.
 */
import type { DatabaseHandle } from '../db/client';
import type { StaffRole } from '../app/domain/permissions';
import { addStaffRole } from '../app/models/staff.server';
import { getCsrfToken } from '../app/utils/csrf.server';
import { startSession } from '../app/utils/session.server';
import { demoKommun } from './cases';

export type Who = { label: string; cookie: string; csrf: string; staffId?: string };
export type Outcome = 'allow' | 'deny' | 'login';
export const A = 'allow', D = 'deny', L = 'login';

/** A valid personnummer for a made-up staff member (Luhn check digit). */
function pnr(serial: number): string {
  const base = `19700101${String(800 + serial).padStart(3, '0')}`;
  const digits = base.slice(2).split('').map(Number);
  const sum = digits.reduce((acc, d, i) => {
    const v = i % 2 === 0 ? d * 2 : d;
    return acc + (v > 9 ? v - 9 : v);
  }, 0);
  return `${base}${(10 - (sum % 10)) % 10}`;
}

export async function outcome(run: () => Promise<unknown>): Promise<{ kind: Outcome; status: number; location: string | null }> {
  let res: Response;
  try {
    const value = await run();
    if (!(value instanceof Response)) throw new Error('expected a Response');
    res = value;
  } catch (e) {
    if (!(e instanceof Response)) throw e;
    res = e;
  }
  const location = res.headers.get('Location');
  if (res.status === 404) return { kind: 'deny', status: 404, location };
  if (res.status === 302 && location?.startsWith('/personal/logga-in')) return { kind: 'login', status: 302, location };
  // 400: past the guard, refused by the case's state (e.g. registering a registered case).
  if (res.status === 200 || res.status === 302 || res.status === 400) return { kind: 'allow', status: res.status, location };
  throw new Error(`unexpected status ${res.status}`);
}

/** `outcome(...).kind`, for filling a row of the matrix. */
export const kindOf = async (run: () => Promise<unknown>) => (await outcome(run)).kind;

async function sessionFor(owner: Parameters<typeof startSession>[1]) {
  const session = (await startSession(new Request('http://localhost/'), owner)).split(';')[0]!;
  const csrf = await getCsrfToken(new Request('http://localhost/'));
  return { cookie: `${session}; ${csrf.setCookie!.split(';')[0]}`, csrf: csrf.token };
}

/** The rows of every matrix: a label, the role, and where it holds. */
const PEOPLE: [string, StaffRole, 'SN' | 'BUN' | 'kommun'][] = [
  ['samordnare SN', 'gdpr_samordnare', 'SN'],
  ['samordnare BUN', 'gdpr_samordnare', 'BUN'],
  ['handläggare SN, assigned', 'handlaggare', 'SN'],
  ['handläggare SN, not assigned', 'handlaggare', 'SN'],
  ['systemägare SN', 'systemagare', 'SN'],
  ['registrator SN', 'registrator', 'SN'],
  ['reception', 'reception', 'kommun'],
  ['kontaktcenter', 'kontaktcenter', 'kommun'],
  ['dataskyddsombud', 'dataskyddsombud', 'kommun'],
  ['admin', 'admin', 'kommun'],
];

/**
 * Sjöbacka's SN and BUN, one staff member per row of `PEOPLE` and the resident `residentId`
 * ("resident"), each logged in. Nobody is assigned anything yet.
 */
export async function addMatrixPeople(handle: DatabaseHandle, residentId: string) {
  const { sjobacka } = await demoKommun(handle);
  const puaId = (code: string) => sjobacka.pua.find((p) => p.code === code)!.id;
  const people: Record<string, Who> = {};
  for (const [i, [label, role, where]] of PEOPLE.entries()) {
    const scope = where === 'kommun' ? { kommunId: sjobacka.id } : { puaIds: [puaId(where)] };
    const user = await addStaffRole({ personnummer: pnr(i), name: label, role, scope }, { type: 'cli' });
    people[label] = { label, staffId: user.id, ...(await sessionFor({ kind: 'staff', staffUserId: user.id })) };
  }
  people.resident = { label: 'resident', ...(await sessionFor({ kind: 'resident', residentId })) };
  return { people, sn: puaId('SN'), bun: puaId('BUN') };
}

/**
 * One more staff member of Sjöbacka, logged in, beside the matrix's one per role: e.g. a second
 * reception official, who must not reach what the first one checked or handed over.
 */
export async function addLoggedInStaff(handle: DatabaseHandle, person: { personnummer: string; name: string; role: StaffRole; where: 'kommun' | 'SN' | 'BUN' }): Promise<Who> {
  const { sjobacka } = await demoKommun(handle);
  const scope = person.where === 'kommun' ? { kommunId: sjobacka.id } : { puaIds: [sjobacka.pua.find((p) => p.code === person.where)!.id] };
  const user = await addStaffRole({ personnummer: person.personnummer, name: person.name, role: person.role, scope }, { type: 'cli' });
  return { label: person.name, staffId: user.id, ...(await sessionFor({ kind: 'staff', staffUserId: user.id })) };
}

/** A loader's or action's arguments: GET, or POST of `form` (url-encoded, with the CSRF token). */
export const args = (who: Who, path: string, params: Record<string, string>, form?: Record<string, string>) => ({
  request: new Request(`http://localhost${path}`, {
    method: form ? 'POST' : 'GET',
    headers: { Cookie: who.cookie, ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
    body: form ? new URLSearchParams({ csrf: who.csrf, ...form }) : undefined,
  }),
  params,
  context: { cspNonce: 'test', clientIp: '127.0.0.1' },
});
