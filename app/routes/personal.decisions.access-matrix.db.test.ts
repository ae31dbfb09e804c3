/**
 * The role × route matrix for the routes of issue #6 (beslut, överklagande, redovisning av
 * delegationsbeslut): each loader and action intent, for every role — in the case's PUA (SN), in
 * another PUA — and for a resident. The people and `outcome` are in tests/access-matrix.ts; the
 * case routes of issue #5 have their matrix in personal.arenden.access-matrix.db.test.ts.
 *
 * Every cell runs, person after person, against one world, so a request that is let in must leave
 * the world as the next person finds it: where doing it for real would change what the next cell
 * sees (take the decision, forward the appeal) the request is one the model refuses (400, past the
 * guard); where it can be repeated (save a draft, record a rättidsprövning or a court's ruling)
 * it is done for real.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addMatrixPeople, args, kindOf, type Outcome } from '../../tests/access-matrix';
import { addResident, fileCase, useTestFileStore } from '../../tests/cases';
import { useTestDatabase } from '../../tests/db';
import { forwardAppeal } from '~/models/appeal-forwarding.server';
import { recordRattidsprovning, registerPaperAppeal } from '~/models/appeals.server';
import { registerCase } from '~/models/case-handling.server';
import { recordPostalNotification } from '~/models/decision-notification.server';
import { proposeDecision, saveDecisionDraft, takeDecision } from '~/models/decisions.server';
import { todayInStockholm } from '~/utils/dates.server';
import { action as decisionAction, loader as decisionLoader } from './personal.arenden.$caseId_.beslut';
import { loader as previewLoader } from './personal.arenden.$caseId_.beslut_.forhandsgranska';
import { action as appealAction, loader as appealLoader } from './personal.arenden.$caseId_.overklagande.$appealId';
import { loader as packageLoader } from './personal.arenden.$caseId_.overklagande.$appealId_.paket';
import { action as paperAction, loader as paperLoader } from './personal.arenden.$caseId_.overklagande.ny';
import { action as reportAction, loader as reportLoader } from './personal.delegationsbeslut._index';
import { loader as reportFileLoader } from './personal.delegationsbeslut.fil';

const t = useTestDatabase();
useTestFileStore();

const AVSLAG = [{ right: 'radering' as const, outcome: 'avslag' as const, grounds: [{ id: 'art17_3b_allmanna_handlingar' as const, text: 'Handlingarna är allmänna och ska bevaras.' }], motivering: 'Anteckningarna ska bevaras enligt dokumenthanteringsplanen till 2030.' }];

const world = {} as {
  people: Awaited<ReturnType<typeof addMatrixPeople>>['people'];
  sn: string;
  bun: string;
  /** A case of SN whose avslag the samordnare proposed: open for approval. */
  proposedCaseId: string;
  /** A case of SN decided (avslag) and notified, with three appeals against the decision. */
  decidedCaseId: string;
  /** Received, for omprövning, rättidsprövning and the appeal's page. */
  appealId: string;
  /** Received, for an avvisningsbeslut (its own: an appeal has one open decision at a time). */
  avvisningAppealId: string;
  /** Forwarded to förvaltningsrätten: its package exists. */
  forwardedAppealId: string;
};

