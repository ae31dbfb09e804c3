/**
 * The letter a resident gets when a nämnd has decided on a request (DOMAIN.md §8, issue #6):
 * a beslut with motivering and överklagandehänvisning (FL 32–33 §§), or, for a full grant, a
 * plain answer. Special kinds: the dismissal of a late appeal (FL 45 §), a decision after
 * omprövning (FL 37–39 §§) and a decision under Art 12(5).
 */
import { formatList } from '~/utils/text-format';
import { addressLine, contactLines, footerLine, lettersT, longDate, pageLabel, paragraphs, type T } from './letter-text.server';
import { renderPdf, type PdfWriter } from './pdf.server';
import type { DecisionLetterData } from './types';

/**
 * `preview`: the letter as it would read, marked as a draft on every page (UTKAST), for the one
 * who decides or proposes to read before the decision is taken.
 */
export async function renderDecisionLetter(data: DecisionLetterData, opts: { preview?: boolean } = {}): Promise<Buffer> {
  const lang = data.language;
  const t = await lettersT(lang);
  if (data.type === 'avvisning_sent_overklagande' && !data.lateAppeal) throw new Error('A dismissal of a late appeal needs lateAppeal');
  if (data.type === 'omprovning' && !data.changes) throw new Error('A decision after omprövning needs the decision it changes');

  const answer = !data.appealable;
  const docType = t(answer ? 'decision.docType.answer' : 'decision.docType.decision');
  const title = t(`decision.title.${titleKey(data)}`);
  const draft = opts.preview ? `${t('decision.preview.short')}  ·  ` : '';

  return renderPdf(
    {
      lang,
      title: `${draft}${title} – ${data.diarienummer}`,
      author: `${data.pua.name}, ${data.kommun.name}`,
      subject: docType,
      runningHeader: { left: `${data.kommun.name}  ·  ${data.pua.name}`, right: `${draft}${docType}  ·  ${t('common.dnr')} ${data.diarienummer}` },
      footer: footerLine(data.pua, [data.kommun.website]),
      pageLabel: pageLabel(t),
    },
    (pdf) => {
      pdf.letterhead({
        sender: data.kommun.name,
        unit: data.pua.name,
        docType,
        fields: [
          [t('common.date'), data.decidedOn],
          [t('common.diarienummer'), data.diarienummer],
        ],
        addressee: [data.recipient.name],
      });
      if (opts.preview) pdf.p([{ text: t('decision.preview.mark'), bold: true }]);
      pdf.h1(title);
      yourCase(pdf, data, t);
      decision(pdf, data, t);
      reasons(pdf, data, t);
      decidedBy(pdf, data, t);
      if (data.appealable && data.appealsToCourt) howToAppeal(pdf, data, t);
      if (data.appealable && !data.appealsToCourt) noAppeal(pdf, data, t);
      imy(pdf, data, t);
      contacts(pdf, data, t);
    },
  );
}

/** The letter's title ("Beslut om din begäran", "Svar på din begäran" …): also its name in Mina ärenden. */
export async function decisionLetterTitle(data: Pick<DecisionLetterData, 'type' | 'appealable' | 'language'>): Promise<string> {
  return (await lettersT(data.language))(`decision.title.${titleKey(data)}`);
}

function titleKey(data: Pick<DecisionLetterData, 'type' | 'appealable'>): string {
  if (!data.appealable) return 'answer';
  if (data.type === 'avvisning_sent_overklagande' || data.type === 'omprovning' || data.type === 'art12_5') return data.type;
  return 'decision';
}

function yourCase(pdf: PdfWriter, data: DecisionLetterData, t: T) {
  const { request } = data;
  const lang = data.language;
  const rights = formatList(
    request.rights.map((r) => t(`rightsInSentence.${r}`)),
    lang,
  );
  pdf.h2(t('decision.yourCase.heading'));
  const sentences = [
    t('decision.yourCase.received', { date: longDate(request.receivedOn, lang) }),
    t('decision.yourCase.asked', { rights }),
    request.relation === 'self' ? t('decision.yourCase.self') : t(`decision.yourCase.${request.relation}`, { name: request.subjectName }),
  ];
  pdf.p(sentences.join(' '));
}

function decision(pdf: PdfWriter, data: DecisionLetterData, t: T) {
  const lang = data.language;
  pdf.h2(t(data.appealable ? 'decision.heading.decision' : 'decision.heading.answer'));

  if (data.type === 'avvisning_sent_overklagande') {
    pdf.p(t('decision.late.decision', { date: longDate(data.lateAppeal!.appealedDecisionOn, lang) }));
    return;
  }
  if (data.type === 'omprovning') {
    pdf.p(`${t('decision.omprovning.intro', { date: longDate(data.changes!.decidedOn, lang) })} ${t('decision.omprovning.replaces')}`);
  }
  if (data.type === 'art12_5') pdf.p(t('decision.art12_5'));
  if (data.parts.length) {
    pdf.list(
      data.parts.map((part) => [
        { text: `${t(`rights.${part.right}`)}: `, bold: true },
        { text: `${t(`outcomes.${part.outcome}`)}. ${t(`outcomeMeaning.${part.outcome}`)}` },
      ]),
    );
  }
  if (data.type === 'omprovning') pdf.p(t('decision.omprovning.appealed'));
}

