import { describe, expect, it } from 'vitest';
import { pdfAccessibility, pdfFlatText } from '../../tests/pdf-text';
import { renderDecisionLetter } from './decision-letter.server';
import { decisionLetter } from './test-fixtures';
import type { DecisionLetterData } from './types';

const textOf = async (data: DecisionLetterData) => pdfFlatText(await renderDecisionLetter(data));

describe('renderDecisionLetter', () => {
  it('writes a Swedish beslut with everything FL 32–33 §§ and DOMAIN.md §8 ask for', async () => {
    const pdf = await renderDecisionLetter(decisionLetter());
    const text = await pdfFlatText(pdf);
    for (const part of [
      // Letterhead: who, what, when, to whom.
      'Granåsa kommun',
      'Byggnadsnämnden',
      'Diarienummer BN 2026/00123',
      'Datum 2026-03-12',
      'Renée Åström',
      'Beslut om din begäran',
      // Ert ärende: when received, what was asked, for whom.
      'Ert ärende',
      'Vi fick din begäran den 23 februari 2026.',
      'Du bad om registerutdrag och radering.',
      'Begäran gäller uppgifter om dig själv.',
      // The decision per right, in words.
      'Registerutdrag (tillgång till personuppgifter, artikel 15): Bifall. Vi gör det du bad om.',
      'Radering (artikel 17): Avslag. Vi gör inte det du bad om.',
      // Motivering with the provisions applied.
      'Skäl för beslutet',
      'Artikel 17.3 b dataskyddsförordningen; 3 § arkivlagen (1990:782)',
      'Rätten till radering gäller inte när behandlingen behövs för att fullgöra en rättslig förpliktelse – här skyldigheten att bevara allmänna handlingar.',
      // Who decided, under which delegation point, and who proposed it.
      'Beslutet har fattats av Sven Svensson med stöd av punkt 4.2 i nämndens delegeringsförteckning.',
      'Karin Lind har utrett ärendet och föreslagit beslutet.',
      // Överklagandehänvisning.
      'Hur man överklagar',
      'Överklagandet ska vara skriftligt. Skriv att det gäller Förvaltningsrätten i Linköping.',
      'Ange diarienummer BN 2026/00123.',
      'Skriv hur du vill att beslutet ska ändras och varför',
      'Skicka överklagandet till Byggnadsnämnden, inte till domstolen.',
      'skicka det med post till Byggnadsnämnden, Box 101, 641 81 Granåsa, skicka det med e-post till byggnadsnamnden@granasa.se eller lämna det i Dataskyddsportalen under Mina ärenden.',
      'inom tre veckor från den dag du fick del av beslutet',
      'Vi kontrollerar att överklagandet har kommit in i tid.',
      'Sedan skickar vi överklagandet och handlingarna i ärendet till Förvaltningsrätten i Linköping.',
      // IMY, whether or not the person appeals.
      'Integritetsskyddsmyndigheten (IMY)',
      'Integritetsskyddsmyndigheten, Box 8114, 104 20 Stockholm',
      'imy@imy.se',
      'www.imy.se',
      'oavsett om du överklagar',
      // Contacts of the PUA and the dataskyddsombud.
      'Telefon: 0150-123 40',
      'Dataskyddsombud: Dataskyddsombudet i Sörmlandssamverkan',
      'dataskyddsombud@flen.se',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).toMatch(/Sida 1 av \d/);
    expect(await pdfAccessibility(pdf)).toMatchObject({ marked: true, lang: 'sv-SE', title: 'Beslut om din begäran – BN 2026/00123', author: 'Byggnadsnämnden, Granåsa kommun' });
  });

  it('writes the same letter in English when the request was made in English', async () => {
    const pdf = await renderDecisionLetter(decisionLetter({ language: 'en' }));
    const text = await pdfFlatText(pdf);
    for (const part of [
      'Decision on your request',
      'Case reference BN 2026/00123',
      'Your case',
      'We received your request on 23 February 2026.',
      'You asked for access to your personal data and erasure.',
      'Erasure (Article 17): Refused. We will not do what you asked.',
      'Reasons for the decision',
      'The decision was made by Sven Svensson under point 4.2 of the committee\'s scheme of delegation.',
      'How to appeal',
      'The appeal must be in writing. Write that it is addressed to Förvaltningsrätten i Linköping.',
      'Send the appeal to Byggnadsnämnden, not to the court.',
      'within three weeks from the day you were notified of the decision',
      'Integritetsskyddsmyndigheten (IMY), Box 8114, 104 20 Stockholm, Sweden',
      'Data protection officer: Dataskyddsombudet i Sörmlandssamverkan',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).toMatch(/Page 1 of \d/);
    expect(text).not.toContain('Hur man överklagar');
    expect((await pdfAccessibility(pdf)).lang).toBe('en-GB');
  });

  it('answers a full grant with a plain letter: no appeal instructions, but IMY and contacts', async () => {
    const text = await textOf(
      decisionLetter({
        type: 'bifall',
        appealable: false,
        proposedBy: null,
        request: { receivedOn: '2026-02-23', rights: ['registerutdrag'], relation: 'child', subjectName: 'Olle Åström' },
        parts: [{ right: 'registerutdrag', outcome: 'bifall', motivering: 'Du får registerutdraget i Mina ärenden.', grounds: [] }],
      }),
    );
    expect(text).toContain('Svar på din begäran');
    expect(text).toContain('Du gjorde begäran som vårdnadshavare för Olle Åström.');
    expect(text).toContain('Registerutdrag (tillgång till personuppgifter, artikel 15): Bifall.');
    expect(text).toContain('Du får registerutdraget i Mina ärenden.');
    expect(text).not.toContain('Hur man överklagar');
    expect(text).not.toMatch(/överklag/i);
    expect(text).not.toContain('Förvaltningsrätten');
    expect(text).toContain('Integritetsskyddsmyndigheten, Box 8114, 104 20 Stockholm');
    expect(text).toContain('byggnadsnamnden@granasa.se');
    expect(text).toContain('Dataskyddsombud: Dataskyddsombudet i Sörmlandssamverkan');
  });

  it("a kommunalt bolag's refusal is a beslut, but not appealable to förvaltningsrätten (DSL 7 kap. 2 §): IMY or allmän domstol", async () => {
    const bolag = { name: 'Granåsahem AB', email: 'info@granasahem.se' };
    const text = await textOf(decisionLetter({ pua: bolag, appealsToCourt: false }));
    expect(text).toContain('Beslut om din begäran');
    expect(text).toContain('Radering (artikel 17): Avslag.');
    expect(text).not.toContain('Hur man överklagar');
    expect(text).not.toContain('Förvaltningsrätten i Linköping');
    expect(text).toContain('Om du inte är nöjd med beslutet');
    expect(text).toContain('Granåsahem AB är ett kommunalt bolag och inte en myndighet.');
    expect(text).toContain('7 kap. 2 § dataskyddslagen');
    expect(text).toContain('artikel 79');
    expect(text).toContain('Integritetsskyddsmyndigheten, Box 8114, 104 20 Stockholm');

    const en = await textOf(decisionLetter({ pua: bolag, appealsToCourt: false, language: 'en' }));
    expect(en).toContain('Granåsahem AB is a municipal company, not a public authority.');
    expect(en).not.toContain('How to appeal');
  });

  it('dismisses a late appeal with the dates, FL 45 § and its own appeal instructions', async () => {
    const text = await textOf(
      decisionLetter({ type: 'avvisning_sent_overklagande', parts: [], lateAppeal: { receivedOn: '2026-04-07', notifiedOn: '2026-03-13', deadline: '2026-04-03', appealedDecisionOn: '2026-03-12' } }),
    );
    for (const part of [
      'Beslut om avvisning av överklagande',
      'Vi avvisar ditt överklagande av beslutet från den 12 mars 2026.',
      'Du fick del av beslutet den 13 mars 2026.',
      'Den sista dagen var 3 april 2026.',
      'Ditt överklagande kom in den 7 april 2026. Det kom alltså in för sent.',
      '45 § förvaltningslagen (2017:900)',
      'Hur man överklagar',
      'Förvaltningsrätten i Linköping',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('writes a decision after omprövning that names the decision it changes', async () => {
    const text = await textOf(decisionLetter({ type: 'omprovning', changes: { decidedOn: '2026-03-12' }, decidedOn: '2026-04-02' }));
    expect(text).toContain('Beslut efter omprövning');
    expect(text).toContain('Vi har omprövat vårt beslut från den 12 mars 2026.');
    expect(text).toContain('37–39 §§ förvaltningslagen (2017:900)');
    expect(text).toContain('Det nya beslutet ersätter det tidigare beslutet.');
    expect(text).toContain('förfaller ditt överklagande');
    expect(text).toContain('Hur man överklagar');
  });

  it('explains a decision under Art 12(5)', async () => {
    const text = await textOf(
      decisionLetter({
        type: 'art12_5',
        parts: [{ right: 'registerutdrag', outcome: 'avslag', motivering: 'Du har begärt samma registerutdrag fyra gånger den senaste månaden.', grounds: [{ provisions: 'Artikel 12.5 b dataskyddsförordningen', text: 'Begäran är orimlig eftersom den upprepas.' }] }],
      }),
    );
    expect(text).toContain('uppenbart ogrundad eller orimlig');
    expect(text).toContain('artikel 12.5 i dataskyddsförordningen');
    expect(text).toContain('Artikel 12.5 b dataskyddsförordningen');
    expect(text).toContain('Hur man överklagar');
  });

  it('names the representative\'s principal and leaves out the proposer when the decider proposed it', async () => {
    const text = await textOf(decisionLetter({ proposedBy: null, delegationPoint: null, request: { receivedOn: '2026-02-23', rights: ['rattelse'], relation: 'principal', subjectName: 'Gösta Ek' } }));
    expect(text).toContain('Du bad om rättelse.');
    expect(text).toContain('Du gjorde begäran som ombud för Gösta Ek.');
    expect(text).toContain('Beslutet har fattats av Sven Svensson.');
    expect(text).not.toContain('föreslagit beslutet');
  });

  it('refuses to write a special decision without the data it rests on', async () => {
    await expect(renderDecisionLetter(decisionLetter({ type: 'avvisning_sent_overklagande', lateAppeal: null }))).rejects.toThrow(/lateAppeal/);
    await expect(renderDecisionLetter(decisionLetter({ type: 'omprovning', changes: null }))).rejects.toThrow(/omprövning/);
  });
});
