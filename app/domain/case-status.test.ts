import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS, CASE_STATUSES, canWithdraw, isOpen, nextStatus, type CaseAction, type CaseStatus } from './case-status';

// Every (status, action) pair with its expected outcome; null = refused. DOMAIN.md §4.
const table: [CaseStatus, CaseAction, CaseStatus | null][] = [
  ['received', 'register', 'registered'],
  ['registered', 'register', null],
  ['registered', 'start_work', 'in_progress'],
  ['received', 'start_work', null],
  ['in_progress', 'request_from_resident', 'awaiting_resident'],
  ['awaiting_resident', 'request_from_resident', 'awaiting_resident'],
  ['decided', 'request_from_resident', null],
  ['awaiting_resident', 'resident_answered', 'in_progress'],
  ['in_progress', 'resident_answered', null],
  ['in_progress', 'decide', 'decided'],
  ['received', 'decide', null], // a case is registered before anyone decides it
  ['decided', 'decide', null],
  ['decided', 'close', 'closed'],
  ['in_progress', 'close', 'closed'], // fully granted, no beslut needed
  ['received', 'withdraw', 'withdrawn'],
  ['registered', 'withdraw', 'withdrawn'],
  ['in_progress', 'withdraw', 'withdrawn'],
  ['awaiting_resident', 'withdraw', 'withdrawn'],
  ['decided', 'withdraw', null], // the decision is made: nothing left to withdraw
  ['closed', 'withdraw', null],
  ['withdrawn', 'withdraw', null],
  ['received', 'reroute', 'closed'], // the usual case: the registrator sends it on at once
  ['in_progress', 'reroute', 'closed'],
  ['decided', 'reroute', null],
];

describe('nextStatus', () => {
  it.each(table)('%s + %s → %s', (status, action, expected) => {
    expect(nextStatus(status, action)).toBe(expected);
  });

  it('never leaves closed or withdrawn', () => {
    for (const final of ['closed', 'withdrawn'] as const) {
      for (const action of CASE_ACTIONS) expect(nextStatus(final, action)).toBeNull();
    }
  });

  it('withdrawal is possible exactly while the case is open', () => {
    for (const s of CASE_STATUSES) expect(canWithdraw(s)).toBe(isOpen(s));
  });
});
