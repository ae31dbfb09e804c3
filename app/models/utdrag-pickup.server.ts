/**
 * Registerutdrag to be collected at the reception (issue #7 delivery "hämta i receptionen", issue #8
 * pick-up and handover): the packages waiting in the reception's kommun, and the handover to the
 * person who asked, against an identity check made at the desk. Handing over delivers the package:
 * the resident sees it on their case; the reception then puts the ZIP on a medium or prints it.
 */
import { and, asc, eq, gt, inArray, or } from 'drizzle-orm';
import { caseEvents, cases, pua, residents, submissions } from '../../db/schema/index';
import { utdragItems, utdragPackages } from '../../db/schema/utdrag';
import { FILES, packageLayout } from '~/documents/registerutdrag/layout';
import { renderPrintBundle } from '~/documents/registerutdrag/print.server';
import type { RegisterutdragData } from '~/documents/registerutdrag/types';
import { maskPersonnummer } from '~/domain/personnummer';
import { demoCalendarOffsetDays, todayInStockholm } from '../utils/dates.server';
import { db, type Database, transaction } from '../utils/db.server';
import { deliveryStore } from '../utils/delivery-store.server';
import { decryptPersonnummer } from '../utils/pnr-crypto.server';
import { recordAudit, writeAudit } from './audit.server';
import type { ActiveCheck } from './identity-checks.server';
import { utdragPackageData } from './utdrag-package.server';
import { isUuid } from '~/domain/uuid';

const waiting = (puaIds: readonly string[]) =>
  and(inArray(cases.puaId, [...puaIds]), eq(utdragPackages.deliveryMethod, 'reception'), eq(utdragPackages.status, 'built'));

/**
 * What the "who collects" rule reads: the submission's relation and subject, and the filer. A
 * query selecting these must join `submissions` to the case and left-join `residents` on its filer.
 */
export const recipientColumns = {
  relation: submissions.relation,
  subjectName: submissions.subjectName,
  subjectCipher: submissions.subjectPnrCiphertext,
  subjectLookup: submissions.subjectPnrLookup,
  filerCipher: residents.pnrCiphertext,
  filerLookup: residents.pnrLookup,
  filerName: residents.name,
};

export type RecipientFields = { relation: string; subjectCipher: string; subjectLookup: string; filerCipher: string | null; filerLookup: string | null; subjectName: string; filerName: string | null };

/**
 * The one who collects at the reception — a package or a decision letter (ADR 015 §5): the person
 * who asked (a guardian, ombud or god man for someone else).
 */
function recipientOf(row: RecipientFields) {
  if (row.relation === 'self') return { name: row.subjectName, cipher: row.subjectCipher, lookup: row.subjectLookup };
  // For a child, principal or ward: the one who asked. None known (an older paper form without the
  // signer's personnummer): nobody can be checked against it, so nobody collects it at the desk.
  return row.filerCipher && row.filerLookup ? { name: row.filerName ?? row.subjectName, cipher: row.filerCipher, lookup: row.filerLookup } : null;
}

/** Whether the verified person is the one who collects (compared by the keyed lookup). */
export const collectsIt = (row: RecipientFields, check: ActiveCheck) => recipientOf(row)?.lookup === check.pnrLookup;

export type ListedRecipient = { recipientName: string | null; recipientPnrMasked: string | null; recipientUnknown: boolean };

/**
 * Who collects, as the whole reception's list shows it: personnummer masked (DOMAIN.md §9), and
 * nobody named for skyddade personuppgifter — the handover finds it on the person's own page.
 */
export function listedRecipient(row: RecipientFields & { protectedIdentity: boolean }): ListedRecipient {
  const who = recipientOf(row);
  const hidden = row.protectedIdentity || !who;
  return { recipientName: hidden ? null : who.name, recipientPnrMasked: hidden ? null : maskPersonnummer(decryptPersonnummer(who.cipher)), recipientUnknown: !who };
}

/** Who collects, on the verified person's own page: the one checked at the desk. */
export const checkedRecipient = (row: RecipientFields, check: ActiveCheck): ListedRecipient => ({ recipientName: recipientOf(row)!.name, recipientPnrMasked: maskPersonnummer(check.personnummer), recipientUnknown: false });

/** After the handover, the official who made it may give the person the ZIP, the printout or the beslut this long (ADR 015 §5). */
export const AFTER_HANDOVER_MS = 12 * 3_600_000;

const columns = {
  packageId: utdragPackages.id,
  caseId: cases.id,
  diarienummer: cases.diarienummer,
  puaName: pua.name,
  builtAt: utdragPackages.builtAt,
  availableUntil: utdragPackages.availableUntil,
  ...recipientColumns,
  protectedIdentity: cases.protectedIdentity,
};

