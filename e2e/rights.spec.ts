/**
 * Issue #4: the rights that request.spec.ts does not file all the way (radering, begränsning,
 * invändning, återkalla samtycke, dataportabilitet). Each journey logs in through the BankID
 * simulator, answers every page (with the right's own fields from bilaga 7/4), checks the answers,
 * signs, reads the receipt (one row per PUA and case kind, with the legal deadline) and finds the
 * cases in Mina ärenden. Each details page is first sent empty: every required field is named in
 * the error summary with its own message and linked to. When a guardian files for a child, the
 * pages speak of the child ("uppgifter som barnet har lämnat"), not of the filer's own data.
 * Every journey runs in Swedish and, switched with the language link on the login page, in
 * English; axe runs on every page, and no page may show a raw translation key.
 * With E2E_SCREENSHOTS set, every page is saved as `rights-<journey>-<sv|en>-<step>.png`.
 */
import { expect, test, type Page } from '@playwright/test';
import { gdprDeadline } from '../app/domain/deadlines';
import { caseKindFor, RIGHTS, type CaseKind, type Right } from '../app/domain/requests';
import { scanQr, sim } from './bankid';
import { approveSigning, continueOn, expectFieldErrors, shooter, stockholmToday, type SimOrder } from './journey';

type Lng = 'sv' | 'en';
/** What the resident types, in the language they use the portal in. */
type Said = Record<Lng, string>;
type Delivery = 'portal' | 'registered_post' | 'reception';

// ---------------------------------------------------------------------------------------------
// What the pages say (locales/<lng>/*.json), written out: the test reads what a resident reads.
// ---------------------------------------------------------------------------------------------

type DetailTexts = { title: string; labels: Record<string, string>; choice?: { legend: string; options: Record<string, string> } };

/** The short names under "Begäran om förändring" (request.json rights.*.name). */
const RIGHT_NAMES: Record<Lng, Record<Right, string>> = {
  sv: { registerutdrag: 'Registerutdrag', rattelse: 'Rättelse', radering: 'Radering', begransning: 'Begränsning', invandning: 'Invändning', dataportabilitet: 'Dataportabilitet', aterkalla_samtycke: 'Återkallat samtycke' },
  en: { registerutdrag: 'Access', rattelse: 'Rectification', radering: 'Erasure', begransning: 'Restriction', invandning: 'Objection', dataportabilitet: 'Data portability', aterkalla_samtycke: 'Withdrawn consent' },
};

const RIGHT_LABELS: Record<Lng, Record<Right, string>> = {
  sv: {
    registerutdrag: 'Registerutdrag – få veta vilka uppgifter kommunen har om mig',
    rattelse: 'Rättelse – få fel rättade eller uppgifter kompletterade',
    radering: 'Radering – få uppgifter raderade',
    begransning: 'Begränsning – att uppgifterna bara sparas men inte används',
    invandning: 'Invändning – att kommunen slutar använda uppgifterna',
    dataportabilitet: 'Dataportabilitet – få uppgifter jag lämnat i en fil',
    aterkalla_samtycke: 'Ta tillbaka ett samtycke',
  },
  en: {
    registerutdrag: 'Access – find out what data the municipality has about me',
    rattelse: 'Rectification – have errors corrected or data completed',
    radering: 'Erasure – have data erased',
    begransning: 'Restriction – the data is only stored, not used',
    invandning: 'Objection – the municipality stops using the data',
    dataportabilitet: 'Data portability – get data I provided in a file',
    aterkalla_samtycke: 'Withdraw a consent',
  },
};

