/**
 * Överlämnande to förvaltningsrätten (FL 46 §, DOMAIN.md §8): one action builds the package the
 * court needs — a följebrev, the appeal, the decision(s), proof of the notification date, the
 * aktförteckning and the case's documents, with material withheld from the person included
 * unredacted but marked secret — as a ZIP, stores it, and records the day it was sent.
 */
import { and, asc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { appeals, attachments, caseDocuments, caseEvents, caseMessages, caseTasks, cases, decisions, kommuner, pua, residents, staffUsers, submissions } from '../../db/schema/index';
import { decisionLetterTitle } from '~/documents/decision-letter.server';
import { renderAppealDocument, renderCaseFileIndex, renderCourtCoverLetter, renderNotificationProof } from '~/documents/court-package.server';
import { zipToBuffer } from '~/documents/zip.server';
import { appealDeadline } from '~/domain/deadlines';
import { maskPersonnummer } from '~/domain/personnummer';
import { todayInStockholm } from '../utils/dates.server';
import { i18next } from '../utils/i18next.server';
import { db, type Database } from '../utils/db.server';
import { readStoredFile, storeFile } from '../utils/file-store.server';
import { decryptPersonnummer } from '../utils/pnr-crypto.server';
import { recordAudit, writeAudit } from './audit.server';
import { timelinessOf } from './appeals.server';

export type ForwardResult = { ok: true } | { ok: false; error: 'not-found' | 'not-allowed' | 'not-checked' };

const recorder = alias(staffUsers, 'recorder');

/** Safe, readable names inside the ZIP: no path separators, no control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a ZIP entry name
const zipName = (name: string) => name.replace(/[/\\\u0000-\u001f]/g, '_').slice(0, 120);

/**
 * Builds, stores and records the package. The appeal must have passed rättidsprövning (a late one
 * is dismissed, not forwarded) and must still be before the nämnd.
 */
export async function forwardAppeal(input: { caseId: string; appealId: string; staffId: string }, database: Database = db()): Promise<ForwardResult> {
  const [a] = await database.select().from(appeals).where(and(eq(appeals.id, input.appealId), eq(appeals.caseId, input.caseId)));
  if (!a || a.status === 'draft') return { ok: false, error: 'not-found' };
  if (a.status !== 'received') return { ok: false, error: 'not-allowed' };
  if (!a.timeliness || !a.timeliness.inTime) return { ok: false, error: 'not-checked' };
  const today = todayInStockholm();
  const zip = await buildCourtPackage(a, input.staffId, today, database);
  const stored = await storeFile(zip);
  return database.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    const [locked] = await tx.select({ status: appeals.status }).from(appeals).where(eq(appeals.id, a.id)).for('update');
    if (locked?.status !== 'received') return { ok: false, error: 'not-allowed' };
    await tx.update(appeals).set({ status: 'forwarded', forwardedOn: today, forwardedByStaffId: input.staffId, packageSha256: stored.sha256, packageSize: stored.size, updatedAt: new Date() }).where(eq(appeals.id, a.id));
    const data = { appealId: a.id, forwardedOn: today, sha256: stored.sha256, size: stored.size };
    await tx.insert(caseEvents).values({ caseId: a.caseId, type: 'appeal.forwarded', actorType: 'staff', actorId: input.staffId, visibleToResident: true, data });
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'appeal.forward', entityType: 'case', entityId: a.caseId, details: data });
    return { ok: true };
  });
}

/** The stored package of a forwarded appeal, for download by staff with access to the case. */
export async function readCourtPackage(input: { caseId: string; appealId: string; staffId: string }, database: Database = db()) {
  const [a] = await database.select().from(appeals).where(and(eq(appeals.id, input.appealId), eq(appeals.caseId, input.caseId)));
  if (!a?.packageSha256) return null;
  const [c] = await database.select({ diarienummer: cases.diarienummer }).from(cases).where(eq(cases.id, a.caseId));
  const bytes = await readStoredFile(a.packageSha256);
  await recordAudit(database, { actor: { type: 'staff', id: input.staffId }, action: 'appeal.package_download', entityType: 'case', entityId: a.caseId, details: { appealId: a.id, sha256: a.packageSha256 } });
  return { bytes, filename: `overlamnande-${c!.diarienummer.replace(/[^A-Za-z0-9]+/g, '-')}.zip` };
}

type Appeal = typeof appeals.$inferSelect;