/** Packages with their case, PUA and the people involved: what the list and the handover read. */
const packagesWithPeople = (database: Database) =>
  database
    .select(columns)
    .from(utdragPackages)
    .innerJoin(cases, eq(cases.id, utdragPackages.caseId))
    .innerJoin(pua, eq(pua.id, cases.puaId))
    .innerJoin(submissions, eq(submissions.id, cases.submissionId))
    .leftJoin(residents, eq(residents.id, submissions.filedByResidentId));

async function waitingRows(puaIds: readonly string[], database: Database) {
  if (!puaIds.length) return [];
  return packagesWithPeople(database).where(waiting(puaIds)).orderBy(asc(utdragPackages.builtAt));
}

export type PickupRow = ListedRecipient & {
  packageId: string;
  caseId: string;
  diarienummer: string;
  puaName: string;
  readySince: string | null;
  availableUntil: string | null;
  expired: boolean;
};

/** The reception's pick-up list: who is to collect what, personnummer masked (DOMAIN.md §9). Audited. */
export async function pickupList(puaIds: readonly string[], staffId: string, database: Database = db()): Promise<PickupRow[]> {
  const rows = await waitingRows(puaIds, database);
  const today = todayInStockholm();
  await recordAudit(database, { actor: { type: 'staff', id: staffId }, action: 'utdrag.pickup_list', entityType: 'utdrag_package', details: { packages: rows.map((r) => r.packageId) } });
  return rows.map((r) => ({
    packageId: r.packageId,
    caseId: r.caseId,
    diarienummer: r.diarienummer,
    puaName: r.puaName,
    ...listedRecipient(r),
    readySince: r.builtAt ? r.builtAt.toISOString() : null,
    availableUntil: r.availableUntil,
    expired: !!r.availableUntil && r.availableUntil < today,
  }));
}

/** The packages waiting for the verified person at this reception. */
export async function pickupsFor(check: ActiveCheck, puaIds: readonly string[], database: Database = db()): Promise<PickupRow[]> {
  const today = todayInStockholm();
  return (await waitingRows(puaIds, database))
    .filter((r) => collectsIt(r, check))
    .map((r) => ({
      packageId: r.packageId,
      caseId: r.caseId,
      diarienummer: r.diarienummer,
      puaName: r.puaName,
      ...checkedRecipient(r, check),
      readySince: r.builtAt ? r.builtAt.toISOString() : null,
      availableUntil: r.availableUntil,
      expired: !!r.availableUntil && r.availableUntil < today,
    }));
}

export type HandoverResult = { ok: true } | { ok: false; error: 'not-found' | 'not-recipient' | 'expired' | 'needs-document' };

/**
 * Hands the package over to the verified person: only to the one who asked, only while it is kept.
 * Delivered from now on; the resident's timeline says so (and names no official).
 */
export async function handOverUtdrag(input: { packageId: string; check: ActiveCheck; staffId: string; puaIds: readonly string[] }, database: Database = db()): Promise<HandoverResult> {
  // In person, against the ID document seen at the desk: a BankID check of a caller says nothing
  // about who stands at the counter (DOMAIN.md §7: "against ID, record which ID").
  if (input.check.method !== 'id_document') return { ok: false, error: 'needs-document' };
  if (!isUuid(input.packageId)) return { ok: false, error: 'not-found' };
  return transaction(database, async (tx) => {
    const [row] = await packagesWithPeople(tx)
      .where(and(eq(utdragPackages.id, input.packageId), waiting(input.puaIds)))
      .for('update', { of: utdragPackages });
    if (!row) return { ok: false, error: 'not-found' };
    if (!collectsIt(row, input.check)) return { ok: false, error: 'not-recipient' };
    if (row.availableUntil && row.availableUntil < todayInStockholm()) return { ok: false, error: 'expired' };
    await tx.update(utdragPackages).set({ status: 'delivered', deliveredAt: new Date(), handedOverByStaffId: input.staffId, handoverCheckId: input.check.id }).where(eq(utdragPackages.id, row.packageId));
    await tx.insert(caseEvents).values({ caseId: row.caseId, type: 'utdrag.handed_over', actorType: 'staff', actorId: input.staffId, visibleToResident: true, data: { packageId: row.packageId, method: input.check.method } });
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'utdrag.handed_over', entityType: 'case', entityId: row.caseId, details: { packageId: row.packageId, checkId: input.check.id, method: input.check.method, documentType: input.check.document?.type ?? null } });
    return { ok: true };
  });
}

/**
 * A package this official handed over at the reception less than twelve hours ago, with its
 * case number; null for anyone else, for any other package, or later. The one rule the ZIP and
 * the printout share.
 */
