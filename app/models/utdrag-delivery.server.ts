/**
 * How a registerutdrag reaches the person (issue #7; DOMAIN.md §7, §9): the delivery chosen when
 * filing, changed by the samordnare when the person asks; and for rekommenderat brev the
 * folkbokföring lookup, the print file and the record of sending (date and tracking number).
 *
 * Skyddade personuppgifter: BankID does not tell, the folkbokföring does. When the lookup finds it,
 * the person's cases become protected (named handlers only, no content in notices) and the letter
 * goes via Skatteverket's förmedling — as it does when the person said so when filing. The person's address is never stored — not even for an
 * unprotected person: it is looked up again when the file is printed and only printed.
 */
import { and, desc, eq } from 'drizzle-orm';
import { caseEvents, caseHandlers, cases, residents, submissions } from '../../db/schema/index';
import { utdragPackages } from '../../db/schema/utdrag';
import type { Mailing } from '~/documents/registerutdrag/print.server';
import { isIsoDate, stockholmDate } from '~/domain/iso-date';
import { DELIVERY, type Delivery } from '~/domain/request-journey';
import { parseTrackingNumber } from '~/domain/tracking-number';
import { todayInStockholm } from '../utils/dates.server';
import { db, type Database, transaction } from '../utils/db.server';
import { deliveryStore } from '../utils/delivery-store.server';
import { folkbokforing, type FolkbokforingRecord } from '../utils/folkbokforing/index.server';
import { decryptPersonnummer } from '../utils/pnr-crypto.server';
import { queueResidentNotice } from '../jobs/notices.server';
import { recordAudit, writeAudit } from './audit.server';
import { isUuid } from '~/domain/uuid';


export const MAX_DELIVERY_REASON = 500;

// ---------------------------------------------------------------------------------------------
// The delivery method

/** How the case's answer is delivered now. */
export async function caseDeliveryMethod(caseId: string, database: Database = db()): Promise<Delivery> {
  const [row] = await database.select({ method: cases.deliveryMethod }).from(cases).where(eq(cases.id, caseId));
  if (!row) throw new Error(`case ${caseId} not found`);
  return row.method;
}

export type ChangeDeliveryResult = { ok: true } | { ok: false; error: 'method' | 'reasonRequired' | 'tooLong' | 'unchanged' | 'not-found' };

/**
 * The samordnare changes how the answer is delivered, on the person's request (a call, a message):
 * the reason says how they asked. A package not yet built is dropped — it was prepared for the old
 * method — and is prepared again. One already built, sent or handed over stays as it was (a
 * returned letter, an uncollected package): a new package is prepared for the new method.
 */
