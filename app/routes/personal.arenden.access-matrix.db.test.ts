/**
 * The role × route matrix of the back office (issue #5 "Roles and access"): every case route,
 * loader and each action, for every role — in the case's PUA, in another PUA — and for a resident.
 * Allowed means the route answers (200, or the action's redirect); refused means 404, so a page's
 * existence is not revealed. A resident is sent to the staff login. The people and `outcome` are
 * in tests/access-matrix.ts; the routes of issue #6 (beslut, överklagande, delegationsbeslut) have
 * their matrix in personal.decisions.access-matrix.db.test.ts.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { useTestDatabase } from '../../tests/db';
import { addResident, fileCase, useTestFileStore } from '../../tests/cases';
import { A, D, L, addMatrixPeople, args, outcome, type Outcome } from '../../tests/access-matrix';
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

const world = {} as {
  caseId: string;
  fileId: string;
  taskId: string;
  people: Awaited<ReturnType<typeof addMatrixPeople>>['people'];
};

beforeAll(async () => {
  const anna = await addResident(t.handle, '198001019804', 'Anna Andersson');
  const [c] = await fileCase(t.handle, anna, '198001019804', { puaCodes: ['SN'] });
  await sendResidentMessage({ caseId: c!.id, residentId: anna.id, body: 'Bilaga', files: [{ filename: 'a.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n%%EOF\n'), mimeType: 'application/pdf', size: 15 }] });
  const fileId = (await listCaseMessages(c!.id))[0]!.attachments[0]!.id;

  const { people } = await addMatrixPeople(t.handle, anna.id);
  const assigned = people['handläggare SN, assigned']!.staffId!;
  await assignCase({ caseId: c!.id, staffId: people['samordnare SN']!.staffId!, assigneeId: assigned, allowed: [assigned] });
  const owner = people['systemägare SN']!.staffId!;
  const task = (await sendTask({ caseId: c!.id, staffId: people['samordnare SN']!.staffId!, assigneeId: owner, instructions: 'Sök i Treserva', allowed: [owner] })) as { taskId: string };
  Object.assign(world, { caseId: c!.id, fileId, people, taskId: task.taskId });
});

// Expected outcome per person and route (or action intent).
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
