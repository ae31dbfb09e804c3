/**
 * The kvittens a visitor gets when the reception registers a request for them (DOMAIN.md §3,
 * seed 004 bilaga 6: "giltig legitimation", "giltig fullmakt"; issue #8): the common reference,
 * one row per case with its diarienummer and deadline (§5), how the answer will come (§7), and
 * whom to ask. It is handed over or lies on a desk: it carries no full personnummer, no address
 * of the person and nothing of what the request says beyond the kinds and rights asked for (§9).
 */
import { RIGHTS, type Right } from '~/domain/requests';
import type { IsoDate } from '~/domain/iso-date';
import { i18next } from '~/utils/i18next.server';
import { formatList } from '~/utils/text-format';
import { dateTime, footerLine, lettersT, longDate, pageLabel, type T } from './letter-text.server';
import { renderPdf, type PdfWriter } from './pdf.server';
import type { Contact, Lang } from './types';

export type WalkInReceiptData = {
  language: Lang;
  kommun: Contact & { website?: string | null };
  /** The submission's common reference, e.g. "DSP-2026-7K3MQX". */
  reference: string;
  /** ISO timestamp: when the official registered it. */
  registeredAt: string;
  /** The person at the desk or on the phone, who asked. Personnummer already masked (YYYYMMDD-****). */
  requester: { name: string; personnummerMasked: string };
  relation: 'self' | 'child' | 'principal' | 'ward';
  /** The person the request is about, when it is someone else (child, principal, ward); else null. */
  subject: { name: string; personnummerMasked: string } | null;
  /** How the requester's identity was checked. For a document: its type code and issuer (never its number). */
  identity:
    | { method: 'id_document'; documentType: 'nationellt_id_kort' | 'pass' | 'korkort' | 'sis_id_kort' | 'annat'; issuer: string }
    | { method: 'bankid_phone' };
  /** For principal/ward: whether a fullmakt / proof of appointment was shown and scanned in. */
  authorityDocument: 'fullmakt' | 'appointment' | null;
  /** The official. */
  registeredBy: { name: string };
  cases: { diarienummer: string; puaName: string; puaContact: Contact; kind: string; rights: Right[]; receivedDate: IsoDate; deadline: IsoDate }[];
  delivery: 'portal' | 'registered_post' | 'reception';
  protectedIdentity: boolean;
};

/** The receipt's own words, the request form's names of kinds and rights, and the letters' shared ones. */
type Texts = { t: T; rt: T; lt: T };

/** Which proof of authority belongs to which relation (FL 14–15 §§; DOMAIN.md §3). */
const AUTHORITY_FOR: Partial<Record<WalkInReceiptData['relation'], 'fullmakt' | 'appointment'>> = { principal: 'fullmakt', ward: 'appointment' };

const MASKED = /^\d{8}-\*{4}$/;

/**
 * The model masks the personnummer; the renderer refuses anything else, so that a full one can
 * never reach paper by mistake (DSL 3 kap. 10 §). Likewise a subject, or a proof of authority,
 * that does not fit the relation is a bug upstream, not something to print.
 */
export function assertPrintable(data: WalkInReceiptData): void {
  if (!data.cases.length) throw new Error('A receipt needs at least one case');
  if (!MASKED.test(data.requester.personnummerMasked)) throw new Error('The requester’s personnummer must be masked (YYYYMMDD-****)');
  if (data.relation === 'self' && data.subject) throw new Error('A request for oneself has no separate subject');
  if (data.relation !== 'self' && !data.subject) throw new Error(`A request as ${data.relation} needs the subject it is about`);
  if (data.subject && !MASKED.test(data.subject.personnummerMasked)) throw new Error('The subject’s personnummer must be masked (YYYYMMDD-****)');
  if (data.authorityDocument && AUTHORITY_FOR[data.relation] !== data.authorityDocument) {
    throw new Error(`A ${data.authorityDocument} does not belong to a request as ${data.relation}`);
  }
}

export async function renderWalkInReceipt(data: WalkInReceiptData): Promise<Buffer> {
  assertPrintable(data);
  const lang = data.language;
  const texts: Texts = { t: await i18next.getFixedT(lang, 'kvittens'), rt: await i18next.getFixedT(lang, 'request'), lt: await lettersT(lang) };
  const { t, lt } = texts;
  const title = t(`title.${data.identity.method}`);
  const docType = t('docType');

  return renderPdf(
    {
      lang,
      title: `${title} – ${data.reference}`,
      author: data.kommun.name,
      subject: docType,
      runningHeader: { left: data.kommun.name, right: `${docType}  ·  ${t('fields.ref')} ${data.reference}` },
      footer: footerLine(data.kommun, [data.kommun.website]),
      pageLabel: pageLabel(lt),
    },
    (pdf) => {
      pdf.letterhead({
        sender: data.kommun.name,
        docType,
        fields: [
          [t('fields.registeredAt'), dateTime(data.registeredAt, lang)],
          // The official's name where the paper form (seed 004 bilaga 6) has the official's signature.
          [t('fields.registeredBy'), data.registeredBy.name],
          [t('fields.reference'), data.reference],
        ],
      });
      pdf.h1(title);
      pdf.p(`${t(`intro.${data.identity.method}`, { kommun: data.kommun.name })} ${t('intro.keep')}`);
      request(pdf, data, texts);
      cases(pdf, data, texts);
      delivery(pdf, data, texts);
      questions(pdf, data, texts);
    },
  );
}

