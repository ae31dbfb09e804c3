/**
 * The library of legal grounds for refusing a data-subject request, in whole or in part
 * (DOMAIN.md §6, §8; issue #6). A ground gives the exact provisions the beslut applies (FL 32 §:
 * "de föreskrifter som har tillämpats"), a title for the choice list, and a ready motivering
 * paragraph in plain language that the handläggare may edit for the case. Swedish is the source
 * language; the English text is for letters to residents who used the portal in English.
 *
 * Texts speak as the PUA ("vi") to the resident ("du"), because the PUA may be a nämnd, the
 * kommunstyrelse or a kommunalt bolag. They never name the PUA or cite a paragraph of OSL
 * themselves: the letter prints the provisions beside the text, and for DSL 5 kap. 1 § the OSL
 * provision comes from the applied ground (`appliedProvisions`).
 */
import type { AppliedGround, LegalGroundId } from './decision-types';
import { LEGAL_GROUND_IDS } from './decision-types';
import { RIGHTS, type Right } from './requests';

export type Bilingual = { sv: string; en: string };
export type Language = keyof Bilingual;

export type LegalGround = {
  id: LegalGroundId;
  /** The exact citations printed in the beslut. */
  provisions: Bilingual;
  title: Bilingual;
  /** A complete motivering paragraph; the handläggare may edit it for the case. */
  text: Bilingual;
  /** The requested rights a refusal on this ground can concern. */
  rights: readonly Right[];
  /**
   * Art 12(5): the controller carries the burden of proof, so the template cannot stand alone —
   * the applied text must replace `placeholder` with the facts of the case (see decisions.ts).
   */
  requiresJustification: boolean;
  /** DSL 5 kap. 1 §: the applied ground must name the OSL chapter and section (e.g. "26 kap. 1 §"). */
  needsOslReference: boolean;
  /**
   * DSL 5 kap. 1 § with a registerförfattning: the applied ground must cite the provision of the
   * register statute, with its SFS number ("8 § lagen (2001:454) om behandling av personuppgifter
   * inom socialtjänsten"). Absent means false.
   */
  needsStatuteReference?: boolean;
  /** The bracketed instruction inside `text` that must be replaced; only where `requiresJustification`. */
  placeholder?: Bilingual;
};

const GDPR_SV = 'dataskyddsförordningen (EU) 2016/679';
const GDPR_EN = 'the General Data Protection Regulation (EU) 2016/679';
const DSL_SV = 'lagen (2018:218) med kompletterande bestämmelser till EU:s dataskyddsförordning (dataskyddslagen)';
const DSL_EN = 'the Act (2018:218) containing supplementary provisions to the EU General Data Protection Regulation (Data Protection Act)';
export const OSL_SV = 'offentlighets- och sekretesslagen (2009:400)';
export const OSL_EN = 'the Public Access to Information and Secrecy Act (offentlighets- och sekretesslagen, 2009:400)';

const ART12_5_PLACEHOLDER: Bilingual = {
  sv: '[Beskriv omständigheterna i just detta ärende, till exempel hur många likadana begäranden som har kommit in och när, och varför begäran är uppenbart ogrundad eller orimlig.]',
  en: '[Describe the circumstances of this particular case, for example how many similar requests have been received and when, and why the request is manifestly unfounded or excessive.]',
};

