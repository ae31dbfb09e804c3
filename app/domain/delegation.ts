/**
 * Who may take a beslut on the nämnd's behalf (DOMAIN.md §1; issue #6). A nämnd may delegate its
 * decisions to an officer (KL 6 kap. 37 §, 7 kap. 5 §; a förvaltningschef may pass it on, 7 kap. 6 §);
 * the delegeringsförteckning lists, point by point, what may be decided and by whom. A decision under
 * delegation names its point and is reported to the nämnd (KL 6 kap. 40 §, 7 kap. 8 §). Pure functions:
 * the caller passes the PUA's points (`pua.delegations`) and the roles the person holds in that PUA.
 */
import type { DecisionType, DelegationPoint } from './decision-types';
import type { StaffRole } from './permissions';

export type Delegate = {
  staffUserId: string;
  /** The roles the person holds in this PUA (PUA-scoped, or kommun-scoped for the PUA's kommun). */
  roles: readonly StaffRole[];
};

/**
 * Whether a point names this person:
 * - role only: everyone holding that role in the PUA ("GDPR-samordnare");
 * - person only: that staff user, whatever their role;
 * - both: that person in that capacity ("Anna Lindqvist, GDPR-samordnare") — if she leaves the role the
 *   point no longer covers her. The narrower reading, because a delegation is personal to the one it names.
 * A point naming neither covers no one (the configuration rejects it).
 */
export function pointNames(point: DelegationPoint, delegate: Delegate): boolean {
  if (!point.role && !point.staffUserId) return false;
  if (point.staffUserId && point.staffUserId !== delegate.staffUserId) return false;
  if (point.role && !delegate.roles.includes(point.role)) return false;
  return true;
}

/**
 * The point under which `delegate` may take a decision of `type`: the first, in list order, that
 * covers the type and names the person (`pointNames`). Null when there is none — then the person may
 * only propose the decision, and someone with delegation must take it (`canApprove`).
 */
export function delegationPointFor(points: readonly DelegationPoint[], delegate: Delegate, type: DecisionType): DelegationPoint | null {
  return points.find((p) => p.decisionTypes.includes(type) && pointNames(p, delegate)) ?? null;
}

export type ApprovalRefusal =
  /** Four-eyes: the one who proposed a decision may not also take it. */
  | 'own_proposal'
  /** The approver holds no point for this type of decision in this PUA. */
  | 'no_delegation';

export type Approval = { ok: true; point: DelegationPoint } | { ok: false; reason: ApprovalRefusal };

/**
 * Whether `approver` may take a decision someone else proposed: they must not be the proposer
 * (four-eyes — checked first, since delegation cannot cure it) and must hold a point for `type`
 * (KL 6 kap. 37 §, 7 kap. 5–6 §§). On success, the point to record with the decision.
 */
export function canApprove(proposal: { proposedByStaffId: string }, approver: Delegate, points: readonly DelegationPoint[], type: DecisionType): Approval {
  if (proposal.proposedByStaffId === approver.staffUserId) return { ok: false, reason: 'own_proposal' };
  const point = delegationPointFor(points, approver, type);
  return point ? { ok: true, point } : { ok: false, reason: 'no_delegation' };
}
