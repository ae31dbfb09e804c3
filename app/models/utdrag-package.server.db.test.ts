/**
 * A registerutdrag from review to the resident's download (issue #7): what stops a package, the
 * beslut an exclusion needs, four-eyes, the streamed build into the delivery store, and a ZIP whose
 * manifest matches, whose data.json lists exactly the released items and which holds nothing withheld.
 */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { staffUsers } from '../../db/schema/index';
import { addResident, demoKommun, fileCase, useTestDeliveryStore, useTestFileStore } from '../../tests/cases';
import { useTestDatabase } from '../../tests/db';
import { zipEntries } from '../../tests/zip';
import { exclusionDecisionPart, type ItemReview } from '~/domain/utdrag-review';
import { personnummerLookup } from '../utils/pnr-crypto.server';
import { answerTask, sendTask } from './case-tasks.server';
import { registerCase } from './case-handling.server';
import { saveDecisionDraft, takeDecision } from './decisions.server';
import { addStaffRole } from './staff.server';
import { gatherUtdragItems, listUtdragItems, reviewUtdragItem } from './utdrag-items.server';
import { approveUtdragPackage, buildUtdragPackage, currentUtdragPackage, openUtdragPackageAsResident, prepareUtdragPackage, utdragReadiness } from './utdrag-package.server';

const t = useTestDatabase();
useTestFileStore();
useTestDeliveryStore();

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);
const PNR = '198001019804';
const OTHER_PNR = '19690317-3331'; // a co-applicant's, in the owner's note: masked (Art 15(4))

const staffByPnr = async (pnr: string) => (await t.handle.db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.pnrLookup, personnummerLookup(pnr))))[0]!.id;

