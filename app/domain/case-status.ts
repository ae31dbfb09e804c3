/**
 * The life of a case (DOMAIN.md §4): which status changes are allowed, as one table. Every action
 * on a case goes through `nextStatus`; an action the table does not allow is refused, so a decided
 * case cannot be withdrawn and a closed case cannot be reopened by a stale form.
 *
 * received           — filed; nobody has registered it yet
 * registered         — diarieförd and assigned to a handläggare
 * in_progress        — data is being collected (tasks to system owners, assessment)
 * awaiting_resident  — the PUA asked the resident for identity information or a clarification
 * decided            — a beslut (or a full grant) has been issued; delivery and appeal may follow
 * closed             — nothing more to do
 * withdrawn          — the resident took the request back before it was decided
 */
export const CASE_STATUSES = ['received', 'registered', 'in_progress', 'awaiting_resident', 'decided', 'closed', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = ['register', 'start_work', 'request_from_resident', 'resident_answered', 'decide', 'close', 'withdraw', 'reroute'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Still open to the resident: before a decision the request can be withdrawn. */
const OPEN: readonly CaseStatus[] = ['received', 'registered', 'in_progress', 'awaiting_resident'];

const TRANSITIONS: Record<CaseAction, Partial<Record<CaseStatus, CaseStatus>>> = {
  register: { received: 'registered' },
  start_work: { registered: 'in_progress' },
  // Asking the resident something is possible at any point before the decision.
  request_from_resident: { received: 'awaiting_resident', registered: 'awaiting_resident', in_progress: 'awaiting_resident', awaiting_resident: 'awaiting_resident' },
  resident_answered: { awaiting_resident: 'in_progress' },
  decide: { registered: 'decided', in_progress: 'decided', awaiting_resident: 'decided' },
  // Closing as fully granted needs no beslut; a decided case is closed once delivered.
  close: { registered: 'closed', in_progress: 'closed', decided: 'closed' },
  // A request can be withdrawn until it is decided (the decision is then already made).
  withdraw: Object.fromEntries(OPEN.map((s) => [s, 'withdrawn'])),
  // Sent on to the PUA that handles the matter: this case closes, a new one opens there.
  reroute: Object.fromEntries(OPEN.map((s) => [s, 'closed'])),
};

/** The status after `action`, or null when the action is not allowed in `status`. */
export function nextStatus(status: CaseStatus, action: CaseAction): CaseStatus | null {
  return TRANSITIONS[action][status] ?? null;
}

export const canWithdraw = (status: CaseStatus): boolean => nextStatus(status, 'withdraw') !== null;

/** Open cases: not decided, closed or withdrawn. */
export const isOpen = (status: CaseStatus): boolean => OPEN.includes(status);