const GROUNDS: readonly LegalGround[] = [
  {
    id: 'art17_3b_allmanna_handlingar',
    provisions: {
      sv: `Artikel 17.3 b ${GDPR_SV}; 2 kap. tryckfrihetsförordningen; arkivlagen (1990:782)`,
      en: `Article 17(3)(b) of ${GDPR_EN}; Chapter 2 of the Freedom of the Press Act (tryckfrihetsförordningen); the Archives Act (arkivlagen, 1990:782)`,
    },
    title: { sv: 'Allmänna handlingar som ska bevaras', en: 'Official documents that must be preserved' },
    text: {
      sv:
        'Uppgifterna om dig finns i allmänna handlingar enligt 2 kap. tryckfrihetsförordningen. Enligt arkivlagen ska allmänna handlingar bevaras, '
        + 'och de får bara gallras (förstöras) när det finns stöd för det i lag eller i ett beslut om gallring, till exempel i dokumenthanteringsplanen. '
        + 'Rätten till radering gäller inte när behandlingen är nödvändig för att uppfylla en rättslig förpliktelse eller för att utföra en uppgift '
        + 'av allmänt intresse eller som ett led i myndighetsutövning (artikel 17.3 b i dataskyddsförordningen). Vi kan därför inte radera uppgifterna nu. '
        + 'De gallras när den tid som anges i dokumenthanteringsplanen har gått ut, om de inte ska bevaras för all framtid.',
      en:
        'The information about you is contained in official documents (allmänna handlingar) within the meaning of Chapter 2 of the Freedom of the Press Act. '
        + 'Under the Archives Act, official documents must be preserved, and they may only be disposed of where a law or a decision on disposal, such as the '
        + 'records management plan, permits it. The right to erasure does not apply where processing is necessary for compliance with a legal obligation or '
        + 'for the performance of a task carried out in the public interest or in the exercise of official authority (Article 17(3)(b) GDPR). We therefore '
        + 'cannot erase the information now. It will be disposed of when the period set out in the records management plan has expired, unless it is to be kept permanently.',
    },
    rights: ['radering', 'aterkalla_samtycke'],
    requiresJustification: false,
    needsOslReference: false,
  },
  {
    id: 'dsl_5_1_sekretess',
    provisions: { sv: `5 kap. 1 § ${DSL_SV}; ${OSL_SV}`, en: `Chapter 5, Section 1 of ${DSL_EN}; ${OSL_EN}` },
    title: { sv: 'Sekretess', en: 'Secrecy' },
    text: {
      sv:
        'Vi har prövat om uppgifterna om dig kan lämnas ut till dig. Vissa av dem omfattas av sekretess enligt offentlighets- och sekretesslagen, '
        + 'och sekretessen gäller också mot dig. Rätten till tillgång enligt artikel 15 i dataskyddsförordningen gäller inte uppgifter som vi inte får '
        + 'lämna ut till dig enligt lag eller annan författning (5 kap. 1 § dataskyddslagen). De uppgifterna finns därför inte med i registerutdraget.',
      en:
        'We have examined whether the information about you can be disclosed to you. Some of it is subject to secrecy under the Public Access to '
        + 'Information and Secrecy Act, and the secrecy also applies in relation to you. The right of access under Article 15 GDPR does not apply to '
        + 'information that we may not disclose to you under an act or other statute (Chapter 5, Section 1 of the Data Protection Act). That information '
        + 'is therefore not included in the copy.',
    },
    rights: ['registerutdrag'],
    requiresJustification: false,
    needsOslReference: true,
  },
  {
    id: 'dsl_5_1_registerforfattning',
    provisions: { sv: `5 kap. 1 § ${DSL_SV}`, en: `Chapter 5, Section 1 of ${DSL_EN}` },
    title: { sv: 'Registerförfattning', en: 'A register statute' },
    text: {
      sv:
        'Vissa av uppgifterna om dig behandlas enligt en särskild författning om personuppgiftsbehandling i verksamheten (en registerförfattning). '
        + 'Den begränsar vilka uppgifter som får lämnas ut till den som uppgifterna gäller, och den gäller före dataskyddslagen (1 kap. 6 § dataskyddslagen). '
        + 'Rätten till tillgång enligt artikel 15 i dataskyddsförordningen gäller inte uppgifter som vi inte får lämna ut till dig enligt lag eller annan '
        + 'författning (5 kap. 1 § dataskyddslagen). De uppgifterna finns därför inte med i registerutdraget.',
      en:
        'Some of the information about you is processed under a special statute on the processing of personal data in this activity (a register statute). '
        + 'It limits what information may be disclosed to the person it concerns, and it takes precedence over the Data Protection Act (Chapter 1, Section 6 '
        + 'of the Data Protection Act). The right of access under Article 15 GDPR does not apply to information that we may not disclose to you under an act '
        + 'or other statute (Chapter 5, Section 1 of the Data Protection Act). That information is therefore not included in the copy.',
    },
    rights: ['registerutdrag'],
    requiresJustification: false,
    needsOslReference: false,
    needsStatuteReference: true,
  },
  {
    id: 'dsl_5_2_utkast',
    provisions: { sv: `5 kap. 2 § ${DSL_SV}`, en: `Chapter 5, Section 2 of ${DSL_EN}` },
    title: { sv: 'Utkast och minnesanteckningar', en: 'Drafts and notes' },
    text: {
      sv:
        'Vissa av uppgifterna om dig finns i löpande text som inte hade fått sin slutliga utformning när du gjorde din begäran, '
        + 'till exempel utkast, eller i minnesanteckningar eller liknande. Rätten till tillgång enligt artikel 15 i dataskyddsförordningen gäller inte '
        + 'sådana uppgifter (5 kap. 2 § dataskyddslagen). Undantaget gäller inte om uppgifterna har lämnats ut till tredje part, om de behandlas enbart '
        + 'för arkivändamål av allmänintresse eller statistiska ändamål, eller om de har behandlats i mer än ett år i löpande text som inte har fått sin '
        + 'slutliga utformning. Inget av det gäller de uppgifter som det här är fråga om, och de finns därför inte med i registerutdraget.',
      en:
        'Some of the information about you is contained in running text that had not been finalised when you made your request, such as '
        + 'drafts, or in notes kept as a memory aid or similar. The right of access under Article 15 GDPR does not apply to such information (Chapter 5, '
        + 'Section 2 of the Data Protection Act). This exception does not apply if the information has been disclosed to a third party, is processed solely '
        + 'for archiving purposes in the public interest or for statistical purposes, or has been processed for more than one year in running text that has '
        + 'not been finalised. None of these situations applies to the information concerned, which is therefore not included in the copy.',
    },
    rights: ['registerutdrag'],
    requiresJustification: false,
    needsOslReference: false,
  },
  {
    id: 'art15_4_andras_rattigheter',
    provisions: { sv: `Artikel 15.4 och 20.4 ${GDPR_SV}`, en: `Articles 15(4) and 20(4) of ${GDPR_EN}` },
    title: { sv: 'Andras rättigheter och friheter', en: 'The rights and freedoms of others' },
    text: {
      sv:
        'Handlingarna innehåller också uppgifter om andra personer. Rätten att få en kopia av sina personuppgifter och rätten till dataportabilitet '
        + 'får inte påverka andras rättigheter och friheter negativt (artikel 15.4 och 20.4 i dataskyddsförordningen). Vi har därför tagit bort eller maskerat '
        + 'uppgifter om andra personer i det som lämnas ut till dig, och uppgifter som inte går att skilja från uppgifter om andra har inte lämnats ut.',
      en:
        'The documents also contain information about other people. The right to obtain a copy of one’s personal data and the right to data portability '
        + 'must not adversely affect the rights and freedoms of others (Articles 15(4) and 20(4) GDPR). We have therefore removed or masked information '
        + 'about other people in what is provided to you, and information that cannot be separated from information about others has not been provided.',
    },
    rights: ['registerutdrag', 'dataportabilitet'],
    requiresJustification: false,
    needsOslReference: false,
  },
  {
    id: 'art20_allmant_intresse',
    provisions: { sv: `Artikel 20.1 och 20.3 ${GDPR_SV}`, en: `Article 20(1) and (3) of ${GDPR_EN}` },
    title: { sv: 'Rätten till dataportabilitet gäller inte behandlingen', en: 'The right to data portability does not apply to the processing' },
    text: {
      sv:
        'Rätten till dataportabilitet gäller bara personuppgifter som du själv har lämnat och som behandlas automatiserat med stöd av ditt samtycke '
        + 'eller för att fullgöra ett avtal med dig (artikel 20.1 i dataskyddsförordningen). Rätten gäller inte behandling som är nödvändig för att utföra '
        + 'en uppgift av allmänt intresse eller som ett led i myndighetsutövning (artikel 20.3). Vi behandlar uppgifterna om dig för att fullgöra en rättslig '
        + 'förpliktelse eller för att utföra en uppgift av allmänt intresse eller som ett led i myndighetsutövning (artikel 6.1 c och e), inte med stöd av '
        + 'samtycke eller avtal. Du kan i stället begära ett registerutdrag enligt artikel 15.',
      en:
        'The right to data portability only covers personal data that you have provided yourself and that are processed by automated means on the basis '
        + 'of your consent or for the performance of a contract with you (Article 20(1) GDPR). It does not apply to processing necessary for the performance '
        + 'of a task carried out in the public interest or in the exercise of official authority (Article 20(3)). We process the information about you to '
        + 'comply with a legal obligation or to perform a task in the public interest or in the exercise of official authority (Article 6(1)(c) and (e)), '
        + 'not on the basis of consent or a contract. You can instead request a copy of your personal data under Article 15.',
    },
    rights: ['dataportabilitet'],
    requiresJustification: false,
    needsOslReference: false,
  },
  {
    id: 'art21_tvingande_skal',
    provisions: { sv: `Artikel 21.1 ${GDPR_SV}`, en: `Article 21(1) of ${GDPR_EN}` },
    title: { sv: 'Tvingande berättigade skäl för behandlingen', en: 'Compelling legitimate grounds for the processing' },
    text: {
      sv:
        'Du har invänt mot att vi behandlar dina personuppgifter. När behandlingen grundar sig på artikel 6.1 e eller f i dataskyddsförordningen får vi '
        + 'fortsätta behandlingen om vi kan visa tvingande berättigade skäl som väger tyngre än dina intressen, rättigheter och friheter, eller om '
        + 'behandlingen behövs för att fastställa, göra gällande eller försvara rättsliga anspråk (artikel 21.1). Vi har vägt de skäl du har angett mot '
        + 'behovet av behandlingen. Uppgifterna behövs för att vi ska kunna utföra de uppgifter vi har enligt lag, och det väger tyngre än ditt intresse '
        + 'av att behandlingen upphör.',
      en:
        'You have objected to our processing of your personal data. Where processing is based on Article 6(1)(e) or (f) GDPR, we may continue it if we '
        + 'can demonstrate compelling legitimate grounds which override your interests, rights and freedoms, or if the processing is needed for the '
        + 'establishment, exercise or defence of legal claims (Article 21(1)). We have weighed the reasons you gave against the need for the processing. '
        + 'The information is needed for us to carry out the tasks we have by law, and that need overrides your interest in the processing stopping.',
    },
    rights: ['invandning'],
    requiresJustification: false,
    needsOslReference: false,
  },
  {
    id: 'art12_5_uppenbart_ogrundad',
    provisions: { sv: `Artikel 12.5 ${GDPR_SV}`, en: `Article 12(5) of ${GDPR_EN}` },
    title: { sv: 'Uppenbart ogrundad eller orimlig begäran', en: 'Manifestly unfounded or excessive request' },
    text: {
      sv:
        'Vi bedömer att din begäran är uppenbart ogrundad eller orimlig. Om en begäran är uppenbart ogrundad eller orimlig, särskilt på grund av att '
        + 'den upprepas, får den personuppgiftsansvarige vägra att tillmötesgå den eller ta ut en rimlig avgift för de administrativa kostnaderna '
        + '(artikel 12.5 i dataskyddsförordningen). Det är vi som ska visa att begäran är uppenbart ogrundad eller orimlig. Vi grundar vår bedömning på '
        + `följande: ${ART12_5_PLACEHOLDER.sv}`,
      en:
        'We consider your request to be manifestly unfounded or excessive. Where a request is manifestly unfounded or excessive, in particular because '
        + 'of its repetitive character, the controller may refuse to act on it or charge a reasonable fee for the administrative costs (Article 12(5) GDPR). '
        + `It is for us to demonstrate that the request is manifestly unfounded or excessive. Our assessment is based on the following: ${ART12_5_PLACEHOLDER.en}`,
    },
    rights: RIGHTS,
    requiresJustification: true,
    needsOslReference: false,
    placeholder: ART12_5_PLACEHOLDER,
  },
  {
    id: 'identitet_ej_styrkt',
    provisions: { sv: `Artikel 12.2 och 12.6 ${GDPR_SV}`, en: `Article 12(2) and (6) of ${GDPR_EN}` },
    title: { sv: 'Identiteten kunde inte bekräftas', en: 'Identity could not be confirmed' },
    text: {
      sv:
        'Vi har inte kunnat bekräfta att du är den person som uppgifterna gäller. Vi har bett dig om de uppgifter som behövs för att bekräfta din '
        + 'identitet (artikel 12.6 i dataskyddsförordningen), men vi har inte fått dem. Eftersom vi inte kan identifiera dig som den registrerade kan vi '
        + 'inte tillmötesgå din begäran (artikel 12.2). Du är välkommen att göra en ny begäran, till exempel genom att logga in i e-tjänsten med BankID '
        + 'eller besöka oss med giltig legitimation.',
      en:
        'We have not been able to confirm that you are the person the information concerns. We asked you for the information needed to confirm your '
        + 'identity (Article 12(6) GDPR), but we have not received it. As we cannot identify you as the data subject, we cannot act on your request '
        + '(Article 12(2)). You are welcome to make a new request, for example by logging in to the e-service with BankID or by visiting us with valid identification.',
    },
    rights: RIGHTS,
    requiresJustification: false,
    needsOslReference: false,
  },
  {
    id: 'art16_uppgifterna_riktiga',
    provisions: { sv: `Artikel 16 ${GDPR_SV}`, en: `Article 16 of ${GDPR_EN}` },
    title: { sv: 'Uppgifterna är inte felaktiga', en: 'The information is not inaccurate' },
    text: {
      sv:
        'Rätten till rättelse gäller personuppgifter som är felaktiga eller ofullständiga (artikel 16 i dataskyddsförordningen). Vi har gått igenom '
        + 'uppgifterna och bedömer att de inte är felaktiga. En anteckning om vad någon har sagt eller om en bedömning som har gjorts vid ett visst tillfälle '
        + 'är riktig så länge den korrekt återger det som sades eller bedömdes, även om du har en annan uppfattning i sak. Du har rätt att komplettera '
        + 'uppgifterna med en egen redogörelse. Om du skickar in en sådan förs den in tillsammans med uppgifterna.',
      en:
        'The right to rectification applies to personal data that are inaccurate or incomplete (Article 16 GDPR). We have reviewed the information and '
        + 'consider that it is not inaccurate. A record of what someone said, or of an assessment made at a particular time, is accurate as long as it '
        + 'correctly reflects what was said or assessed, even if you disagree with its substance. You have the right to have the information completed '
        + 'with a supplementary statement of your own. If you send us one, it will be kept together with the information.',
    },
    rights: ['rattelse'],
    requiresJustification: false,
    needsOslReference: false,
  },
  {
    id: 'art18_forutsattningar_saknas',
    provisions: { sv: `Artikel 18.1 ${GDPR_SV}`, en: `Article 18(1) of ${GDPR_EN}` },
    title: { sv: 'Förutsättningarna för begränsning är inte uppfyllda', en: 'The conditions for restriction are not met' },
    text: {
      sv:
        'Du har rätt att få behandlingen av dina personuppgifter begränsad i de fall som anges i artikel 18.1 i dataskyddsförordningen: medan vi kontrollerar '
        + 'om uppgifterna är korrekta när du har bestritt det, när behandlingen är olaglig och du motsätter dig att uppgifterna raderas, när vi inte längre '
        + 'behöver uppgifterna men du behöver dem för att fastställa, göra gällande eller försvara rättsliga anspråk, och medan vi kontrollerar om våra '
        + 'berättigade skäl väger tyngre än dina efter att du har invänt mot behandlingen. Vi bedömer att inget av dessa fall gäller dig.',
      en:
        'You have the right to have the processing of your personal data restricted in the situations set out in Article 18(1) GDPR: while we verify the '
        + 'accuracy of the information after you have contested it, where the processing is unlawful and you oppose erasure, where we no longer need the '
        + 'information but you need it for the establishment, exercise or defence of legal claims, and while we verify whether our legitimate grounds '
        + 'override yours after you have objected to the processing. We consider that none of these situations applies to you.',
    },
    rights: ['begransning'],
    requiresJustification: false,
    needsOslReference: false,
  },
];

