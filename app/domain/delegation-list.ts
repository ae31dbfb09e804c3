/**
 * Editing a PUA's delegeringsförteckning in the portal (issue #6: "editable by admin"). The nämnd
 * adopts the förteckning (KL 6 kap. 37 §); the admin keeps the portal's copy in step with it. One
 * point is checked here as the samverkan file checks it (samverkan-config.ts), and placed in the list.
 * Order matters: `delegationPointFor` takes the first point that covers a decision, so a new point
 * goes where its number puts it ("7.10" after "7.9"), and a changed point keeps its place.
 */
import { DECISION_TYPES, DELEGATION_ROLES, type DecisionType, type DelegationPoint, type DelegationRole } from './decision-types';

/** The longest "punkt" and "anmärkning", in the file and in the form alike. */
export const DELEGATION_POINT_LIMITS = { number: 20, remark: 300 } as const;

/** What the form sends; empty strings for "none". */
export type DelegationPointInput = { number: string; decisionTypes: readonly string[]; role: string; staffUserId: string; remark: string };

export type DelegationPointError =
  | { field: 'number'; code: 'required' | 'too_long' | 'duplicate' }
  | { field: 'decisionTypes'; code: 'required' | 'unknown' }
  | { field: 'role'; code: 'unknown' }
  | { field: 'staffUserId'; code: 'unknown' }
  /** A point must name who may decide: a role, a person, or both (a point naming neither covers no one). */
  | { field: 'delegate'; code: 'required' }
  | { field: 'remark'; code: 'too_long' };

export type DelegationPointCheck = { ok: true; point: DelegationPoint } | { ok: false; errors: DelegationPointError[] };

/**
 * Checks one point against the rest of the list. `replacing` is the number of the point being
 * changed (it may keep or change its number), null for a new point. `staffUserIds`: the people who
 * may be named (staff with a role in the PUA).
 */
export function checkDelegationPoint(
  input: DelegationPointInput,
  ctx: { points: readonly DelegationPoint[]; replacing: string | null; staffUserIds: ReadonlySet<string> },
): DelegationPointCheck {
  const errors: DelegationPointError[] = [];
  const number = input.number.trim();
  if (!number) errors.push({ field: 'number', code: 'required' });
  else if (number.length > DELEGATION_POINT_LIMITS.number) errors.push({ field: 'number', code: 'too_long' });
  else if (ctx.points.some((p) => p.number === number && p.number !== ctx.replacing)) errors.push({ field: 'number', code: 'duplicate' });

  const types = [...new Set(input.decisionTypes)];
  if (types.length === 0) errors.push({ field: 'decisionTypes', code: 'required' });
  else if (!types.every((t) => (DECISION_TYPES as readonly string[]).includes(t))) errors.push({ field: 'decisionTypes', code: 'unknown' });

  const role = input.role.trim();
  const staffUserId = input.staffUserId.trim();
  if (role && !(DELEGATION_ROLES as readonly string[]).includes(role)) errors.push({ field: 'role', code: 'unknown' });
  if (staffUserId && !ctx.staffUserIds.has(staffUserId)) errors.push({ field: 'staffUserId', code: 'unknown' });
  if (!role && !staffUserId) errors.push({ field: 'delegate', code: 'required' });

  const remark = input.remark.trim();
  if (remark.length > DELEGATION_POINT_LIMITS.remark) errors.push({ field: 'remark', code: 'too_long' });
  if (errors.length) return { ok: false, errors };

  // Decision types in their canonical order, whatever order the boxes were ticked in.
  const point: DelegationPoint = { number, decisionTypes: DECISION_TYPES.filter((t) => types.includes(t)) as DecisionType[] };
  if (role) point.role = role as DelegationRole;
  if (staffUserId) point.staffUserId = staffUserId;
  if (remark) point.remark = remark;
  return { ok: true, point };
}

/** "7.2" before "7.10", "7" before "7.1"; parts that are not numbers compare as text. */
export function compareDelegationNumbers(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    const c = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x.localeCompare(y, 'sv');
    if (c !== 0) return Math.sign(c);
  }
  return 0;
}

/** The list with `point` in it: in the place of `replacing` when given, else where its number puts it. */
export function placeDelegationPoint(points: readonly DelegationPoint[], replacing: string | null, point: DelegationPoint): DelegationPoint[] {
  const at = replacing === null ? -1 : points.findIndex((p) => p.number === replacing);
  if (at >= 0) return points.map((p, i) => (i === at ? point : p));
  const before = points.findIndex((p) => compareDelegationNumbers(point.number, p.number) < 0);
  return before < 0 ? [...points, point] : [...points.slice(0, before), point, ...points.slice(before)];
}

export function removeDelegationPoint(points: readonly DelegationPoint[], number: string): DelegationPoint[] {
  return points.filter((p) => p.number !== number);
}
