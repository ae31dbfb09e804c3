/**
 * Redovisning av delegationsbeslut (KL 6 kap. 40 §, DOMAIN.md §1): the list a nämnd gets on its
 * agenda of the GDPR decisions taken under delegation, as a PDF for the agenda and as CSV for
 * the nämndsekreterare's own list. Swedish.
 */
import letters from '../../locales/sv/letters.json';
import { footerLine, lettersT, pageLabel } from './letter-text.server';
import { renderPdf } from './pdf.server';
import type { DelegationReportData } from './types';

const LANG = 'sv' as const;

type Column = 'date' | 'diarienummer' | 'caseKind' | 'decision' | 'delegate' | 'point';
const COLUMNS: { key: Column; width: number }[] = [
  { key: 'date', width: 1.45 },
  { key: 'diarienummer', width: 1.75 },
  { key: 'caseKind', width: 2.2 },
  { key: 'decision', width: 2.1 },
  { key: 'delegate', width: 1.7 },
  { key: 'point', width: 0.8 },
];

/*
 * The report is always Swedish, and the CSV is built synchronously, so its words are read
 * straight from the Swedish `letters` namespace rather than through i18next.
 */
const text = letters.delegationReport;
const header = COLUMNS.map((c) => text.columns[c.key]);
const caseKind = (kind: string) => (letters.caseKinds as Record<string, string>)[kind] ?? kind;

function cells(data: DelegationReportData): string[][] {
  return data.rows.map((row) => [
    row.decidedOn,
    row.diarienummer,
    // The models may pass a case kind's key or a text of their own.
    caseKind(row.caseKind),
    letters.decisionTypes[row.type],
    row.delegate,
    row.delegationPoint,
  ]);
}

export async function renderDelegationReportPdf(data: DelegationReportData): Promise<Buffer> {
  const t = await lettersT(LANG);
  const title = t('delegationReport.title');
  const docType = t('delegationReport.docType');
  const period = t('delegationReport.period', { from: data.periodFrom, to: data.periodTo });
  return renderPdf(
    {
      lang: LANG,
      title: `${title} – ${data.pua.name}, ${period}`,
      author: `${data.pua.name}, ${data.kommun.name}`,
      subject: title,
      runningHeader: { left: `${data.kommun.name}  ·  ${data.pua.name}`, right: `${title}  ·  ${period}` },
      footer: footerLine(data.pua),
      pageLabel: pageLabel(t),
      landscape: true,
    },
    (pdf) => {
      pdf.letterhead({
        sender: data.kommun.name,
        unit: data.pua.name,
        docType,
        fields: [
          [t('delegationReport.fields.period'), period],
          ...(data.meetingDate ? [[t('delegationReport.fields.meeting'), data.meetingDate] as [string, string]] : []),
        ],
      });
      pdf.h1(title);
      pdf.p(t('delegationReport.intro'));
      if (data.rows.length) {
        pdf.table(
          COLUMNS.map((c, i) => ({ header: header[i]!, width: c.width })),
          cells(data),
          { size: 9, zebra: true },
        );
      } else {
        pdf.p(t('delegationReport.empty'));
      }
      pdf.p([{ text: t('delegationReport.total', { count: data.rows.length }), bold: true }]);
    },
  );
}

/**
 * The same list as CSV the way Swedish Excel opens it with a double-click: UTF-8 with a byte
 * order mark (or å, ä, ö come out wrong), semicolons (the comma is the decimal sign), CRLF, and
 * RFC 4180 quoting.
 */
export function delegationReportCsv(data: DelegationReportData): string {
  return `\uFEFF${[header, ...cells(data)].map((row) => row.map(csvField).join(';')).join('\r\n')}\r\n`;
}

/**
 * Quotes a field when it holds the separator, a quote or a line break (doubling the quotes).
 * A field that starts like a formula gets a leading apostrophe so that a spreadsheet shows it
 * instead of running it (OWASP "CSV injection"); names and case titles are typed by people.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}