const BY_ID = new Map(GROUNDS.map((g) => [g.id, g]));

/** Every ground, in library order. */
export const LEGAL_GROUNDS: readonly LegalGround[] = GROUNDS;

export function isLegalGroundId(id: unknown): id is LegalGroundId {
  return typeof id === 'string' && (LEGAL_GROUND_IDS as readonly string[]).includes(id);
}

/** The library entry; throws for an id that is not in the library (a stored id always is). */
export function legalGround(id: LegalGroundId): LegalGround {
  const g = BY_ID.get(id);
  if (!g) throw new RangeError(`Unknown legal ground "${String(id)}"`);
  return g;
}

/** The grounds that can justify refusing `right`, in library order — the choice list of the decision form. */
export function groundsFor(right: Right): LegalGround[] {
  return GROUNDS.filter((g) => g.rights.includes(right));
}

// ---------------------------------------------------------------------------------------------
// OSL references (DSL 5 kap. 1 §)
// ---------------------------------------------------------------------------------------------

const STYCKE = ['första', 'andra', 'tredje', 'fjärde', 'femte', 'sjätte'] as const;
const STYCKE_EN = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'] as const;
const SECTION = String.raw`\d{1,3}(?: ?[a-z])?`;
/** One reference: "26 kap. 1 §", "21 kap. 3 a §", "25 kap. 1 och 2 §§", "26 kap. 1 § första stycket", "12 kap. 3 § andra stycket 1 p.". */
const ONE_REFERENCE = new RegExp(
  String.raw`^(\d{1,2}) kap\. (${SECTION}(?:(?:, | och )${SECTION})*) (§§?)(?: (${STYCKE.join('|')}) stycket)?(?: (\d{1,2}) p\.)?$`,
);
/** Several references are separated by ",", ";" or "och" before the next "N kap.". */
const REFERENCE_SEPARATOR = /\s*(?:,|;| och)\s+(?=\d{1,2} kap\.)/;

