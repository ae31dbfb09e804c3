import { describe, expect, it } from 'vitest';
import { pdfAccessibility, pdfFlatText, pdfText } from '../../tests/pdf-text';
import { renderAppealDocument, renderCaseFileIndex, renderCourtCoverLetter, renderNotificationProof } from './court-package.server';
import { appealDocument, caseFileIndex, courtCoverLetter, notificationProof } from './test-fixtures';

describe('renderCourtCoverLetter', () => {
  it('forwards the appeal under FL 46 § with the rättidsprövning, the omprövning and the enclosures', async () => {
    const pdf = await renderCourtCoverLetter(courtCoverLetter());
    const text = await pdfFlatText(pdf);
    for (const part of [
      'Följebrev',
      'Överlämnande av överklagande',
      'Förvaltningsrätten i Linköping Box 406 581 04 Linköping',
      'Byggnadsnämnden överlämnar ett överklagande från Renée Åström till Förvaltningsrätten i Linköping.',
      '46 § förvaltningslagen (2017:900)',
      'Beslut om begäran om radering, 12 mars 2026',
      '30 mars 2026, via Dataskyddsportalen',
      'Rättidsprövning',
      'Klaganden fick del av beslutet den 13 mars 2026.',
      'Sista dag för överklagande var 3 april 2026.',
      'Överklagandet kom in den 30 mars 2026.',
      'Överklagandet har kommit in i rätt tid.',
      'Bestämmelse: Ett överklagande ska ha kommit in inom tre veckor från den dag då klaganden fick del av beslutet (44 § förvaltningslagen).',
      'Omprövning',
      'Beslutet har inte ändrats.',
      'Bifogade handlingar',
      'Kontaktperson',
      'Karin Lind',
      'karin.lind@granasa.se',
    ]) {
      expect(text).toContain(part);
    }
    expect(await pdfAccessibility(pdf)).toMatchObject({ marked: true, lang: 'sv-SE' });
  });

  it('marks exactly the secret enclosures as not to be given to the appellant', async () => {
    const lines = (await pdfText(await renderCourtCoverLetter(courtCoverLetter()))).split('\n');
    const line = (start: string) => lines.find((l) => l.includes(start)) ?? '';
    expect(line('Utredning från socialtjänsten')).toContain('Utredning från socialtjänsten (omaskerad) – SEKRETESS – lämnas inte ut till klaganden');
    for (const open of ['Överklagande 2026-03-30', 'Beslut 2026-03-12', 'Intyg om delgivning', 'Aktförteckning']) expect(line(open)).not.toContain('SEKRETESS');
  });

  it('says when the appeal came in late, and what the nämnd changed on omprövning', async () => {
    const text = await pdfFlatText(
      await renderCourtCoverLetter(
        courtCoverLetter({
          appeal: { receivedOn: '2026-04-08', channel: 'paper' },
          timeliness: { notifiedOn: null, deadline: null, inTime: false, ruleText: 'Överklagandet ska inte avvisas om felet beror på att beslutet saknade en korrekt överklagandehänvisning (45 § andra stycket förvaltningslagen).' },
          omprovning: 'Nämnden har ändrat beslutet så att uppgifterna om adressen raderas. Övriga uppgifter raderas inte.',
          decisions: [
            { decidedOn: '2026-03-12', title: 'Beslut om begäran om radering' },
            { decidedOn: '2026-04-15', title: 'Beslut efter omprövning' },
          ],
        }),
      ),
    );
    expect(text).toContain('8 april 2026, på papper');
    expect(text).toContain('Det går inte att visa när klaganden fick del av beslutet.');
    expect(text).toContain('har kommit in efter överklagandetidens utgång');
    expect(text).toContain('45 § andra stycket förvaltningslagen');
    expect(text).toContain('Nämnden har ändrat beslutet så att uppgifterna om adressen raderas.');
    expect(text).toContain('Beslut efter omprövning, 15 april 2026');
    expect(text).not.toContain('SEKRETESS – lämnas inte ut till klaganden Intyg');
  });
});

describe('renderAppealDocument', () => {
  it('shows what the appellant wants changed and why, and how it was signed', async () => {
    const text = await pdfFlatText(await renderAppealDocument(appealDocument()));
    for (const part of [
      'Överklagande av beslut från den 12 mars 2026',
      'Klagande Renée Åström',
      'Personnummer 19850412-****',
      'Beslut om begäran om radering, 12 mars 2026',
      'Dataskyddsportalen',
      'Ändring som klaganden begär',
      'Jag vill att uppgifterna om min gamla adress raderas.',
      'Skäl för överklagandet',
      'Bygglovet är avslutat sedan länge.',
      'Jag överklagar beslutet i ärende BN 2026/00123.',
      'foto-tomt.jpg',
    ]) {
      expect(text).toContain(part);
    }
    // Stockholm time; ICU writes "kl." between date and time in Swedish.
    expect(text).toMatch(/Underskrivet med BankID den 30 mars 2026 (kl\. )?10:15\./);
  });

  it('says a paper appeal has its original in the file', async () => {
    const text = await pdfFlatText(await renderAppealDocument(appealDocument({ channel: 'paper', signature: null, attachments: [] })));
    expect(text).toContain('Brev eller besök (på papper)');
    expect(text).toContain('Originalet finns i akten.');
    expect(text).toContain('Inga bilagor.');
  });
});

describe('renderNotificationProof', () => {
  it('records the day of notification and the last day to appeal', async () => {
    const text = await pdfFlatText(await renderNotificationProof(notificationProof()));
    expect(text).toContain('Intyg om delgivning av beslut');
    expect(text).toContain('Mottagaren fick del av beslutet 13 mars 2026');
    expect(text).toContain('Sista dag för överklagande 3 april 2026');
    expect(text).toContain('Digitalt i Dataskyddsportalen');
    expect(text).toMatch(/öppnade beslutet första gången den 13 mars 2026 (kl\. )?18:42\./);
  });

  it('names who recorded a postal delivery receipt', async () => {
    const text = await pdfFlatText(await renderNotificationProof(notificationProof({ method: 'post', firstOpenedAt: null, recordedBy: { name: 'Karin Lind', at: '2026-03-16T09:00:00Z' } })));
    expect(text).toContain('Med post');
    expect(text).toMatch(/Mottagningsbeviset registrerades av Karin Lind den 16 mars 2026 (kl\. )?10:00\./);
  });
});

describe('renderCaseFileIndex', () => {
  it('lists every document in order and marks the secret ones', async () => {
    const data = caseFileIndex();
    const lines = (await pdfText(await renderCaseFileIndex(data))).split('\n');
    data.entries.forEach((entry, i) => {
      const line = lines.find((l) => l.includes(entry.title) && l.includes(entry.date)) ?? '';
      expect(line).toMatch(new RegExp(`^${i + 1}\\s`));
      if (entry.secret) expect(line).toContain('SEKRETESS');
      else expect(line).not.toContain('SEKRETESS');
    });
    expect(lines.join(' ')).toContain('5 handlingar');
  });
});