beforeAll(async () => {
  const anna = await addResident(t.handle, '198001019804', 'Anna Andersson');
  const { people, sn, bun } = await addMatrixPeople(t.handle, anna.id);
  const samordnare = people['samordnare SN']!.staffId!;
  const assigned = people['handläggare SN, assigned']!.staffId!;
  const today = todayInStockholm();

  const newCase = async () => {
    const [c] = await fileCase(t.handle, anna, '198001019804', { puaCodes: ['SN'], rights: ['radering'] });
    await registerCase({ caseId: c!.id, staffId: samordnare, assigneeId: assigned });
    const draft = await saveDecisionDraft({ caseId: c!.id, staffId: samordnare, purpose: { kind: 'request' }, parts: AVSLAG, rights: ['radering'] });
    if (!draft.ok) throw new Error(JSON.stringify(draft));
    return { caseId: c!.id, decisionId: draft.id };
  };

  // The samordnare proposes: approving is then refused to her (four-eyes) and to the handläggare
  // (SN's delegation 7.1 covers only bifall), so nobody in the matrix can take it.
  const proposed = await newCase();
  expect(await proposeDecision({ decisionId: proposed.decisionId, caseId: proposed.caseId, staffId: samordnare })).toMatchObject({ ok: true });

  const decided = await newCase();
  expect(await takeDecision({ decisionId: decided.decisionId, caseId: decided.caseId, staffId: samordnare })).toMatchObject({ ok: true });
  expect(await recordPostalNotification({ decisionId: decided.decisionId, caseId: decided.caseId, staffId: samordnare, notifiedOn: today })).toEqual({ ok: true });
  const appeal = async () => {
    const r = await registerPaperAppeal({ caseId: decided.caseId, staffId: samordnare, decisionId: decided.decisionId, receivedOn: today, changeWanted: 'Radera.', reasons: '', files: [] });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.id;
  };
  const forwardedAppealId = await appeal();
  await recordRattidsprovning({ caseId: decided.caseId, appealId: forwardedAppealId, staffId: samordnare });
  expect(await forwardAppeal({ caseId: decided.caseId, appealId: forwardedAppealId, staffId: samordnare })).toEqual({ ok: true });

  Object.assign(world, { people, sn, bun, proposedCaseId: proposed.caseId, decidedCaseId: decided.caseId, appealId: await appeal(), avvisningAppealId: await appeal(), forwardedAppealId });
});

const COLUMNS = [
  'beslut', 'beslut:save', 'beslut:propose', 'beslut:decide', 'beslut:return', 'beslut:approve', 'beslut:preview',
  'omprovning', 'omprovning:save', 'avvisning', 'avvisning:save',
  'appeal', 'appeal:timeliness', 'appeal:forward', 'appeal:court', 'paper', 'paper:register', 'package',
  'report', 'report:mark', 'report:file',
] as const;
type Column = (typeof COLUMNS)[number];

/**
 * The cells of one person. The form posted for each action is chosen as the header comment says;
 * the reason is beside each.
 */
async function row(label: string): Promise<Record<Column, Outcome>> {
  const who = world.people[label]!;
  const decision = (caseId: string, search = '') => ({ path: `/personal/arenden/${caseId}/beslut${search}`, params: { caseId } });
  const request = decision(world.proposedCaseId);
  const omprovning = decision(world.decidedCaseId, `?overklagande=${world.appealId}&typ=omprovning`);
  const avvisning = decision(world.decidedCaseId, `?overklagande=${world.avvisningAppealId}&typ=avvisning`);
  const appealAt = (appealId: string) => ({ path: `/personal/arenden/${world.decidedCaseId}/overklagande/${appealId}`, params: { caseId: world.decidedCaseId, appealId } });
  const appeal = appealAt(world.appealId);
  const forwarded = appealAt(world.forwardedAppealId);
  const paper = { path: `/personal/arenden/${world.decidedCaseId}/overklagande/ny`, params: { caseId: world.decidedCaseId } };
  const report = `/personal/delegationsbeslut?pua=${world.sn}`;
  const today = todayInStockholm();
  return {
    // Beslut on the request, a proposal open. Saving, proposing and deciding an empty form: invalid (400).
    'beslut': await kindOf(() => decisionLoader(args(who, request.path, request.params))),
    'beslut:save': await kindOf(() => decisionAction(args(who, request.path, request.params, { intent: 'save' }))),
    'beslut:propose': await kindOf(() => decisionAction(args(who, request.path, request.params, { intent: 'propose' }))),
    'beslut:decide': await kindOf(() => decisionAction(args(who, request.path, request.params, { intent: 'decide' }))),
    // Sending back without a reason: invalid (400). Approving: own proposal or no delegation (400).
    'beslut:return': await kindOf(() => decisionAction(args(who, request.path, request.params, { intent: 'return' }))),
    'beslut:approve': await kindOf(() => decisionAction(args(who, request.path, request.params, { intent: 'approve' }))),
    // The proposal's letter as a draft PDF (200).
    'beslut:preview': await kindOf(() => previewLoader(args(who, `${request.path}/forhandsgranska`, request.params))),
    // Omprövning and avvisningsbeslut on received appeals: a draft is saved (302), again and again.
    'omprovning': await kindOf(() => decisionLoader(args(who, omprovning.path, omprovning.params))),
    'omprovning:save': await kindOf(() => decisionAction(args(who, omprovning.path, omprovning.params, { intent: 'save', 'outcome.radering': 'bifall' }))),
    'avvisning': await kindOf(() => decisionLoader(args(who, avvisning.path, avvisning.params))),
    'avvisning:save': await kindOf(() => decisionAction(args(who, avvisning.path, avvisning.params, { intent: 'save' }))),
    // The appeal's page. Rättidsprövning is recorded anew (302); forwarding the forwarded appeal is
    // refused (400); a court's ruling on it replaces the last (302).
    'appeal': await kindOf(() => appealLoader(args(who, appeal.path, appeal.params))),
    'appeal:timeliness': await kindOf(() => appealAction(args(who, appeal.path, appeal.params, { intent: 'timeliness' }))),
    'appeal:forward': await kindOf(() => appealAction(args(who, forwarded.path, forwarded.params, { intent: 'forward' }))),
    'appeal:court': await kindOf(() => appealAction(args(who, forwarded.path, forwarded.params, { intent: 'court', court: 'forvaltningsratt', malnummer: '1234-26', outcome: 'avslag', decidedOn: today }))),
    // A paper appeal: registered (302), one more each time.
    'paper': await kindOf(() => paperLoader(args(who, paper.path, paper.params))),
    'paper:register': await kindOf(() => paperAction(args(who, paper.path, paper.params, { receivedOn: today, changeWanted: `Radera (${label}).`, reasons: '' }))),
    'package': await kindOf(() => packageLoader(args(who, `${forwarded.path}/paket`, forwarded.params))),
    // The delegation report of SN: marking is done once (302), then there is nothing left (400).
    'report': await kindOf(() => reportLoader(args(who, report, {}))),
    'report:mark': await kindOf(() => reportAction(args(who, report, {}, { meetingDate: today }))),
    'report:file': await kindOf(() => reportFileLoader(args(who, `/personal/delegationsbeslut/fil?pua=${world.sn}&format=csv`, {}))),
  };
}