describe('a registerutdrag package', () => {
  it('goes from review through beslut and four-eyes to a streamed ZIP only the resident downloads', async () => {
    const { sjobacka } = await demoKommun(t.handle);
    const sn = sjobacka.pua.find((p) => p.code === 'SN')!;
    const anna = await staffByPnr('197803149827'); // samordnare SN, delegation for every type
    const second = await addStaffRole({ personnummer: '197602029806', name: 'Maria Ek', role: 'gdpr_samordnare', scope: { puaIds: [sn.id] } }, { type: 'cli' });
    const owner = await addStaffRole({ personnummer: '196504309870', name: 'Lars Forsberg', role: 'systemagare', scope: { puaIds: [sn.id] } }, { type: 'cli' });
    const resident = await addResident(t.handle, PNR, 'Anna Andersson');
    const [c] = await fileCase(t.handle, resident, PNR);
    const caseId = c!.id;
    await registerCase({ caseId, staffId: anna });

    const task = (await sendTask({ caseId, staffId: anna, assigneeId: owner.id, instructions: 'Treserva', allowed: [owner.id] })) as { taskId: string };
    await answerTask({
      taskId: task.taskId,
      staffId: owner.id,
      answer: { found: 'yes', workplace: 'IFO', where: 'system', whereWhich: 'Treserva', source: 'person', purpose: 'x', legalBasis: 'public_interest', legalBasisLaw: 'SoL', retention: '5 år', thirdCountry: 'no', automated: 'no', notes: `Medsökande ${OTHER_PNR} finns i akten, sökande 19800101-9804.`, activityCode: 'ekonomiskt-bistand' },
      files: [
        { filename: 'journal.pdf', bytes: pdf('journalanteckning'), mimeType: 'application/pdf', size: 40 },
        { filename: 'utkast.pdf', bytes: pdf('HEMLIGT-UTKAST'), mimeType: 'application/pdf', size: 40 },
      ],
    });
    expect(await utdragReadiness(caseId)).toEqual({ error: 'no-items', outcome: 'bifall' });
    await gatherUtdragItems(caseId);
    expect((await utdragReadiness(caseId)).error).toBe('not-reviewed');
    const [answer, journal, draft] = await listUtdragItems(caseId);
    expect(answer!.activityCode).toBe('ekonomiskt-bistand');
    await reviewUtdragItem({ caseId, itemId: answer!.id, staffId: anna, review: { outcome: 'release' } });
    await reviewUtdragItem({ caseId, itemId: journal!.id, staffId: anna, review: { outcome: 'release' } });
    await reviewUtdragItem({ caseId, itemId: draft!.id, staffId: anna, review: { outcome: 'withhold', ground: 'dsl_5_2_utkast', note: 'Utkast till utredning.' } });

    // The exclusion is a partial refusal: no package before the beslut.
    expect(await utdragReadiness(caseId)).toEqual({ error: 'needs-decision', outcome: 'delvis_bifall' });
    expect(await prepareUtdragPackage({ caseId, staffId: anna })).toEqual({ ok: false, error: 'needs-decision' });
    const part = exclusionDecisionPart((await listUtdragItems(caseId)).map((i) => i.review as ItemReview), 'sv')!;
    const draftDecision = await saveDecisionDraft({ caseId, staffId: anna, purpose: { kind: 'request' }, parts: [part], rights: ['registerutdrag'] });
    expect(await takeDecision({ decisionId: (draftDecision as { id: string }).id, caseId, staffId: anna })).toMatchObject({ ok: true });

    // Sjöbacka SN asks for four-eyes: the one who prepared it cannot approve it.
    const prepared = await prepareUtdragPackage({ caseId, staffId: anna });
    expect(prepared).toMatchObject({ ok: true, status: 'awaiting_approval', deliveryMethod: 'portal' });
    const packageId = (prepared as { packageId: string }).packageId;
    expect(await buildUtdragPackage({ caseId, packageId, staffId: anna })).toEqual({ ok: false, error: 'not-found' });
    expect(await approveUtdragPackage({ caseId, packageId, staffId: anna })).toEqual({ ok: false, error: 'own-preparation' });
    expect(await approveUtdragPackage({ caseId, packageId, staffId: second.id })).toEqual({ ok: true, deliveryMethod: 'portal' });
    expect(await buildUtdragPackage({ caseId, packageId, staffId: second.id })).toEqual({ ok: true });
    expect(await currentUtdragPackage(caseId)).toMatchObject({ status: 'built' });

    // Only the case's resident gets it; the first download delivers it.
    const stranger = await addResident(t.handle, '197405065553', 'Test Person');
    expect(await openUtdragPackageAsResident(caseId, stranger.id)).toBeNull();
    const opened = await openUtdragPackageAsResident(caseId, resident.id);
    const chunks: Buffer[] = [];
    for await (const chunk of opened!.stream) chunks.push(chunk as Buffer);
    const zip = Buffer.concat(chunks);
    expect(await currentUtdragPackage(caseId)).toMatchObject({ status: 'delivered' });

    const entries = await zipEntries(zip);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { files: { path: string; sha256: string; size: number }[] };
    for (const f of manifest.files) {
      expect(crypto.createHash('sha256').update(entries.get(f.path)!).digest('hex'), f.path).toBe(f.sha256);
    }
    expect([...entries.keys()]).toEqual(expect.arrayContaining(['foljebrev.pdf', 'data.json', 'LASMIG.txt', 'manifest.json']));
    const data = JSON.parse(entries.get('data.json')!.toString('utf8')) as { activities: { code: string; items: { id: string }[] }[] };
    const released = data.activities.flatMap((a) => a.items.map((i) => i.id)).sort();
    expect(released).toEqual([answer!.id, journal!.id].sort());
    const everything = Buffer.concat([...entries.values()]).toString('latin1');
    expect(everything).not.toContain('HEMLIGT-UTKAST');
    expect(everything).not.toContain(OTHER_PNR);
    expect(entries.get('data.json')!.toString('utf8')).toContain('19690317-****');
    // The person's own number is masked too: the letter does not need it (DSL 3 kap. 10 §).
    expect(everything).not.toContain('19800101-9804');
    expect(entries.get('data.json')!.toString('utf8')).toContain('19800101-****');
  });
});
