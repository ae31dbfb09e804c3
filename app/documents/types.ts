/**
 * The data each generated document is drawn from (issue #6). The models gather it (with access
 * checked and personnummer masked); the renderers in app/documents only lay it out. Keeping the
 * two apart means a letter can be tested from plain data, and nothing in a renderer reads the
 * database.
 */
import type { DecisionType, RightOutcome } from '~/domain/decision-types';
import type { IsoDate } from '~/domain/iso-date';
import type { Right } from '~/domain/requests';

export type Lang = 'sv' | 'en';
export type PostalAddress = { street: string; postalCode: string; city: string; careOf?: string };
export type Contact = { name: string; postalAddress?: PostalAddress | null; email?: string | null; phone?: string | null };

/** A beslut or (for a full grant, `appealable: false`) a plain answer letter. */
export type DecisionLetterData = {
  language: Lang;
  kommun: Contact & { website?: string | null };
  pua: Contact;
  dataskyddsombud: Contact;
  diarienummer: string;
  decidedOn: IsoDate;
  /** The person the letter is addressed to (the one who asked). No address: delivery is separate. */
  recipient: { name: string };
  request: { receivedOn: IsoDate; rights: Right[]; relation: 'self' | 'child' | 'principal' | 'ward'; subjectName: string };
  type: DecisionType;
  /** Per requested right. `grounds` are the legal grounds applied, with the provisions cited. */
  parts: { right: Right; outcome: RightOutcome; motivering: string; grounds: { provisions: string; text: string }[] }[];
  decidedBy: { name: string };
  /** Four-eyes: the person who proposed the decision, when someone else decided it. */
  proposedBy?: { name: string } | null;
  delegationPoint: { number: string; remark?: string | null } | null;
  /** A beslut that goes against the person (every decision except a full grant), not a plain answer. */
  appealable: boolean;
  /**
   * Its appeal goes to förvaltningsrätten (DSL 7 kap. 2 §): överklagandehänvisning (FL 33 §).
   * False for a kommunalt bolag, which is not a myndighet: the letter says what to do instead.
   */
  appealsToCourt: boolean;
  /** The court an appeal is addressed to, e.g. "Förvaltningsrätten i Linköping". */
  court: string;
  /** avvisning_sent_overklagande: the appeal dismissed and why it was late. */
  lateAppeal?: { receivedOn: IsoDate; notifiedOn: IsoDate; deadline: IsoDate; appealedDecisionOn: IsoDate } | null;
  /** omprovning: the decision this one changes. */
  changes?: { decidedOn: IsoDate } | null;
};

/** Följebrev to förvaltningsrätten (FL 46 §). Always Swedish. */
export type CourtCoverLetterData = {
  court: Contact;
  kommun: Contact;
  pua: Contact;
  diarienummer: string;
  sentOn: IsoDate;
  appellant: { name: string };
  appeal: { receivedOn: IsoDate; channel: 'portal' | 'paper' };
  /** The decision(s) appealed, the original first and an omprövning after it. */
  decisions: { decidedOn: IsoDate; title: string }[];
  timeliness: { notifiedOn: IsoDate | null; deadline: IsoDate | null; inTime: boolean; ruleText: string };
  /** What the nämnd did on omprövning, in a sentence, or null when it did not change the decision. */
  omprovning: string | null;
  contactPerson: { name: string; email?: string | null; phone?: string | null };
  /** Every file in the package, in order; `secret` ones are withheld from the person. */
  enclosures: { name: string; secret: boolean }[];
};

/** The appeal itself as a document (the one filed in the portal, or the registered paper one). */
export type AppealDocumentData = {
  diarienummer: string;
  pua: Contact;
  appellant: { name: string; personnummerMasked: string };
  decision: { decidedOn: IsoDate; title: string };
  receivedOn: IsoDate;
  channel: 'portal' | 'paper';
  changeWanted: string;
  reasons: string;
  /** Portal appeals: the text signed in BankID and when. */
  signature: { signedAt: string; summary: string } | null;
  attachments: string[];
};

/** Proof of the notification date (delgivning), from which the appeal period runs. */
export type NotificationProofData = {
  diarienummer: string;
  pua: Contact;
  decision: { decidedOn: IsoDate; title: string };
  notifiedOn: IsoDate;
  /** digital: the first download after a BankID login; post: the delivery receipt, recorded by staff; in_person: handed over at the reception against ID. */
  method: 'digital' | 'post' | 'in_person';
  firstOpenedAt?: string | null;
  recordedBy?: { name: string; at: string } | null;
  appealDeadline: IsoDate;
};

/** Aktförteckning: every document of the case, in date order. */
export type CaseFileIndexData = {
  diarienummer: string;
  pua: Contact;
  entries: { date: IsoDate; title: string; fileName: string | null; secret: boolean }[];
};

/** Redovisning av delegationsbeslut (KL 6 kap. 40 §) for one PUA and period. */
export type DelegationReportData = {
  kommun: Contact;
  pua: Contact;
  periodFrom: IsoDate;
  periodTo: IsoDate;
  /** The nämnd meeting it is reported to, once marked as reported. */
  meetingDate: IsoDate | null;
  rows: { decidedOn: IsoDate; diarienummer: string; caseKind: string; type: DecisionType; delegate: string; delegationPoint: string }[];
};