/** Who asked, for whom, and how it was checked that they are who they say. */
function request(pdf: PdfWriter, data: WalkInReceiptData, { t }: Texts) {
  const { requester, subject, identity } = data;
  pdf.h2(t('request.heading'));
  // The personnummer in a column of its own: in running text a line could break after its hyphen.
  pdf.table(
    [
      { header: t('people.role'), width: 0.27 },
      { header: t('people.name'), width: 0.38 },
      { header: t('people.personnummer'), width: 0.35 },
    ],
    [
      [t('people.requester'), requester.name, requester.personnummerMasked],
      ...(subject ? [[t('people.subject'), subject.name, subject.personnummerMasked]] : []),
    ],
    { rowHeaders: true },
  );
  const who = t(`request.${data.relation}`, { subject: subject?.name });
  const checked = identity.method === 'id_document' ? t(`identity.document.${identity.documentType}`, { issuer: identity.issuer }) : t('identity.bankid_phone');
  pdf.p(`${who} ${checked}`);
  const authority = authorityText(data, t);
  if (authority) pdf.p(authority);
}

/** A representative's proof of authority, or that it is still needed before anything is released. */
function authorityText(data: WalkInReceiptData, t: T): string | null {
  const needed = AUTHORITY_FOR[data.relation];
  if (!needed) return null;
  const subject = data.subject?.name;
  if (data.authorityDocument === needed) return t(`authority.${needed}`, { subject });
  return t(needed === 'fullmakt' ? 'authority.missingFullmakt' : 'authority.missingAppointment', { subject });
}

function cases(pdf: PdfWriter, data: WalkInReceiptData, texts: Texts) {
  const { t } = texts;
  const lang = data.language;
  pdf.h2(t('cases.heading'));
  pdf.p(t('cases.intro', { count: data.cases.length }), { gap: 4 });
  pdf.table(
    [
      { header: t('cases.columns.pua'), width: 0.27 },
      { header: t('cases.columns.kind'), width: 0.33 },
      { header: t('cases.columns.diarienummer'), width: 0.19 },
      { header: t('cases.columns.deadline'), width: 0.21 },
    ],
    data.cases.map((c) => [c.puaName, kindText(c, texts, lang), c.diarienummer, longDate(c.deadline, lang)]),
    { size: 9.5 },
  );
  const received = new Set(data.cases.map((c) => c.receivedDate));
  const rule = received.size === 1 ? t('cases.deadlineReceived', { date: longDate(data.cases[0]!.receivedDate, lang) }) : t('cases.deadlineGeneral');
  pdf.p(`${rule} ${t('cases.deadlineHoliday')} ${t('cases.extension')}`);
}

/**
 * "Begäran om förändring (rättelse och radering)": a change case names the rights it covers;
 * the other kinds are each one right, which their name already says.
 */
function kindText(c: WalkInReceiptData['cases'][number], { t, rt }: Texts, lang: Lang): string {
  const kind = rt(`kinds.${c.kind}`);
  const rights = RIGHTS.filter((r) => c.rights.includes(r));
  if (c.kind !== 'forandring' && rights.length <= 1) return kind;
  const names = rights.map((r) => lowerFirst(rt(`rights.${r}.name`), lang));
  return t('cases.kindWithRights', { kind, rights: formatList(names, lang) });
}

function delivery(pdf: PdfWriter, data: WalkInReceiptData, { t }: Texts) {
  pdf.h2(t('delivery.heading'));
  switch (data.delivery) {
    case 'portal':
      pdf.p([t('delivery.portal'), data.kommun.website ? t('delivery.portalWebsite', { website: data.kommun.website }) : null].filter(Boolean).join(' '));
      return;
    case 'registered_post':
      // Skyddade personuppgifter: no address exists in the portal, and none is named here (§9).
      pdf.p(t(data.protectedIdentity ? 'delivery.registered_postProtected' : 'delivery.registered_post'));
      return;
    case 'reception':
      pdf.p(`${t('delivery.reception', { kommun: data.kommun.name })} ${t('delivery.receptionReady')}`);
      return;
  }
}

/** The reception gives status only; the nämnd answers the rest (seed 001). Each PUA once. */
function questions(pdf: PdfWriter, data: WalkInReceiptData, { t, lt }: Texts) {
  pdf.h2(t('questions.heading'));
  pdf.p(t('questions.body'), { gap: 4 });
  const puas = new Map<string, Contact>();
  for (const c of data.cases) if (!puas.has(c.puaName)) puas.set(c.puaName, c.puaContact);
  // Name, e-mail and phone: whom to ask. A table, so that an e-mail address has the width it needs.
  pdf.table(
    [
      { header: t('cases.columns.pua'), width: 0.3 },
      { header: lt('common.email'), width: 0.48 },
      { header: lt('common.phone'), width: 0.22 },
    ],
    [...puas].map(([name, contact]) => [name, contact.email ?? '', contact.phone ?? '']),
    { rowHeaders: true, size: 9.5 },
  );
}

const lowerFirst = (s: string, lang: Lang) => s.charAt(0).toLocaleLowerCase(lang === 'en' ? 'en-GB' : 'sv-SE') + s.slice(1);
