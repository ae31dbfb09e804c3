/**
 * The registerutdrag package of a case (issue #7): prepared once every item is reviewed and linked
 * to a processing activity (and, when something is excluded, the beslut on it is taken), approved
 * by a second person when the PUA asks for four-eyes, then built as a streamed ZIP into the
 * delivery store (ADR 011) and released in Mina ärenden. The caller checks the staff member's right
 * to compile in the case's PUA; the resident's download checks ownership (resident-cases.server.ts).
 */
import { Readable } from 'node:stream';
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { caseEvents, caseTasks, cases, dataskyddsombud, decisions, kommuner, pua, submissions } from '../../db/schema/index';
import { utdragPackages } from '../../db/schema/utdrag';
import { renderFoljebrev } from '~/documents/registerutdrag/foljebrev.server';
import { writeRegisterutdragPackage } from '~/documents/registerutdrag/package.server';
import { renderPrintBundle } from '~/documents/registerutdrag/print.server';
import type { Exclusion, RegisterutdragActivity, RegisterutdragData, ReleasedItem } from '~/documents/registerutdrag/types';
import type { Lang } from '~/documents/types';
import { addDays } from '~/domain/iso-date';
import { appliedProvisions, legalGround } from '~/domain/legal-grounds';
import { maskPersonnummerInText } from '~/domain/personnummer';
import { portabilityReason } from '~/domain/portability';
import type { ProcessingActivity } from '~/domain/processing-activities';
import type { Delivery } from '~/domain/request-journey';
import type { TaskAnswer } from '~/domain/task-answer';
import { citedOslReferences, citedStatuteReferences, EXCLUSION_GROUNDS, reviewComplete, utdragOutcome, type ItemReview } from '~/domain/utdrag-review';
import { todayInStockholm } from '../utils/dates.server';
import { loadEnv } from '../utils/env.server';
import { db, type Database, transaction } from '../utils/db.server';
import { deliveryStore } from '../utils/delivery-store.server';
import { readStoredFile } from '../utils/file-store.server';
import { queueResidentNotice } from '../jobs/notices.server';
import { recordAudit, writeAudit } from './audit.server';
import { findResidentCase } from './resident-cases.server';
import { checkMailing, printMailing } from './utdrag-delivery.server';
import { answerTitle, listUtdragItems } from './utdrag-items.server';



export type PrepareError = 'no-items' | 'not-reviewed' | 'no-activity' | 'needs-decision' | 'no-address';
export type PrepareResult = { ok: true; packageId: string; status: 'awaiting_approval' | 'approved'; deliveryMethod: Delivery } | { ok: false; error: PrepareError };

/** What stands between the compilation and a package, in the order the samordnare meets it. */
export async function utdragReadiness(caseId: string, database: Database = db()): Promise<{ error: PrepareError | null; outcome: 'bifall' | 'delvis_bifall' }> {
  const { error, outcome } = await readiness(caseId, database);
  return { error, outcome };
}

/** The readiness and the case's PUA settings it was judged against (prepare needs its four-eyes flag). */
async function readiness(caseId: string, database: Database) {
  const [items, c, decided] = await Promise.all([listUtdragItems(caseId, database), caseOf(caseId, database), decidedExclusion(caseId, database)]);
  const reviews = items.map((i) => i.review).filter((r): r is ItemReview => r !== null);
  const outcome = utdragOutcome(reviews);
  const codes = new Set(c.activities.map((a) => a.code));
  const error: PrepareError | null = !items.length
    ? 'no-items'
    : !reviewComplete(items)
      ? 'not-reviewed'
      : items.some((i) => !i.activityCode || !codes.has(i.activityCode))
        ? 'no-activity'
        : outcome === 'delvis_bifall' && !decided
          ? 'needs-decision'
          : null;
  return { error, outcome, fourEyes: c.fourEyes, deliveryMethod: c.deliveryMethod };
}

async function caseOf(caseId: string, database: Database) {
  const [row] = await database.select({ id: cases.id, fourEyes: pua.utdragFourEyes, activities: pua.processingActivities, deliveryMethod: cases.deliveryMethod }).from(cases).innerJoin(pua, eq(pua.id, cases.puaId)).where(eq(cases.id, caseId));
  if (!row) throw new Error(`case ${caseId} not found`);
  return row;
}

