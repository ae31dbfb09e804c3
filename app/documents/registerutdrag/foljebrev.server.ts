/**
 * foljebrev.pdf: the letter of a registerutdrag (Art 15; DOMAIN.md §6; issue #7). For each
 * processing activity it states every item Art 15(1)(a)–(h) and 15(2) asks for — purposes,
 * categories, recipients, retention, the rights to rectification, erasure, restriction and
 * objection, the right to complain to IMY, the source, automated decisions, third-country
 * transfers and their safeguards — then lists what is released and, in general terms, what is
 * not and why. After the activities: the rights of Art 16–21, the complaint to IMY (Art 77),
 * what the person can do next, and the PUA's and the DPO's contact details.
 *
 * On paper (print.server.ts, `medium: 'paper'` or `'desk'`) the letter names what is in the envelope,
 * or what is handed over at the reception, where the digital one names the ZIP's files, and offers
 * the machine-readable data on request.
 *
 * Plain language: short sentences, "du". IMY fined Spotify for access answers that were hard to
 * follow; every item is said per activity, even when that repeats itself.
 */
import { ART_6_1 } from '~/domain/processing-activities';
import { i18next } from '~/utils/i18next.server';
import { contactLines, footerLine, lettersT, longDate, pageLabel, paragraphs, type T } from '../letter-text.server';
import { renderPdf, type Inline, type PdfWriter } from '../pdf.server';
import type { Lang } from '../types';
import { packageLayout, type ActivityLayout } from './layout';
import type { RegisterutdragActivity, RegisterutdragData } from './types';

/** The `utdrag` texts in one language. */
export function utdragT(lang: Lang): Promise<T> {
  return i18next.getFixedT(lang, 'utdrag');
}

/** Words shared with the other letters (dates, contact labels, IMY) and the registerutdrag's own. */
type Texts = { t: T; lt: T };

/**
 * How the registerutdrag reaches the person: as the ZIP in Mina ärenden ('digital'), printed and
 * posted as rekommenderat brev ('paper', print.server.ts), or printed at the reception and handed
 * over there ('desk', issue #8). The letter names what the person holds: files and folders, or
 * the pages in the envelope or in their hand. Paper and desk differ only where the post does.
 */
export type Medium = 'digital' | 'paper' | 'desk';
/**
 * `notPrinted`: at the desk, the documents (item ids) the printout could not hold. The letter
 * tells the person how they get those instead; by post the staff prints them for the envelope.
 */
export type FoljebrevOptions = { medium: 'digital' } | { medium: 'paper' } | { medium: 'desk'; notPrinted?: readonly string[] };

/**
 * Whether the printout has "Dina uppgifter" pages: released items or portable records. The
 * paper letter lists those pages only when the print bundle holds them.
 */
export function hasReleasedData(data: RegisterutdragData): boolean {
  return data.activities.some((a) => a.items.length > 0 || (a.portability.applies && a.portability.provided.length > 0));
}

const hasDocuments = (data: RegisterutdragData) => data.activities.some((a) => a.items.some((i) => i.kind === 'document'));

/** A partial refusal is a beslut (DSL 7 kap. 2 §): nothing may be held back without one. */
export function assertConsistent(data: RegisterutdragData): void {
  const excluded = data.activities.some((a) => a.exclusions.some((e) => e.withheld + e.masked > 0));
  if (excluded && !data.exclusionDecision) throw new Error('Items are excluded from the registerutdrag, but no beslut on the exclusions is given');
}

export async function renderFoljebrev(data: RegisterutdragData, options: FoljebrevOptions = { medium: 'digital' }): Promise<Buffer> {
  assertConsistent(data);
  const lang = data.language;
  const texts: Texts = { t: await utdragT(lang), lt: await lettersT(lang) };
  const { t, lt } = texts;
  const layout = packageLayout(data);
  const self = data.request.relation === 'self';
  const title = self ? t('title', { pua: data.pua.name }) : t('titleFor', { pua: data.pua.name, name: data.request.subjectName });
  const docType = t('docType');

  return renderPdf(
    {
      lang,
      title: `${title} – ${data.diarienummer}`,
      author: `${data.pua.name}, ${data.kommun.name}`,
      subject: docType,
      runningHeader: { left: `${data.kommun.name}  ·  ${data.pua.name}`, right: `${docType}  ·  ${lt('common.dnr')} ${data.diarienummer}` },
      footer: footerLine(data.pua, [data.kommun.website]),
      pageLabel: pageLabel(lt),
    },
    (pdf) => {
      pdf.letterhead({
        sender: data.kommun.name,
        unit: data.pua.name,
        docType,
        fields: [
          [lt('common.date'), data.releasedOn],
          [lt('common.diarienummer'), data.diarienummer],
        ],
        addressee: [data.recipient.name],
      });
      pdf.h1(title);
      intro(pdf, data, texts);
      if (options.medium === 'digital') contents(pdf, data, texts);
      else paperContents(pdf, data, options.medium, texts);
      data.activities.forEach((a, i) => activity(pdf, data, a, i, layout[i]!, options, texts));
      exclusions(pdf, data, texts);
      rights(pdf, texts);
      imy(pdf, texts);
      next(pdf, data, options.medium, texts);
      contacts(pdf, data, texts);
    },
  );
}

