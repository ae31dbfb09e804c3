/**
 * Identity checks by reception and kontaktcenter staff (issue #8): recorded, audited (method and
 * document type, never the personnummer), and usable only by the official who made them, in the same
 * session, for CHECK_VALID_MINUTES (app/domain/identity-check.ts).
 */
import { and, eq } from 'drizzle-orm';
import { bankIdOrders, identityChecks } from '../../db/schema/index';
import { checkIdDocument, checkStillValid, type DocumentCheck, type DocumentCheckInput, type IdDocument } from '~/domain/identity-check';
import { todayInStockholm } from '../utils/dates.server';
import { db, type Database, transaction } from '../utils/db.server';
import { decryptPersonnummer, encryptPersonnummer, personnummerLookup } from '../utils/pnr-crypto.server';
import { writeAudit } from './audit.server';
import { isUuid } from '~/domain/uuid';


type Official = { staffId: string; sessionId: string };

/** The visitor showed an ID document: checked by the official, now. */
export async function recordDocumentCheck(official: Official, input: DocumentCheckInput, database: Database = db()): Promise<{ ok: true; checkId: string } | Extract<DocumentCheck, { ok: false }>> {
  const checked = checkIdDocument(input, todayInStockholm());
  if (!checked.ok) return checked;
  const checkId = await insertCheck(official, { method: 'id_document', personnummer: checked.personnummer.value, name: checked.name, document: checked.document }, database);
  return { ok: true, checkId };
}

/** The caller identified themself with BankID on the phone (app/utils/bankid/phone.server.ts). */
export async function recordPhoneCheck(official: Official, verified: { personnummer: string; name: string; bankidOrderId: string | null }, database: Database = db()): Promise<string> {
  return insertCheck(official, { method: 'bankid_phone', personnummer: verified.personnummer, name: verified.name, bankidOrderId: verified.bankidOrderId }, database);
}

/**
 * The check for a completed phone order: the one already recorded, or a new one. BankID keeps
 * answering "complete" on every poll (and two tabs may poll at once), so the order's row is locked
 * while looking: a second poll waits, then finds the first one's check.
 */
export async function recordPhoneCheckOnce(official: Official, verified: { personnummer: string; name: string; bankidOrderId: string }, database: Database = db()): Promise<string> {
  return transaction(database, async (tx) => {
    await tx.select({ id: bankIdOrders.id }).from(bankIdOrders).where(eq(bankIdOrders.id, verified.bankidOrderId)).for('update');
    const [existing] = await tx
      .select({ id: identityChecks.id })
      .from(identityChecks)
      .where(and(eq(identityChecks.bankidOrderId, verified.bankidOrderId), eq(identityChecks.staffUserId, official.staffId), eq(identityChecks.sessionId, official.sessionId)));
    return existing?.id ?? (await recordPhoneCheck(official, verified, tx));
  });
}

async function insertCheck(
  official: Official,
  check: { method: 'id_document' | 'bankid_phone'; personnummer: string; name: string; document?: IdDocument; bankidOrderId?: string | null },
  database: Database,
): Promise<string> {
  return transaction(database, async (tx) => {
    const [row] = await tx
      .insert(identityChecks)
      .values({
        staffUserId: official.staffId,
        sessionId: official.sessionId,
        method: check.method,
        pnrCiphertext: encryptPersonnummer(check.personnummer),
        pnrLookup: personnummerLookup(check.personnummer),
        name: check.name,
        document: check.document ?? null,
        bankidOrderId: check.bankidOrderId ?? null,
      })
      .returning({ id: identityChecks.id });
    await writeAudit(tx, {
      actor: { type: 'staff', id: official.staffId },
      action: 'identity.checked',
      entityType: 'identity_check',
      entityId: row!.id,
      details: { method: check.method, ...(check.document ? { documentType: check.document.type, issuer: check.document.issuer } : {}) },
    });
    return row!.id;
  });
}

export type ActiveCheck = { id: string; method: 'id_document' | 'bankid_phone'; personnummer: string; pnrLookup: string; name: string; document: IdDocument | null; checkedAt: Date };

/** The check, when it is this official's, from this session, and still valid; otherwise null. */
export async function activeCheck(checkId: string, official: Official, now = new Date(), database: Database = db()): Promise<ActiveCheck | null> {
  if (!isUuid(checkId)) return null;
  const [row] = await database.select().from(identityChecks).where(and(eq(identityChecks.id, checkId), eq(identityChecks.staffUserId, official.staffId), eq(identityChecks.sessionId, official.sessionId)));
  if (!row || !checkStillValid(row.checkedAt, now)) return null;
  return { id: row.id, method: row.method, personnummer: decryptPersonnummer(row.pnrCiphertext), pnrLookup: row.pnrLookup, name: row.name, document: row.document, checkedAt: row.checkedAt };
}