const DETAILS: Record<Lng, Partial<Record<Right, DetailTexts>>> = {
  sv: {
    radering: {
      title: 'Vilka uppgifter vill du få raderade?',
      labels: { which: 'Vilka uppgifter gäller det?', explanation: 'Berätta mer' },
      choice: {
        legend: 'Varför ska uppgifterna raderas?',
        options: {
          'not-needed': 'De behövs inte längre för det de samlades in för',
          'consent-withdrawn': 'Jag har tagit tillbaka mitt samtycke',
          objection: 'Jag har invänt mot behandlingen',
          unlawful: 'De behandlas på ett olagligt sätt',
          'legal-obligation': 'En lag kräver att de raderas',
          'child-online': 'De samlades in när jag var barn, i en digital tjänst',
        },
      },
    },
    begransning: {
      title: 'Vilka uppgifter vill du begränsa?',
      labels: { which: 'Vilka uppgifter gäller det?', explanation: 'Berätta mer' },
      choice: {
        legend: 'Varför ska användningen begränsas?',
        options: {
          'accuracy-contested': 'Jag anser att uppgifterna är fel, medan det kontrolleras',
          unlawful: 'Behandlingen är olaglig, men jag vill inte att de raderas',
          'legal-claims': 'Jag behöver uppgifterna för ett rättsligt anspråk',
          'objection-pending': 'Jag har invänt, medan det prövas',
        },
      },
    },
    invandning: {
      title: 'Vad invänder du mot?',
      labels: { processing: 'Vilken behandling invänder du mot?', why: 'Vilka skäl har du?' },
    },
    dataportabilitet: {
      title: 'Vilka uppgifter vill du flytta?',
      labels: { which: 'Vilka uppgifter gäller det?', recipient: 'Vill du att uppgifterna skickas direkt till en annan organisation?' },
      choice: { legend: 'Vilket filformat vill du ha?', options: { json: 'JSON', csv: 'CSV (kalkylark)' } },
    },
    aterkalla_samtycke: {
      title: 'Vilket samtycke vill du ta tillbaka?',
      labels: {
        consent: 'Vilket samtycke gäller det?',
        givenWhen: 'När gav du samtycket?',
        givenTo: 'Till vem gav du samtycket?',
        forWhom: 'Vem gäller samtycket?',
        why: 'Varför tar du tillbaka samtycket?',
      },
    },
  },
  en: {
    radering: {
      title: 'Which data do you want erased?',
      labels: { which: 'Which data is it about?', explanation: 'Tell us more' },
      choice: {
        legend: 'Why should the data be erased?',
        options: {
          'not-needed': 'It is no longer needed for the purpose it was collected for',
          'consent-withdrawn': 'I have withdrawn my consent',
          objection: 'I have objected to the processing',
          unlawful: 'It is processed unlawfully',
          'legal-obligation': 'A law requires it to be erased',
          'child-online': 'It was collected when I was a child, in a digital service',
        },
      },
    },
    begransning: {
      title: 'Which data do you want restricted?',
      labels: { which: 'Which data is it about?', explanation: 'Tell us more' },
      choice: {
        legend: 'Why should the use be restricted?',
        options: {
          'accuracy-contested': 'I think the data is wrong, while this is checked',
          unlawful: "The processing is unlawful, but I don't want the data erased",
          'legal-claims': 'I need the data for a legal claim',
          'objection-pending': 'I have objected, while this is assessed',
        },
      },
    },
    invandning: {
      title: 'What do you object to?',
      labels: { processing: 'Which processing do you object to?', why: 'What are your reasons?' },
    },
    dataportabilitet: {
      title: 'Which data do you want to move?',
      labels: { which: 'Which data is it about?', recipient: 'Do you want the data sent directly to another organisation?' },
      choice: { legend: 'Which file format do you want?', options: { json: 'JSON', csv: 'CSV (spreadsheet)' } },
    },
    aterkalla_samtycke: {
      title: 'Which consent do you want to withdraw?',
      labels: {
        consent: 'Which consent is it?',
        givenWhen: 'When did you give it?',
        givenTo: 'Who did you give it to?',
        forWhom: 'Who does the consent concern?',
        why: 'Why are you withdrawing it?',
      },
    },
  },
};

/**
 * The message of each field sent empty (request.json errors.details.*): every field says what to
 * do for itself, so no two links of the error summary read the same.
 */
const ERRORS: Record<Lng, Partial<Record<Right, Record<string, string>>>> = {
  sv: {
    radering: { which: 'Skriv vilka uppgifter som ska raderas', ground: 'Välj varför uppgifterna ska raderas' },
    begransning: { which: 'Skriv vilka uppgifter som ska begränsas', ground: 'Välj varför användningen ska begränsas' },
    invandning: { processing: 'Skriv vilken behandling du invänder mot', why: 'Skriv vilka skäl du har för invändningen' },
    dataportabilitet: { which: 'Skriv vilka uppgifter du vill flytta', format: 'Välj vilket filformat du vill ha' },
    aterkalla_samtycke: { consent: 'Skriv vilket samtycke du vill ta tillbaka' },
  },
  en: {
    radering: { which: 'Enter which data should be erased', ground: 'Choose why the data should be erased' },
    begransning: { which: 'Enter which data should be restricted', ground: 'Choose why the use should be restricted' },
    invandning: { processing: 'Enter which processing you object to', why: 'Enter your reasons for the objection' },
    dataportabilitet: { which: 'Enter which data you want to move', format: 'Choose which file format you want' },
    aterkalla_samtycke: { consent: 'Enter which consent you want to withdraw' },
  },
};

/**
 * The texts that speak of the person the request is about (the `_child` variants in
 * request.json): for oneself they say "du själv", for a child "barnet". `details` replace the
 * labels and hints of DETAILS; `notOnDetails` must not be seen on any details page.
 */
type SubjectTexts = {
  puasHint: string;
  protectedLegend: string;
  receiptNext: string;
  rightLabels: Partial<Record<Right, string>>;
  details: Partial<Record<Right, { labels?: Record<string, string>; hints?: Record<string, string> }>>;
  notOnDetails: string[];
};
const SUBJECT: Record<Lng, Record<'self' | 'child', SubjectTexts>> = {
  sv: {
    self: {
      puasHint: 'Välj de som du tror har uppgifter om dig. Varje nämnd beslutar för sig.',
      protectedLegend: 'Har du skyddade personuppgifter?',
      receiptNext: 'Varje nämnd registrerar sitt ärende och tar reda på vilka uppgifter den har om dig.',
      rightLabels: {},
      details: { invandning: { hints: { why: 'Beskriv vad i din situation som gör att kommunen borde sluta.' } } },
      notOnDetails: [],
    },
    child: {
      puasHint: 'Välj de som du tror har uppgifter om barnet. Varje nämnd beslutar för sig.',
      protectedLegend: 'Har du eller barnet skyddade personuppgifter?',
      receiptNext: 'Varje nämnd registrerar sitt ärende och tar reda på vilka uppgifter den har om barnet.',
      rightLabels: { dataportabilitet: 'Dataportabilitet – få uppgifter mitt barn lämnat i en fil' },
      details: {
        dataportabilitet: { hints: { which: 'Rätten gäller uppgifter som barnet har lämnat, med samtycke eller för ett avtal.' } },
        aterkalla_samtycke: { labels: { givenWhen: 'När gavs samtycket?', givenTo: 'Till vem gavs samtycket?' } },
      },
      notOnDetails: ['du själv', 'gav du'],
    },
  },
  en: {
    self: {
      puasHint: 'Choose those you think have data about you. Each committee decides separately.',
      protectedLegend: 'Do you have protected personal data?',
      receiptNext: 'Each committee registers its case and finds out which data it has about you.',
      rightLabels: {},
      details: { invandning: { hints: { why: 'Describe what in your situation means the municipality should stop.' } } },
      notOnDetails: [],
    },
    child: {
      puasHint: 'Choose those you think have data about your child. Each committee decides separately.',
      protectedLegend: 'Do you or your child have protected personal data?',
      receiptNext: 'Each committee registers its case and finds out which data it has about your child.',
      rightLabels: { dataportabilitet: 'Data portability – get data my child provided in a file' },
      details: {
        dataportabilitet: { hints: { which: 'The right covers data your child has provided, with consent or for a contract.' } },
        aterkalla_samtycke: { labels: { givenWhen: 'When was it given?', givenTo: 'Who was it given to?' } },
      },
      notOnDetails: ['you have provided yourself', 'did you give'],
    },
  },
};

