/**
 * The nämnd's part in an appeal (DOMAIN.md §8; issue #6): the rättidsprövning (FL 45 §) and what
 * an omprövning does to a pending appeal (FL 39 §). Pure functions on ISO dates; the appeal period
 * itself is `appealDeadline` in deadlines.ts (FL 44 §, Lag 1930:173).
 */
import { COURT_OUTCOMES, type AppealInstructions, type CourtLevel, type DecisionPart } from './decision-types';
import { appealDeadline } from './deadlines';
import { isRefusal } from './decisions';
import { assertIsoDate, compareIsoDates, type IsoDate } from './iso-date';
import type { Right } from './requests';

export type TimelinessRule =
  /** The person has not yet received the decision: no period runs, nothing can be late. */
  | 'not_notified'
  /** Arrived at the nämnd within three weeks of notification (FL 44 §). */
  | 'in_time'
  /** Arrived after the period; no exception applies → avvisas (FL 45 § first paragraph). */
  | 'late'
  /** Arrived after three weeks, but the letter had no appeal instructions, so the period never started (FL 33 §). */
  | 'late_instructions_missing'
  /** Late, but the authority's appeal instructions were wrong → not avvisas (FL 45 § second paragraph). */
  | 'late_instructions_wrong'
  /** Late at the nämnd, but it reached the court within the period → not avvisas (FL 45 § second paragraph). */
  | 'reached_court_in_time';

export type Rattidsprovning = {
  /** The appeal counts as arrived in time: the nämnd forwards it. */
  inTime: boolean;
  /** The nämnd must dismiss it, itself an appealable decision ('avvisning_sent_overklagande'). */
  avvisa: boolean;
  /** The last day of the running period (FL 44 §); null when no period runs (not notified, or no instructions). */
  deadline: IsoDate | null;
  rule: TimelinessRule;
};

/**
 * Rättidsprövning (FL 45 §) by the nämnd that decided:
 * 1. Not yet notified (`notifiedOn` null) → in time: the three weeks run "från den dag då klaganden
 *    fick del av beslutet" (FL 44 §), and that day has not come.
 * 2. No appeal instructions (`instructions` 'missing'): FL 33 § obliges the authority to tell a party
 *    how to appeal a decision that goes against them. Without that information the period does not
 *    start to run — the established view in praxis and doctrine, under 21 § of the 1986 act as under
 *    FL (2017:900); FL 45 § second paragraph excuses even *wrong* instructions, and missing ones cannot
 *    weigh heavier against the person. Such an appeal is never late: in time, deadline null, and the
 *    rule says whether it would otherwise have been late ('late_instructions_missing').
 * 3. Arrived at the nämnd by `appealDeadline(notifiedOn)` (21 days, rolled forward past Saturdays,
 *    Sundays, helgdagar and aftnar, Lag 1930:173) → 'in_time'.
 * 4. Late, but it reached the court (förvaltningsrätten) within the period (`reachedCourtOn`) → not
 *    avvisas (FL 45 § second paragraph, second sentence): it counts as in time; the court sends it on.
 * 5. Late, and the instructions were wrong (`instructions` 'wrong') → not avvisas (FL 45 § second
 *    paragraph, first sentence: "om förseningen beror på att myndigheten har lämnat klaganden en
 *    felaktig underrättelse"). Recording 'wrong' is the handläggare's finding that the error concerned
 *    how to appeal (period, addressee, form) and so could have caused the delay; the appeal is late
 *    (inTime false) but goes forward.
 * 6. Otherwise late → avvisas (FL 45 § first paragraph).
 * 'not_applicable' instructions (a decision that needed none) are treated like correct ones: whether
 * the decision can be appealed at all is `isAppealable`'s question, not this one's.
 */
