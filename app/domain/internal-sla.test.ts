import { describe, expect, it } from 'vitest';
import { internalSlaStatus } from './internal-sla';

// DOMAIN.md §4: forward within 3 working days (Lag 1930:173), assessment meeting within 2 weeks.
describe('internalSlaStatus', () => {
  it.each([
    ['forwarded in time', { received: '2026-11-02', kind: 'registerutdrag', today: '2026-11-03', firstTaskSentOn: '2026-11-04', meetingHeldOn: null }, [['forward', '2026-11-05', 'done']]],
    ['not forwarded yet, still in time', { received: '2026-11-02', kind: 'registerutdrag', today: '2026-11-05', firstTaskSentOn: null, meetingHeldOn: null }, [['forward', '2026-11-05', 'open']]],
    ['not forwarded, late', { received: '2026-11-02', kind: 'registerutdrag', today: '2026-11-06', firstTaskSentOn: null, meetingHeldOn: null }, [['forward', '2026-11-05', 'overdue']]],
    ['forwarded late', { received: '2026-11-02', kind: 'registerutdrag', today: '2026-11-10', firstTaskSentOn: '2026-11-09', meetingHeldOn: null }, [['forward', '2026-11-05', 'done-late']]],
    // Christmas: received Monday 21 December; 22, 23 are working days, 24–27 are not (julafton, juldagen, annandag, Sunday) → 28th.
    ['over Christmas', { received: '2026-12-21', kind: 'registerutdrag', today: '2026-12-21', firstTaskSentOn: null, meetingHeldOn: null }, [['forward', '2026-12-28', 'open']]],
    // Change request: meeting 14 days after receipt; Saturday 2026-11-21 → Monday 23rd.
    ['change request with its meeting', { received: '2026-11-07', kind: 'forandring', today: '2026-11-24', firstTaskSentOn: '2026-11-09', meetingHeldOn: null }, [['forward', '2026-11-11', 'done'], ['meeting', '2026-11-23', 'overdue']]],
    ['meeting held in time', { received: '2026-11-02', kind: 'forandring', today: '2026-11-20', firstTaskSentOn: '2026-11-03', meetingHeldOn: '2026-11-12' }, [['forward', '2026-11-05', 'done'], ['meeting', '2026-11-16', 'done']]],
  ] as const)('%s', (_name, input, expected) => {
    expect(internalSlaStatus(input).map((i) => [i.key, i.due, i.state])).toEqual(expected);
  });
});
