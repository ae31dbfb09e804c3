/**
 * A beslut collected at the reception (issue #8: "packages and letters waiting for pick-up"): listed
 * for the reception, shown on the verified person's page, handed over only to the one who asked
 * against an ID document — which is the notification (FL 44 §) the appeal period runs from — and
 * the letter printable afterwards only by the official who handed it over, for twelve hours.
 */
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, caseEvents, cases, decisions, staffUsers } from '../../db/schema/index';
import { A, addMatrixPeople, args, D, kindOf, L, type Who, addLoggedInStaff } from '../../tests/access-matrix';
import { addResident, demoKommun, fileCase, useTestDeliveryStore, useTestFileStore } from '../../tests/cases';
import { useTestDatabase } from '../../tests/db';
import { pdfText } from '../../tests/pdf-text';
import { renderNotificationProof } from '~/documents/court-package.server';
import { appealDeadline } from '~/domain/deadlines';
import { registerCase } from '~/models/case-handling.server';
import { recordInPersonNotification } from '~/models/decision-notification.server';
import { residentDecisions, saveDecisionDraft, takeDecision } from '~/models/decisions.server';
import { todayInStockholm } from '~/utils/dates.server';
import { personnummerLookup } from '~/utils/pnr-crypto.server';
import { action as verifyAction } from './personal.besokare._index';
import { action as personAction, loader as personLoader } from './personal.besokare.$checkId';
import { loader as pickupLoader } from './personal.uthamtning._index';
import { loader as letterLoader } from './personal.uthamtning.beslut.$decisionId';

const t = useTestDatabase();
useTestFileStore();
useTestDeliveryStore();

const ANNA = '198001019804';
const AVSLAG = [{ right: 'radering' as const, outcome: 'avslag' as const, grounds: [{ id: 'art17_3b_allmanna_handlingar' as const, text: 'Handlingarna är allmänna och ska bevaras.' }], motivering: 'Anteckningarna ska bevaras enligt dokumenthanteringsplanen till 2030.' }];
const world = {} as { people: Record<string, Who>; caseId: string; decisionId: string; portalDecisionId: string };

async function staffId(pnr: string) {
  const [s] = await t.handle.db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.pnrLookup, personnummerLookup(pnr)));
  return s!.id;
}

/** Registers the case, drafts a partial refusal and has the samordnare decide it; returns the decision's id. */
async function decide(caseId: string) {
  const samordnare = await staffId('197803149827');
  const handlaggare = await staffId('198705199837');
  await registerCase({ caseId, staffId: samordnare, assigneeId: handlaggare });
  const draft = await saveDecisionDraft({ caseId, staffId: handlaggare, purpose: { kind: 'request' }, parts: AVSLAG, rights: ['radering'] });
  if (!draft.ok) throw new Error(JSON.stringify(draft));
  expect(await takeDecision({ decisionId: draft.id, caseId, staffId: samordnare })).toMatchObject({ ok: true });
  return draft.id;
}

beforeAll(async () => {
  await demoKommun(t.handle);
  const anna = await addResident(t.handle, ANNA, 'Anna Andersson');
  const { people } = await addMatrixPeople(t.handle, anna.id);
  const [c] = await fileCase(t.handle, anna, ANNA, { puaCodes: ['SN'], rights: ['radering'], answers: { delivery: 'reception' } });
  // A decision delivered in the portal: never waits at the reception.
  const [portal] = await fileCase(t.handle, anna, ANNA, { puaCodes: ['SN'], rights: ['radering'] });
  Object.assign(world, { people, caseId: c!.id, decisionId: await decide(c!.id), portalDecisionId: await decide(portal!.id) });
});

const document = { personnummer: '19800101-9804', name: 'Anna Andersson', documentType: 'korkort', issuer: 'Transportstyrelsen', lastFour: '12ab', confirmed: 'yes' };