export function rattidsprovning(input: {
  notifiedOn: IsoDate | null;
  receivedOn: IsoDate;
  instructions: AppealInstructions;
  reachedCourtOn?: IsoDate | null;
}): Rattidsprovning {
  const { notifiedOn, receivedOn, instructions } = input;
  const reachedCourtOn = input.reachedCourtOn ?? null;
  assertIsoDate(receivedOn);
  if (reachedCourtOn !== null) assertIsoDate(reachedCourtOn);
  if (notifiedOn === null) return { inTime: true, avvisa: false, deadline: null, rule: 'not_notified' };

  const deadline = appealDeadline(notifiedOn);
  const arrivedInTime = compareIsoDates(receivedOn, deadline) <= 0;
  if (instructions === 'missing') return { inTime: true, avvisa: false, deadline: null, rule: arrivedInTime ? 'in_time' : 'late_instructions_missing' };
  if (arrivedInTime) return { inTime: true, avvisa: false, deadline, rule: 'in_time' };
  if (reachedCourtOn !== null && compareIsoDates(reachedCourtOn, deadline) <= 0) return { inTime: true, avvisa: false, deadline, rule: 'reached_court_in_time' };
  if (instructions === 'wrong') return { inTime: false, avvisa: false, deadline, rule: 'late_instructions_wrong' };
  return { inTime: false, avvisa: true, deadline, rule: 'late' };
}

/**
 * FL 39 §: when the nämnd changes an appealed decision (omprövning, FL 37–38 §§) "på det sätt som
 * klaganden begär", the appeal lapses; when it changes it in some other way, the appeal goes on and
 * covers the new decision.
 *
 * The appeal is taken to ask for everything refused in the appealed decision (an appeal contests the
 * decision as a whole; the portal does not parse the wanted change right by right). So it lapses only
 * when every right refused in `appealed` is bifall after the change and nothing granted before is
 * refused now. `changed` may hold only the parts that changed: a right it does not mention keeps its
 * outcome. In doubt the appeal continues — the court can still find it moot, whereas a wrongly lapsed
 * appeal is lost.
 */
export function appealAfterOmprovning(appealed: readonly DecisionPart[], changed: readonly DecisionPart[]): 'lapses' | 'continues' {
  const outcome = new Map<Right, DecisionPart['outcome']>();
  for (const p of appealed) outcome.set(p.right, p.outcome);
  for (const p of changed) outcome.set(p.right, p.outcome);
  return [...outcome.values()].some(isRefusal) ? 'continues' : 'lapses';
}

export type CourtRecordInput = { court: CourtLevel; outcome: string; decidedOn: IsoDate };

export type CourtRecordError =
  /** Not one of the outcomes the portal records. */
  | 'unknown_outcome'
  /** Prövningstillstånd is asked of kammarrätten only (DSL 7 kap. 2 § andra stycket); förvaltningsrätten always tries the appeal. */
  | 'pt_only_kammarratt'
  /** Kammarrätten hears an appeal against förvaltningsrättens avgörande: record that first. */
  | 'forvaltningsratt_first'
  /** Kammarrätten cannot decide before förvaltningsrätten did. */
  | 'before_forvaltningsratt';

/**
 * Whether a court's outcome can be recorded after `earlier` ones of the same appeal. An appeal goes
 * förvaltningsrätten → kammarrätten, and the kammarrätt needs prövningstillstånd (DSL 7 kap. 2 §
 * andra stycket): "prövningstillstånd meddelas inte" leaves förvaltningsrättens avgörande in force.
 * A record for the same court replaces the earlier one (a correction), so it is not compared with it.
 */
export function checkCourtRecord(record: CourtRecordInput, earlier: readonly { court: string; decidedOn?: string }[]): CourtRecordError | null {
  if (!(COURT_OUTCOMES as readonly string[]).includes(record.outcome)) return 'unknown_outcome';
  if (record.outcome === 'provningstillstand_meddelas_ej' && record.court !== 'kammarratt') return 'pt_only_kammarratt';
  if (record.court === 'kammarratt') {
    const first = earlier.find((r) => r.court === 'forvaltningsratt');
    if (!first?.decidedOn) return 'forvaltningsratt_first';
    if (compareIsoDates(record.decidedOn, first.decidedOn) < 0) return 'before_forvaltningsratt';
  }
  return null;
}
