/**
 * Signing as a reusable step (issue #3; the request journey of issue #4 uses it): the person signs
 * a plain-language summary; `userNonVisibleData` is the SHA-256 of the canonical payload and only
 * the logged-in person may complete it. On completion we check both and keep the evidence.
 */
import type { BankIdOrder } from '~/models/bankid-orders.server';
import { personnummerLookup } from '../pnr-crypto.server';
import { consumeCompletedOrder, payloadHash, startOrder, type Caller } from './service.server';

export type SignatureEvidence = {
  orderRef: string;
  signedAt: string;
  payloadHash: string;
  /** Base64 XML from BankID, as received. */
  signature: string;
  ocspResponse: string;
  bankIdIssueDate: string;
  risk: string | null;
};

export async function startSigning(caller: Caller, input: { summaryMarkdown: string; payload: unknown; signerPnr: string; sessionId: string; method: 'qr' | 'autostart' }) {
  return startOrder(caller, {
    purpose: 'sign',
    method: input.method,
    visibleText: input.summaryMarkdown,
    requirement: { personalNumber: input.signerPnr },
    sign: { payloadHash: payloadHash(input.payload), expectedPnr: input.signerPnr, sessionId: input.sessionId },
  });
}

export class SignatureMismatchError extends Error {}

/** Decodes the signature XML's echo of what was signed (BankID puts both data fields in it). */
function signedFields(signatureB64: string) {
  const xml = Buffer.from(signatureB64, 'base64').toString('utf8');
  const field = (name: string) => new RegExp(`<(?:\\w+:)?${name}>([^<]*)</(?:\\w+:)?${name}>`).exec(xml)?.[1]?.trim() ?? null;
  return { visible: field('usrVisibleData'), nonVisible: field('usrNonVisibleData') };
}

/**
 * Takes the completed sign order once and verifies it: the right person signed exactly this
 * payload. Returns the evidence to store with what was signed.
 */
export async function completeSigning(order: BankIdOrder, payload: unknown, expectedPnr: string): Promise<SignatureEvidence | null> {
  if (order.purpose !== 'sign' || order.type !== 'sign') throw new SignatureMismatchError('not a sign order');
  const consumed = await consumeCompletedOrder(order);
  if (!consumed) return null;
  const { completion } = consumed;
  const hash = payloadHash(payload);
  if (completion.user.personalNumber !== expectedPnr || order.expectedPnrLookup !== personnummerLookup(expectedPnr)) {
    throw new SignatureMismatchError('signed by another person');
  }
  if (order.payloadHash !== hash || signedFields(completion.signature).nonVisible !== Buffer.from(hash, 'hex').toString('base64')) {
    throw new SignatureMismatchError('the signature does not cover this payload');
  }
  return {
    orderRef: order.orderRef!,
    signedAt: new Date().toISOString(),
    payloadHash: hash,
    signature: completion.signature,
    ocspResponse: completion.ocspResponse,
    bankIdIssueDate: completion.bankIdIssueDate,
    risk: completion.risk ?? null,
  };
}