async function check(label: string, fields: Record<string, string> = document): Promise<string> {
  const r = (await verifyAction(args(world.people[label]!, '/personal/besokare', {}, fields))) as Response;
  expect(r.status).toBe(302);
  return r.headers.get('Location')!;
}
const checkIdOf = (path: string) => path.split('?')[0]!.split('/').pop()!;
const page = async (label: string, path: string) => (await ((await personLoader(args(world.people[label]!, path, { checkId: checkIdOf(path) }))) as Response).json());
const handOver = (label: string, path: string, decisionId = world.decisionId) => personAction(args(world.people[label]!, path, { checkId: checkIdOf(path) }, { intent: 'handover-decision', decisionId }));
const letterPath = () => `/personal/uthamtning/beslut/${world.decisionId}`;
const letterOf = (who: Who) => letterLoader(args(who, letterPath(), { decisionId: world.decisionId }));
const pickupList = async () => (await ((await pickupLoader(args(world.people.reception!, '/personal/uthamtning', {}))) as Response).json());

/** Another reception official of the same kommun, logged in (the matrix has one of each role). */
const secondReceptionist = () => addLoggedInStaff(t.handle, { personnummer: '198502149806', name: 'Rut Receptionist', role: 'reception', where: 'kommun' });

describe('a beslut waiting at the reception', () => {
  it('is on the reception’s list, masked, and names nobody for skyddade personuppgifter; a portal decision is not', async () => {
    const list = await pickupList();
    expect(list.decisions).toEqual([expect.objectContaining({ decisionId: world.decisionId, recipientName: 'Anna Andersson', recipientPnrMasked: '19800101-****', recipientUnknown: false })]);
    await t.handle.db.update(cases).set({ protectedIdentity: true }).where(eq(cases.id, world.caseId));
    expect((await pickupList()).decisions).toEqual([expect.objectContaining({ decisionId: world.decisionId, recipientName: null, recipientPnrMasked: null })]);
    await t.handle.db.update(cases).set({ protectedIdentity: false }).where(eq(cases.id, world.caseId));
    const [audit] = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'decision.pickup_list'));
    expect(audit!.details).toEqual({ decisions: [world.decisionId] });
  });

  it('is not for the kontaktcenter, a caller on the phone, or someone else at the desk', async () => {
    const kc = await check('kontaktcenter');
    expect((await page('kontaktcenter', kc)).decisions).toBeNull();
    expect(await kindOf(() => handOver('kontaktcenter', kc))).toBe(D);

    const phoneCheck = { id: crypto.randomUUID(), method: 'bankid_phone' as const, personnummer: ANNA, pnrLookup: personnummerLookup(ANNA), name: 'Anna Andersson', document: null, checkedAt: new Date() };
    const { sjobacka } = await demoKommun(t.handle);
    expect(await recordInPersonNotification({ decisionId: world.decisionId, check: phoneCheck, staffId: world.people.reception!.staffId!, puaIds: sjobacka.pua.map((p) => p.id) })).toEqual({ ok: false, error: 'needs-document' });

    const sven = await check('reception', { ...document, personnummer: '19650412-9815', name: 'Sven Svensson' });
    expect((await page('reception', sven)).decisions).toEqual([]);
    const wrong = (await handOver('reception', sven)) as Response;
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ decisionError: 'not-recipient' });

    // Not handed over: nothing notified, no letter to print.
    const [d] = await t.handle.db.select().from(decisions).where(eq(decisions.id, world.decisionId));
    expect(d).toMatchObject({ notifiedOn: null, notificationMethod: null });
    expect(await kindOf(() => letterOf(world.people.reception!))).toBe(D);
  });

  it('is handed over to the one who asked: notified today in person, the appeal period from today; once only', async () => {
    const annas = await check('reception');
    const before = await page('reception', annas);
    expect(before.decisions).toEqual([expect.objectContaining({ decisionId: world.decisionId, diarienummer: expect.stringMatching(/^SN \d{4}\/\d{5}$/), puaName: 'Socialnämnden', decidedOn: todayInStockholm() })]);
    // A decision delivered in the portal is not handed over here.
    expect(await kindOf(() => handOver('reception', annas, world.portalDecisionId))).toBe(D);

    const handed = (await handOver('reception', annas)) as Response;
    expect(handed.status).toBe(302);
    expect(handed.headers.get('Location')).toBe(`${annas}?beslut=${world.decisionId}`);
    const after = await page('reception', `${annas}?beslut=${world.decisionId}`);
    expect(after).toMatchObject({ handedDecision: world.decisionId, decisions: [] });

    const today = todayInStockholm();
    const staff = world.people.reception!.staffId!;
    const [d] = await t.handle.db.select().from(decisions).where(eq(decisions.id, world.decisionId));
    expect(d).toMatchObject({ notifiedOn: today, notificationMethod: 'in_person', notificationRecordedByStaffId: staff });
    const [mine] = (await residentDecisions(world.caseId)).filter((x) => x.id === world.decisionId);
    expect(mine).toMatchObject({ notifiedOn: today, notificationMethod: 'in_person', lastDay: appealDeadline(today) });

    const [event] = await t.handle.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, world.caseId), eq(caseEvents.type, 'decision.notified')));
    expect(event).toMatchObject({ actorType: 'staff', actorId: staff, visibleToResident: true, data: { decisionId: world.decisionId, method: 'in_person', notifiedOn: today, appealDeadline: appealDeadline(today) } });
    const audits = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'decision.notified'), eq(auditLog.entityId, world.caseId)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorType: 'staff', actorId: staff, details: { decisionId: world.decisionId, method: 'in_person', checkId: checkIdOf(annas), checkMethod: 'id_document', documentType: 'korkort' } });
    expect(JSON.stringify(audits[0])).not.toMatch(/198001019804|19800101-9804/);

    // It left the list; a second handover is refused and moves nothing.
    expect((await pickupList()).decisions).toEqual([]);
    const again = (await handOver('reception', annas)) as Response;
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ decisionError: 'already-notified' });
    expect(await t.handle.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, world.caseId), eq(caseEvents.type, 'decision.notified')))).toHaveLength(1);
  });

  it('lets only the official who handed it over print the letter, for twelve hours; audited', async () => {
    const res = (await letterOf(world.people.reception!)) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/pdf');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const [audit] = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'decision.handover_file'), eq(auditLog.entityId, world.caseId)));
    expect(audit).toMatchObject({ actorId: world.people.reception!.staffId, details: { decisionId: world.decisionId } });
    expect(JSON.stringify(audit)).not.toMatch(/198001019804|19800101-9804/);

    expect(await kindOf(() => letterOf(world.people.reception!))).toBe(A);
    expect(await kindOf(async () => letterOf(await secondReceptionist()))).toBe(D);
    const expected: Record<string, string> = { reception: A, resident: L };
    for (const label of ['samordnare SN', 'handläggare SN, assigned', 'registrator SN', 'reception', 'kontaktcenter', 'dataskyddsombud', 'admin', 'resident']) {
      expect(await kindOf(() => letterOf(world.people[label]!)), label).toBe(expected[label] ?? D);
    }
    expect(await kindOf(() => letterLoader(args(world.people.reception!, '/personal/uthamtning/beslut/x', { decisionId: 'x' })))).toBe(D);

    const handedAgo = async (hours: number) => {
      await t.handle.db.update(caseEvents).set({ at: new Date(Date.now() - hours * 3_600_000) }).where(and(eq(caseEvents.caseId, world.caseId), eq(caseEvents.type, 'decision.notified')));
      return kindOf(() => letterOf(world.people.reception!));
    };
    expect(await handedAgo(11.9)).toBe(A);
    expect(await handedAgo(12.1)).toBe(D);
  });
});

describe('the proof of notification for the court (FL 46 §)', () => {
  it('says the decision was handed over at the reception, by whom and when', async () => {
    const pdf = await renderNotificationProof({
      diarienummer: 'SN 2026/00001',
      pua: { name: 'Socialnämnden' },
      decision: { decidedOn: '2026-12-01', title: 'Beslut om radering' },
      notifiedOn: '2026-12-02',
      method: 'in_person',
      recordedBy: { name: 'Rut Receptionist', at: '2026-12-02T09:15:00.000Z' },
      appealDeadline: appealDeadline('2026-12-02'),
    });
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('Utlämnat i receptionen');
    expect(text).toContain('Beslutet lämnades ut i receptionen av Rut Receptionist den');
  });
});
