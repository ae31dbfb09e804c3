import { describe, expect, it } from 'vitest';
import type { DecisionType, DelegationPoint } from './decision-types';
import { canApprove, delegationPointFor, pointNames, type Delegate } from './delegation';

const ANNA = 'staff-anna'; // gdpr_samordnare
const JOHAN = 'staff-johan'; // gdpr_samordnare
const ERIK = 'staff-erik'; // handläggare
const KARIN = 'staff-karin'; // named in a point, whatever her role

/** A förteckning like the demo's: handläggare may grant, samordnare decide everything else. */
const POINTS: DelegationPoint[] = [
  { number: '7.1', decisionTypes: ['bifall'], role: 'handlaggare' },
  { number: '7.2', decisionTypes: ['bifall', 'delvis_bifall', 'avslag', 'avvisning'], role: 'gdpr_samordnare', remark: 'Anmäls till nämnden' },
  { number: '7.3', decisionTypes: ['art12_5'], role: 'gdpr_samordnare', staffUserId: ANNA, remark: 'Efter samråd med dataskyddsombudet' },
  { number: '7.4', decisionTypes: ['avvisning_sent_overklagande', 'omprovning'], staffUserId: KARIN },
];

const anna: Delegate = { staffUserId: ANNA, roles: ['gdpr_samordnare'] };
const johan: Delegate = { staffUserId: JOHAN, roles: ['gdpr_samordnare'] };
const erik: Delegate = { staffUserId: ERIK, roles: ['handlaggare'] };
const both: Delegate = { staffUserId: 'staff-both', roles: ['handlaggare', 'gdpr_samordnare'] };

describe('delegationPointFor — KL 6 kap. 37 §, 7 kap. 5–6 §§: a point that covers the type and names the person', () => {
  it.each([
    ['handläggare, bifall', erik, 'bifall', '7.1', 'the role point for handläggare covers bifall'],
    ['handläggare, avslag', erik, 'avslag', null, 'no point gives handläggare avslag: propose instead'],
    ['handläggare, delvis_bifall', erik, 'delvis_bifall', null, 'likewise'],
    ['samordnare, avslag', anna, 'avslag', '7.2', 'role point'],
    ['samordnare, bifall', anna, 'bifall', '7.2', '7.1 names handläggare, 7.2 also covers bifall'],
    ['both roles, bifall', both, 'bifall', '7.1', 'first point in list order'],
    ['Anna, art12_5', anna, 'art12_5', '7.3', 'person and role both match'],
    ['another samordnare, art12_5', johan, 'art12_5', null, '7.3 names Anna: the role alone is not enough'],
    ['Anna without the samordnare role, art12_5', { staffUserId: ANNA, roles: ['handlaggare'] }, 'art12_5', null, 'person and role: Anna in that capacity only'],
    ['Karin, omprövning', { staffUserId: KARIN, roles: [] }, 'omprovning', '7.4', 'a person-only point needs no role'],
    ['Karin, avvisning_sent_overklagande', { staffUserId: KARIN, roles: ['handlaggare'] }, 'avvisning_sent_overklagande', '7.4', 'person-only point'],
    ['samordnare, omprövning', anna, 'omprovning', null, '7.4 names Karin only'],
    ['registrator, bifall', { staffUserId: 'staff-reg', roles: ['registrator'] }, 'bifall', null, 'no point names registrator'],
    ['no roles, bifall', { staffUserId: 'staff-x', roles: [] }, 'bifall', null, 'nothing to match'],
  ] as [string, Delegate, DecisionType, string | null, string][])('%s → %s (%s)', (_label, delegate, type, expected) => {
    expect(delegationPointFor(POINTS, delegate, type)?.number ?? null).toBe(expected);
  });

  it('returns the point itself, with its remark, for the decision to record', () => {
    expect(delegationPointFor(POINTS, anna, 'avslag')).toEqual(POINTS[1]);
  });

  it('an empty förteckning delegates nothing', () => {
    expect(delegationPointFor([], anna, 'bifall')).toBeNull();
  });

  it('a point naming neither role nor person covers no one', () => {
    expect(pointNames({ number: '9.9', decisionTypes: ['bifall'] }, anna)).toBe(false);
  });
});

describe('canApprove — four-eyes on a proposal, and the approver needs delegation', () => {
  it.each([
    ['handläggare proposes avslag, samordnare approves', ERIK, anna, 'avslag', { ok: true, point: POINTS[1] }],
    ['samordnare proposes, another samordnare approves', ANNA, johan, 'delvis_bifall', { ok: true, point: POINTS[1] }],
    ['the proposer approves their own proposal', ANNA, anna, 'avslag', { ok: false, reason: 'own_proposal' }],
    ['the proposer lacks delegation too: four-eyes is reported first', ERIK, erik, 'avslag', { ok: false, reason: 'own_proposal' }],
    ['another handläggare approves an avslag', ANNA, erik, 'avslag', { ok: false, reason: 'no_delegation' }],
    ['a samordnare without the art12_5 point', ERIK, johan, 'art12_5', { ok: false, reason: 'no_delegation' }],
    ['Anna holds the art12_5 point', ERIK, anna, 'art12_5', { ok: true, point: POINTS[2] }],
  ] as [string, string, Delegate, DecisionType, unknown][])('%s', (_label, proposedByStaffId, approver, type, expected) => {
    expect(canApprove({ proposedByStaffId }, approver, POINTS, type)).toEqual(expected);
  });
});