function subjectOf(data: RegisterutdragData, t: T): string {
  return data.request.relation === 'self' ? t('intro.you') : data.request.subjectName;
}

function intro(pdf: PdfWriter, data: RegisterutdragData, { t }: Texts) {
  const { request } = data;
  pdf.p(
    [
      t('intro.received', { date: longDate(request.receivedOn, data.language) }),
      request.relation === 'self' ? t('intro.self', { pua: data.pua.name }) : t(`intro.${request.relation}`, { pua: data.pua.name, name: request.subjectName }),
    ].join(' '),
  );
  if (!data.activities.length) {
    pdf.p(t('intro.none', { subject: subjectOf(data, t), pua: data.pua.name }));
    return;
  }
  pdf.p(t('intro.activity'));
  pdf.p(t('intro.found', { count: data.activities.length }), { gap: 3 });
  pdf.list(
    data.activities.map((a) => a.activity.name),
    { numbered: true },
  );
  pdf.p(t('intro.records'));
}

function contents(pdf: PdfWriter, data: RegisterutdragData, { t }: Texts) {
  const documents = hasDocuments(data);
  const hasPortability = data.activities.some((a) => a.portability.applies);
  pdf.h2(t('contents.heading'));
  pdf.p(t('contents.intro'), { gap: 3 });
  pdf.list(
    [
      t('contents.letter'),
      documents ? t('contents.documents') : null,
      t('contents.data'),
      hasPortability ? t('contents.portability') : null,
      t('contents.readme'),
      data.language === 'en' ? t('contents.readmeEn') : null,
      t('contents.manifest'),
    ].filter((l): l is string => !!l),
  );
}

/**
 * The paper letter's contents: what is in the envelope, or what the person is handed at the desk.
 * The machine-readable files (Art 20 asks for "a structured, commonly used and machine-readable
 * format") do not fit on paper, so where portability applies the letter says how to get them digitally.
 */
function paperContents(pdf: PdfWriter, data: RegisterutdragData, medium: 'paper' | 'desk', { t }: Texts) {
  const documents = hasDocuments(data);
  const hasPortability = data.activities.some((a) => a.portability.applies);
  pdf.h2(t('contents.heading'));
  pdf.p(t(medium === 'desk' ? 'contents.desk.intro' : 'contents.paper.intro'), { gap: 3 });
  pdf.list(
    [t('contents.paper.letter'), hasReleasedData(data) ? t('contents.paper.data') : null, documents ? t('contents.paper.documents') : null].filter(
      (l): l is string => !!l,
    ),
  );
  if (hasPortability) pdf.p(t('contents.paper.portability'));
}