const UI = {
  sv: {
    loginTitle: 'Logga in med BankID',
    otherDevice: 'Mobilt BankID på en annan enhet',
    qrAlt: /^QR-kod för Mobilt BankID/,
    scanned: 'Skriv in din säkerhetskod i BankID-appen och välj Identifiera eller Skriv under.',
    startApp: 'Starta BankID-appen.',
    myCases: 'Mina ärenden',
    loggedInAs: (name: string) => `Inloggad som ${name}`,
    newRequest: 'Gör en begäran',
    startTitle: 'Gör en begäran om dina personuppgifter',
    start: 'Starta',
    continue: 'Fortsätt',
    errorTitle: 'Det finns ett problem',
    kommunQ: 'Vilken kommun gäller din begäran?',
    rightsQ: 'Vad vill du begära?',
    forWhomQ: 'Vem gäller begäran?',
    self: 'Mig själv',
    child: 'Mitt barn, som jag är vårdnadshavare för',
    childTitle: 'Om barnet',
    name: 'För- och efternamn',
    pnr: 'Personnummer',
    custody: { sole: 'Jag är ensam vårdnadshavare', joint: 'Vi är två vårdnadshavare' },
    puasQ: 'Vilken nämnd eller vilket bolag ska få din begäran?',
    contactQ: 'Hur vill du få besked?',
    email: /^E-postadress/,
    phone: /^Mobilnummer/,
    deliveryQ: 'Hur vill du få svaret?',
    delivery: {
      portal: 'Här i Dataskyddsportalen',
      registered_post: 'Rekommenderat brev till min folkbokföringsadress',
      reception: 'Jag hämtar det i kommunens reception',
    } satisfies Record<Delivery, string>,
    attachQ: 'Vill du bifoga något?',
    files: 'Välj filer',
    upload: 'Ladda upp',
    checkTitle: 'Kontrollera dina svar',
    check: {
      kommun: 'Kommun',
      rights: 'Du begär',
      forWhom: 'Gäller',
      person: 'Person',
      puas: 'Skickas till',
      detailsOf: {
        registerutdrag: 'Om registerutdraget',
        rattelse: 'Om rättelsen',
        radering: 'Om raderingen',
        begransning: 'Om begränsningen',
        invandning: 'Om invändningen',
        dataportabilitet: 'Om dataportabiliteten',
        aterkalla_samtycke: 'Om samtycket',
      } satisfies Record<Right, string>,
      contact: 'Besked till',
      delivery: 'Svaret',
      attachments: 'Bilagor',
      none: 'Inga',
      noContact: 'Inga meddelanden',
      relation: { self: 'Mig själv', child: 'Mitt barn' },
    },
    signHeading: 'Skicka din begäran',
    summaryTitle: (kommun: string) => `Begäran till ${kommun}`,
    receiptTitle: 'Din begäran är skickad',
    receiptHead: ['Nämnd eller bolag', 'Ärende', 'Diarienummer', 'Kommunen ska svara senast'],
    nextHeading: 'Vad händer nu',
    toCases: 'Till Mina ärenden',
    kinds: { registerutdrag: 'Begäran om registerutdrag', forandring: 'Begäran om förändring', dataportabilitet: 'Begäran om dataportabilitet', samtycke: 'Återkallat samtycke' } satisfies Record<CaseKind, string>,
    casesCaption: 'Dina ärenden',
    casesHead: ['Diarienummer', 'Nämnd eller bolag', 'Ärende', 'Status', 'Svar senast'],
    received: 'Mottagen',
    filedForChild: (name: string) => `Gäller ${name} (för ditt barn)`,
    casePage: { status: 'Status', received: 'Mottagen', deadline: 'Kommunen ska svara senast', reference: 'Referensnummer', timeline: 'Det här har hänt' },
    event: (pua: string) => `Din begäran kom in till ${pua}`,
    months: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  },
  en: {
    loginTitle: 'Log in with BankID',
    otherDevice: 'Mobile BankID on another device',
    qrAlt: /^QR code for Mobile BankID/,
    scanned: 'Enter your security code in the BankID app and select Identify or Sign.',
    startApp: 'Start your BankID app.',
    myCases: 'My cases',
    loggedInAs: (name: string) => `Logged in as ${name}`,
    newRequest: 'Make a request',
    startTitle: 'Make a request about your personal data',
    start: 'Start',
    continue: 'Continue',
    errorTitle: 'There is a problem',
    kommunQ: 'Which municipality is your request for?',
    rightsQ: 'What do you want to request?',
    forWhomQ: 'Who is the request about?',
    self: 'Myself',
    child: 'My child, whose guardian I am',
    childTitle: 'About the child',
    name: 'Full name',
    pnr: 'Personal identity number',
    custody: { sole: 'I am the sole guardian', joint: 'We are two guardians' },
    puasQ: 'Which committee or company should get your request?',
    contactQ: 'How do you want to be notified?',
    email: /^Email address/,
    phone: /^Mobile number/,
    deliveryQ: 'How do you want to receive the answer?',
    delivery: {
      portal: 'Here in the portal',
      registered_post: 'Registered post to my home address in the population register',
      reception: "I will collect it at the municipality's reception",
    },
    attachQ: 'Do you want to attach anything?',
    files: 'Choose files',
    upload: 'Upload',
    checkTitle: 'Check your answers',
    check: {
      kommun: 'Municipality',
      rights: 'You request',
      forWhom: 'About',
      person: 'Person',
      puas: 'Sent to',
      detailsOf: {
        registerutdrag: 'About the access request',
        rattelse: 'About the rectification',
        radering: 'About the erasure',
        begransning: 'About the restriction',
        invandning: 'About the objection',
        dataportabilitet: 'About the data portability',
        aterkalla_samtycke: 'About the consent',
      } satisfies Record<Right, string>,
      contact: 'Notices to',
      delivery: 'The answer',
      attachments: 'Attachments',
      none: 'None',
      noContact: 'No messages',
      relation: { self: 'Myself', child: 'My child' },
    },
    signHeading: 'Send your request',
    summaryTitle: (kommun: string) => `Request to ${kommun}`,
    receiptTitle: 'Your request has been sent',
    receiptHead: ['Committee or company', 'Case', 'Case reference', 'The municipality must answer by'],
    nextHeading: 'What happens next',
    toCases: 'Go to My cases',
    kinds: { registerutdrag: 'Request for access', forandring: 'Request for change', dataportabilitet: 'Request for data portability', samtycke: 'Withdrawn consent' },
    casesCaption: 'Your cases',
    casesHead: ['Case reference', 'Committee or company', 'Case', 'Status', 'Answer by'],
    received: 'Received',
    filedForChild: (name: string) => `About ${name} (for your child)`,
    casePage: { status: 'Status', received: 'Received', deadline: 'The municipality must answer by', reference: 'Reference number', timeline: 'What has happened' },
    event: (pua: string) => `Your request reached ${pua}`,
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  },
} satisfies Record<Lng, unknown>;

