/**
 * A PUA's registerförteckning (GDPR Art 30; issue #7): its processing activities, each with what
 * Art 15(1)–(2) makes a registerutdrag tell the person — purposes, legal basis, categories,
 * recipients, third-country transfers, retention, source, automated decisions — and whether the
 * right to data portability applies. The samverkan file carries one förteckning per PUA
 * (samverkan-config.ts); task answers (task-answer.ts) are linked to an activity so nothing is
 * typed twice. Texts are the PUA's own, in Swedish: they are data, not interface text.
 */
import type { LEGAL_BASES } from './task-answer';

export type LegalBasis = (typeof LEGAL_BASES)[number];

/** The letter of Art 6(1) each basis is. */
export const ART_6_1: Record<LegalBasis, 'a' | 'b' | 'c' | 'd' | 'e' | 'f'> = {
  consent: 'a',
  contract: 'b',
  legal_obligation: 'c',
  vital_interest: 'd',
  public_interest: 'e',
  legitimate_interest: 'f',
};

/** Bases that rest on a law the activity must name (Art 6(3): Union or Member State law). */
export const BASES_NEEDING_LAW: readonly LegalBasis[] = ['legal_obligation', 'public_interest'];

export type ThirdCountryTransfer =
  | { transfers: false }
  /** Where to, and the Art 44–49 safeguard ("beslut om adekvat skyddsnivå", "standardavtalsklausuler"). */
  | { transfers: true; countries: string[]; safeguards: string };

export type AutomatedDecisions =
  | { exists: false }
  /** Art 15(1)(h): meaningful information about the logic, and the significance and consequences. */
  | { exists: true; logic: string; significance: string };

export type ProcessingActivity = {
  /** Stable within the PUA, in the file and in task answers: "ekonomiskt-bistand". */
  code: string;
  /** "Handläggning av ekonomiskt bistånd". */
  name: string;
  purposes: string[];
  legalBasis: LegalBasis;
  /** Required for legal_obligation and public_interest: "Socialtjänstlagen (2025:400)". */
  legalBasisLaw?: string;
  /** "Namn, personnummer, adress, inkomster …". */
  dataCategories: string[];
  /** Art 9/10 data the activity holds, if any ("uppgifter om hälsa"). */
  sensitiveCategories?: string[];
  /** "Sökande", "medsökande", "barn i hushållet". */
  subjectCategories: string[];
  /** Recipients or categories of recipients; empty = none outside the PUA. */
  recipients: string[];
  thirdCountry: ThirdCountryTransfer;
  /** How long, or the criteria (Art 15(1)(d)). */
  retention: string;
  /** The dokumenthanteringsplan's reference for the retention, e.g. "DHP SN 3.2.1". */
  retentionReference?: string;
  /** Where the data comes from when not from the person (Art 15(1)(g)). */
  source: string;
  automatedDecisions: AutomatedDecisions;
  /** The systems the activity uses ("Procapita", "Platina"). */
  systems: string[];
};

/**
 * Art 20(1): the right to data portability applies to processing based on consent (6.1 a) or a
 * contract (6.1 b), carried out by automated means — never to processing under 6.1 c or e, which
 * is most of what a kommun does (Art 20(3)). The förteckning's activities are kept in systems;
 * one kept only on paper has no systems and is not covered.
 */
export function portabilityApplies(activity: Pick<ProcessingActivity, 'legalBasis' | 'systems'>): boolean {
  return (activity.legalBasis === 'consent' || activity.legalBasis === 'contract') && activity.systems.length > 0;
}
