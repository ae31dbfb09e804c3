/**
 * The vocabulary of beslut (DOMAIN.md §8, issue #6), shared by the delegation check, the letters,
 * the database and the delegation report. Kept apart from the rules so that the schema can import
 * the types without pulling in any logic.
 */
import type { Right } from './requests';

/**
 * What a nämnd can decide in a GDPR case, as the delegeringsförteckning names it. The first four
 * are the outcomes of a request; the others are decisions of their own kind.
 */
export const DECISION_TYPES = [
  'bifall',
  'delvis_bifall',
  'avslag',
  'avvisning',
  /** Art 12(5): a fee for the administrative cost, or a refusal to act, on a manifestly unfounded or excessive request. */
  'art12_5',
  /** FL 45 §: an appeal that arrived too late is dismissed by the body that decided. */
  'avvisning_sent_overklagande',
  /** FL 37–39 §§: the nämnd changes its own decision. */
  'omprovning',
] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

/** The outcome of one requested right. */
export const RIGHT_OUTCOMES = ['bifall', 'delvis_bifall', 'avslag', 'avvisning'] as const;
export type RightOutcome = (typeof RIGHT_OUTCOMES)[number];

/** The ids of the legal grounds library (app/domain/legal-grounds.ts). */
export const LEGAL_GROUND_IDS = [
  'art17_3b_allmanna_handlingar',
  'dsl_5_1_sekretess',
  /** DSL 5 kap. 1 § with a registerförfattning (not OSL) that forbids disclosure to the person. */
  'dsl_5_1_registerforfattning',
  'dsl_5_2_utkast',
  'art15_4_andras_rattigheter',
  'art20_allmant_intresse',
  'art21_tvingande_skal',
  'art12_5_uppenbart_ogrundad',
  'identitet_ej_styrkt',
  /** Art 16: the data are not inaccurate (a record of what was said or assessed); a supplementary statement is offered. */
  'art16_uppgifterna_riktiga',
  /** Art 18(1): none of the four situations in which processing is to be restricted applies. */
  'art18_forutsattningar_saknas',
] as const;
export type LegalGroundId = (typeof LEGAL_GROUND_IDS)[number];

/** A ground as the handläggare applied it: the library's id and the (possibly edited) text. */
export type AppliedGround = {
  id: LegalGroundId;
  text: string;
  /** The OSL chapter and section, for dsl_5_1_sekretess, e.g. "26 kap. 1 §". */
  oslReference?: string;
  /** The register statute's provision with its SFS number, for dsl_5_1_registerforfattning. */
  statuteReference?: string;
};

/** The decision on one requested right of the case. */
export type DecisionPart = { right: Right; outcome: RightOutcome; grounds: AppliedGround[]; motivering: string };

/** Whether the letter carried correct appeal instructions (FL 33 §); the exception of FL 45 § rests on it. */
export const APPEAL_INSTRUCTIONS = ['correct', 'missing', 'wrong', 'not_applicable'] as const;
export type AppealInstructions = (typeof APPEAL_INSTRUCTIONS)[number];

/** What a PUA is (the samverkan file's "kind"): it decides whether its decisions can be appealed. */
export type PuaKind = 'kommunstyrelse' | 'namnd' | 'bolag';

/** The roles a delegation point may name (the roles that hold `decide:case:pua`, app/domain/permissions.ts). */
export const DELEGATION_ROLES = ['gdpr_samordnare', 'handlaggare'] as const;
export type DelegationRole = (typeof DELEGATION_ROLES)[number];

/** One numbered point of a PUA's delegeringsförteckning. */
export type DelegationPoint = {
  /** "4.2" */
  number: string;
  decisionTypes: DecisionType[];
  /** Who may decide: everyone holding this role in the PUA, or one named staff user (or both). */
  role?: 'gdpr_samordnare' | 'handlaggare';
  staffUserId?: string;
  remark?: string;
};

/** The courts an appeal goes through: förvaltningsrätten, then kammarrätten (prövningstillstånd needed). */
export const COURTS = ['forvaltningsratt', 'kammarratt'] as const;
export type CourtLevel = (typeof COURTS)[number];
export const COURT_OUTCOMES = ['bifall', 'delvis_bifall', 'avslag', 'avvisning', 'avskrivning', 'aterforvisning', 'provningstillstand_meddelas_ej'] as const;
