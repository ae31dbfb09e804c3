import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { pdfAccessibility, pdfText } from '../../tests/pdf-text';
import { csvField, delegationReportCsv, renderDelegationReportPdf } from './delegation-report.server';
import { delegationReport } from './test-fixtures';
import type { DelegationReportData } from './types';

const manyRows = (n: number): DelegationReportData['rows'] =>
  Array.from({ length: n }, (_, i) => ({
    decidedOn: `2026-03-${String((i % 28) + 1).padStart(2, '0')}`,
    diarienummer: `BN 2026/${String(i + 1).padStart(5, '0')}`,
    caseKind: i % 2 ? 'forandring' : 'registerutdrag',
    type: i % 3 ? 'avslag' : 'delvis_bifall',
    delegate: i % 2 ? 'Karin Lind' : 'Sven Svensson',
    delegationPoint: i % 2 ? '4.2' : '4.1',
  }));

describe('renderDelegationReportPdf', () => {
  it('lists every decision with its date, case, decision, delegate and delegation point', async () => {
    const pdf = await renderDelegationReportPdf(delegationReport());
    const text = await pdfText(pdf);
    const lines = text.split('\n');
    expect(text).toContain('Redovisning av delegationsbeslut');
    expect(text).toContain('Granåsa kommun');
    expect(text).toContain('2026-01-01 – 2026-03-31');
    expect(text).toContain('2026-04-22');
    expect(lines.some((l) => /Datum\s*Diarienummer\s*Ärende\s*Beslut\s*Delegat\s*Punkt/.test(l))).toBe(true);
    for (const row of ['2026-01-14 BN 2026/00012 Begäran om registerutdrag Delvis bifall Sven Svensson 4.1', '2026-02-03 BN 2026/00045 Begäran om förändring Avslag Karin Lind 4.2', '2026-03-12 BN 2026/00123 Begäran om förändring Avslag Sven Svensson 4.2']) {
      expect(lines.map((l) => l.replace(/\s+/g, ' ').trim())).toContain(row);
    }
    expect(text).toContain('Totalt 3 beslut.');
    expect(await pdfAccessibility(pdf)).toMatchObject({ marked: true, lang: 'sv-SE' });
  });

  it('runs onto as many landscape pages as it needs without losing a row', async () => {
    const rows = manyRows(120);
    const pdf = await renderDelegationReportPdf(delegationReport({ rows, meetingDate: null }));
    const text = await pdfText(pdf);
    for (const row of rows) expect(text).toContain(row.diarienummer);
    expect(text).toContain('Totalt 120 beslut.');
    expect(text).not.toContain('Redovisas vid sammanträdet');
    const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    expect(doc.numPages).toBeGreaterThan(2);
    const { width, height } = (await doc.getPage(1)).getViewport({ scale: 1 });
    expect(width).toBeGreaterThan(height);
    await doc.destroy();
  });

  it('says so when nothing was decided under delegation', async () => {
    const text = await pdfText(await renderDelegationReportPdf(delegationReport({ rows: [] })));
    expect(text).toContain('Inga beslut har fattats med stöd av delegering under perioden.');
    expect(text).toContain('Totalt 0 beslut.');
  });
});

describe('delegationReportCsv', () => {
  it('is UTF-8 with a byte order mark, semicolon-separated with CRLF and a header row, for Swedish Excel', () => {
    const csv = delegationReportCsv(delegationReport());
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toEqual([
      'Datum;Diarienummer;Ärende;Beslut;Delegat;Punkt',
      '2026-01-14;BN 2026/00012;Begäran om registerutdrag;Delvis bifall;Sven Svensson;4.1',
      '2026-02-03;BN 2026/00045;Begäran om förändring;Avslag;Karin Lind;4.2',
      '2026-03-12;BN 2026/00123;Begäran om förändring;Avslag;Sven Svensson;4.2',
      '',
    ]);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('quotes what needs quoting and keeps a case text it does not know', () => {
    const csv = delegationReportCsv(
      delegationReport({
        rows: [{ decidedOn: '2026-03-12', diarienummer: 'BN 2026/00123', caseKind: 'Begäran om "radering"; m.m.', type: 'avvisning_sent_overklagande', delegate: 'Lind,\nKarin', delegationPoint: '4.2' }],
      }),
    );
    expect(csv.slice(1).split('\r\n')[1]).toBe('2026-03-12;BN 2026/00123;"Begäran om ""radering""; m.m.";Avvisning av för sent överklagande;"Lind,\nKarin";4.2');
  });

  it.each([
    ['Sven Svensson', 'Sven Svensson'],
    ['a;b', '"a;b"'],
    ['säger "nej"', '"säger ""nej"""'],
    ['rad 1\r\nrad 2', '"rad 1\r\nrad 2"'],
    [' inledande blanksteg', '" inledande blanksteg"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['+46 70', "'+46 70"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['', ''],
  ])('csvField(%j) → %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });
});
