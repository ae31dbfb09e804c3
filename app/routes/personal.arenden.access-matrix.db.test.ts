/**
 * The role × route matrix of the back office (issue #5 "Roles and access"): every case route,
 * loader and each action, for every role — in the case's PUA, in another PUA — and for a resident.
 * Allowed means the route answers (200, or the action's redirect); refused means 404, so a page's
 * existence is not revealed. A resident is sent to the staff login.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import type { StaffRole } from '~/domain/permissions';
import { addStaffRole } from '~/models/staff.server';
import { getCsrfToken } from '~/utils/csrf.server';
import { startSession } from '~/utils/session.server';
import { useTestDatabase } from '../../tests/db';
import { addResident, demoKommun, fileCase, useTestFileStore } from '../../tests/cases';
import { sendResidentMessage } from '~/models/case-messages.server';
import { assignCase } from '~/models/case-handling.server';
import { action as caseAction, loader as caseLoader } from './personal.arenden.$caseId';
import { loader as fileLoader } from './personal.arenden.$caseId_.filer.$fileId';
import { loader as inboxLoader } from './personal.arenden._index';
import { loader as taskLoader } from './personal.uppdrag.$taskId';
import { loader as tasksLoader } from './personal.uppdrag._index';
import { sendTask } from '~/models/case-tasks.server';
import { listCaseMessages } from '~/models/case-messages.server';

const t = useTestDatabase();
useTestFileStore();

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

type Who = { label: string; cookie: string; csrf: string; staffId?: string };
type Outcome = 'allow' | 'deny' | 'login';

async function outcome(run: () => Promise<unknown>): Promise<{ kind: Outcome; status: number; location: string | null }> {
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

const world = {} as {
  caseId: string;
  fileId: string;
  taskId: string;
  people: Record<string, Who>;
};

async function sessionFor(owner: Parameters<typeof startSession>[1]) {
  const session = (await startSession(new Request('http://localhost/'), owner)).split(';')[0]!;
  const csrf = await getCsrfToken(new Request('http://localhost/'));
  return { cookie: `${session}; ${csrf.setCookie!.split(';')[0]}`, csrf: csrf.token };
}

beforeAll(async () => {
  const { sjobacka } = await demoKommun(t.handle);
  const sn = sjobacka.pua.find((p) => p.code === 'SN')!.id;
  const bun = sjobacka.pua.find((p) => p.code === 'BUN')!.id;
  const anna = await addResident(t.handle, '198001019804', 'Anna Andersson');
  const [c] = await fileCase(t.handle, anna, '198001019804', { puaCodes: ['SN'] });
  await sendResidentMessage({ caseId: c!.id, residentId: anna.id, body: 'Bilaga', files: [{ filename: 'a.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n%%EOF\n'), mimeType: 'application/pdf', size: 15 }] });
  const fileId = (await listCaseMessages(c!.id))[0]!.attachments[0]!.id;

  const roles: [string, StaffRole, { puaIds: string[] } | { kommunId: string }][] = [
    ['samordnare SN', 'gdpr_samordnare', { puaIds: [sn] }],
    ['samordnare BUN', 'gdpr_samordnare', { puaIds: [bun] }],
    ['handläggare SN, assigned', 'handlaggare', { puaIds: [sn] }],
    ['handläggare SN, not assigned', 'handlaggare', { puaIds: [sn] }],
    ['systemägare SN', 'systemagare', { puaIds: [sn] }],
    ['registrator SN', 'registrator', { puaIds: [sn] }],
    ['reception', 'reception', { kommunId: sjobacka.id }],
    ['kontaktcenter', 'kontaktcenter', { kommunId: sjobacka.id }],
    ['dataskyddsombud', 'dataskyddsombud', { kommunId: sjobacka.id }],
    ['admin', 'admin', { kommunId: sjobacka.id }],
  ];
  const people: Record<string, Who> = {};
  for (const [i, [label, role, scope]] of roles.entries()) {
    const user = await addStaffRole({ personnummer: pnr(i), name: label, role, scope }, { type: 'cli' });
    people[label] = { label, staffId: user.id, ...(await sessionFor({ kind: 'staff', staffUserId: user.id })) };
  }
  people.resident = { label: 'resident', ...(await sessionFor({ kind: 'resident', residentId: anna.id })) };
  const assigned = people['handläggare SN, assigned']!.staffId!;
  await assignCase({ caseId: c!.id, staffId: people['samordnare SN']!.staffId!, assigneeId: assigned, allowed: [assigned] });
  const owner = people['systemägare SN']!.staffId!;
  const task = (await sendTask({ caseId: c!.id, staffId: people['samordnare SN']!.staffId!, assigneeId: owner, instructions: 'Sök i Treserva', allowed: [owner] })) as { taskId: string };
  Object.assign(world, { caseId: c!.id, fileId, people, taskId: task.taskId });
});

const args = (who: Who, path: string, params: Record<string, string>, form?: Record<string, string>) => ({
  request: new Request(`http://localhost${path}`, {
    method: form ? 'POST' : 'GET',
    headers: { Cookie: who.cookie, ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
    body: form ? new URLSearchParams({ csrf: who.csrf, ...form }) : undefined,
  }),
  params,
  context: { cspNonce: 'test', clientIp: '127.0.0.1' },
});

// Expected outcome per person and route (or action intent).
const A = 'allow', D = 'deny', L = 'login';
const MATRIX: Record<string, Record<string, Outcome>> = {
  'samordnare SN': { inbox: A, page: A, file: A, reveal: A, note: A, assign: A, register: A, tasks: A, task: D },
  'samordnare BUN': { inbox: A, page: D, file: D, reveal: D, note: D, assign: D, register: D, tasks: A, task: D },
  'handläggare SN, assigned': { inbox: A, page: A, file: A, reveal: A, note: A, assign: D, register: D, tasks: A, task: D },
  'handläggare SN, not assigned': { inbox: A, page: D, file: D, reveal: D, note: D, assign: D, register: D, tasks: A, task: D },
  'systemägare SN': { inbox: D, page: D, file: D, reveal: D, note: D, assign: D, register: D, tasks: A, task: A },
  'registrator SN': { inbox: A, page: A, file: A, reveal: A, note: D, assign: D, register: A, tasks: D, task: D },
  reception: { inbox: D, page: D, file: D, reveal: D, note: D, assign: D, register: D, tasks: D, task: D },
  kontaktcenter: { inbox: D, page: D, file: D, reveal: D, note: D, assign: D, register: D, tasks: D, task: D },
  dataskyddsombud: { inbox: A, page: A, file: A, reveal: A, note: D, assign: D, register: D, tasks: D, task: D },
  admin: { inbox: D, page: D, file: D, reveal: D, note: D, assign: D, register: D, tasks: D, task: D },
  resident: { inbox: L, page: L, file: L, reveal: L, note: L, assign: L, register: L, tasks: L, task: L },
};

describe('back-office role × route matrix', () => {
  for (const [label, expected] of Object.entries(MATRIX)) {
    it(label, async () => {
      const who = world.people[label]!;
      const caseParams = { caseId: world.caseId };
      const path = `/personal/arenden/${world.caseId}`;
      const got: Record<string, Outcome> = {
        inbox: (await outcome(() => inboxLoader(args(who, '/personal/arenden', {})))).kind,
        page: (await outcome(() => caseLoader(args(who, path, caseParams)))).kind,
        file: (await outcome(() => fileLoader(args(who, `${path}/filer/${world.fileId}`, { ...caseParams, fileId: world.fileId })))).kind,
        reveal: (await outcome(() => caseAction(args(who, path, caseParams, { intent: 'reveal' })))).kind,
        note: (await outcome(() => caseAction(args(who, path, caseParams, { intent: 'note', note: `Anteckning av ${label}` })))).kind,
        // Assigning to the person already assigned changes nothing but proves the access.
        assign: (await outcome(() => caseAction(args(who, path, caseParams, { intent: 'assign', assigneeId: world.people['handläggare SN, assigned']!.staffId! })))).kind,
        // The case is already registered: an allowed register is refused by the state machine (400), a denied one is 404.
        register: (await outcome(() => caseAction(args(who, path, caseParams, { intent: 'register' })))).kind,
        tasks: (await outcome(() => tasksLoader(args(who, '/personal/uppdrag', {})))).kind,
        task: (await outcome(() => taskLoader(args(who, `/personal/uppdrag/${world.taskId}`, { taskId: world.taskId })))).kind,
      };
      expect(got).toEqual(expected);
    });
  }

  it('the inbox of another PUA and of an unassigned handläggare does not list the case', async () => {
    for (const label of ['samordnare BUN', 'handläggare SN, not assigned']) {
      const res = await outcome(() => inboxLoader(args(world.people[label]!, '/personal/arenden', {})));
      expect(res.kind).toBe('allow');
    }
    const bun = await inboxLoader(args(world.people['samordnare BUN']!, '/personal/arenden', {}));
    expect((await bun.json()).rows).toEqual([]);
    const sn = await inboxLoader(args(world.people['samordnare SN']!, '/personal/arenden', {}));
    expect((await sn.json()).rows.map((r: { id: string }) => r.id)).toContain(world.caseId);
  });
});