/** One processing activity: every Art 15(1)–(2) item, then what is released and what is not. */
function activity(pdf: PdfWriter, data: RegisterutdragData, entry: RegisterutdragActivity, index: number, layout: ActivityLayout, options: FoljebrevOptions, texts: Texts) {
  const paper = options.medium !== 'digital';
  const { t } = texts;
  const a = entry.activity;
  const basis = t(`activity.legalBasis.${a.legalBasis}`);
  const basisInSentence = t(`activity.basisInSentence.${a.legalBasis}`);
  const third = a.thirdCountry;
  const rows: [string, string][] = [
    [t('activity.fields.purposes'), a.purposes.join('\n')],
    [t('activity.fields.legalBasis'), a.legalBasisLaw ? `${basis}\n${t('activity.legalBasis.law', { law: a.legalBasisLaw })}` : basis],
    [t('activity.fields.categories'), a.dataCategories.join(', ')],
    [t('activity.fields.sensitive'), a.sensitiveCategories?.length ? a.sensitiveCategories.join(', ') : t('activity.noSensitive')],
    [t('activity.fields.recipients'), a.recipients.length ? a.recipients.join('\n') : t('activity.noRecipients', { pua: data.pua.name })],
    [
      t('activity.fields.thirdCountry'),
      third.transfers ? t('activity.thirdCountry.yes', { countries: formatAnd(third.countries, data.language), safeguards: stripStop(third.safeguards) }) : t('activity.thirdCountry.no'),
    ],
    [t('activity.fields.retention'), a.retentionReference ? t('activity.retentionReference', { retention: stripStop(a.retention), reference: a.retentionReference }) : a.retention],
    [t('activity.fields.source'), a.source],
    [
      t('activity.fields.automated'),
      a.automatedDecisions.exists
        ? [
            t('activity.automated.yes', { logic: withStop(a.automatedDecisions.logic), significance: withStop(a.automatedDecisions.significance) }),
            // Art 22(3): a person's review where the decision rests on a contract or consent; under a law (22(2)(b)) the law says what applies.
            a.legalBasis === 'contract' || a.legalBasis === 'consent' ? t('activity.automated.human') : null,
          ]
            .filter(Boolean)
            .join(' ')
        : t('activity.automated.no'),
    ],
    [t('activity.fields.systems'), a.systems.length ? a.systems.join(', ') : t('activity.noSystems')],
    [t('activity.fields.rights'), activityRights(a.legalBasis, t, basisInSentence)],
    [t('activity.fields.complaint'), t('activity.complaint')],
    [
      t('activity.fields.portability'),
      entry.portability.applies
        ? t(paper ? 'activity.portability.appliesPaper' : 'activity.portability.applies')
        : t(`activity.portability.${entry.portability.reason}`, { basis: basisInSentence }),
    ],
  ];

  // Keep the heading with a good part of its table rather than one row of it.
  pdf.ensureSpace(200);
  pdf.h2(t('activity.heading', { number: index + 1, name: a.name }));
  pdf.h3(t('activity.about'));
  pdf.fields(rows, { labelWidth: 0.34 });

  pdf.h3(t('activity.released.heading'));
  if (!entry.items.length) pdf.p(t('activity.released.none'));
  for (const item of entry.items) {
    const file = item.kind === 'document' ? layout.files.get(item.id) : undefined;
    // On paper the document is in the envelope or among the pages handed over; its path in a ZIP would mean nothing.
    const where = file ? (options.medium === 'digital' ? t('activity.released.file', { path: file }) : t(printedDocument(options, item.id))) : null;
    const sentences = [item.description, item.kind === 'document' && item.masked ? t('activity.released.masked') : null, where];
    pdf.p([{ text: `${item.title}. `, bold: true }, { text: sentences.filter(Boolean).join(' ') }], { gap: 3 });
    // Answers are short: the person reads them here. A document's content is its file.
    const itemData = item.data;
    if (itemData?.kind === 'fields' && itemData.fields.length) pdf.fields(itemData.fields.map((f) => [f.label, f.value]));
    if (itemData?.kind === 'text') for (const paragraph of paragraphs(itemData.text)) pdf.p(paragraph);
  }
  if (entry.items.length) pdf.p(paper ? t('activity.released.paperData') : t('activity.released.data', { path: layout.table }), { muted: true });

  const excluded = entry.exclusions.filter((e) => e.withheld + e.masked > 0);
  if (excluded.length) {
    pdf.h3(t('activity.excluded.heading'));
    pdf.list(
      excluded.map((e) =>
        [
          e.withheld ? t('activity.excluded.withheld', { count: e.withheld }) : null,
          e.masked ? t('activity.excluded.masked', { count: e.masked }) : null,
          t('activity.excluded.ground', { ground: e.ground.label }),
        ]
          .filter(Boolean)
          .join(' '),
      ),
    );
  }
}

/**
 * Art 15(1)(e) for this activity: rectification, erasure and restriction always; objection
 * only where Art 21(1) gives it (6.1 e and f); withdrawing consent for 6.1 a; and the archive
 * rule that usually keeps official documents from being erased (Art 17(3)(b)).
 */
function activityRights(basis: RegisterutdragActivity['activity']['legalBasis'], t: T, basisInSentence: string): string {
  const letter = ART_6_1[basis];
  return [
    t('activity.rights.base'),
    letter === 'c' || letter === 'e' ? t('activity.rights.archive') : null,
    letter === 'e' || letter === 'f' ? t('activity.rights.object') : t('activity.rights.noObjection', { basis: basisInSentence }),
    letter === 'a' ? t('activity.rights.consent') : null,
  ]
    .filter(Boolean)
    .join(' ');
}