/** The beslut that refuses part of the registerutdrag (an exclusion), when it has been taken. */
async function decidedExclusion(caseId: string, database: Database) {
  const rows = await database.select({ decidedOn: decisions.decidedOn, parts: decisions.parts }).from(decisions).where(and(eq(decisions.caseId, caseId), eq(decisions.status, 'decided'))).orderBy(desc(decisions.decidedAt));
  const row = rows.find((d) => d.parts.some((p) => p.right === 'registerutdrag' && p.outcome !== 'bifall'));
  return row?.decidedOn ? { decidedOn: row.decidedOn } : null;
}

/**
 * Prepares the package: the compilation is complete. A package not yet built is replaced (the
 * samordnare changed a review); with four-eyes it waits for someone else's approval.
 */
export async function prepareUtdragPackage(input: { caseId: string; staffId: string }, database: Database = db()): Promise<PrepareResult> {
  const ready = await readiness(input.caseId, database);
  if (ready.error) return { ok: false, error: ready.error };
  // Post needs somewhere to go: the folkbokföring says where (or that it goes via Skatteverket).
  const mailing = ready.deliveryMethod === 'registered_post' ? await checkMailing(input.caseId, input.staffId, database) : null;
  if (mailing && !mailing.ok) return { ok: false, error: mailing.error };
  const status = ready.fourEyes ? ('awaiting_approval' as const) : ('approved' as const);
  return transaction(database, async (tx) => {
    await tx.delete(utdragPackages).where(and(eq(utdragPackages.caseId, input.caseId), inArray(utdragPackages.status, ['awaiting_approval', 'approved'])));
    const [p] = await tx
      .insert(utdragPackages)
      .values({ caseId: input.caseId, status, deliveryMethod: ready.deliveryMethod, mailing: mailing?.ok ? mailing.mailing : null, preparedByStaffId: input.staffId, ...(status === 'approved' ? { approvedByStaffId: input.staffId, approvedAt: new Date() } : {}) })
      .returning({ id: utdragPackages.id });
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'utdrag.prepared', entityType: 'case', entityId: input.caseId, details: { packageId: p!.id, status, outcome: ready.outcome, deliveryMethod: ready.deliveryMethod } });
    return { ok: true, packageId: p!.id, status, deliveryMethod: ready.deliveryMethod };
  });
}

export type ApproveResult = { ok: true; deliveryMethod: Delivery } | { ok: false; error: 'not-found' | 'own-preparation' };

/** Four-eyes: someone other than the one who prepared it approves the package. */
export async function approveUtdragPackage(input: { caseId: string; packageId: string; staffId: string }, database: Database = db()): Promise<ApproveResult> {
  return transaction(database, async (tx) => {
    const [p] = await tx.select().from(utdragPackages).where(and(eq(utdragPackages.id, input.packageId), eq(utdragPackages.caseId, input.caseId), eq(utdragPackages.status, 'awaiting_approval'))).for('update');
    if (!p) return { ok: false, error: 'not-found' };
    if (p.preparedByStaffId === input.staffId) return { ok: false, error: 'own-preparation' };
    await tx.update(utdragPackages).set({ status: 'approved', approvedByStaffId: input.staffId, approvedAt: new Date() }).where(eq(utdragPackages.id, p.id));
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'utdrag.approved', entityType: 'case', entityId: input.caseId, details: { packageId: p.id } });
    return { ok: true, deliveryMethod: p.deliveryMethod };
  });
}

/** The case's newest package (a removed one too: its record stays and says what happened), or null. */
export async function currentUtdragPackage(caseId: string, database: Database = db()) {
  const [p] = await database.select().from(utdragPackages).where(eq(utdragPackages.caseId, caseId)).orderBy(desc(utdragPackages.createdAt)).limit(1);
  return p ?? null;
}

/**
 * Builds an approved package into the delivery store and releases it the chosen way. Portal and
 * reception: the ZIP streams from the stored files through the builder into the encrypted store,
 * so memory stays flat; portal releases it in Mina ärenden, reception keeps it for the pick-up
 * list. Post: the print file (address page, letter, data, documents) waits for the samordnare to
 * print and send it (`recordUtdragSent`).
 */
