/**
 * What the nämnd sends to förvaltningsrätten when it forwards an appeal (FL 46 §, DOMAIN.md §8):
 * the följebrev, the appeal itself, proof of when the decision was notified (the appeal period
 * runs from it, FL 44 §), and the aktförteckning. All in Swedish: the court's language.
 * Material withheld from the person is sent unredacted and marked as secret.
 */
import { addressLine, contactLines, dateTime, footerLine, lettersT, longDate, pageLabel, paragraphs, type T } from './letter-text.server';
import { renderPdf, type PdfOptions } from './pdf.server';
import type { AppealDocumentData, CaseFileIndexData, Contact, CourtCoverLetterData, NotificationProofData } from './types';

const LANG = 'sv' as const;

function options(t: T, o: { title: string; docType: string; diarienummer: string; from: Contact; kommun?: Contact }): PdfOptions {
  const sender = o.kommun ? `${o.kommun.name}  ·  ${o.from.name}` : o.from.name;
  return {
    lang: LANG,
    title: `${o.title} – ${o.diarienummer}`,
    author: o.kommun ? `${o.from.name}, ${o.kommun.name}` : o.from.name,
    subject: o.docType,
    runningHeader: { left: sender, right: `${o.docType}  ·  ${t('common.dnr')} ${o.diarienummer}` },
    footer: footerLine(o.from),
    pageLabel: pageLabel(t),
  };
}

/** Följebrev: "Överlämnande av överklagande". */
export async function renderCourtCoverLetter(data: CourtCoverLetterData): Promise<Buffer> {
  const t = await lettersT(LANG);
  const docType = t('court.docType');
  const title = t('court.title');
  return renderPdf(options(t, { title, docType, diarienummer: data.diarienummer, from: data.pua, kommun: data.kommun }), (pdf) => {
    pdf.letterhead({
      sender: data.kommun.name,
      unit: data.pua.name,
      docType,
      fields: [
        [t('common.date'), data.sentOn],
        [t('common.diarienummer'), data.diarienummer],
      ],
      addressee: [data.court.name, ...(data.court.postalAddress ? [data.court.postalAddress.street, `${data.court.postalAddress.postalCode} ${data.court.postalAddress.city}`] : [])],
    });
    pdf.h1(title);
    pdf.p(t('court.intro', { pua: data.pua.name, appellant: data.appellant.name, court: data.court.name }));
    pdf.fields([
      [t('court.fields.appellant'), data.appellant.name],
      [t('court.fields.decisions'), data.decisions.map((d) => t('court.decisionLine', { title: d.title, date: longDate(d.decidedOn, LANG) })).join('\n')],
      [t('court.fields.received'), t(`court.channel.${data.appeal.channel}`, { date: longDate(data.appeal.receivedOn, LANG) })],
      [t('court.fields.diarienummer'), data.diarienummer],
    ]);

    const { timeliness } = data;
    pdf.h2(t('court.timeliness.heading'));
    pdf.p(
      [
        timeliness.notifiedOn ? t('court.timeliness.notified', { date: longDate(timeliness.notifiedOn, LANG) }) : t('court.timeliness.notifiedUnknown'),
        timeliness.deadline ? t('court.timeliness.deadline', { date: longDate(timeliness.deadline, LANG) }) : null,
        t('court.timeliness.received', { date: longDate(data.appeal.receivedOn, LANG) }),
      ]
        .filter(Boolean)
        .join(' '),
    );
    pdf.p([{ text: t(timeliness.inTime ? 'court.timeliness.inTime' : 'court.timeliness.late'), bold: true }]);
    pdf.p(t('court.timeliness.rule', { rule: timeliness.ruleText }));

    pdf.h2(t('court.omprovning.heading'));
    pdf.p(data.omprovning ?? t('court.omprovning.unchanged', { pua: data.pua.name }));

    pdf.h2(t('court.enclosures.heading'));
    pdf.list(
      data.enclosures.map((e) => (e.secret ? [{ text: `${e.name} – ` }, { text: t('court.enclosures.secretMark'), bold: true }] : e.name)),
      { numbered: true },
    );
    if (data.enclosures.some((e) => e.secret)) pdf.p(t('court.enclosures.secretNote'));

    pdf.h2(t('court.contact.heading'));
    pdf.p(t('court.contact.intro'), { gap: 3 });
    pdf.lines(contactLines({ name: data.contactPerson.name, email: data.contactPerson.email, phone: data.contactPerson.phone }, t));
    pdf.lines([data.pua.name, ...(data.pua.postalAddress ? [addressLine(data.pua.postalAddress)] : [])]);
  });
}

