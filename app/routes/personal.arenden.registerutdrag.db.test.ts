/**
 * The samordnare's registerutdrag page (issue #7): who gets in (the PUA's samordnare; not the
 * handläggare, who cannot compile; nobody of another PUA), and the page's actions end to end —
 * review with errors, an exclusion drafting the beslut, four-eyes, and the build.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { A, addMatrixPeople, args, D, kindOf, L } from '../../tests/access-matrix';
import { addResident, fileCase, useTestDeliveryStore, useTestFileStore } from '../../tests/cases';
import { useTestDatabase } from '../../tests/db';
import { answerTask, sendTask } from '~/models/case-tasks.server';
import { assignCase, registerCase } from '~/models/case-handling.server';
import { openDecision, takeDecision } from '~/models/decisions.server';
import { addStaffRole } from '~/models/staff.server';
import { currentUtdragPackage } from '~/models/utdrag-package.server';
import { getCsrfToken } from '~/utils/csrf.server';
import { startSession } from '~/utils/session.server';
import { action, loader } from './personal.arenden.$caseId_.registerutdrag';
import { loader as previewLoader } from './personal.arenden.$caseId_.registerutdrag_.forhandsgranska';
import { loader as printLoader } from './personal.arenden.$caseId_.registerutdrag_.utskrift';

const t = useTestDatabase();
useTestFileStore();
useTestDeliveryStore();

const world = {} as { people: Awaited<ReturnType<typeof addMatrixPeople>>['people']; caseId: string; sn: string };
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);

beforeAll(async () => {
  const resident = await addResident(t.handle, '198001019804', 'Anna Andersson');
  const { people, sn } = await addMatrixPeople(t.handle, resident.id);
  const [c] = await fileCase(t.handle, resident, '198001019804');
  const samordnare = people['samordnare SN']!.staffId!;
  await registerCase({ caseId: c!.id, staffId: samordnare });
  const assignee = people['handläggare SN, assigned']!.staffId!;
  await assignCase({ caseId: c!.id, staffId: samordnare, assigneeId: assignee, allowed: [assignee] });
  const owner = people['systemägare SN']!.staffId!;
  const task = (await sendTask({ caseId: c!.id, staffId: samordnare, assigneeId: owner, instructions: 'Treserva', allowed: [owner] })) as { taskId: string };
  await answerTask({
    taskId: task.taskId,
    staffId: owner,
    answer: { found: 'yes', workplace: 'IFO', where: 'system', whereWhich: 'Treserva', source: 'person', purpose: 'x', legalBasis: 'public_interest', legalBasisLaw: 'SoL', retention: '5 år', thirdCountry: 'no', automated: 'no', activityCode: 'ekonomiskt-bistand' },
    files: [{ filename: 'utkast.pdf', bytes: pdf('utkast'), mimeType: 'application/pdf', size: 30 }],
  });
  Object.assign(world, { people, caseId: c!.id, sn });
});

const path = () => `/personal/arenden/${world.caseId}/registerutdrag`;

/** Maria Ek, a second samordnare of SN (four-eyes), signed in; added once. */
let second: Promise<{ maria: { id: string }; mariaWho: { label: string; cookie: string; csrf: string } }> | null = null;
function secondSamordnare() {
  second ??= (async () => {
    const maria = await addStaffRole({ personnummer: '197602029806', name: 'Maria Ek', role: 'gdpr_samordnare', scope: { puaIds: [world.sn] } }, { type: 'cli' });
    const session = (await startSession(new Request('http://localhost/'), { kind: 'staff', staffUserId: maria.id })).split(';')[0]!;
    const csrf = await getCsrfToken(new Request('http://localhost/'));
    return { maria, mariaWho: { label: 'Maria Ek', cookie: `${session}; ${csrf.setCookie!.split(';')[0]}`, csrf: csrf.token } };
  })();
  return second;
}
const get = (label: string) => loader(args(world.people[label]!, path(), { caseId: world.caseId }));
const post = (label: string, form: Record<string, string>) => action(args(world.people[label]!, path(), { caseId: world.caseId }, form));

describe('who may compile a registerutdrag', () => {
  const expected: Record<string, string> = { 'samordnare SN': A, resident: L };
  it.each(['samordnare SN', 'samordnare BUN', 'handläggare SN, assigned', 'handläggare SN, not assigned', 'systemägare SN', 'registrator SN', 'reception', 'kontaktcenter', 'dataskyddsombud', 'admin', 'resident'])('%s', async (label) => {
    expect(await kindOf(() => get(label))).toBe(expected[label] ?? D);
    // An unknown intent is past the guard (400) for the one let in.
    expect(await kindOf(() => post(label, { intent: 'nothing' }))).toBe(expected[label] ?? D);
  });
});