export async function buildUtdragPackage(input: { caseId: string; packageId: string; staffId: string }, database: Database = db()): Promise<{ ok: true } | { ok: false; error: 'not-found' }> {
  const [p] = await database.select().from(utdragPackages).where(and(eq(utdragPackages.id, input.packageId), eq(utdragPackages.caseId, input.caseId), eq(utdragPackages.status, 'approved')));
  if (!p) return { ok: false, error: 'not-found' };
  const data = await utdragPackageData(input.caseId, database);
  // The store keeps it this many days (UTDRAG_AVAILABLE_DAYS); the case keeps the record.
  const availableUntil = addDays(todayInStockholm(), loadEnv().UTDRAG_AVAILABLE_DAYS);
  if (p.deliveryMethod === 'registered_post') {
    const mailing = await printMailing(input.caseId, input.staffId, database);
    const bundle = await renderPrintBundle(data, mailing);
    const writer = deliveryStore().writePackage();
    writer.stream.end(bundle.pdf);
    const stored = await writer.done;
    const kept = await transaction(database, async (tx) => {
      const [row] = await tx
        .update(utdragPackages)
        .set({ status: 'built', sha256: stored.sha256, size: stored.size, storeId: stored.id, mailing: mailing.kind, notPrinted: bundle.notPrinted, builtAt: new Date(), availableUntil })
        .where(and(eq(utdragPackages.id, p.id), eq(utdragPackages.status, 'approved')))
        .returning({ id: utdragPackages.id });
      if (!row) return false;
      await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'utdrag.print_built', entityType: 'case', entityId: input.caseId, details: { packageId: p.id, sha256: stored.sha256, pages: bundle.pages, mailing: mailing.kind, notPrinted: bundle.notPrinted.length } });
      return true;
    });
    return kept ? { ok: true } : discard(stored.id);
  }
  const writer = deliveryStore().writePackage();
  const built = writeRegisterutdragPackage(data, writer.stream);
  const [{ manifest }, stored] = await Promise.all([built, writer.done]);
  const kept = await transaction(database, async (tx) => {
    const [row] = await tx
      .update(utdragPackages)
      .set({ status: 'built', sha256: stored.sha256, size: stored.size, storeId: stored.id, manifest: { files: manifest.files.map((f) => ({ path: f.path, sha256: f.sha256, size: f.size })) }, builtAt: new Date(), availableUntil })
      .where(and(eq(utdragPackages.id, p.id), eq(utdragPackages.status, 'approved')))
      .returning({ id: utdragPackages.id });
    if (!row) return false;
    const event = p.deliveryMethod === 'reception' ? 'utdrag.ready_for_pickup' : 'utdrag.released';
    await tx.insert(caseEvents).values({ caseId: input.caseId, type: event, actorType: 'staff', actorId: input.staffId, visibleToResident: true, data: { packageId: p.id, availableUntil } });
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'utdrag.built', entityType: 'case', entityId: input.caseId, details: { packageId: p.id, sha256: stored.sha256, size: stored.size, files: manifest.files.length, deliveryMethod: p.deliveryMethod } });
    return true;
  });
  if (!kept) return discard(stored.id);
  // The e-mail says only that something is waiting (ADR 008).
  await queueResidentNotice(input.caseId, database);
  return { ok: true };
}

/**
 * The package changed under a running build (prepared again, the method changed, or another build
 * won): what was written leaves the store — a print file holds an address — and nothing is released.
 */
async function discard(storeId: string): Promise<{ ok: false; error: 'not-found' }> {
  await deliveryStore().removePackage(storeId);
  return { ok: false, error: 'not-found' };
}

/**
 * The built package of the resident's case as a stream, for the case's resident or their
 * registered representative only (`findResidentCase`); every download audited, the first marks it delivered.
 */
export async function openUtdragPackageAsResident(caseId: string, residentId: string, database: Database = db()) {
  if (!(await findResidentCase(caseId, residentId, database))) return null;
  const p = await currentUtdragPackage(caseId, database);
  // Only a package delivered in Mina ärenden is downloaded there; post and pick-up go their own ways.
  if (!p || p.deliveryMethod !== 'portal' || (p.status !== 'built' && p.status !== 'delivered') || !p.storeId) return null;
  if (p.availableUntil && p.availableUntil < todayInStockholm()) return null;
  await transaction(database, async (tx) => {
    if (p.status === 'built') await tx.update(utdragPackages).set({ status: 'delivered', deliveredAt: new Date() }).where(eq(utdragPackages.id, p.id));
    await writeAudit(tx, { actor: { type: 'resident', id: residentId }, action: 'utdrag.download', entityType: 'case', entityId: caseId, details: { packageId: p.id, sha256: p.sha256 } });
  });
  return { stream: deliveryStore().readPackage(p.storeId), size: p.size, availableUntil: p.availableUntil };
}

