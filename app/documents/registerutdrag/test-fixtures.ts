/**
 * A registerutdrag from plain data, for the tests and for looking at the package by eye. Three
 * processing activities of a kultur- och fritidsnämnd: föreningsbidrag (public interest, with
 * documents and exclusions), library loans (a contract, with an automated decision) and a
 * newsletter (consent, sent through a service in the USA). No database.
 */
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { legalGround } from '~/domain/legal-grounds';
import { portabilityReason } from '~/domain/portability';
import type { ProcessingActivity } from '~/domain/processing-activities';
import type { Lang } from '../types';
import type { Exclusion, Portability, RegisterutdragData, ReleasedFile } from './types';

/** Words that occur only in what is withheld: a test looks for them in every byte of the package. */
export const WITHHELD_MARKER = 'UNDANTAGET-7F3A';
export const withheldItems = [
  { title: `Minnesanteckning från telefonsamtal ${WITHHELD_MARKER}`, text: `Handläggarens anteckning, ${WITHHELD_MARKER}: inte färdig.` },
  { title: `Yttrande från grannförening ${WITHHELD_MARKER}`, text: `Uppgifter om en annan person, ${WITHHELD_MARKER}.` },
];

export const foreningsbidrag: ProcessingActivity = {
  code: 'foreningsbidrag',
  name: 'Handläggning av föreningsbidrag',
  purposes: ['Pröva ansökningar om bidrag till föreningar.', 'Följa upp att bidraget används som det var tänkt.'],
  legalBasis: 'public_interest',
  legalBasisLaw: 'Kommunallagen (2017:725) 2 kap. 1 §',
  dataCategories: ['namn', 'personnummer', 'adress', 'roll i föreningen', 'bankkonto'],
  subjectCategories: ['Föreningens kontaktperson', 'Styrelseledamöter'],
  recipients: ['Kommunens revisorer', 'Riksarkivet (vid arkivering)'],
  thirdCountry: { transfers: false },
  retention: 'Tio år efter beslutet, därefter gallras uppgifterna.',
  retentionReference: 'DHP KFN 4.2.1',
  source: 'Från dig som kontaktperson, och från Bolagsverkets register över föreningar.',
  automatedDecisions: { exists: false },
  systems: ['Platina'],
};

export const bibliotekslan: ProcessingActivity = {
  code: 'bibliotekslan',
  name: 'Lån på kommunens bibliotek',
  purposes: ['Låna ut medier och hålla reda på vad som är utlånat.'],
  legalBasis: 'contract',
  dataCategories: ['namn', 'adress', 'e-postadress', 'lånekortsnummer', 'pågående lån', 'avgifter'],
  subjectCategories: ['Låntagare'],
  recipients: ['Leverantören av bibliotekssystemet (personuppgiftsbiträde)'],
  thirdCountry: { transfers: false },
  retention: 'Så länge du har ett lånekort. Lånehistorik sparas inte efter att ett lån är återlämnat',
  source: 'Från dig när du skaffade lånekort.',
  automatedDecisions: {
    exists: true,
    logic: 'Systemet spärrar lånekortet automatiskt när obetalda avgifter är 100 kronor eller mer.',
    significance: 'Du kan inte låna nya medier förrän avgifterna är betalda eller spärren hävs av personalen',
  },
  systems: ['Koha'],
};

export const nyhetsbrev: ProcessingActivity = {
  code: 'nyhetsbrev',
  name: 'Nyhetsbrev om kulturevenemang',
  purposes: ['Skicka nyhetsbrev om konserter, utställningar och teater till dig som har bett om det.'],
  legalBasis: 'consent',
  dataCategories: ['e-postadress', 'intresseområden'],
  subjectCategories: ['Prenumeranter'],
  recipients: ['Mailchimp (The Rocket Science Group LLC), personuppgiftsbiträde'],
  thirdCountry: {
    transfers: true,
    countries: ['USA'],
    safeguards: 'EU-kommissionens beslut om adekvat skyddsnivå för EU–US Data Privacy Framework (artikel 45), och standardavtalsklausuler (artikel 46.2 c)',
  },
  retention: 'Tills du tar tillbaka ditt samtycke.',
  source: 'Från dig, när du anmälde dig på kommunens webbplats.',
  automatedDecisions: { exists: false },
  systems: ['Mailchimp'],
};

/** A document as the model would hand it over: bytes behind `open()`, with their hash and size. */
export function file(filename: string, mimeType: string, bytes: Buffer): ReleasedFile {
  return {
    filename,
    mimeType,
    size: bytes.length,
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    open: () => Readable.from([bytes]),
  };
}

export const PDF_BYTES = Buffer.from('%PDF-1.7\n% Ansökan om föreningsbidrag, Renée Åström\n%%EOF\n');
export const JPEG_BYTES = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

function exclusion(id: 'dsl_5_2_utkast' | 'art15_4_andras_rattigheter', lang: Lang, counts: { withheld: number; masked: number }): Exclusion {
  const g = legalGround(id);
  return { ground: { label: g.title[lang], provisions: g.provisions[lang], explanation: g.text[lang] }, ...counts };
}

function portability(activity: ProcessingActivity, provided: Extract<Portability, { applies: true }>['provided']): Portability {
  const reason = portabilityReason(activity);
  return reason ? { applies: false, reason } : { applies: true, provided };
}