/** All exclusions, once per ground: what it means and the provisions, and the beslut on them. */
function exclusions(pdf: PdfWriter, data: RegisterutdragData, { t }: Texts) {
  const grounds = new Map<string, { label: string; provisions: string; explanation: string }>();
  for (const a of data.activities) for (const e of a.exclusions) if (e.withheld + e.masked > 0) grounds.set(e.ground.label, e.ground);
  pdf.h2(t('exclusions.heading'));
  if (!grounds.size) {
    pdf.p(t('exclusions.none'));
    return;
  }
  pdf.p(t('exclusions.intro'));
  for (const ground of grounds.values()) {
    pdf.h3(ground.label);
    for (const paragraph of paragraphs(ground.explanation)) pdf.p(paragraph);
    pdf.p(t('exclusions.provisions', { provisions: ground.provisions }), { muted: true });
  }
  pdf.p([{ text: t('exclusions.decision', { date: longDate(data.exclusionDecision!.decidedOn, data.language) }), bold: true }]);
}

function rights(pdf: PdfWriter, { t }: Texts) {
  pdf.h2(t('rights.heading'));
  pdf.p(t('rights.intro'));
  pdf.list((['rattelse', 'radering', 'begransning', 'underrattelse', 'dataportabilitet', 'invandning', 'samtycke'] as const).map((k) => labelled(t(`rights.${k}`))));
}

function imy(pdf: PdfWriter, { lt }: Texts) {
  pdf.h2(lt('decision.imy.heading'));
  pdf.p(lt('decision.imy.body'));
  pdf.lines([`${lt('decision.imy.name')}, ${lt('decision.imy.address')}`, `${lt('common.email')}: ${lt('decision.imy.email')}  ·  ${lt('common.website')}: ${lt('decision.imy.website')}`]);
}

/**
 * Where the printed letter says a document is: in the envelope, or among the pages handed over at
 * the desk. A document the desk could not print the person gets from the reception separately, or asks us for.
 */
function printedDocument(options: Exclude<FoljebrevOptions, { medium: 'digital' }>, itemId: string): string {
  if (options.medium === 'paper') return 'activity.released.paperFile';
  return options.notPrinted?.includes(itemId) ? 'activity.released.deskNotPrinted' : 'activity.released.deskFile';
}

function next(pdf: PdfWriter, data: RegisterutdragData, medium: Medium, { t }: Texts) {
  const paper = medium !== 'digital';
  pdf.h2(t('next.heading'));
  pdf.list([
    paper ? t(paperReading(data)) : t('next.read'),
    t('next.wrong'),
    t('next.change'),
    data.exclusionDecision ? t('next.appeal', { date: longDate(data.exclusionDecision.decidedOn, data.language) }) : null,
    t('next.questions'),
    t('next.complain'),
    t(paper ? 'next.keepSafePaper' : 'next.keepSafe'),
  ].filter((l): l is string => !!l));
}

/** What there is to read on paper: the letter, and the pages and documents when there are any. */
function paperReading(data: RegisterutdragData): string {
  if (hasDocuments(data)) return 'next.readPaper';
  return hasReleasedData(data) ? 'next.readPaperData' : 'next.readPaperLetter';
}

function contacts(pdf: PdfWriter, data: RegisterutdragData, { t, lt }: Texts) {
  pdf.h2(lt('decision.contact.heading'));
  pdf.p(`${t('contact.questions')} ${lt('decision.contact.dpo')}`);
  const [pua, ...puaRest] = contactLines(data.pua, lt, { website: data.kommun.website });
  const [dpo, ...dpoRest] = contactLines(data.dataskyddsombud, lt);
  pdf.twoColumns(
    [[{ text: pua ?? '', bold: true }], ...puaRest],
    [[{ text: `${lt('decision.contact.dpoLabel')}: `, bold: true }, { text: dpo ?? '' }], ...dpoRest],
  );
}

/** "Rättelse (artikel 16): Är en uppgift fel …" with the part before the colon in bold. */
function labelled(text: string): Inline {
  const at = text.indexOf(': ');
  return at < 0 ? text : [{ text: text.slice(0, at + 2), bold: true }, { text: text.slice(at + 2) }];
}

function formatAnd(items: string[], lang: Lang): string {
  return new Intl.ListFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { type: 'conjunction' }).format(items);
}

/** The PUA's texts may or may not end with a full stop; the sentence around them adds its own. */
const stripStop = (s: string) => s.trim().replace(/[.]+$/, '');
const withStop = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);