/**
 * Whether `reference` cites chapter and section(s) of OSL the way Swedish statutes are cited:
 * "26 kap. 1 §", "26 kap. 1 § första stycket", "21 kap. 3 a §", "25 kap. 1 och 2 §§",
 * "26 kap. 1 § och 12 kap. 3 §". The law's name is added by `appliedProvisions`.
 */
export function isOslReference(reference: string): boolean {
  const trimmed = reference.trim().replace(/\s+/g, ' ');
  if (!trimmed) return false;
  return trimmed.split(REFERENCE_SEPARATOR).every((part) => {
    const m = ONE_REFERENCE.exec(part);
    if (!m) return false;
    const sections = m[2]!.split(/, | och /);
    // "§§" for several sections, "§" for one.
    return (sections.length > 1) === (m[3] === '§§');
  });
}

/** "26 kap. 1 § första stycket" → "Chapter 26, Section 1, first paragraph"; the input unchanged if it is not a reference. */
export function oslReferenceInEnglish(reference: string): string {
  const trimmed = reference.trim().replace(/\s+/g, ' ');
  if (!isOslReference(trimmed)) return reference;
  return trimmed
    .split(REFERENCE_SEPARATOR)
    .map((part) => {
      const m = ONE_REFERENCE.exec(part)!;
      const sections = m[2]!.split(/, | och /);
      const list = sections.length > 1 ? `${sections.slice(0, -1).join(', ')} and ${sections.at(-1)}` : sections[0];
      let out = `Chapter ${m[1]}, Section${sections.length > 1 ? 's' : ''} ${list}`;
      if (m[4]) out += `, ${STYCKE_EN[STYCKE.indexOf(m[4] as (typeof STYCKE)[number])]} paragraph`;
      if (m[5]) out += `, point ${m[5]}`;
      return out;
    })
    .join('; ');
}