async function buildCourtPackage(a: Appeal, staffId: string, today: string, database: Database): Promise<Buffer> {
  const [c] = await database
    .select({
      id: cases.id,
      diarienummer: cases.diarienummer,
      receivedDate: cases.receivedDate,
      submissionId: cases.submissionId,
      subjectName: submissions.subjectName,
      subjectPnrCiphertext: submissions.subjectPnrCiphertext,
      filerName: residents.name,
      kommun: { name: kommuner.name, postalAddress: kommuner.postalAddress, email: kommuner.email, phone: kommuner.phone, forvaltningsratt: kommuner.forvaltningsratt },
      pua: { name: pua.name, postalAddress: pua.postalAddress, email: pua.email, phone: pua.phone },
    })
    .from(cases)
    .innerJoin(submissions, eq(submissions.id, cases.submissionId))
    .leftJoin(residents, eq(residents.id, submissions.filedByResidentId))
    .innerJoin(pua, eq(pua.id, cases.puaId))
    .innerJoin(kommuner, eq(kommuner.id, pua.kommunId))
    .where(eq(cases.id, a.caseId));
  const [staff] = await database.select({ name: staffUsers.name, email: staffUsers.email }).from(staffUsers).where(eq(staffUsers.id, staffId));
  const { forvaltningsratt, ...kommun } = c!.kommun;
  const court = { name: forvaltningsratt?.name ?? 'Förvaltningsrätten', postalAddress: forvaltningsratt?.postalAddress ?? null, email: forvaltningsratt?.email ?? null };

  // The appealed decision and any later omprövning of it, with their letters.
  const decided = await database
    .select({ d: decisions, docSha: caseDocuments.sha256, firstOpenedAt: caseDocuments.firstOpenedAt, recordedBy: recorder.name })
    .from(decisions)
    .innerJoin(caseDocuments, eq(caseDocuments.id, decisions.documentId))
    .leftJoin(recorder, eq(recorder.id, decisions.notificationRecordedByStaffId))
    .where(and(eq(decisions.caseId, a.caseId), eq(decisions.status, 'decided'), or(eq(decisions.id, a.decisionId), and(eq(decisions.appealId, a.id), eq(decisions.type, 'omprovning')))))
    .orderBy(asc(decisions.decidedAt));
  const appealed = decided.find((x) => x.d.id === a.decisionId)!;
  const omprovning = decided.find((x) => x.d.type === 'omprovning') ?? null;
  const withheld = new Set(decided.flatMap((x) => x.d.withheldFileIds));

  const timeliness = await timelinessOf(a, null, database);
  const appellant = { name: c!.filerName ?? c!.subjectName, personnummerMasked: maskPersonnummer(decryptPersonnummer(c!.subjectPnrCiphertext)) };
  // The court gets Swedish titles whatever language the letters were written in.
  const titles = await Promise.all(decided.map((x) => decisionLetterTitle({ type: x.d.type, appealable: x.d.appealInstructions !== 'not_applicable', language: 'sv' })));
  const decisionTitle = (x: (typeof decided)[number]) => `${titles[decided.indexOf(x)]} ${x.d.decidedOn}`;

  const entries: { name: string; data: Uint8Array; title: string; date: string; secret: boolean }[] = [];
  const add = (name: string, data: Uint8Array, title: string, date: string, secret = false) => entries.push({ name: zipName(name), data, title, date, secret });

  const appealFiles = await database.select().from(attachments).where(eq(attachments.appealId, a.id)).orderBy(asc(attachments.createdAt));
  add(
    '02-overklagande.pdf',
    await renderAppealDocument({
      diarienummer: c!.diarienummer,
      pua: c!.pua,
      appellant,
      decision: { decidedOn: appealed.d.decidedOn!, title: decisionTitle(appealed) },
      receivedOn: a.receivedOn!,
      channel: a.channel,
      changeWanted: a.changeWanted,
      reasons: a.reasons,
      signature: a.signature ? { signedAt: String((a.signature as { signedAt?: string }).signedAt ?? a.updatedAt.toISOString()), summary: a.signedSummary ?? '' } : null,
      attachments: appealFiles.map((f) => f.filename),
    }),
    'Överklagande',
    a.receivedOn!,
  );
  for (const [i, f] of appealFiles.entries()) add(`02-overklagande-bilaga-${i + 1}-${f.filename}`, await readStoredFile(f.sha256), `Bilaga till överklagandet: ${f.filename}`, a.receivedOn!);
  for (const [i, x] of decided.entries()) add(`03-beslut-${i + 1}-${x.d.decidedOn}.pdf`, await readStoredFile(x.docSha), decisionTitle(x), x.d.decidedOn!);
  if (appealed.d.notifiedOn) {
    add(
      '04-delgivning.pdf',
      await renderNotificationProof({
        diarienummer: c!.diarienummer,
        pua: c!.pua,
        decision: { decidedOn: appealed.d.decidedOn!, title: decisionTitle(appealed) },
        notifiedOn: appealed.d.notifiedOn,
        method: appealed.d.notificationMethod ?? 'digital',
        firstOpenedAt: appealed.firstOpenedAt?.toISOString() ?? null,
        recordedBy: appealed.recordedBy ? { name: appealed.recordedBy, at: appealed.d.updatedAt.toISOString() } : null,
        appealDeadline: appealDeadline(appealed.d.notifiedOn),
      }),
      'Bevis om delgivning',
      appealed.d.notifiedOn,
    );
  }

  // The case's own documents: what the person sent, messages' files, answers from the
  // verksamheten (withheld ones marked), and letters other than the decisions above.
  const messageIds = (await database.select({ id: caseMessages.id }).from(caseMessages).where(eq(caseMessages.caseId, a.caseId))).map((m) => m.id);
  const taskIds = (await database.select({ id: caseTasks.id }).from(caseTasks).where(eq(caseTasks.caseId, a.caseId))).map((t) => t.id);
  const caseFiles = await database
    .select()
    .from(attachments)
    .where(or(eq(attachments.submissionId, c!.submissionId), messageIds.length ? inArray(attachments.messageId, messageIds) : undefined, taskIds.length ? inArray(attachments.taskId, taskIds) : undefined))
    .orderBy(asc(attachments.createdAt));
  for (const [i, f] of caseFiles.entries()) {
    const secret = withheld.has(f.id);
    const date = todayInStockholm(f.createdAt);
    add(secret ? `07-sekretess/SEKRETESS-${i + 1}-${f.filename}` : `06-handlingar/${i + 1}-${f.filename}`, await readStoredFile(f.sha256), secret ? `SEKRETESS – ${f.filename}` : f.filename, date, secret);
  }
  const letters = await database.select().from(caseDocuments).where(and(eq(caseDocuments.caseId, a.caseId), isNotNull(caseDocuments.publishedAt))).orderBy(asc(caseDocuments.createdAt));
  const decisionDocs = new Set(decided.map((x) => x.d.documentId));
  for (const doc of letters.filter((l) => !decisionDocs.has(l.id) && l.kind !== 'decision')) add(`06-handlingar/${doc.filename}`, await readStoredFile(doc.sha256), doc.title, todayInStockholm(doc.createdAt));

  const index = await renderCaseFileIndex({
    diarienummer: c!.diarienummer,
    pua: c!.pua,
    entries: [...entries].sort((x, y) => x.date.localeCompare(y.date)).map((e) => ({ date: e.date, title: e.title, fileName: e.name, secret: e.secret })),
  });
  add('05-aktforteckning.pdf', index, 'Aktförteckning', today);

  const cover = await renderCourtCoverLetter({
    court,
    kommun,
    pua: c!.pua,
    diarienummer: c!.diarienummer,
    sentOn: today,
    appellant: { name: appellant.name },
    appeal: { receivedOn: a.receivedOn!, channel: a.channel },
    decisions: decided.map((x) => ({ decidedOn: x.d.decidedOn!, title: decisionTitle(x) })),
    // The rule as the back office shows it, in Swedish: the court's letter is always Swedish.
    timeliness: { notifiedOn: timeliness.notifiedOn, deadline: timeliness.deadline, inTime: !timeliness.avvisa, ruleText: (await i18next.getFixedT('sv', 'office'))(`appeal.rule.${timeliness.rule}`) },
    omprovning: omprovning ? `Nämnden har omprövat beslutet den ${omprovning.d.decidedOn} utan att ändra det så som klaganden begär; överklagandet gäller även det nya beslutet (39 § förvaltningslagen).` : null,
    contactPerson: { name: staff?.name ?? '', email: staff?.email ?? c!.pua.email, phone: c!.pua.phone },
    enclosures: [...entries].sort((x, y) => x.name.localeCompare(y.name)).map((e) => ({ name: e.name, secret: e.secret })),
  });
  const ordered = [{ name: '01-foljebrev.pdf', data: cover }, ...[...entries].sort((x, y) => x.name.localeCompare(y.name)).map((e) => ({ name: e.name, data: e.data }))];
  return zipToBuffer(ordered);
}
