/**
 * Turning a completed BankID identification into a session: residents are created at their first
 * login; staff must be pre-provisioned (an unknown personnummer creates nothing). Every completed
 * identification is audited (orderRef, type, time, IP, risk, issue date; personnummer encrypted).
 */
import { withAudit } from '~/models/audit.server';
import { upsertResidentAtLogin } from '~/models/resident.server';
import { findStaffByPersonnummer } from '~/models/staff.server';
import { db } from '../db.server';
import { encryptPersonnummer } from '../pnr-crypto.server';
import { startSession } from '../session.server';
import type { Consumed } from './service.server';

export type LoginOutcome =
  | { ok: true; setCookie: string; redirectTo: string }
  | { ok: false; reason: 'risk' | 'unknown-staff' };

function auditDetails({ order, completion }: Consumed, clientIp: string) {
  return {
    orderRef: order.orderRef,
    type: order.type,
    purpose: order.purpose,
    completedAt: new Date().toISOString(),
    ip: clientIp,
    deviceIp: completion.device.ipAddress,
    risk: completion.risk ?? null,
    bankIdIssueDate: completion.bankIdIssueDate,
    personnummerEncrypted: encryptPersonnummer(completion.user.personalNumber),
  };
}

/** Only local paths: an open redirect would let a phishing link log people in and send them away. */
export function safeRedirect(to: string | null | undefined, fallback: string): string {
  if (!to || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback;
  return to;
}

export async function finishResidentLogin(request: Request, consumed: Consumed, clientIp: string): Promise<LoginOutcome> {
  const details = auditDetails(consumed, clientIp);
  if (consumed.completion.risk === 'high') {
    await withAudit(db(), { actor: { type: 'system' }, action: 'bankid.refused-risk', details }, async () => null);
    return { ok: false, reason: 'risk' };
  }
  const { personalNumber, name } = consumed.completion.user;
  const resident = await withAudit(
    db(),
    (r: { id: string }) => ({ actor: { type: 'resident', id: r.id }, action: 'bankid.identify', entityType: 'resident', entityId: r.id, details }),
    (tx) => upsertResidentAtLogin(personalNumber, name, tx),
  );
  const setCookie = await startSession(request, { kind: 'resident', residentId: resident.id });
  return { ok: true, setCookie, redirectTo: safeRedirect(consumed.order.redirectTo, '/mina-arenden') };
}

export async function finishStaffLogin(request: Request, consumed: Consumed, clientIp: string): Promise<LoginOutcome> {
  const details = auditDetails(consumed, clientIp);
  if (consumed.completion.risk === 'high') {
    await withAudit(db(), { actor: { type: 'system' }, action: 'bankid.refused-risk', details }, async () => null);
    return { ok: false, reason: 'risk' };
  }
  const staff = await findStaffByPersonnummer(consumed.completion.user.personalNumber);
  if (!staff) {
    await withAudit(db(), { actor: { type: 'system' }, action: 'bankid.staff-unknown', details }, async () => null);
    return { ok: false, reason: 'unknown-staff' };
  }
  await withAudit(db(), { actor: { type: 'staff', id: staff.id }, action: 'bankid.identify', entityType: 'staff_user', entityId: staff.id, details }, async () => null);
  const setCookie = await startSession(request, { kind: 'staff', staffUserId: staff.id });
  return { ok: true, setCookie, redirectTo: safeRedirect(consumed.order.redirectTo, '/personal') };
}