/**
 * The provisions as printed in the letter for a ground as applied: the library's citations, for
 * DSL 5 kap. 1 § the OSL chapter and section in place of the bare name of the law, and for a
 * registerförfattning the statute's provision after DSL 5 kap. 1 § (the statute's Swedish name
 * stays in an English letter: it is how the person finds it).
 */
export function appliedProvisions(applied: Pick<AppliedGround, 'id' | 'oslReference' | 'statuteReference'>, lang: Language): string {
  const ground = legalGround(applied.id);
  const statute = applied.statuteReference?.trim().replace(/\s+/g, ' ');
  if (ground.needsStatuteReference) return statute ? `${ground.provisions[lang]}; ${statute}` : ground.provisions[lang];
  const ref = applied.oslReference?.trim().replace(/\s+/g, ' ');
  if (!ground.needsOslReference || !ref) return ground.provisions[lang];
  return lang === 'sv'
    ? ground.provisions.sv.replace(OSL_SV, `${ref} ${OSL_SV}`)
    : ground.provisions.en.replace(OSL_EN, `${oslReferenceInEnglish(ref)} of ${OSL_EN}`);
}

// ---------------------------------------------------------------------------------------------
// Register statutes (registerförfattningar, DSL 5 kap. 1 § and 1 kap. 6 §)
// ---------------------------------------------------------------------------------------------

/** A statute reference is printed in a beslut; this is long enough for any real citation. */
export const MAX_STATUTE_REFERENCE = 200;
/** A section: "8 §", "3 a §", "4 kap. 2 §", "2 och 3 §§". */
const STATUTE_SECTION = /\d{1,3}(?: ?[a-z])? §§?/;
/** An SFS number: "(2001:454)" or "SFS 2001:454". */
const SFS_NUMBER = /(?:\(|SFS )\d{4}:\d{1,4}\)?/;

/**
 * Whether `reference` cites a provision of a register statute so the person can find it: a section
 * and the statute's SFS number — "8 § lagen (2001:454) om behandling av personuppgifter inom
 * socialtjänsten", "4 kap. 2 § patientdatalagen (2008:355)". The name is free text.
 */
export function isStatuteReference(reference: string): boolean {
  const trimmed = reference.trim().replace(/\s+/g, ' ');
  return trimmed.length > 0 && trimmed.length <= MAX_STATUTE_REFERENCE && STATUTE_SECTION.test(trimmed) && SFS_NUMBER.test(trimmed);
}
