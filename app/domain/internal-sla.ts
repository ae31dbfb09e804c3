/**
 * The routine's internal time limits (DOMAIN.md §4) for one case, with whether each was met: shown
 * on the case page and flagged when missed. Task answers are flagged per task (`taskAnswerDeadline`).
 */
import { internalDeadlines } from './deadlines';
import type { IsoDate } from './iso-date';

export type SlaState = 'done' | 'done-late' | 'open' | 'overdue';
export type SlaItem = { key: 'forward' | 'meeting'; due: IsoDate; doneOn: IsoDate | null; state: SlaState };

const stateOf = (due: IsoDate, doneOn: IsoDate | null, today: IsoDate): SlaState =>
  doneOn ? (doneOn <= due ? 'done' : 'done-late') : today > due ? 'overdue' : 'open';

export function internalSlaStatus(input: { received: IsoDate; kind: string; today: IsoDate; firstTaskSentOn: IsoDate | null; meetingHeldOn: IsoDate | null }): SlaItem[] {
  const d = internalDeadlines(input.received);
  const items: SlaItem[] = [{ key: 'forward', due: d.forwardToStaff, doneOn: input.firstTaskSentOn, state: stateOf(d.forwardToStaff, input.firstTaskSentOn, input.today) }];
  // The assessment meeting belongs to change requests (rättelse, radering, begränsning, invändning).
  if (input.kind === 'forandring') items.push({ key: 'meeting', due: d.assessmentMeeting, doneOn: input.meetingHeldOn, state: stateOf(d.assessmentMeeting, input.meetingHeldOn, input.today) });
  return items;
}