async function justHandedOver(packageId: string, staffId: string, database: Database) {
  if (!isUuid(packageId)) return null;
  const [row] = await database
    .select({ p: utdragPackages, diarienummer: cases.diarienummer })
    .from(utdragPackages)
    .innerJoin(cases, eq(cases.id, utdragPackages.caseId))
    .where(
      and(
        eq(utdragPackages.id, packageId),
        eq(utdragPackages.deliveryMethod, 'reception'),
        eq(utdragPackages.status, 'delivered'),
        eq(utdragPackages.handedOverByStaffId, staffId),
        gt(utdragPackages.deliveredAt, new Date(Date.now() - AFTER_HANDOVER_MS)),
      ),
    );
  return row ? { ...row.p, diarienummer: row.diarienummer ?? '' } : null;
}

/**
 * The ZIP of a package this official has just handed over (to put on the medium given to the
 * person), for twelve hours after the handover; audited. Null otherwise.
 */
export async function openHandedOverPackage(packageId: string, staffId: string, database: Database = db()) {
  const p = await justHandedOver(packageId, staffId, database);
  if (!p?.storeId) return null;
  await recordAudit(database, { actor: { type: 'staff', id: staffId }, action: 'utdrag.handover_file', entityType: 'case', entityId: p.caseId, details: { packageId: p.id, sha256: p.sha256 } });
  return { stream: deliveryStore().readPackage(p.storeId), size: p.size, diarienummer: p.diarienummer };
}

export type HandoverPrint = { ok: true; pdf: Buffer; pages: number; diarienummer: string } | { ok: false; error: 'not-found' | 'changed' };

/**
 * The package just handed over as one PDF to print at the desk (issue #8; ADR 013, addendum):
 * the paper följebrev, "Dina uppgifter" and the documents, with no address page. Same rule as the
 * ZIP. Rendered now from the case, so it is refused ('changed') when the case no longer holds
 * what the ZIP was built from; dated as the ZIP is. Audited with the page count.
 */
export async function printHandedOverPackage(packageId: string, staffId: string, database: Database = db()): Promise<HandoverPrint> {
  const p = await justHandedOver(packageId, staffId, database);
  if (!p?.builtAt || !p.manifest) return { ok: false, error: 'not-found' };
  if (await itemsChangedSince(p.caseId, p.builtAt, database)) return { ok: false, error: 'changed' };
  const data: RegisterutdragData = { ...(await utdragPackageData(p.caseId, database)), releasedOn: builtOn(p.builtAt), builtAt: p.builtAt.toISOString() };
  if (!sameFilesAs(data, p.manifest)) return { ok: false, error: 'changed' };
  const bundle = await renderPrintBundle(data, { kind: 'desk' });
  await recordAudit(database, { actor: { type: 'staff', id: staffId }, action: 'utdrag.handover_print', entityType: 'case', entityId: p.caseId, details: { packageId: p.id, pages: bundle.pages, notPrinted: bundle.notPrinted.length } });
  return { ok: true, pdf: bundle.pdf, pages: bundle.pages, diarienummer: p.diarienummer };
}

/**
 * The case's items are not frozen by the build: the samordnare can still review one again, and
 * an answer that comes later adds one. Any such change after the build means the printout would
 * not be the package handed over.
 */
async function itemsChangedSince(caseId: string, builtAt: Date, database: Database): Promise<boolean> {
  const [changed] = await database
    .select({ id: utdragItems.id })
    .from(utdragItems)
    .where(and(eq(utdragItems.caseId, caseId), or(gt(utdragItems.createdAt, builtAt), gt(utdragItems.reviewedAt, builtAt))))
    .limit(1);
  return !!changed;
}

/**
 * Whether the data lays out as the ZIP did, by its manifest: the same activities (tables and
 * portable data by name and number) and the same documents, byte for byte by SHA-256. Catches
 * what the items' timestamps do not: an activity renamed or removed in the registerförteckning.
 */
function sameFilesAs(data: RegisterutdragData, manifest: { files: { path: string; sha256: string }[] }): boolean {
  const fixed = new Set<string>(Object.values(FILES));
  const held = new Map(manifest.files.filter((f) => !fixed.has(f.path)).map((f) => [f.path, f.sha256.toLowerCase()]));
  const expected = packageLayout(data).flatMap((layout, i) => {
    const activity = data.activities[i]!;
    const documents = activity.items.flatMap((item) => (item.kind === 'document' ? [{ path: layout.files.get(item.id)!, sha256: item.file.sha256.toLowerCase() }] : []));
    const tables = [...(activity.items.length ? [layout.table] : []), ...(layout.portability ? [layout.portability.json, layout.portability.csv] : [])];
    return [...tables.map((path) => ({ path, sha256: null })), ...documents];
  });
  return expected.length === held.size && expected.every((f) => held.has(f.path) && (f.sha256 === null || held.get(f.path) === f.sha256));
}

/** The följebrev's date in the ZIP: the day it was built, on the calendar the portal runs (a demo's may be moved ahead). */
function builtOn(builtAt: Date): string {
  return todayInStockholm(new Date(builtAt.getTime() + demoCalendarOffsetDays() * 86_400_000));
}