export async function changeDeliveryMethod(input: { caseId: string; staffId: string; method: string; reason: string }, database: Database = db()): Promise<ChangeDeliveryResult> {
  if (!(DELIVERY as readonly string[]).includes(input.method)) return { ok: false, error: 'method' };
  const reason = input.reason.trim();
  if (!reason) return { ok: false, error: 'reasonRequired' };
  if (reason.length > MAX_DELIVERY_REASON) return { ok: false, error: 'tooLong' };
  const method = input.method as Delivery;
  return transaction(database, async (tx) => {
    const [c] = await tx.select({ id: cases.id, deliveryMethod: cases.deliveryMethod }).from(cases).where(eq(cases.id, input.caseId)).for('update');
    if (!c) return { ok: false, error: 'not-found' };
    if (c.deliveryMethod === method) return { ok: false, error: 'unchanged' };
    await tx.delete(utdragPackages).where(and(eq(utdragPackages.caseId, c.id), eq(utdragPackages.status, 'awaiting_approval')));
    await tx.delete(utdragPackages).where(and(eq(utdragPackages.caseId, c.id), eq(utdragPackages.status, 'approved')));
    await tx.update(cases).set({ deliveryMethod: method, updatedAt: new Date() }).where(eq(cases.id, c.id));
    // The resident sees the new method on the timeline; the reason is for the file only.
    await tx.insert(caseEvents).values({ caseId: c.id, type: 'delivery.changed', actorType: 'staff', actorId: input.staffId, visibleToResident: true, data: { from: c.deliveryMethod, to: method } });
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'case.delivery_changed', entityType: 'case', entityId: c.id, details: { from: c.deliveryMethod, to: method, reason } });
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------------------------
// The folkbokföring lookup for rekommenderat brev

export type MailingCheck = { ok: true; mailing: Mailing['kind'] } | { ok: false; error: 'no-address' };

/** The person the letter goes to (the one who asked) and the person the data is about. */
async function peopleOf(caseId: string, database: Database) {
  const [row] = await database
    .select({ submissionId: submissions.id, relation: submissions.relation, subjectCipher: submissions.subjectPnrCiphertext, filerCipher: residents.pnrCiphertext, assigneeId: cases.assigneeStaffId, caseProtected: cases.protectedIdentity })
    .from(cases)
    .innerJoin(submissions, eq(submissions.id, cases.submissionId))
    .leftJoin(residents, eq(residents.id, submissions.filedByResidentId))
    .where(eq(cases.id, caseId));
  if (!row) throw new Error(`case ${caseId} not found`);
  const subject = decryptPersonnummer(row.subjectCipher);
  // A guardian, ombud or god man receives the answer about the child, principal or ward; when no
  // one who asked is known (an older paper form without the signer's personnummer), nobody does.
  const recipient = row.relation === 'self' ? subject : row.filerCipher ? decryptPersonnummer(row.filerCipher) : null;
  return { submissionId: row.submissionId, assigneeId: row.assigneeId, subject, recipient, caseProtected: row.caseProtected };
}

async function lookUp(caseId: string, database: Database) {
  const people = await peopleOf(caseId, database);
  const recipient: FolkbokforingRecord = people.recipient ? await folkbokforing().lookup(people.recipient) : { status: 'not_found' };
  const subject = people.subject === people.recipient ? recipient : await folkbokforing().lookup(people.subject);
  const isProtected = (r: FolkbokforingRecord) => r.status === 'found' && r.protection !== null;
  return { people, recipient, protectedFound: isProtected(recipient) || isProtected(subject), protectedFlag: isProtected(recipient) || isProtected(subject) || people.caseProtected };
}

/**
 * Before a package for post is prepared: is there an address to send it to, or must it go via
 * Skatteverket? Finding skyddade personuppgifter protects the person's cases at once (named handlers:
 * the one who looked and the assignee). Audited with the outcome only — never the address.
 */
export async function checkMailing(caseId: string, staffId: string, database: Database = db()): Promise<MailingCheck> {
  const { people, recipient, protectedFound, protectedFlag } = await lookUp(caseId, database);
  if (protectedFound) await protectCases(people.submissionId, caseId, [staffId, people.assigneeId], staffId, database);
  const outcome: MailingCheck = recipient.status === 'found' ? { ok: true, mailing: protectedFlag ? 'formedling' : 'address' } : { ok: false, error: 'no-address' };
  await recordAudit(database, {
    actor: { type: 'staff', id: staffId },
    action: 'folkbokforing.lookup',
    entityType: 'case',
    entityId: caseId,
    details: { purpose: 'registered_post', outcome: outcome.ok ? outcome.mailing : recipient.status === 'no_address' ? recipient.reason : recipient.status, protectedFound },
  });
  return outcome;
}

/**
 * The mailing as the print file needs it, looked up again at print time (the address is fresher
 * and never has to be kept). Throws when there is no address any more: the build is retried and
 * the samordnare sees the package still waiting.
 */
export async function printMailing(caseId: string, staffId: string, database: Database = db()): Promise<Mailing> {
  const { people, recipient, protectedFound, protectedFlag } = await lookUp(caseId, database);
  // The one building (who approved it) stays able to print and send it.
  if (protectedFound) await protectCases(people.submissionId, caseId, [staffId, people.assigneeId], staffId, database);
  await recordAudit(database, {
    actor: { type: 'staff', id: staffId },
    action: 'folkbokforing.lookup',
    entityType: 'case',
    entityId: caseId,
    details: { purpose: 'print', outcome: recipient.status === 'found' ? (protectedFlag || recipient.protection ? 'formedling' : 'address') : recipient.status === 'no_address' ? recipient.reason : recipient.status, protectedFound },
  });
  if (recipient.status !== 'found') throw new Error(`no folkbokföringsadress for the recipient of case ${caseId} (${recipient.status})`);
  // Protected by the folkbokföring or by the person's own word when filing: no address, ever.
  if (protectedFlag || recipient.protection) return { kind: 'formedling', personnummer: people.recipient! };
  return { kind: 'address', recipient: { name: `${recipient.name.given} ${recipient.name.surname}`, address: recipient.address } };
}

/** Skyddade personuppgifter found: every case of the request becomes protected, with these named handlers on this case. */
async function protectCases(submissionId: string, caseId: string, handlerIds: (string | null)[], staffId: string | null, database: Database) {
  await transaction(database, async (tx) => {
    const [s] = await tx.select({ protectedIdentity: submissions.protectedIdentity }).from(submissions).where(eq(submissions.id, submissionId)).for('update');
    await tx.update(submissions).set({ protectedIdentity: true }).where(eq(submissions.id, submissionId));
    await tx.update(cases).set({ protectedIdentity: true, updatedAt: new Date() }).where(eq(cases.submissionId, submissionId));
    for (const id of new Set(handlerIds.filter((h): h is string => !!h))) await tx.insert(caseHandlers).values({ caseId, staffUserId: id, namedBy: staffId ?? id }).onConflictDoNothing();
    // The request's other cases keep their handläggare: each assignee is named on their own case.
    const siblings = await tx.select({ id: cases.id, assigneeId: cases.assigneeStaffId }).from(cases).where(eq(cases.submissionId, submissionId));
    for (const c of siblings) if (c.assigneeId) await tx.insert(caseHandlers).values({ caseId: c.id, staffUserId: c.assigneeId, namedBy: staffId ?? c.assigneeId }).onConflictDoNothing();
    if (!s?.protectedIdentity) {
      await tx.insert(caseEvents).values({ caseId, type: 'protected.found', actorType: staffId ? 'staff' : 'system', actorId: staffId ?? 'folkbokforing', visibleToResident: false, data: {} });
      await writeAudit(tx, { actor: staffId ? { type: 'staff', id: staffId } : { type: 'system', id: 'folkbokforing' }, action: 'case.protected', entityType: 'case', entityId: caseId, details: { source: 'folkbokforing' } });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The print file and the record of sending

/** The print file of the case's package for post, for the samordnare who sends it; audited. */
export async function openPrintFile(caseId: string, staffId: string, database: Database = db()) {
  const [p] = await database.select().from(utdragPackages).where(eq(utdragPackages.caseId, caseId)).orderBy(desc(utdragPackages.createdAt)).limit(1);
  if (!p || p.deliveryMethod !== 'registered_post' || (p.status !== 'built' && p.status !== 'delivered') || !p.storeId) return null;
  await recordAudit(database, { actor: { type: 'staff', id: staffId }, action: 'utdrag.print_file', entityType: 'case', entityId: caseId, details: { packageId: p.id, sha256: p.sha256 } });
  return { stream: deliveryStore().readPackage(p.storeId), size: p.size };
}

export type SentErrors = Partial<Record<'sentOn' | 'trackingNumber', string>>;
export type RecordSentResult = { ok: true } | { ok: false; errors: SentErrors } | { ok: false; error: 'not-found' };

/**
 * The samordnare has posted the printed package as rekommenderat brev: the day and PostNord's
 * tracking number (UPU S10) go on the record, the resident sees it was sent, and it counts as delivered.
 */
export async function recordUtdragSent(input: { caseId: string; packageId: string; staffId: string; sentOn: string; trackingNumber: string }, database: Database = db()): Promise<RecordSentResult> {
  const errors: SentErrors = {};
  const sentOn = input.sentOn.trim();
  const today = todayInStockholm();
  if (!sentOn) errors.sentOn = 'required';
  else if (!isIsoDate(sentOn)) errors.sentOn = 'invalid';
  else if (sentOn > today) errors.sentOn = 'future';
  const tracking = parseTrackingNumber(input.trackingNumber);
  if (!tracking.ok) errors.trackingNumber = tracking.error;
  if (!isUuid(input.packageId)) return { ok: false, error: 'not-found' };
  let printFile: string | null = null;
  const result = await transaction(database, async (tx): Promise<RecordSentResult> => {
    const [p] = await tx.select().from(utdragPackages).where(and(eq(utdragPackages.id, input.packageId), eq(utdragPackages.caseId, input.caseId), eq(utdragPackages.status, 'built'), eq(utdragPackages.deliveryMethod, 'registered_post'))).for('update');
    if (!p) return { ok: false, error: 'not-found' };
    // Not before the file it prints existed.
    if (!errors.sentOn && p.builtAt && sentOn < stockholmDate(p.builtAt)) errors.sentOn = 'beforeBuilt';
    if (Object.keys(errors).length || !tracking.ok) return { ok: false, errors };
    // Sent: the print file (the address, or the personnummer for Skatteverket) has done its job and
    // leaves the store; the hash and the record stay.
    printFile = p.storeId;
    await tx.update(utdragPackages).set({ status: 'delivered', sentOn, trackingNumber: tracking.value, sentByStaffId: input.staffId, deliveredAt: new Date(), storeId: null }).where(eq(utdragPackages.id, p.id));
    await tx.insert(caseEvents).values({ caseId: input.caseId, type: 'utdrag.sent', actorType: 'staff', actorId: input.staffId, visibleToResident: true, data: { packageId: p.id, sentOn, trackingNumber: tracking.value, mailing: p.mailing } });
    await writeAudit(tx, { actor: { type: 'staff', id: input.staffId }, action: 'utdrag.sent', entityType: 'case', entityId: input.caseId, details: { packageId: p.id, sentOn, trackingNumber: tracking.value, mailing: p.mailing } });
    return { ok: true };
  });
  if (result.ok) {
    if (printFile) await deliveryStore().removePackage(printFile);
    await queueResidentNotice(input.caseId, database);
  }
  return result;
}
