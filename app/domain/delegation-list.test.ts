import { describe, expect, it } from 'vitest';
import type { DelegationPoint } from './decision-types';
import { checkDelegationPoint, compareDelegationNumbers, placeDelegationPoint, removeDelegationPoint, type DelegationPointInput } from './delegation-list';

const POINTS: DelegationPoint[] = [
  { number: '7.1', decisionTypes: ['bifall'], role: 'handlaggare' },
  { number: '7.2', decisionTypes: ['bifall', 'avslag'], role: 'gdpr_samordnare' },
  { number: '7.10', decisionTypes: ['omprovning'], staffUserId: 'karin' },
];
const ctx = (replacing: string | null = null) => ({ points: POINTS, replacing, staffUserIds: new Set(['karin', 'erik']) });
const input = (over: Partial<DelegationPointInput> = {}): DelegationPointInput => ({ number: '7.3', decisionTypes: ['art12_5'], role: 'gdpr_samordnare', staffUserId: '', remark: '', ...over });

describe('checkDelegationPoint — a point must say what may be decided and by whom (KL 6 kap. 37 §)', () => {
  it.each([
    ['no number', { number: '  ' }, null, [{ field: 'number', code: 'required' }]],
    ['number too long', { number: '7.'.padEnd(21, '1') }, null, [{ field: 'number', code: 'too_long' }]],
    ['number taken by another point', { number: '7.2' }, null, [{ field: 'number', code: 'duplicate' }]],
    ['a point may keep its own number', { number: '7.2' }, '7.2', []],
    ['a changed point may not take another point’s number', { number: '7.1' }, '7.2', [{ field: 'number', code: 'duplicate' }]],
    ['no decision type', { decisionTypes: [] }, null, [{ field: 'decisionTypes', code: 'required' }]],
    ['an unknown decision type', { decisionTypes: ['bifall', 'skadestand'] }, null, [{ field: 'decisionTypes', code: 'unknown' }]],
    ['neither role nor person: covers no one', { role: '', staffUserId: '' }, null, [{ field: 'delegate', code: 'required' }]],
    ['a role that cannot hold delegation', { role: 'reception' }, null, [{ field: 'role', code: 'unknown' }]],
    ['a person without a role in the PUA', { role: '', staffUserId: 'stranger' }, null, [{ field: 'staffUserId', code: 'unknown' }]],
    ['remark over 300 characters', { remark: 'x'.repeat(301) }, null, [{ field: 'remark', code: 'too_long' }]],
    ['a person alone', { role: '', staffUserId: 'karin' }, null, []],
    ['a person in a role', { staffUserId: 'erik', role: 'handlaggare' }, null, []],
  ] as const)('%s', (_label, over, replacing, errors) => {
    const r = checkDelegationPoint(input(over as Partial<DelegationPointInput>), ctx(replacing));
    expect(r.ok ? [] : r.errors).toEqual(errors);
  });

  it('trims, drops empty parts, and keeps decision types once in their canonical order', () => {
    const r = checkDelegationPoint(input({ number: ' 7.3 ', decisionTypes: ['omprovning', 'avslag', 'avslag'], remark: '  Anmäls till nämnden. ' }), ctx());
    expect(r).toEqual({ ok: true, point: { number: '7.3', decisionTypes: ['avslag', 'omprovning'], role: 'gdpr_samordnare', remark: 'Anmäls till nämnden.' } });
  });
});

describe('compareDelegationNumbers — the order of a förteckning', () => {
  it.each([
    ['7.2', '7.10', -1],
    ['7.10', '7.9', 1],
    ['7', '7.1', -1],
    ['7.1', '7.1', 0],
    ['4.2', '10.1', -1],
    ['A.1', 'B.1', -1],
  ])('%s vs %s', (a, b, sign) => {
    expect(compareDelegationNumbers(a, b)).toBe(sign);
  });
});

describe('placing and removing points', () => {
  const point = (number: string): DelegationPoint => ({ number, decisionTypes: ['avslag'], role: 'gdpr_samordnare' });
  const numbers = (ps: DelegationPoint[]) => ps.map((p) => p.number);

  it('a new point goes where its number puts it', () => {
    expect(numbers(placeDelegationPoint(POINTS, null, point('7.3')))).toEqual(['7.1', '7.2', '7.3', '7.10']);
    expect(numbers(placeDelegationPoint(POINTS, null, point('6.1')))).toEqual(['6.1', '7.1', '7.2', '7.10']);
    expect(numbers(placeDelegationPoint(POINTS, null, point('8.1')))).toEqual(['7.1', '7.2', '7.10', '8.1']);
  });

  it('a changed point keeps its place, even with a new number (the first matching point decides)', () => {
    const changed = placeDelegationPoint(POINTS, '7.1', point('7.20'));
    expect(numbers(changed)).toEqual(['7.20', '7.2', '7.10']);
    expect(changed[0]).toEqual(point('7.20'));
  });

  it('removes by number and leaves the rest', () => {
    expect(numbers(removeDelegationPoint(POINTS, '7.2'))).toEqual(['7.1', '7.10']);
    expect(removeDelegationPoint(POINTS, '9.9')).toEqual(POINTS);
  });
});