/** Swedish interface words that must not be left on an English page (names of kommuner and nämnder are proper names and may stay). */
const SWEDISH_CHROME = ['Fortsätt', 'Tillbaka', 'Ändra', 'valfritt', 'Logga ut', 'Mina ärenden', 'Gör en begäran', 'Inloggad som', 'Det finns ett problem', 'Skriv ', 'Mottagen', 'Begäran om', 'Kommunen ska', 'Skicka', 'Bilagor', 'Inga ', 'Dataskyddsportalen'];

/** A translation key on the page (e.g. `steps.details.radering.title`, `request:kinds.x`): a missing text. */
const RAW_KEY = /\b(?:steps|rights|check|receipt|kinds|errors|sign|status|cases|case|events|start|details|grounds|formats|language|service|footer)\.[A-Za-z_]+|\b(?:request|account|common|ui|bankid|pages):[A-Za-z_]/;

// ---------------------------------------------------------------------------------------------
// The journeys
// ---------------------------------------------------------------------------------------------

type Pua = { code: string; name: string };
type Journey = {
  /** Names the test and the screenshots. */
  slug: string;
  title: string;
  resident: { pnr: string; name: string };
  kommun: string;
  child?: { name: string; pnr: string; custody: 'sole' | 'joint' };
  /** In the order the portal asks about them (RIGHTS). */
  rights: Right[];
  /** Chosen explicitly, in the order the kommun lists them. */
  puas: Pua[];
  /**
   * The right's text fields (what the resident types), its one radio choice if it has one, and the
   * fields named in the error summary when the page is sent empty, in the order of the page.
   */
  details: Partial<Record<Right, { fields: Record<string, Said>; choice?: string; emptyErrors: string[] }>>;
  email?: string;
  phone?: string;
  delivery: Delivery;
  /** An evidence file, attached on the attachments page. */
  attachment?: string;
  /** One case per PUA and kind (planCases in app/domain/requests.ts). */
  cases: { pua: Pua; kind: CaseKind }[];
};

const ANNA = { pnr: '198001019804', name: 'Anna Andersson' };
const SVEN = { pnr: '196504129815', name: 'Sven Svensson' };
const SJOBACKA = {
  KS: { code: 'KS', name: 'Kommunstyrelsen' },
  BN: { code: 'BN', name: 'Byggnadsnämnden' },
  SN: { code: 'SN', name: 'Socialnämnden' },
  BUN: { code: 'BUN', name: 'Barn- och utbildningsnämnden' },
  VON: { code: 'VON', name: 'Vård- och omsorgsnämnden' },
};
const GRANASA = { MHN: { code: 'MHN', name: 'Miljö- och hälsoskyddsnämnden' } };