/**
 * One letter per column, in groups as in COLUMNS: A allowed, D refused (404), L the staff login.
 * Beslut (and the preview of its letter): the case's handler (the PUA's samordnare, or the assignee) holding decide:case:pua.
 * The appeal's page and package: content access to the case (as its page). Acting on the appeal
 * and registering a paper one: the handler. The report: read:case or handle:case in the PUA;
 * marking it reported: handle:case:pua.
 */
const MATRIX: Record<string, string> = {
  //                               beslut  ompr avv  appeal paper pkg report
  'samordnare SN':                'AAAAAAA AA   AA   AAAA   AA    A   AAA',
  'samordnare BUN':               'DDDDDDD DD   DD   DDDD   DD    D   DDD',
  'handläggare SN, assigned':     'AAAAAAA AA   AA   AAAA   AA    A   DDD',
  'handläggare SN, not assigned': 'DDDDDDD DD   DD   DDDD   DD    D   DDD',
  'systemägare SN':               'DDDDDDD DD   DD   DDDD   DD    D   DDD',
  'registrator SN':               'DDDDDDD DD   DD   ADDD   DD    A   DDD',
  reception:                      'DDDDDDD DD   DD   DDDD   DD    D   DDD',
  kontaktcenter:                  'DDDDDDD DD   DD   DDDD   DD    D   DDD',
  dataskyddsombud:                'DDDDDDD DD   DD   ADDD   DD    A   ADA',
  admin:                          'DDDDDDD DD   DD   DDDD   DD    D   DDD',
  resident:                       'LLLLLLL LL   LL   LLLL   LL    L   LLL',
};

const LETTER: Record<string, Outcome> = { A: 'allow', D: 'deny', L: 'login' };

describe('back-office role × route matrix: beslut, överklagande, delegationsbeslut (issue #6)', () => {
  for (const [label, letters] of Object.entries(MATRIX)) {
    it(label, async () => {
      const cells = letters.replace(/\s+/g, '');
      expect(cells).toHaveLength(COLUMNS.length);
      expect(await row(label)).toEqual(Object.fromEntries(COLUMNS.map((c, i) => [c, LETTER[cells[i]!]])));
    });
  }

  it('a samordnare of another PUA is refused SN’s report, not the report: BUN’s own opens', async () => {
    const bun = world.people['samordnare BUN']!;
    expect(await kindOf(() => reportLoader(args(bun, `/personal/delegationsbeslut?pua=${world.sn}`, {})))).toBe('deny');
    const own = await reportLoader(args(bun, `/personal/delegationsbeslut?pua=${world.bun}`, {}));
    expect((await own.json()).period.puaId).toBe(world.bun);
  });
});
