/**
 * A registerutdrag from plain data, for the tests and for looking at the package by eye. Three
 * processing activities of a kultur- och fritidsnämnd: föreningsbidrag (public interest, with
 * documents and exclusions), library loans (a contract, with an automated decision) and a
 * newsletter (consent, sent through a service in the USA). No database.
 */
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { PNG } from 'pngjs';
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

// The printout (print.server.ts) reads the documents for real, so its fixtures are real files.

/** A real PDF of two pages, "Bilaga sida 1" and "Bilaga sida 2", as a system would export it. */
export async function twoPagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const n of [1, 2]) doc.addPage([595.28, 841.89]).drawText(`Bilaga sida ${n}`, { x: 72, y: 720, size: 18, font });
  return Buffer.from(await doc.save());
}

/** A real 4 × 3 PNG, one colour. */
export function pngBytes(): Buffer {
  const png = new PNG({ width: 4, height: 3 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([0x1d, 0x70, 0xb8, 0xff], i);
  return PNG.sync.write(png);
}

/** A real 16 × 16 baseline JPEG (CPython's Lib/test/imghdrdata/python.jpg, PSF licence). */
export const REAL_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAVAQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLUlRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/HvuRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KOp1KM6iCNvngZHwetf//Z',
  'base64',
);

/**
 * The registerutdrag above with documents a printer can print: the application a two-page PDF,
 * the beslut a PNG scan, the photo a JPEG.
 */
export async function printableRegisterutdrag(overrides: Partial<RegisterutdragData> = {}): Promise<RegisterutdragData> {
  const data = registerutdrag(overrides);
  const files: Record<string, ReleasedFile> = {
    'item-2': file('Ansökan.pdf', 'application/pdf', await twoPagePdf()),
    'item-3': file('Beslut.png', 'image/png', pngBytes()),
    'item-4': file('Foto.jpg', 'image/jpeg', REAL_JPEG),
  };
  return withFiles(data, files);
}

/** The same data with some documents' files replaced, by item id. */
export function withFiles(data: RegisterutdragData, files: Record<string, ReleasedFile>): RegisterutdragData {
  return {
    ...data,
    activities: data.activities.map((a) => ({
      ...a,
      items: a.items.map((item) => (item.kind === 'document' && files[item.id] ? { ...item, file: files[item.id]! } : item)),
    })),
  };
}

/**
 * A folkbokföringsadress that occurs nowhere in the data: where the printout shows it, it came
 * from the mailing. The personnummer is valid (Luhn) and occurs nowhere in the data either.
 */
export const RECIPIENT_ADDRESS = { street: 'Hemliga stigen 7', postalCode: '123 45', city: 'Lönnby' };
export const RECIPIENT_PERSONNUMMER = '198001019804';