const JOURNEYS: Journey[] = [
  {
    slug: 'radering',
    title: 'a resident asks two nämnder to erase closed cases (radering, Art 17(1)(a))',
    resident: ANNA,
    kommun: 'Sjöbacka kommun',
    rights: ['radering'],
    puas: [SJOBACKA.SN, SJOBACKA.VON],
    details: {
      radering: {
        fields: {
          which: {
            sv: 'Uppgifterna om mig i ansökan om ekonomiskt bistånd från 2016 och i ansökan om färdtjänst från 2018, med handläggarnas anteckningar.',
            en: 'My data in the 2016 application for financial assistance and the 2018 application for transport service, with the case officers’ notes.',
          },
          explanation: {
            sv: 'Båda ärendena avslutades för flera år sedan och jag har inga pågående kontakter med kommunen.',
            en: 'Both cases were closed several years ago and I have no ongoing contact with the municipality.',
          },
        },
        choice: 'not-needed',
        emptyErrors: ['which', 'ground'],
      },
    },
    email: 'anna.andersson@example.se',
    phone: '070-123 45 67',
    delivery: 'portal',
    cases: [
      { pua: SJOBACKA.SN, kind: 'forandring' },
      { pua: SJOBACKA.VON, kind: 'forandring' },
    ],
  },
  {
    slug: 'begransning',
    title: 'a resident disputes a fact and asks for restriction while it is checked (begränsning, Art 18(1)(a)), with evidence attached',
    resident: SVEN,
    kommun: 'Granåsa kommun',
    rights: ['begransning'],
    puas: [GRANASA.MHN],
    details: {
      begransning: {
        fields: {
          which: {
            sv: 'Uppgiften i tillsynsärendet om att avloppet på min fastighet Granåsa Backa 1:4 inte är godkänt.',
            en: 'The statement in the inspection case that the sewage system on my property Granåsa Backa 1:4 is not approved.',
          },
          explanation: {
            sv: 'Avloppet godkändes i juni 2021. Jag bifogar beslutet. Uppgiften ska inte användas förrän det är kontrollerat.',
            en: 'The system was approved in June 2021; I attach the decision. The data should not be used until this has been checked.',
          },
        },
        choice: 'accuracy-contested',
        emptyErrors: ['which', 'ground'],
      },
    },
    email: 'sven@example.se',
    delivery: 'registered_post',
    attachment: 'beslut-avlopp-2021.pdf',
    cases: [{ pua: GRANASA.MHN, kind: 'forandring' }],
  },
  {
    slug: 'invandning',
    title: 'a resident objects to her address being published (invändning, Art 21), with no notices',
    resident: ANNA,
    kommun: 'Sjöbacka kommun',
    rights: ['invandning'],
    puas: [SJOBACKA.KS, SJOBACKA.BN],
    details: {
      invandning: {
        fields: {
          processing: {
            sv: 'Att mitt namn och min adress publiceras på kommunens webbplats i kungörelser om bygglov för grannfastigheten.',
            en: 'The publication of my name and address on the municipality’s website in the notices about building permits for the neighbouring property.',
          },
          why: {
            sv: 'Jag har blivit hotad av en tidigare partner och vill inte att min adress går att söka fram på internet.',
            en: 'I have been threatened by a former partner and do not want my address to be searchable on the internet.',
          },
        },
        emptyErrors: ['processing', 'why'],
      },
    },
    delivery: 'reception',
    cases: [
      { pua: SJOBACKA.KS, kind: 'forandring' },
      { pua: SJOBACKA.BN, kind: 'forandring' },
    ],
  },
  {
    slug: 'samtycke-dataportabilitet',
    title: 'a guardian withdraws a consent for a child and asks for the child’s data in a file (återkalla samtycke, dataportabilitet)',
    resident: SVEN,
    kommun: 'Sjöbacka kommun',
    child: { name: 'Elsa Svensson', pnr: '20100321-9829', custody: 'joint' },
    rights: ['dataportabilitet', 'aterkalla_samtycke'],
    puas: [SJOBACKA.BUN],
    details: {
      dataportabilitet: {
        fields: {
          which: {
            sv: 'Elsas inlämnade uppgifter och omdömen i skolans lärplattform, läsåren 2022–2025.',
            en: 'Elsa’s submitted assignments and assessments in the school’s learning platform, school years 2022–2025.',
          },
          recipient: { sv: 'Granåsa friskola', en: 'Granåsa friskola' },
        },
        choice: 'csv',
        emptyErrors: ['which', 'format'],
      },
      aterkalla_samtycke: {
        fields: {
          consent: {
            sv: 'Att bilder och filmer på Elsa publiceras på skolans webbplats och i skolans sociala medier.',
            en: 'Publishing photos and videos of Elsa on the school’s website and social media.',
          },
          givenWhen: { sv: 'I augusti 2022, vid skolstarten', en: 'In August 2022, when school started' },
          givenTo: { sv: 'Sjöbacka skola (Barn- och utbildningsnämnden)', en: 'Sjöbacka skola (Barn- och utbildningsnämnden)' },
          forWhom: { sv: 'Elsa Svensson', en: 'Elsa Svensson' },
          why: { sv: 'Elsa vill inte längre synas i skolans kanaler.', en: 'Elsa no longer wants to appear in the school’s channels.' },
        },
        emptyErrors: ['consent'],
      },
    },
    email: 'sven.svensson@example.se',
    phone: '+46 70 987 65 43',
    delivery: 'portal',
    cases: [
      { pua: SJOBACKA.BUN, kind: 'dataportabilitet' },
      { pua: SJOBACKA.BUN, kind: 'samtycke' },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const shot = shooter('rights');

/** "2 mars 2026" / "2 March 2026", written out here rather than with the app's formatter. */
function longDate(iso: string, lng: Lng): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${UI[lng].months[m - 1]} ${y}`;
}

const shortRight = (right: Right, lng: Lng) => RIGHT_LABELS[lng][right].split(' – ')[0]!;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One row of a summary list (check page, case page), found by its exact key. */
function summaryRow(page: Page, key: string) {
  return page.locator('.summary-list__row').filter({ has: page.locator('dt', { hasText: new RegExp(`^${escapeRegExp(key)}$`) }) });
}

/** Every page: its language, no raw keys, no Swedish left on an English page, axe, screenshot. */
async function atStep(page: Page, j: Journey, lng: Lng, name: string) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('html')).toHaveAttribute('lang', lng);
  const text = await page.locator('body').innerText();
  expect(text, `raw translation key on ${page.url()}`).not.toMatch(RAW_KEY);
  if (lng === 'en') {
    const left = SWEDISH_CHROME.filter((w) => text.includes(w));
    expect(left, `Swedish interface text on the English page ${page.url()}`).toEqual([]);
  }
  await shot(page, `${j.slug}-${lng}-${name}`);
}

/** Logs in through "Mobilt BankID på en annan enhet" (switching to English first for an English journey). */
async function logIn(page: Page, j: Journey, lng: Lng) {
  const t = UI[lng];
  await page.goto('/logga-in');
  if (lng === 'en') {
    await page.getByRole('navigation', { name: 'Språk' }).getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/[?&]lng=en/);
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.loginTitle);
  await atStep(page, j, lng, 'login');
  await page.getByRole('button', { name: t.otherDevice }).click();
  const qr = page.getByRole('img', { name: t.qrAlt });
  await expect(qr).toBeVisible();
  await atStep(page, j, lng, 'login-qr');
  const scanned = await sim('/__sim/scan', { qrData: await scanQr(qr), personalNumber: j.resident.pnr });
  expect(scanned.status, JSON.stringify(scanned.json)).toBe(200);
  await expect(page.getByRole('status')).toHaveText(t.scanned);
  const orders = (await sim('/__sim/orders')).json as SimOrder[];
  const order = orders.find((o) => o.type === 'auth' && o.personalNumber === j.resident.pnr && o.status === 'pending');
  expect(order, 'the scanned login order').toBeTruthy();
  expect((await sim(`/__sim/orders/${order!.orderRef}/approve`, { personalNumber: j.resident.pnr })).status).toBe(200);
  await expect(page).toHaveURL(/\/mina-arenden$/, { timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.myCases);
  await expect(page.getByText(t.loggedInAs(j.resident.name))).toBeVisible();
}

/** "Det finns ett problem", then each field's own message, linking to that field. */
async function expectErrors(page: Page, lng: Lng, right: Right, fields: string[]) {
  await expect(page.getByRole('alert').getByRole('heading')).toHaveText(UI[lng].errorTitle);
  await expectFieldErrors(page, fields.map((f) => [f, ERRORS[lng][right]![f]!]));
}

/** The labels and hints a details page shows to this journey's filer (DETAILS, changed for a child). */
function detailTexts(j: Journey, lng: Lng, right: Right) {
  const texts = DETAILS[lng][right]!;
  const changed = SUBJECT[lng][j.child ? 'child' : 'self'].details[right];
  return { ...texts, labels: { ...texts.labels, ...changed?.labels }, hints: changed?.hints ?? {} };
}

// ---------------------------------------------------------------------------------------------
// The test: every journey, in Swedish and in English
// ---------------------------------------------------------------------------------------------

for (const j of JOURNEYS) {
  for (const lng of ['sv', 'en'] as const) {
    test(`${j.title} [${lng}]`, async ({ page }) => {
      test.setTimeout(120_000);
      const t = UI[lng];
      const subject = SUBJECT[lng][j.child ? 'child' : 'self'];
      const rightLabel = (r: Right) => subject.rightLabels[r] ?? RIGHT_LABELS[lng][r];
      const next = () => continueOn(page, t.continue);
      const pnrDigits = j.child ? j.child.pnr.replace('-', '') : '';

      await logIn(page, j, lng);
      await atStep(page, j, lng, 'my-cases-before');
      await page.getByRole('link', { name: t.newRequest }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.startTitle);
      await atStep(page, j, lng, 'start');
      await page.getByRole('button', { name: t.start }).click();

      // Kommun
      const kommunGroup = page.getByRole('group', { name: t.kommunQ });
      await expect(kommunGroup).toBeVisible();
      await kommunGroup.getByLabel(j.kommun, { exact: true }).check();
      await atStep(page, j, lng, 'kommun');
      await next();

      // The rights: all seven are offered
      const rightsGroup = page.getByRole('group', { name: t.rightsQ });
      await expect(rightsGroup).toBeVisible();
      await expect(rightsGroup.getByRole('checkbox')).toHaveCount(7);
      for (const right of j.rights) await rightsGroup.getByLabel(RIGHT_LABELS[lng][right], { exact: true }).check();
      await atStep(page, j, lng, 'rights');
      await next();

      // For whom
      const whoGroup = page.getByRole('group', { name: t.forWhomQ });
      await expect(whoGroup).toBeVisible();
      await whoGroup.getByLabel(j.child ? t.child : t.self, { exact: true }).check();
      await atStep(page, j, lng, 'for-whom');
      await next();

      if (j.child) {
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.childTitle);
        await page.getByLabel(t.name, { exact: true }).fill(j.child.name);
        await page.getByLabel(t.pnr, { exact: true }).fill(j.child.pnr);
        await page.getByLabel(t.custody[j.child.custody], { exact: true }).check();
        await atStep(page, j, lng, 'person');
        await next();
      }

      // Which nämnder: chosen explicitly
      const puaGroup = page.getByRole('group', { name: t.puasQ });
      await expect(puaGroup).toBeVisible();
      await expect(page.getByText(subject.puasHint, { exact: true })).toBeVisible(); // "om barnet" for a child
      for (const pua of j.puas) await puaGroup.getByLabel(pua.name, { exact: true }).check();
      await atStep(page, j, lng, 'puas');
      await next();

      // The right's own questions: first sent empty (each required one is named), then answered
      for (const right of j.rights) {
        const texts = detailTexts(j, lng, right);
        const answers = j.details[right]!;
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(texts.title);
        // The questions speak of the person the request is about ("som barnet har lämnat").
        for (const [field, hint] of Object.entries(texts.hints)) await expect(page.locator(`[id="${field}-hint"]`)).toHaveText(hint);
        const pageText = await page.locator('main').innerText();
        expect(subject.notOnDetails.filter((w) => pageText.includes(w)), `the filer's own data on ${page.url()}`).toEqual([]);
        await next();
        await expectErrors(page, lng, right, answers.emptyErrors);
        await expect(page).toHaveTitle(new RegExp(`^${lng === 'sv' ? 'Fel:' : 'Error:'} ${escapeRegExp(texts.title)}`));
        await atStep(page, j, lng, `details-${right}-error`);
        for (const [field, said] of Object.entries(answers.fields)) await page.getByLabel(texts.labels[field]!).fill(said[lng]);
        if (answers.choice) await page.getByRole('group', { name: texts.choice!.legend }).getByLabel(texts.choice!.options[answers.choice]!, { exact: true }).check();
        await atStep(page, j, lng, `details-${right}`);
        await next();
      }

      // Notices
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.contactQ);
      await expect(page.getByRole('group', { name: subject.protectedLegend })).toBeVisible();
      if (j.email) await page.getByLabel(t.email).fill(j.email);
      if (j.phone) await page.getByLabel(t.phone).fill(j.phone);
      await atStep(page, j, lng, 'contact');
      await next();

      // Delivery
      const deliveryGroup = page.getByRole('group', { name: t.deliveryQ });
      await expect(deliveryGroup).toBeVisible();
      await deliveryGroup.getByLabel(t.delivery[j.delivery], { exact: true }).check();
      await atStep(page, j, lng, 'delivery');
      await next();

      // Attachments
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.attachQ);
      if (j.attachment) {
        await page.getByLabel(t.files).setInputFiles({ name: j.attachment, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% beslut\n%%EOF\n') });
        await page.getByRole('button', { name: t.upload }).click();
        await expect(page.getByRole('listitem').filter({ hasText: j.attachment })).toBeVisible();
      }
      await atStep(page, j, lng, 'attachments');
      await next();

      // Check your answers
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.checkTitle);
      await expect(summaryRow(page, t.check.kommun).locator('dd').first()).toHaveText(j.kommun);
      await expect(summaryRow(page, t.check.rights).getByRole('listitem')).toHaveText(j.rights.map(rightLabel));
      await expect(summaryRow(page, t.check.forWhom).locator('dd').first()).toHaveText(t.check.relation[j.child ? 'child' : 'self']);
      if (j.child) await expect(summaryRow(page, t.check.person).locator('dd').first()).toHaveText(`${j.child.name}, ${pnrDigits.slice(0, 8)}-****`);
      else await expect(summaryRow(page, t.check.person)).toHaveCount(0);
      await expect(summaryRow(page, t.check.puas).locator('dd').first()).toHaveText(j.puas.map((p) => p.name).join(', '));
      for (const right of j.rights) {
        const texts = detailTexts(j, lng, right); // the questions as they were asked ("När gavs samtycket?")
        const answers = j.details[right]!;
        // Each detail: the question, then the answer on its own line.
        const expected = Object.entries(answers.fields).map(([field, said]) => [texts.labels[field]!, said[lng]] as const);
        if (answers.choice) expected.push([texts.choice!.legend, texts.choice!.options[answers.choice]!] as const);
        const items = summaryRow(page, t.check.detailsOf[right]).getByRole('listitem');
        await expect(items).toHaveCount(expected.length);
        for (const [question, answer] of expected) {
          const item = items.filter({ has: page.locator('.summary-list__question', { hasText: new RegExp(`^${escapeRegExp(question)}$`) }) });
          await expect(item).toHaveCount(1);
          await expect(item).toContainText(answer);
        }
      }
      const contact = [j.email, j.phone].filter(Boolean).join(', ') || t.check.noContact;
      await expect(summaryRow(page, t.check.contact).locator('dd').first()).toHaveText(contact);
      await expect(summaryRow(page, t.check.delivery).locator('dd').first()).toHaveText(t.delivery[j.delivery]);
      await expect(summaryRow(page, t.check.attachments).locator('dd').first()).toHaveText(j.attachment ?? t.check.none);
      await expect(page.getByRole('heading', { level: 2, name: t.signHeading })).toBeVisible();
      await atStep(page, j, lng, 'check');

      // Sign with BankID: the app shows what is signed
      await page.getByRole('button', { name: t.otherDevice }).click();
      await expect(page.getByRole('status')).toHaveText(t.startApp);
      await atStep(page, j, lng, 'sign');
      const order = await approveSigning(j.resident.pnr);
      expect(order.userVisibleData).toContain(t.summaryTitle(j.kommun));
      for (const right of j.rights) expect(order.userVisibleData).toContain(shortRight(right, lng));
      for (const pua of j.puas) expect(order.userVisibleData).toContain(pua.name);
      if (j.child) expect(order.userVisibleData).toContain(`${j.child.name} (${t.check.relation.child})`);

      // Receipt: one row per PUA and case kind, each with the GDPR deadline of today
      await expect(page).toHaveURL(/\/kvitto$/, { timeout: 15_000 });
      const received = stockholmToday(); // the day the request reaches every PUA
      const deadline = longDate(gdprDeadline(received), lng);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.receiptTitle);
      const reference = page.getByText(/^DSP-\d{4}-[A-Z0-9]+$/);
      await expect(reference).toBeVisible();
      const ref = (await reference.innerText()).trim();
      const receipt = page.getByRole('table');
      await expect(receipt.getByRole('columnheader')).toHaveText(t.receiptHead);
      await expect(receipt.getByRole('row')).toHaveCount(1 + j.cases.length);
      const year = received.slice(0, 4);
      const filed: { dnr: string; pua: Pua; kind: CaseKind }[] = [];
      for (const c of j.cases) {
        const row = receipt.getByRole('row').filter({ has: page.getByRole('rowheader', { name: c.pua.name, exact: true }) }).filter({ hasText: t.kinds[c.kind] });
        await expect(row, `${c.pua.name}: ${t.kinds[c.kind]}`).toHaveCount(1);
        const cells = row.getByRole('cell');
        // A förändring case also names its rights under the kind.
        const kindText = c.kind === 'forandring' ? new RegExp(`^${escapeRegExp(t.kinds[c.kind])}${RIGHTS.filter((r) => j.rights.includes(r) && caseKindFor(r) === 'forandring').map((r) => escapeRegExp(RIGHT_NAMES[lng][r])).join(', ')}$`) : t.kinds[c.kind];
        await expect(cells).toHaveText([kindText, new RegExp(`^${c.pua.code} ${year}/\\d{5}$`), deadline]);
        filed.push({ dnr: (await cells.nth(1).innerText()).trim(), ...c });
      }
      expect(new Set(filed.map((f) => f.dnr)).size, 'one diarienummer per case').toBe(filed.length);
      await expect(page.getByRole('heading', { level: 2, name: t.nextHeading })).toBeVisible();
      await expect(page.getByText(subject.receiptNext, { exact: true })).toBeVisible();
      await atStep(page, j, lng, 'receipt');

      // Mina ärenden: every case, with its deadline
      await page.getByRole('link', { name: t.toCases }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.myCases);
      const mine = page.getByRole('table', { name: t.casesCaption });
      await expect(mine.getByRole('columnheader')).toHaveText(t.casesHead);
      for (const f of filed) {
        const row = mine.getByRole('row').filter({ has: page.getByRole('link', { name: f.dnr, exact: true }) });
        await expect(row).toHaveCount(1);
        const cells = row.getByRole('cell');
        await expect(cells.nth(0)).toHaveText(`${f.pua.name}${j.kommun}`);
        await expect(cells.nth(1)).toContainText(t.kinds[f.kind]);
        if (j.child) await expect(cells.nth(1)).toContainText(t.filedForChild(j.child.name));
        await expect(cells.nth(2)).toHaveText(t.received);
        await expect(cells.nth(3)).toHaveText(deadline);
      }
      await atStep(page, j, lng, 'my-cases');

      // One case, opened
      const first = filed[0]!;
      await mine.getByRole('link', { name: first.dnr, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${t.kinds[first.kind]} ${first.dnr}`);
      await expect(summaryRow(page, t.casePage.status).locator('dd')).toHaveText(t.received);
      await expect(summaryRow(page, t.casePage.received).locator('dd')).toHaveText(longDate(received, lng));
      await expect(summaryRow(page, t.casePage.deadline).locator('dd')).toHaveText(deadline);
      await expect(summaryRow(page, t.casePage.reference).locator('dd')).toHaveText(ref);
      await expect(page.getByRole('heading', { level: 2, name: t.casePage.timeline })).toBeVisible();
      await expect(page.getByRole('listitem').filter({ hasText: t.event(first.pua.name) })).toHaveText(`${longDate(received, lng)}: ${t.event(first.pua.name)}`);
      await atStep(page, j, lng, 'case');
    });
  }
}