/** The appeal as a document of the case: what the person asked for and why, and how it came in. */
export async function renderAppealDocument(data: AppealDocumentData): Promise<Buffer> {
  const t = await lettersT(LANG);
  const docType = t('appeal.docType');
  const title = t('appeal.title', { date: longDate(data.decision.decidedOn, LANG) });
  return renderPdf(options(t, { title, docType, diarienummer: data.diarienummer, from: data.pua }), (pdf) => {
    pdf.letterhead({
      sender: data.pua.name,
      docType,
      fields: [
        [t('appeal.fields.received'), data.receivedOn],
        [t('common.diarienummer'), data.diarienummer],
      ],
    });
    pdf.h1(title);
    pdf.fields([
      [t('appeal.fields.appellant'), data.appellant.name],
      [t('appeal.fields.personnummer'), data.appellant.personnummerMasked],
      [t('appeal.fields.decision'), `${data.decision.title}, ${longDate(data.decision.decidedOn, LANG)}`],
      [t('appeal.fields.diarienummer'), data.diarienummer],
      [t('appeal.fields.received'), longDate(data.receivedOn, LANG)],
      [t('appeal.fields.channel'), t(`appeal.channel.${data.channel}`)],
    ]);
    pdf.h2(t('appeal.changeWanted'));
    paragraphs(data.changeWanted).forEach((p) => pdf.p(p));
    pdf.h2(t('appeal.reasons'));
    paragraphs(data.reasons).forEach((p) => pdf.p(p));
    pdf.h2(t('appeal.signature.heading'));
    if (data.signature) {
      pdf.p(t('appeal.signature.bankid', { at: dateTime(data.signature.signedAt, LANG) }));
      pdf.p(t('appeal.signature.summary'), { gap: 2 });
      pdf.p(data.signature.summary, { muted: true });
    } else {
      pdf.p(t('appeal.signature.paper'));
    }
    pdf.h2(t('appeal.attachments.heading'));
    if (data.attachments.length) pdf.list(data.attachments);
    else pdf.p(t('appeal.attachments.none'));
  });
}

/** Intyg om delgivning: the day the person got the decision, and so the last day to appeal. */
export async function renderNotificationProof(data: NotificationProofData): Promise<Buffer> {
  const t = await lettersT(LANG);
  const docType = t('notification.docType');
  const title = t('notification.title');
  return renderPdf(options(t, { title, docType, diarienummer: data.diarienummer, from: data.pua }), (pdf) => {
    pdf.letterhead({
      sender: data.pua.name,
      docType,
      fields: [[t('common.diarienummer'), data.diarienummer]],
    });
    pdf.h1(title);
    pdf.p(t('notification.intro'));
    pdf.fields(
      [
        [t('notification.fields.decision'), data.decision.title],
        [t('notification.fields.decidedOn'), longDate(data.decision.decidedOn, LANG)],
        [t('notification.fields.diarienummer'), data.diarienummer],
        [t('notification.fields.notifiedOn'), longDate(data.notifiedOn, LANG)],
        [t('notification.fields.method'), t(`notification.method.${data.method}`)],
        [t('notification.fields.deadline'), longDate(data.appealDeadline, LANG)],
      ],
      { labelWidth: 0.4 },
    );
    if (data.method === 'digital' && data.firstOpenedAt) pdf.p(t('notification.digital', { at: dateTime(data.firstOpenedAt, LANG) }));
    if (data.method === 'post') {
      pdf.p(data.recordedBy ? t('notification.post', { name: data.recordedBy.name, at: dateTime(data.recordedBy.at, LANG) }) : t('notification.postUnrecorded'));
    }
    if (data.method === 'in_person' && data.recordedBy) pdf.p(t('notification.inPerson', { name: data.recordedBy.name, at: dateTime(data.recordedBy.at, LANG) }));
  });
}

/** Aktförteckning: every document of the case in date order, the secret ones marked. */
export async function renderCaseFileIndex(data: CaseFileIndexData): Promise<Buffer> {
  const t = await lettersT(LANG);
  const docType = t('caseFile.docType');
  const title = t('caseFile.title');
  return renderPdf(options(t, { title, docType, diarienummer: data.diarienummer, from: data.pua }), (pdf) => {
    pdf.letterhead({ sender: data.pua.name, docType, fields: [[t('common.diarienummer'), data.diarienummer]] });
    pdf.h1(`${title} ${data.diarienummer}`);
    pdf.p(t('caseFile.intro', { diarienummer: data.diarienummer }));
    pdf.table(
      [
        { header: t('caseFile.columns.number'), width: 0.6 },
        { header: t('caseFile.columns.date'), width: 1.4 },
        { header: t('caseFile.columns.title'), width: 4 },
        { header: t('caseFile.columns.file'), width: 2.2 },
        { header: t('caseFile.columns.secrecy'), width: 1.5 },
      ],
      data.entries.map((e, i) => [String(i + 1), e.date, e.title, e.fileName ?? t('caseFile.noFile'), e.secret ? t('caseFile.secret') : t('common.no')]),
      { size: 9.5 },
    );
    pdf.p(t('caseFile.count', { count: data.entries.length }));
    if (data.entries.some((e) => e.secret)) pdf.p(t('court.enclosures.secretNote'));
  });
}
