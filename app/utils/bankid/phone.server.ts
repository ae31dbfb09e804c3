/**
 * Phone identification (issue #3, used by reception and kontaktcenter in issue #8): the official
 * starts `phone/auth` for the caller's personnummer — callInitiator "user" when the resident
 * called, "RP" when the kommun called — and follows it to a verified identity.
 */
import { findSessionOrder, insertOrder } from '~/models/bankid-orders.server';
import { withAudit } from '~/models/audit.server';
import { db } from '../db.server';
import { decryptPersonalData, encryptPersonnummer, personnummerLookup } from '../pnr-crypto.server';
import { rfaFor, type RfaCode } from './messages';
import { bankIdClient, consumeCompletedOrder, refreshOrder } from './service.server';
import { BankIdError, type CompletionData } from './types';

export async function startPhoneIdentification(input: { staffId: string; sessionId: string; personnummer: string; callInitiator: 'user' | 'RP'; visibleText: string }) {
  const base = {
    flowTokenHash: `session:${input.sessionId}`,
    purpose: 'phone_auth' as const,
    type: 'phone/auth',
    startMethod: 'phone',
    startedBySessionId: input.sessionId,
    expectedPnrLookup: personnummerLookup(input.personnummer),
    details: { callInitiator: input.callInitiator, staffId: input.staffId },
  };
  try {
    const res = await bankIdClient().phoneAuth({
      personalNumber: input.personnummer,
      callInitiator: input.callInitiator,
      userVisibleData: Buffer.from(input.visibleText, 'utf8').toString('base64'),
      userVisibleDataFormat: 'simpleMarkdownV1',
    });
    return await insertOrder({ ...base, orderRef: res.orderRef, createdAt: new Date() });
  } catch (error) {
    if (!(error instanceof BankIdError)) throw error;
    return insertOrder({ ...base, status: 'error', errorCode: error.errorCode });
  }
}

export type PhoneIdentification =
  | { state: 'pending' | 'failed'; rfa: RfaCode }
  | { state: 'verified'; personnummer: string; name: string };

/** Follows the official's own order (scoped by their session); on completion, the verified caller. */
export async function followPhoneIdentification(orderId: string, sessionId: string, staffId: string): Promise<PhoneIdentification | null> {
  const existing = await findSessionOrder(orderId, sessionId);
  if (!existing) return null;
  const order = await refreshOrder(existing);
  if (order.status === 'error') return { state: 'failed', rfa: rfaFor({ status: 'error', errorCode: order.errorCode ?? '' }, 'phone') };
  if (order.status === 'failed') return { state: 'failed', rfa: rfaFor({ status: 'failed', hintCode: order.hintCode ?? '' }, 'phone') };
  if (order.status === 'pending') return { state: 'pending', rfa: rfaFor({ status: 'pending', hintCode: order.hintCode ?? 'outstandingTransaction' }, 'phone') };
  const consumed = await consumeCompletedOrder(order);
  if (!consumed) {
    // Already taken by an earlier poll of the same official: show the verified caller again.
    const completion = order.completionCiphertext ? (JSON.parse(decryptPersonalData(order.completionCiphertext)) as CompletionData) : null;
    return completion && personnummerLookup(completion.user.personalNumber) === order.expectedPnrLookup
      ? { state: 'verified', personnummer: completion.user.personalNumber, name: completion.user.name }
      : null;
  }
  const { personalNumber, name } = consumed.completion.user;
  if (personnummerLookup(personalNumber) !== order.expectedPnrLookup) return { state: 'failed', rfa: 'RFA22' };
  await withAudit(db(), {
    actor: { type: 'staff', id: staffId },
    action: 'bankid.phone-identify',
    entityType: 'bankid_order',
    entityId: order.id,
    details: { orderRef: order.orderRef, type: order.type, callInitiator: order.details?.callInitiator ?? null, risk: consumed.completion.risk ?? null, bankIdIssueDate: consumed.completion.bankIdIssueDate, personnummerEncrypted: encryptPersonnummer(personalNumber) },
  }, async () => null);
  return { state: 'verified', personnummer: personalNumber, name };
}
