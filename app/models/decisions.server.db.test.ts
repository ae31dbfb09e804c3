/**
 * Issue #6 end to end in the models: delegation and four-eyes, the letter released in Mina
 * ärenden, the notification date on first opening, a paper appeal, rättidsprövning, the court
 * package, the dismissal of a late appeal, omprövning, and the delegation report.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { appealDeadline } from '~/domain/deadlines';
import { addDays } from '~/domain/iso-date';
import { appeals, auditLog, cases, decisions, staffUsers } from '../../db/schema/index';
import { pdfText } from '../../tests/pdf-text';
import { addResident, demoKommun, fileCase, useTestFileStore } from '../../tests/cases';
import { useTestDatabase } from '../../tests/db';
import { todayInStockholm } from '../utils/dates.server';
import { personnummerLookup } from '../utils/pnr-crypto.server';
import { forwardAppeal, readCourtPackage } from './appeal-forwarding.server';
import { appealableDecisions, getCaseAppeal, recordRattidsprovning, registerPaperAppeal } from './appeals.server';
import { openDocumentAsResident } from './case-documents.server';
import { registerCase } from './case-handling.server';
import { recordPostalNotification } from './decision-notification.server';
import { previewDecisionLetter } from './decision-preview.server';
import { delegationReportData, markReported } from './delegation-report.server';
import { decisionLanguage, proposeDecision, residentDecisions, saveDecisionDraft, takeDecision } from './decisions.server';

const t = useTestDatabase();
useTestFileStore();

const AVSLAG = [{ right: 'radering' as const, outcome: 'avslag' as const, grounds: [{ id: 'art17_3b_allmanna_handlingar' as const, text: 'Handlingarna är allmänna och ska bevaras.' }], motivering: 'Anteckningarna ska bevaras enligt dokumenthanteringsplanen till 2030.' }];

async function staffId(pnr: string) {
  const [s] = await t.handle.db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.pnrLookup, personnummerLookup(pnr)));
  return s!.id;
}

async function decidedCase(pnr: string, language?: 'sv' | 'en') {
  await demoKommun(t.handle);
  const resident = await addResident(t.handle, pnr, 'Test Person');
  const [c] = await fileCase(t.handle, resident, pnr, { rights: ['radering'], language });
  const anna = await staffId('197803149827');
  const erik = await staffId('198705199837');
  await registerCase({ caseId: c!.id, staffId: anna, assigneeId: erik });
  const draft = await saveDecisionDraft({ caseId: c!.id, staffId: erik, purpose: { kind: 'request' }, parts: AVSLAG, rights: ['radering'] });
  if (!draft.ok) throw new Error(JSON.stringify(draft));
  return { caseId: c!.id, resident, anna, erik, decisionId: draft.id };
}

const entries = (zip: Buffer) =>
  new Promise<string[]>((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err || !file) return reject(err);
      const names: string[] = [];
      file.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        file.readEntry();
      });
      file.on('end', () => resolve(names));
      file.readEntry();
    });
  });

describe('deciding under delegation (KL 6 kap. 37 §) with four-eyes', () => {
  it('a handläggare without delegation for avslag proposes; the samordnare decides; both are on the letter', async () => {
    const w = await decidedCase('197405065553');
    expect(await saveDecisionDraft({ caseId: w.caseId, staffId: w.erik, purpose: { kind: 'request' }, parts: [{ ...AVSLAG[0]!, grounds: [] }], rights: ['radering'] })).toMatchObject({ ok: false, error: 'invalid' });
    expect(await takeDecision({ decisionId: w.decisionId, caseId: w.caseId, staffId: w.erik })).toEqual({ ok: false, error: 'no-delegation' });
    expect(await proposeDecision({ decisionId: w.decisionId, caseId: w.caseId, staffId: w.erik })).toMatchObject({ ok: true });
    expect(await takeDecision({ decisionId: w.decisionId, caseId: w.caseId, staffId: w.anna })).toMatchObject({ ok: true });
    const [d] = await t.handle.db.select().from(decisions).where(eq(decisions.id, w.decisionId));
    expect(d).toMatchObject({ status: 'decided', type: 'avslag', proposedByStaffId: w.erik, decidedByStaffId: w.anna, appealInstructions: 'correct', delegationPoint: { number: '7.2' } });
    const [c] = await t.handle.db.select({ status: cases.status }).from(cases).where(eq(cases.id, w.caseId));
    expect(c!.status).toBe('decided');

    // The resident opens it: that day is the notification date, once.
    const doc = await openDocumentAsResident(d!.documentId!, w.caseId, w.resident.id);
    const text = (await pdfText(doc!.bytes)).replace(/\s+/g, ' ');
    expect(text).toContain('Anna Lindqvist');
    expect(text).toContain('Erik Holm');
    expect(text).toContain('Förvaltningsrätten i Linköping');
    const [after] = await t.handle.db.select().from(decisions).where(eq(decisions.id, w.decisionId));
    expect(after).toMatchObject({ notifiedOn: todayInStockholm(), notificationMethod: 'digital' });
    expect(await recordPostalNotification({ decisionId: w.decisionId, caseId: w.caseId, staffId: w.anna, notifiedOn: todayInStockholm() })).toEqual({ ok: false, error: 'already-notified' });

    // Appealed and forwarded: the proof of notification is the first download.
    const appeal = await registerPaperAppeal({ caseId: w.caseId, staffId: w.anna, decisionId: w.decisionId, receivedOn: todayInStockholm(), changeWanted: 'Radera.', reasons: '', files: [] });
    await recordRattidsprovning({ caseId: w.caseId, appealId: (appeal as { id: string }).id, staffId: w.anna });
    expect(await forwardAppeal({ caseId: w.caseId, appealId: (appeal as { id: string }).id, staffId: w.anna })).toEqual({ ok: true });
  });
});

describe("the letter's language (issue #6)", () => {
  it('a request filed in English gets its decision in English; one filed in Swedish in Swedish', async () => {
    const en = await decidedCase('199002022383', 'en');
    const sv = await decidedCase('199103031234', 'sv');
    expect(await decisionLanguage(en.caseId)).toBe('en');
    expect(await decisionLanguage(sv.caseId)).toBe('sv');
    const language = async (id: string) => (await t.handle.db.select({ language: decisions.language }).from(decisions).where(eq(decisions.id, id)))[0]!.language;
    expect(await language(en.decisionId)).toBe('en');
    expect(await language(sv.decisionId)).toBe('sv');

    // Saving the draft again keeps its language; the letter is written in it.
    expect(await saveDecisionDraft({ caseId: en.caseId, staffId: en.erik, purpose: { kind: 'request' }, parts: AVSLAG, rights: ['radering'] })).toEqual({ ok: true, id: en.decisionId });
    expect(await language(en.decisionId)).toBe('en');
    for (const w of [en, sv]) {
      await proposeDecision({ decisionId: w.decisionId, caseId: w.caseId, staffId: w.erik });
      expect(await takeDecision({ decisionId: w.decisionId, caseId: w.caseId, staffId: w.anna })).toMatchObject({ ok: true });
    }
    const letter = async (w: typeof en) => {
      const [d] = await t.handle.db.select({ documentId: decisions.documentId }).from(decisions).where(eq(decisions.id, w.decisionId));
      const doc = await openDocumentAsResident(d!.documentId!, w.caseId, w.resident.id);
      return (await pdfText(doc!.bytes)).replace(/\s+/g, ' ');
    };
    const english = await letter(en);
    expect(english).toContain('Decision on your request');
    expect(english).not.toContain('Beslut om din begäran');
    expect(await letter(sv)).toContain('Beslut om din begäran');
  });
});

describe('överklagande: rättidsprövning (FL 45 §), överlämnande (FL 46 §), omprövning (FL 39 §)', () => {
  it('an appeal in time is forwarded with the package the court needs; the delegation report lists the decision', async () => {
    const w = await decidedCase('198109234446');
    await proposeDecision({ decisionId: w.decisionId, caseId: w.caseId, staffId: w.erik });
    await takeDecision({ decisionId: w.decisionId, caseId: w.caseId, staffId: w.anna });
    const today = todayInStockholm();
    expect(await recordPostalNotification({ decisionId: w.decisionId, caseId: w.caseId, staffId: w.anna, notifiedOn: addDays(today, 1) })).toEqual({ ok: false, error: 'in-future' });
    expect(await recordPostalNotification({ decisionId: w.decisionId, caseId: w.caseId, staffId: w.anna, notifiedOn: today })).toEqual({ ok: true });

    const bad = await registerPaperAppeal({ caseId: w.caseId, staffId: w.anna, decisionId: w.decisionId, receivedOn: addDays(today, 2), changeWanted: '', reasons: '', files: [] });
    expect(bad).toMatchObject({ ok: false, errors: expect.arrayContaining([{ field: 'changeWanted', code: 'required' }, { field: 'receivedOn', code: 'in_future' }]) });
    const appeal = await registerPaperAppeal({ caseId: w.caseId, staffId: w.anna, decisionId: w.decisionId, receivedOn: today, changeWanted: 'Radera uppgifterna.', reasons: 'De behövs inte.', files: [] });
    if (!appeal.ok) throw new Error('appeal not registered');
    expect(await forwardAppeal({ caseId: w.caseId, appealId: appeal.id, staffId: w.anna })).toEqual({ ok: false, error: 'not-checked' });
    expect(await recordRattidsprovning({ caseId: w.caseId, appealId: appeal.id, staffId: w.anna })).toMatchObject({ ok: true });
    const checked = await getCaseAppeal(w.caseId, appeal.id);
    expect(checked!.timeliness).toMatchObject({ inTime: true, rule: 'in_time', deadline: appealDeadline(today) });

    expect(await forwardAppeal({ caseId: w.caseId, appealId: appeal.id, staffId: w.anna })).toEqual({ ok: true });
    const pkg = await readCourtPackage({ caseId: w.caseId, appealId: appeal.id, staffId: w.anna });
    const names = await entries(pkg!.bytes);
    expect(names[0]).toBe('01-foljebrev.pdf');
    expect(names).toEqual(expect.arrayContaining(['02-overklagande.pdf', '04-delgivning.pdf', '05-aktforteckning.pdf']));
    expect(names.some((n) => n.startsWith('03-beslut-1-'))).toBe(true);
    expect(await forwardAppeal({ caseId: w.caseId, appealId: appeal.id, staffId: w.anna })).toEqual({ ok: false, error: 'not-allowed' });

    const [sn] = await t.handle.db.select({ puaId: cases.puaId }).from(cases).where(eq(cases.id, w.caseId));
    const report = await delegationReportData({ puaId: sn!.puaId, from: today, to: today }, w.anna);
    expect(report.rows.filter((r) => r.delegate === 'Anna Lindqvist' && r.type === 'avslag').length).toBeGreaterThan(0);
    expect(report.rows.every((r) => r.decidedOn === today)).toBe(true);
    const empty = await delegationReportData({ puaId: sn!.puaId, from: addDays(today, -40), to: addDays(today, -10) }, w.anna);
    expect(empty.rows).toEqual([]);
    expect(await markReported({ puaId: sn!.puaId, from: today, to: today, meetingDate: addDays(today, 7), staffId: w.anna })).toMatchObject({ ok: true });
    expect(await markReported({ puaId: sn!.puaId, from: today, to: today, meetingDate: addDays(today, 7), staffId: w.anna })).toEqual({ ok: false, error: 'nothing-to-report' });
  });

  it('a late appeal is dismissed by an avvisningsbeslut; an omprövning granting what was asked makes an appeal lapse', async () => {
    const w = await decidedCase('196903173331');
    await proposeDecision({ decisionId: w.decisionId, caseId: w.caseId, staffId: w.erik });
    await takeDecision({ decisionId: w.decisionId, caseId: w.caseId, staffId: w.anna });
    const today = todayInStockholm();
    // Notified five weeks ago (the decision row moved back in time: the models refuse such dates).
    await t.handle.db.update(decisions).set({ decidedOn: addDays(today, -40), notifiedOn: addDays(today, -35), notificationMethod: 'post' }).where(eq(decisions.id, w.decisionId));
    const late = await registerPaperAppeal({ caseId: w.caseId, staffId: w.anna, decisionId: w.decisionId, receivedOn: today, changeWanted: 'Radera.', reasons: '', files: [] });
    if (!late.ok) throw new Error('not registered');
    await recordRattidsprovning({ caseId: w.caseId, appealId: late.id, staffId: w.anna });
    expect((await getCaseAppeal(w.caseId, late.id))!.timeliness).toMatchObject({ inTime: false, rule: 'late' });
    expect(await forwardAppeal({ caseId: w.caseId, appealId: late.id, staffId: w.anna })).toEqual({ ok: false, error: 'not-checked' });
    const avvisning = await saveDecisionDraft({ caseId: w.caseId, staffId: w.anna, purpose: { kind: 'avvisning_sent_overklagande', appealId: late.id }, parts: [], rights: ['radering'] });
    expect(await takeDecision({ decisionId: (avvisning as { id: string }).id, caseId: w.caseId, staffId: w.anna })).toMatchObject({ ok: true });
    const [dismissed] = await t.handle.db.select().from(appeals).where(eq(appeals.id, late.id));
    expect(dismissed!.status).toBe('avvisad');
    const [letter] = await t.handle.db.select().from(decisions).where(eq(decisions.appealId, late.id));
    expect(letter).toMatchObject({ type: 'avvisning_sent_overklagande', appealInstructions: 'correct' });

    // Another appeal (received in time on the day of the decision, say): omprövning to bifall → lapses.
    await t.handle.db.update(decisions).set({ notifiedOn: today, decidedOn: today }).where(eq(decisions.id, w.decisionId));
    const second = await registerPaperAppeal({ caseId: w.caseId, staffId: w.anna, decisionId: w.decisionId, receivedOn: today, changeWanted: 'Radera.', reasons: '', files: [] });
    if (!second.ok) throw new Error('not registered');
    const om = await saveDecisionDraft({ caseId: w.caseId, staffId: w.anna, purpose: { kind: 'omprovning', appealId: second.id, changesDecisionId: w.decisionId }, parts: [{ right: 'radering', outcome: 'bifall', grounds: [], motivering: '' }], rights: ['radering'] });
    expect(await takeDecision({ decisionId: (om as { id: string }).id, caseId: w.caseId, staffId: w.anna })).toMatchObject({ ok: true });
    const [lapsed] = await t.handle.db.select().from(appeals).where(eq(appeals.id, second.id));
    expect(lapsed!.status).toBe('lapsed');
  });
});

describe('the letter before the decision is taken (preview, marked UTKAST)', () => {
  it('shows the proposer and "the delegate" to someone without delegation, and the decider to a delegate; audited; never for a decided decision', async () => {
    const w = await decidedCase('198503122387');
    const text = async (staff: string) => (await pdfText((await previewDecisionLetter({ decisionId: w.decisionId, caseId: w.caseId, staffId: staff }))!)).replace(/\s+/g, ' ');

    // Erik holds no point for avslag: he is the one who proposes, a delegate decides under 7.2.
    const erikSees = await text(w.erik);
    expect(erikSees).toContain('UTKAST – förhandsgranskning. Det här är inte ett beslut');
    expect(erikSees).toContain('(den delegat som fattar beslutet)');
    expect(erikSees).toContain('Erik Holm');
    expect(erikSees).toContain('7.2');
    expect(erikSees).toContain('Förvaltningsrätten i Linköping');

    const annaSees = await text(w.anna);
    expect(annaSees).toContain('Anna Lindqvist');
    expect(annaSees).not.toContain('(den delegat som fattar beslutet)');

    const audited = await t.handle.db.select({ actorId: auditLog.actorId }).from(auditLog).where(and(eq(auditLog.action, 'decision.preview'), eq(auditLog.entityId, w.caseId)));
    expect(audited.map((a) => a.actorId).sort()).toEqual([w.anna, w.erik].sort());

    // Nothing was stored or released: the resident has no document yet.
    const [d] = await t.handle.db.select().from(decisions).where(eq(decisions.id, w.decisionId));
    expect(d).toMatchObject({ status: 'draft', documentId: null });

    expect(await takeDecision({ decisionId: w.decisionId, caseId: w.caseId, staffId: w.anna })).toMatchObject({ ok: true });
    expect(await previewDecisionLetter({ decisionId: w.decisionId, caseId: w.caseId, staffId: w.anna })).toBeNull();
  });
});

describe('a kommunalt bolag decides (DSL 7 kap. 2 § covers myndigheter only)', () => {
  it("its refusal is a beslut without appeal instructions: IMY or allmän domstol instead, and nothing to appeal in the portal", async () => {
    await demoKommun(t.handle);
    const pnr = '198503122478';
    const resident = await addResident(t.handle, pnr, 'Test Person');
    const [c] = await fileCase(t.handle, resident, pnr, { rights: ['radering'], puaCodes: ['SBH'] });
    const karin = await staffId('196911279849'); // samordnare of Sjöbackahem AB, point 4.2
    await registerCase({ caseId: c!.id, staffId: karin, assigneeId: karin });
    const draft = await saveDecisionDraft({ caseId: c!.id, staffId: karin, purpose: { kind: 'request' }, parts: AVSLAG, rights: ['radering'] });
    expect(draft).toMatchObject({ ok: true });
    const decisionId = (draft as { id: string }).id;
    expect(await takeDecision({ decisionId, caseId: c!.id, staffId: karin })).toMatchObject({ ok: true });

    const [d] = await t.handle.db.select().from(decisions).where(eq(decisions.id, decisionId));
    expect(d).toMatchObject({ type: 'avslag', appealInstructions: 'not_applicable', delegationPoint: { number: '4.2' } });
    const doc = await openDocumentAsResident(d!.documentId!, c!.id, resident.id);
    const text = (await pdfText(doc!.bytes)).replace(/\s+/g, ' ');
    expect(text).toContain('Beslut om din begäran');
    expect(text).toContain('Sjöbackahem AB är ett kommunalt bolag och inte en myndighet.');
    expect(text).not.toContain('Hur man överklagar');

    expect(await residentDecisions(c!.id)).toEqual([expect.objectContaining({ id: decisionId, againstPerson: true, appealable: false, lastDay: null })]);
    expect(await appealableDecisions(c!.id)).toEqual([]);
    const paper = await registerPaperAppeal({ caseId: c!.id, staffId: karin, decisionId, receivedOn: todayInStockholm(), changeWanted: 'Radera.', reasons: '', files: [] });
    expect(paper).toMatchObject({ ok: false });
  });
});