describe('the page, end to end', () => {
  it('reviews, drafts the beslut for an exclusion, and builds after a second samordnare approves', async () => {
    const page = await (await get('samordnare SN')).json();
    expect(page.items.map((i: { kind: string }) => i.kind)).toEqual(['answer', 'attachment']);
    expect(page.readiness).toEqual({ error: 'not-reviewed', outcome: 'bifall' });
    const [answer, file] = page.items as { id: string }[];

    // Refused: no activity; secrecy without its OSL provision.
    const noActivity = (await post('samordnare SN', { intent: 'review', itemId: answer!.id, outcome: 'release', activityCode: '' })) as Response;
    expect(noActivity.status).toBe(400);
    expect((await noActivity.json()).errors).toEqual({ activityCode: 'activity' });
    const noOsl = (await post('samordnare SN', { intent: 'review', itemId: file!.id, outcome: 'withhold', ground: 'dsl_5_1_sekretess', note: 'Anmälare.', activityCode: 'ekonomiskt-bistand' })) as Response;
    expect((await noOsl.json()).errors).toEqual({ oslReference: 'review.oslReferenceRequired' });
    const noStatute = (await post('samordnare SN', { intent: 'review', itemId: file!.id, outcome: 'withhold', ground: 'dsl_5_1_registerforfattning', statuteReference: '8 § SoLPuL', note: 'Registerlag.', activityCode: 'ekonomiskt-bistand' })) as Response;
    expect(noStatute.status).toBe(400);
    expect(await noStatute.json()).toMatchObject({ errors: { statuteReference: 'review.statuteReferenceInvalid' }, values: { statuteReference: '8 § SoLPuL' } });

    expect(((await post('samordnare SN', { intent: 'review', itemId: answer!.id, outcome: 'release', activityCode: 'ekonomiskt-bistand' })) as Response).status).toBe(302);
    expect(((await post('samordnare SN', { intent: 'review', itemId: file!.id, outcome: 'withhold', ground: 'dsl_5_2_utkast', note: 'Utkast.', activityCode: 'ekonomiskt-bistand' })) as Response).status).toBe(302);
    expect((await (await get('samordnare SN')).json()).readiness).toEqual({ error: 'needs-decision', outcome: 'delvis_bifall' });
    expect(await kindOf(() => previewLoader(args(world.people['samordnare SN']!, `${path()}/forhandsgranska`, { caseId: world.caseId })))).toBe(D);

    // The exclusion drafts the beslut; the samordnare takes it on the decision page (here: the model).
    const drafted = (await post('samordnare SN', { intent: 'draftDecision' })) as Response;
    expect(drafted.headers.get('Location')).toBe(`/personal/arenden/${world.caseId}/beslut`);
    const decision = await openDecision(world.caseId, { kind: 'request' });
    expect(decision!.parts[0]).toMatchObject({ right: 'registerutdrag', outcome: 'delvis_bifall', grounds: [{ id: 'dsl_5_2_utkast' }] });
    expect(await takeDecision({ decisionId: decision!.id, caseId: world.caseId, staffId: world.people['samordnare SN']!.staffId! })).toMatchObject({ ok: true });

    // The följebrev can be read now, as the package will carry it; not by someone who cannot compile.
    const preview = (await previewLoader(args(world.people['samordnare SN']!, `${path()}/forhandsgranska`, { caseId: world.caseId }))) as Response;
    expect(preview.headers.get('Content-Type')).toBe('application/pdf');
    expect(Buffer.from(await preview.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await kindOf(() => previewLoader(args(world.people['handläggare SN, assigned']!, `${path()}/forhandsgranska`, { caseId: world.caseId })))).toBe(D);

    // SN asks for four-eyes: prepared by one, approved by another (a second samordnare of SN).
    const prepared = (await post('samordnare SN', { intent: 'prepare' })) as Response;
    expect(prepared.headers.get('Location')).toContain('klart=forberett');
    const pkg = await currentUtdragPackage(world.caseId);
    const own = (await post('samordnare SN', { intent: 'approve', packageId: pkg!.id })) as Response;
    expect((await own.json()).errors).toEqual({ package: 'approve.own-preparation' });
    const { maria, mariaWho } = await secondSamordnare();
    const approved = (await action(args(mariaWho, path(), { caseId: world.caseId }, { intent: 'approve', packageId: pkg!.id }))) as Response;
    expect(approved.headers.get('Location')).toContain('klart=godkant');
    // No queue runs in tests: the build happened at once.
    expect(await currentUtdragPackage(world.caseId)).toMatchObject({ status: 'built', approvedByStaffId: maria.id });
    const after = await (await get('samordnare SN')).json();
    expect(after.package).toMatchObject({ status: 'built', mayApprove: false });
    expect(after.package!.files).toBeGreaterThan(3);
  });
});

describe('delivery on the page: the method changed on request, then post', () => {
  it('changes the method with its reason, prints for post, and records the sending', async () => {
    const sven = await addResident(t.handle, '196504129815', 'Sven Svensson');
    const [c] = await fileCase(t.handle, sven, '196504129815', { answers: { delivery: 'portal' } });
    const samordnare = world.people['samordnare SN']!.staffId!;
    await registerCase({ caseId: c!.id, staffId: samordnare });
    const owner = world.people['systemägare SN']!.staffId!;
    const task = (await sendTask({ caseId: c!.id, staffId: samordnare, assigneeId: owner, instructions: 'Treserva', allowed: [owner] })) as { taskId: string };
    await answerTask({ taskId: task.taskId, staffId: owner, answer: { found: 'yes', workplace: 'IFO', where: 'system', whereWhich: 'Treserva', source: 'person', purpose: 'x', legalBasis: 'public_interest', legalBasisLaw: 'SoL', retention: '5 år', thirdCountry: 'no', automated: 'no', activityCode: 'ekonomiskt-bistand' }, files: [] });
    const at = `/personal/arenden/${c!.id}/registerutdrag`;
    const postAs = (who: Parameters<typeof args>[0], form: Record<string, string>) => action(args(who, at, { caseId: c!.id }, form)) as Promise<Response>;
    const sam = world.people['samordnare SN']!;
    const page = async () => (await (loader(args(sam, at, { caseId: c!.id })) as Promise<Response>)).json();

    expect(await page()).toMatchObject({ deliveryMethod: 'portal' });
    const noReason = await postAs(sam, { intent: 'delivery', deliveryMethod: 'registered_post', reason: '' });
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({ itemId: 'delivery', errors: { deliveryReason: 'delivery.reasonRequired' }, values: { deliveryMethod: 'registered_post' } });
    expect((await postAs(sam, { intent: 'delivery', deliveryMethod: 'registered_post', reason: 'Ringde och bad om rekommenderat brev.' })).headers.get('Location')).toContain('klart=leverans');
    expect(await page()).toMatchObject({ deliveryMethod: 'registered_post' });

    const [item] = (await page()).items as { id: string }[];
    await postAs(sam, { intent: 'review', itemId: item!.id, outcome: 'release', activityCode: 'ekonomiskt-bistand' });
    expect((await postAs(sam, { intent: 'prepare' })).headers.get('Location')).toContain('klart=forberett');
    const pkg = await currentUtdragPackage(c!.id);
    expect(pkg).toMatchObject({ deliveryMethod: 'registered_post', mailing: 'address' });
    const { mariaWho } = await secondSamordnare();
    expect((await postAs(mariaWho, { intent: 'approve', packageId: pkg!.id })).headers.get('Location')).toContain('klart=utskrift');
    expect((await page()).package).toMatchObject({ status: 'built', deliveryMethod: 'registered_post', mailing: 'address', sentOn: null });

    // The print file: for the PUA's samordnare only.
    const print = (await printLoader(args(sam, `${at}/utskrift`, { caseId: c!.id }))) as Response;
    expect(print.headers.get('Content-Type')).toBe('application/pdf');
    expect(print.headers.get('Cache-Control')).toBe('no-store');
    expect(Buffer.from(await print.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    for (const label of ['handläggare SN, assigned', 'samordnare BUN', 'reception', 'kontaktcenter']) {
      expect(await kindOf(() => printLoader(args(world.people[label]!, `${at}/utskrift`, { caseId: c!.id }))), label).toBe(D);
    }

    const bad = await postAs(sam, { intent: 'sent', packageId: pkg!.id, sentOn: '2026-13-01', trackingNumber: 'RR123456784SE' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ itemId: 'sent', errors: { sentOn: 'sent.sentOn.invalid', trackingNumber: 'sent.trackingNumber.checkDigit' }, values: { trackingNumber: 'RR123456784SE' } });
    const today = (await page()).today as string;
    expect((await postAs(sam, { intent: 'sent', packageId: pkg!.id, sentOn: today, trackingNumber: 'RR 1234 5678 5 SE' })).headers.get('Location')).toContain('klart=skickat');
    expect((await page()).package).toMatchObject({ status: 'delivered', sentOn: today, trackingNumber: 'RR 1234 5678 5 SE' });
  });
});