/**
 * Removes the packages whose last day has passed from the delivery store (digital delivery keeps
 * them UTDRAG_AVAILABLE_DAYS). The case keeps the record — status 'removed', hash, manifest and
 * the audit trail — so what was sent can still be shown. Returns how many were removed.
 */
export async function removeExpiredUtdragPackages(today: string = todayInStockholm(), database: Database = db()): Promise<number> {
  const expired = await database
    .select({ id: utdragPackages.id, caseId: utdragPackages.caseId, storeId: utdragPackages.storeId })
    .from(utdragPackages)
    .where(and(inArray(utdragPackages.status, ['built', 'delivered']), lt(utdragPackages.availableUntil, today)));
  for (const p of expired) {
    if (p.storeId) await deliveryStore().removePackage(p.storeId);
    await transaction(database, async (tx) => {
      await tx.update(utdragPackages).set({ status: 'removed', removedAt: new Date() }).where(eq(utdragPackages.id, p.id));
      await writeAudit(tx, { actor: { type: 'system', id: 'utdrag-purge' }, action: 'utdrag.removed', entityType: 'case', entityId: p.caseId, details: { packageId: p.id } });
    });
  }
  return expired.length;
}

/** The följebrev as the package would carry it, once the compilation is ready; audited. Null before. */
export async function previewFoljebrev(caseId: string, staffId: string, database: Database = db()): Promise<Buffer | null> {
  if ((await utdragReadiness(caseId, database)).error) return null;
  const pdf = await renderFoljebrev(await utdragPackageData(caseId, database));
  await recordAudit(database, { actor: { type: 'staff', id: staffId }, action: 'utdrag.preview', entityType: 'case', entityId: caseId });
  return pdf;
}

// ---------------------------------------------------------------------------------------------
// The package's data (RegisterutdragData), from the reviewed items of the case.

const ANSWER_LABELS: Record<Lang, Record<string, string>> = {
  sv: { workplace: 'Arbetsplats', whereWhich: 'Var uppgifterna finns', source: 'Varifrån uppgifterna kommer', notes: 'Anteckningar', person: 'Från dig själv', other: 'Från någon annan' },
  en: { workplace: 'Workplace', whereWhich: 'Where the data is kept', source: 'Where the data comes from', notes: 'Notes', person: 'From you', other: 'From someone else' },
};