export function registerutdrag(overrides: Partial<RegisterutdragData> = {}): RegisterutdragData {
  const lang = overrides.language ?? 'sv';
  return {
    language: lang,
    kommun: {
      name: 'Granåsa kommun',
      postalAddress: { street: 'Box 100', postalCode: '641 80', city: 'Granåsa' },
      email: 'kommun@granasa.se',
      phone: '0150-123 00',
      website: 'www.granasa.se',
    },
    pua: { name: 'Kultur- och fritidsnämnden', postalAddress: { street: 'Box 102', postalCode: '641 82', city: 'Granåsa' }, email: 'kfn@granasa.se', phone: '0150-123 60' },
    dataskyddsombud: { name: 'Dataskyddsombudet i Sörmlandssamverkan', postalAddress: { street: 'Box 52', postalCode: '642 22', city: 'Flen' }, email: 'dataskyddsombud@flen.se', phone: '0157-430 00' },
    diarienummer: 'KFN 2026/00042',
    releasedOn: '2026-03-20',
    builtAt: '2026-03-20T09:30:00Z',
    recipient: { name: 'Renée Åström' },
    request: { receivedOn: '2026-02-27', relation: 'self', subjectName: 'Renée Åström' },
    activities: [
      {
        activity: foreningsbidrag,
        items: [
          {
            kind: 'answer',
            id: 'item-1',
            title: 'Kontaktperson för Granåsa Schackklubb',
            description: 'Uppgifter ur Platina, registrerade när föreningen sökte bidrag 2025.',
            // Her own personnummer in full (her data); the co-applicant's masked by the model.
            data: {
              kind: 'fields',
              fields: [
                { label: 'Namn', value: 'Renée Åström' },
                { label: 'Personnummer', value: '19811228-9874' },
                { label: 'Roll', value: 'Kassör' },
                { label: 'Medsökande', value: 'Olof Berg, 19850412-****' },
              ],
            },
          },
          {
            kind: 'document',
            id: 'item-2',
            title: 'Ansökan om föreningsbidrag 2025',
            description: 'Ansökan som föreningen skickade in.',
            data: { kind: 'fields', fields: [{ label: 'Inkom', value: '2025-02-10' }] },
            masked: false,
            file: file('Ansökan.pdf', 'application/pdf', PDF_BYTES),
          },
          {
            kind: 'document',
            id: 'item-3',
            title: 'Beslut om föreningsbidrag 2025',
            description: 'Nämndens beslut, med uppgifter om andra styrelseledamöter maskerade.',
            data: null,
            masked: true,
            // Same name as the application: the package must not let one overwrite the other.
            file: file('ansökan.pdf', 'application/pdf', Buffer.from('%PDF-1.7\n% Beslut (maskerad kopia)\n%%EOF\n')),
          },
          {
            kind: 'document',
            id: 'item-4',
            title: 'Foto från föreningens lokal',
            description: 'Bifogat till ansökan.',
            data: null,
            masked: false,
            file: file('../lokal:foto?.jpg', 'image/jpeg', JPEG_BYTES),
          },
        ],
        exclusions: [exclusion('dsl_5_2_utkast', lang, { withheld: 1, masked: 0 }), exclusion('art15_4_andras_rattigheter', lang, { withheld: 1, masked: 1 })],
        portability: portability(foreningsbidrag, []),
      },
      {
        activity: bibliotekslan,
        items: [
          {
            kind: 'answer',
            id: 'item-5',
            title: 'Låntagare i Koha',
            description: 'Uppgifter ur bibliotekssystemet den 3 mars 2026.',
            data: {
              kind: 'fields',
              fields: [
                { label: 'Lånekort', value: '2000123456' },
                { label: 'E-post', value: 'renee@example.se' },
                { label: 'Pågående lån', value: 'Mumintrollet; "Pippi" – 2 st' },
                { label: 'Avgifter', value: '=20 kr' },
              ],
            },
          },
        ],
        exclusions: [],
        portability: portability(bibliotekslan, [
          {
            id: 'provided-1',
            title: 'Ansökan om lånekort',
            providedOn: '2019-08-14',
            fields: [
              { label: 'Namn', value: 'Renée Åström' },
              { label: 'Adress', value: 'Storgatan 1; 641 80 Granåsa' },
              { label: 'E-post', value: 'renee@example.se' },
            ],
          },
        ]),
      },
      {
        activity: nyhetsbrev,
        items: [
          {
            kind: 'answer',
            id: 'item-6',
            title: 'Prenumeration',
            description: 'Uppgifter ur Mailchimp.',
            data: { kind: 'text', text: 'Prenumererar sedan 2024-05-01 på ämnena musik och teater.\n\nSenaste utskick öppnat 2026-03-01.' },
          },
        ],
        exclusions: [],
        portability: portability(nyhetsbrev, [
          { id: 'provided-2', title: 'Anmälan till nyhetsbrevet', providedOn: '2024-05-01', fields: [{ label: 'E-post', value: 'renee@example.se' }, { label: 'Intressen', value: 'musik, teater' }] },
        ]),
      },
    ],
    exclusionDecision: { decidedOn: '2026-03-18' },
    ...overrides,
  };
}