function reasons(pdf: PdfWriter, data: DecisionLetterData, t: T) {
  const lang = data.language;
  if (data.type === 'avvisning_sent_overklagande') {
    const late = data.lateAppeal!;
    pdf.h2(t('decision.reasons.heading'));
    pdf.p(t('decision.late.notified', { date: longDate(late.notifiedOn, lang) }));
    pdf.p(t('decision.late.rule', { date: longDate(late.deadline, lang) }));
    pdf.p(t('decision.late.received', { date: longDate(late.receivedOn, lang) }));
    pdf.p(t('decision.late.law'));
    return;
  }
  const parts = data.parts.filter((p) => p.motivering.trim() || p.grounds.length);
  if (!parts.length) return;
  // A one-part answer ("you get the registerutdrag in Mina ärenden") needs no heading of its own.
  if (data.appealable || data.parts.length > 1) pdf.h2(t(data.appealable ? 'decision.reasons.heading' : 'decision.reasons.headingAnswer'));
  for (const part of parts) {
    if (data.parts.length > 1) pdf.h3(t(`rights.${part.right}`));
    for (const paragraph of paragraphs(part.motivering)) pdf.p(paragraph);
    for (const ground of part.grounds) {
      pdf.p([{ text: ground.provisions, bold: true }], { gap: 2 });
      for (const paragraph of paragraphs(ground.text)) pdf.p(paragraph);
    }
  }
}

function decidedBy(pdf: PdfWriter, data: DecisionLetterData, t: T) {
  pdf.h2(t('decision.decidedBy.heading'));
  const point = data.delegationPoint;
  const sentences = [
    point
      ? t('decision.decidedBy.withPoint', { name: data.decidedBy.name, point: point.remark ? `${point.number} (${point.remark})` : point.number })
      : t('decision.decidedBy.withoutPoint', { name: data.decidedBy.name }),
    data.proposedBy ? t('decision.decidedBy.proposed', { name: data.proposedBy.name }) : null,
  ];
  pdf.p(sentences.filter(Boolean).join(' '));
}

function howToAppeal(pdf: PdfWriter, data: DecisionLetterData, t: T) {
  const { court, pua, kommun } = data;
  const postal = pua.postalAddress ?? kommun.postalAddress;
  const email = pua.email ?? kommun.email;
  const ways = [
    postal ? t('decision.appeal.wayPost', { address: `${pua.name}, ${addressLine(postal)}` }) : null,
    email ? t('decision.appeal.wayEmail', { email }) : null,
    t('decision.appeal.wayPortal'),
  ].filter((w): w is string => !!w);

  pdf.h2(t('decision.appeal.heading'));
  pdf.p(t('decision.appeal.intro', { court }));
  pdf.list([
    t('decision.appeal.written', { court }),
    t('decision.appeal.which', { diarienummer: data.diarienummer }),
    t('decision.appeal.change'),
    t('decision.appeal.who'),
    `${t('decision.appeal.sendTo', { pua: pua.name })} ${t('decision.appeal.ways', { ways: alternatives(ways, data.language) })}`,
  ]);
  pdf.p([{ text: t('decision.appeal.deadline'), bold: true }]);
  pdf.p(t('decision.appeal.after', { court }));
  pdf.p(t('decision.appeal.help'));
}

/** A kommunalt bolag's refusal: no appeal to förvaltningsrätten (DSL 7 kap. 2 §), IMY or a court instead. */
function noAppeal(pdf: PdfWriter, data: DecisionLetterData, t: T) {
  pdf.h2(t('decision.noAppeal.heading'));
  pdf.p(t('decision.noAppeal.body', { pua: data.pua.name }));
}

function imy(pdf: PdfWriter, data: DecisionLetterData, t: T) {
  pdf.h2(t('decision.imy.heading'));
  pdf.p([t('decision.imy.body'), data.appealable && data.appealsToCourt ? t('decision.imy.alsoWhenAppealing') : null].filter(Boolean).join(' '));
  pdf.lines([`${t('decision.imy.name')}, ${t('decision.imy.address')}`, `${t('common.email')}: ${t('decision.imy.email')}  ·  ${t('common.website')}: ${t('decision.imy.website')}`]);
}

function contacts(pdf: PdfWriter, data: DecisionLetterData, t: T) {
  pdf.h2(t('decision.contact.heading'));
  pdf.p(`${t(data.appealable ? 'decision.contact.questionsDecision' : 'decision.contact.questionsAnswer')} ${t('decision.contact.dpo')}`);
  const [pua, ...puaRest] = contactLines(data.pua, t, { website: data.kommun.website });
  const [dpo, ...dpoRest] = contactLines(data.dataskyddsombud, t);
  pdf.twoColumns(
    [[{ text: pua ?? '', bold: true }], ...puaRest],
    [[{ text: `${t('decision.contact.dpoLabel')}: `, bold: true }, { text: dpo ?? '' }], ...dpoRest],
  );
}

/** "a, b eller c" / "a, b or c". */
function alternatives(items: string[], lang: DecisionLetterData['language']): string {
  return new Intl.ListFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { type: 'disjunction' }).format(items);
}