export async function utdragPackageData(caseId: string, database: Database = db()): Promise<RegisterutdragData> {
  const [row] = await database
    .select({
      diarienummer: cases.diarienummer,
      receivedDate: cases.receivedDate,
      language: submissions.language,
      relation: submissions.relation,
      subjectName: submissions.subjectName,
      kommun: { name: kommuner.name, postalAddress: kommuner.postalAddress, email: kommuner.email, phone: kommuner.phone, website: kommuner.website },
      pua: { name: pua.name, postalAddress: pua.postalAddress, email: pua.email, phone: pua.phone },
      dpo: { name: dataskyddsombud.name, postalAddress: dataskyddsombud.postalAddress, email: dataskyddsombud.email, phone: dataskyddsombud.phone },
      activities: pua.processingActivities,
    })
    .from(cases)
    .innerJoin(submissions, eq(submissions.id, cases.submissionId))
    .innerJoin(pua, eq(pua.id, cases.puaId))
    .innerJoin(kommuner, eq(kommuner.id, pua.kommunId))
    .innerJoin(dataskyddsombud, eq(dataskyddsombud.id, pua.dataskyddsombudId))
    .where(eq(cases.id, caseId));
  if (!row) throw new Error(`case ${caseId} not found`);
  const lang = row.language as Lang;
  // Every personnummer in the generated texts is masked: other people's always (Art 15(4)), and the
  // person's own too — the letter does not need it, and a ZIP is easily passed on (DSL 3 kap. 10 §).
  const mask = (text: string) => maskPersonnummerInText(text);
  const items = await listUtdragItems(caseId, database);
  const answers = await answersOf(items.map((i) => i.taskId).filter((x): x is string => !!x), database);

  const activities: RegisterutdragActivity[] = [];
  for (const activity of row.activities as ProcessingActivity[]) {
    const ofActivity = items.filter((i) => i.activityCode === activity.code);
    if (!ofActivity.length) continue;
    const released: ReleasedItem[] = [];
    for (const i of ofActivity) {
      const review = i.review!;
      if (review.outcome === 'withhold') continue;
      const answer = i.taskId ? answers.get(i.taskId) : undefined;
      const fields = answer ? answerFields(answer, lang, mask) : [];
      if (i.kind === 'answer') {
        released.push({ id: i.id, kind: 'answer', title: mask(i.title), description: mask(answer?.whereWhich ?? i.title), data: { kind: 'fields', fields } });
        continue;
      }
      const file = review.outcome === 'release_masked' ? i.redactedFile : i.file;
      if (!file) continue;
      released.push({
        id: i.id,
        kind: 'document',
        title: mask(i.title),
        description: mask(answer ? answerTitle(answer) : i.title),
        data: null,
        masked: review.outcome === 'release_masked',
        file: { filename: file.filename, mimeType: file.mimeType, size: file.size, sha256: file.sha256, open: () => lazyStoredFile(file.sha256) },
      });
    }
    const reason = portabilityReason(activity);
    activities.push({
      activity,
      items: released,
      exclusions: exclusionsOf(ofActivity.map((i) => i.review!), lang),
      portability: reason
        ? { applies: false, reason }
        : {
            applies: true,
            provided: ofActivity
              .filter((i) => i.kind === 'answer' && i.review!.outcome !== 'withhold' && i.taskId && answers.get(i.taskId)?.source === 'person')
              .map((i) => ({ id: i.id, title: mask(i.title), providedOn: null, fields: answerFields(answers.get(i.taskId!)!, lang, mask) })),
          },
    });
  }
  return {
    language: lang,
    kommun: row.kommun,
    pua: row.pua,
    dataskyddsombud: row.dpo,
    diarienummer: row.diarienummer ?? '',
    releasedOn: todayInStockholm(),
    builtAt: new Date().toISOString(),
    recipient: { name: row.subjectName },
    request: { receivedOn: row.receivedDate, relation: row.relation, subjectName: row.subjectName },
    activities,
    exclusionDecision: await decidedExclusion(caseId, database),
  };
}

async function answersOf(taskIds: string[], database: Database) {
  if (!taskIds.length) return new Map<string, Extract<TaskAnswer, { found: 'yes' }>>();
  const rows = await database.select({ id: caseTasks.id, answer: caseTasks.answer }).from(caseTasks).where(inArray(caseTasks.id, taskIds));
  return new Map(rows.filter((r) => (r.answer as TaskAnswer | null)?.found === 'yes').map((r) => [r.id, r.answer as Extract<TaskAnswer, { found: 'yes' }>]));
}

function answerFields(answer: Extract<TaskAnswer, { found: 'yes' }>, lang: Lang, mask: (s: string) => string) {
  const labels = ANSWER_LABELS[lang];
  const fields = [
    { label: labels.workplace!, value: answer.workplace },
    { label: labels.whereWhich!, value: answer.whereWhich },
    // The system owner's choice in words the person reads ("Från dig själv"), or who else it came from.
    { label: labels.source!, value: answer.sourceWhich || labels[answer.source]! },
    ...(answer.notes ? [{ label: labels.notes!, value: answer.notes }] : []),
  ];
  return fields.map((f) => ({ label: f.label, value: mask(f.value) }));
}

/** The exclusions of one activity, per ground, in general terms: counts and the ground's own explanation. */
function exclusionsOf(reviews: ItemReview[], lang: Lang): Exclusion[] {
  const out: Exclusion[] = [];
  for (const id of EXCLUSION_GROUNDS) {
    const used = reviews.filter((r): r is Exclude<ItemReview, { outcome: 'release' }> => r.outcome !== 'release' && r.ground === id);
    if (!used.length) continue;
    const ground = legalGround(id);
    out.push({
      ground: { label: ground.title[lang], provisions: appliedProvisions({ id, oslReference: citedOslReferences(used), statuteReference: citedStatuteReferences(used) }, lang), explanation: ground.text[lang] },
      withheld: used.filter((r) => r.outcome === 'withhold').length,
      masked: used.filter((r) => r.outcome === 'release_masked').length,
    });
  }
  return out;
}

/** A stored file (≤ 10 MB, encrypted whole) read only when the ZIP writer reaches it. */
function lazyStoredFile(sha256: string): NodeJS.ReadableStream {
  return Readable.from(
    (async function* () {
      yield await readStoredFile(sha256);
    })(),
  );
}

