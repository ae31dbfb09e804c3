/**
 * Why the right to data portability does not apply to a processing activity (Art 20), so that a
 * registerutdrag or a beslut can say so in a sentence (issue #7). The rule itself is
 * `portabilityApplies` (processing-activities.ts); this only tells its two conditions apart.
 */
import { portabilityApplies, type ProcessingActivity } from './processing-activities';

/**
 * - `legal_basis`: the processing rests on neither consent nor a contract (Art 20(1)(a)), e.g. a
 *   task in the public interest or myndighetsutövning (Art 20(3));
 * - `not_automated`: consent or a contract, but not carried out by automated means (Art 20(1)(b)).
 */
export type PortabilityReason = 'legal_basis' | 'not_automated';

/** Null when portability applies; otherwise the reason it does not. */
export function portabilityReason(activity: Pick<ProcessingActivity, 'legalBasis' | 'systems'>): PortabilityReason | null {
  if (portabilityApplies(activity)) return null;
  // Would it apply if the activity were kept in a system? Then the basis is fine and automation is missing.
  return portabilityApplies({ legalBasis: activity.legalBasis, systems: ['system'] }) ? 'not_automated' : 'legal_basis';
}
