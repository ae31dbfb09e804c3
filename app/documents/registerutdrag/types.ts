/**
 * The data a registerutdrag package is built from (Art 15; DOMAIN.md §6–7; issue #7): the
 * följebrev, the released documents, data.json, a CSV per processing activity, the portable data
 * (Art 20), LASMIG.txt and manifest.json. The model gathers it — access checked, every item
 * reviewed, personnummer masked — and the builders in this folder only lay it out and pack it.
 * Nothing here reads the database; a document's bytes come through `open()`, so the ZIP writer
 * streams a 1 GB package without holding it.
 *
 * Personnummer: every string in this contract is printed or packed as it is. The model masks
 * them before (`maskPersonnummerInText` in app/domain/personnummer.ts): other people's numbers
 * always (Art 15(4)); the person's own number may stay in full, since it is their data. The
 * builders never unmask and never look for numbers themselves.
 */
import type { IsoDate } from '~/domain/iso-date';
import type { PortabilityReason } from '~/domain/portability';
import type { ProcessingActivity } from '~/domain/processing-activities';
import type { Contact, Lang } from '../types';

export type RegisterutdragData = {
  /** The request's language: the följebrev (and a README.txt next to LASMIG.txt) in English for 'en'. */
  language: Lang;
  kommun: Contact & { website?: string | null };
  /** The personuppgiftsansvarig (nämnd, kommunstyrelse or bolag) that answers. */
  pua: Contact;
  /** The PUA's dataskyddsombud (Art 15 does not ask for it; Art 13(1)(b) and the municipal routine do). */
  dataskyddsombud: Contact;
  diarienummer: string;
  /** The day the package is released to the person: the följebrev's date. */
  releasedOn: IsoDate;
  /** When the package was built (ISO moment): manifest.json and the entries' modification time. */
  builtAt: string;
  /** The person the letter is addressed to (the one who asked). No address: delivery is separate. */
  recipient: { name: string };
  /**
   * Who the data is about, as in DecisionLetterData.request: the requester themself, or the child,
   * principal or ward they asked for.
   */
  request: { receivedOn: IsoDate; relation: 'self' | 'child' | 'principal' | 'ward'; subjectName: string };
  /** The processing activities where data about the person was found, in the order the letter lists them. */
  activities: RegisterutdragActivity[];
  /**
   * The beslut on what is not released (delvis bifall, DSL 7 kap. 2 §; FL 32 §). It goes to the
   * person in its own letter with the överklagandehänvisning; the följebrev refers to it. Null
   * when everything was released whole — and then no activity may have `exclusions`.
   */
  exclusionDecision: { decidedOn: IsoDate } | null;
};

export type RegisterutdragActivity = {
  /**
   * The registerförteckning's entry (Art 30), unchanged: purposes, legal basis, categories,
   * recipients, third-country transfers, retention, source, automated decisions — what Art 15(1)
   * and (2) make the letter state for this activity. Its texts are the PUA's own, in Swedish.
   */
  activity: ProcessingActivity;
  /** What is released from this activity: answers from the systems' owners, and documents. */
  items: ReleasedItem[];
  /** What is not released, in general terms only: how many items, on which ground. Never the content. */
  exclusions: Exclusion[];
  /** Art 20, from `portabilityReason(activity)` (app/domain/portability.ts). */
  portability: Portability;
};

/** An item's data: label–value pairs in their order ("Adress": "Storgatan 1"), or a free text. */
export type ItemData = { kind: 'fields'; fields: Field[] } | { kind: 'text'; text: string };
export type Field = { label: string; value: string };

type ItemBase = {
  /** Stable and unique within the package (the case's item id): data.json and the CSVs refer to it. */
  id: string;
  /** "Ansökan om ekonomiskt bistånd, mars 2026". */
  title: string;
  /** A sentence on what it is and where it was found: "Uppgifter ur Procapita, registrerade av handläggaren." */
  description: string;
};

export type ReleasedItem =
  /** An answer typed in by a system owner (the data as it is held), with no file. */
  | (ItemBase & { kind: 'answer'; data: ItemData })
  | (ItemBase & {
      kind: 'document';
      /** Facts about the document (date, type, author), if any; its content is the file. */
      data: ItemData | null;
      /** Released with parts masked (a redacted copy; the original stays in the case). */
      masked: boolean;
      file: ReleasedFile;
    });

export type ReleasedFile = {
  /** The stored name ("Beslut 2026-03-01.pdf"). The package makes it safe and unique in its folder. */
  filename: string;
  /** Detected from the content: decides whether the ZIP deflates it (PDF and images are stored). */
  mimeType: string;
  /** In bytes. */
  size: number;
  /** Hex SHA-256 of the stored bytes; the package checks the streamed bytes against it. */
  sha256: string;
  /** A fresh stream of the bytes, opened only when the ZIP writer reaches this entry. */
  open: () => NodeJS.ReadableStream;
};

/**
 * Items not released from an activity on one ground: `withheld` not released at all, `masked`
 * released with parts masked (those are also among the items, marked `masked`). The ground's
 * texts come from the legal grounds library (app/domain/legal-grounds.ts) in the letter's language.
 */
export type Exclusion = {
  ground: {
    /** "Sekretess". */
    label: string;
    /** The provisions applied, e.g. "5 kap. 1 § dataskyddslagen; 26 kap. 1 § offentlighets- och sekretesslagen". */
    provisions: string;
    /** What the ground means, in plain language and in general terms (nothing about the content). */
    explanation: string;
  };
  withheld: number;
  masked: number;
};

export type Portability =
  /** The data the person provided themself (Art 20(1)), as records of label–value pairs. */
  | { applies: true; provided: ProvidedRecord[] }
  | { applies: false; reason: PortabilityReason };

export type ProvidedRecord = { id: string; title: string; providedOn: IsoDate | null; fields: Field[] };
