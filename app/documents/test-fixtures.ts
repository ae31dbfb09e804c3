/** Plain data for the document tests and for looking at the letters by eye. No database. */
import type {
  AppealDocumentData,
  CaseFileIndexData,
  CourtCoverLetterData,
  DecisionLetterData,
  DelegationReportData,
  NotificationProofData,
} from './types';

const kommun = {
  name: 'Granåsa kommun',
  postalAddress: { street: 'Box 100', postalCode: '641 80', city: 'Granåsa' },
  email: 'kommun@granasa.se',
  phone: '0150-123 00',
  website: 'www.granasa.se',
};
const pua = {
  name: 'Byggnadsnämnden',
  postalAddress: { street: 'Box 101', postalCode: '641 81', city: 'Granåsa' },
  email: 'byggnadsnamnden@granasa.se',
  phone: '0150-123 40',
};

export function decisionLetter(overrides: Partial<DecisionLetterData> = {}): DecisionLetterData {
  return {
    language: 'sv',
    kommun,
    pua,
    dataskyddsombud: { name: 'Dataskyddsombudet i Sörmlandssamverkan', postalAddress: { street: 'Box 52', postalCode: '642 22', city: 'Flen' }, email: 'dataskyddsombud@flen.se', phone: '0157-430 00' },
    diarienummer: 'BN 2026/00123',
    decidedOn: '2026-03-12',
    recipient: { name: 'Renée Åström' },
    request: { receivedOn: '2026-02-23', rights: ['registerutdrag', 'radering'], relation: 'self', subjectName: 'Renée Åström' },
    type: 'delvis_bifall',
    parts: [
      { right: 'registerutdrag', outcome: 'bifall', motivering: 'Du får registerutdraget i Mina ärenden.', grounds: [] },
      {
        right: 'radering',
        outcome: 'avslag',
        motivering: 'Uppgifterna om dig finns i ett bygglovsärende från 2019. Ärendet är en allmän handling som nämnden måste bevara.',
        grounds: [
          {
            provisions: 'Artikel 17.3 b dataskyddsförordningen; 3 § arkivlagen (1990:782)',
            text: 'Rätten till radering gäller inte när behandlingen behövs för att fullgöra en rättslig förpliktelse – här skyldigheten att bevara allmänna handlingar.',
          },
        ],
      },
    ],
    decidedBy: { name: 'Sven Svensson' },
    proposedBy: { name: 'Karin Lind' },
    delegationPoint: { number: '4.2', remark: null },
    appealable: true,
    appealsToCourt: true,
    court: 'Förvaltningsrätten i Linköping',
    lateAppeal: null,
    changes: null,
    ...overrides,
  };
}

export function courtCoverLetter(overrides: Partial<CourtCoverLetterData> = {}): CourtCoverLetterData {
  return {
    court: { name: 'Förvaltningsrätten i Linköping', postalAddress: { street: 'Box 406', postalCode: '581 04', city: 'Linköping' }, email: 'forvaltningsrattenilinkoping@dom.se' },
    kommun,
    pua,
    diarienummer: 'BN 2026/00123',
    sentOn: '2026-04-10',
    appellant: { name: 'Renée Åström' },
    appeal: { receivedOn: '2026-03-30', channel: 'portal' },
    decisions: [{ decidedOn: '2026-03-12', title: 'Beslut om begäran om radering' }],
    timeliness: {
      notifiedOn: '2026-03-13',
      deadline: '2026-04-03',
      inTime: true,
      ruleText: 'Ett överklagande ska ha kommit in inom tre veckor från den dag då klaganden fick del av beslutet (44 § förvaltningslagen).',
    },
    omprovning: null,
    contactPerson: { name: 'Karin Lind', email: 'karin.lind@granasa.se', phone: '0150-123 45' },
    enclosures: [
      { name: 'Överklagande 2026-03-30', secret: false },
      { name: 'Beslut 2026-03-12', secret: false },
      { name: 'Intyg om delgivning', secret: false },
      { name: 'Aktförteckning', secret: false },
      { name: 'Utredning från socialtjänsten (omaskerad)', secret: true },
    ],
    ...overrides,
  };
}

export function appealDocument(overrides: Partial<AppealDocumentData> = {}): AppealDocumentData {
  return {
    diarienummer: 'BN 2026/00123',
    pua,
    appellant: { name: 'Renée Åström', personnummerMasked: '19850412-****' },
    decision: { decidedOn: '2026-03-12', title: 'Beslut om begäran om radering' },
    receivedOn: '2026-03-30',
    channel: 'portal',
    changeWanted: 'Jag vill att uppgifterna om min gamla adress raderas.',
    reasons: 'Bygglovet är avslutat sedan länge. Uppgifterna behövs inte längre.',
    signature: { signedAt: '2026-03-30T08:15:00Z', summary: 'Jag överklagar beslutet i ärende BN 2026/00123.' },
    attachments: ['foto-tomt.jpg'],
    ...overrides,
  };
}

export function notificationProof(overrides: Partial<NotificationProofData> = {}): NotificationProofData {
  return {
    diarienummer: 'BN 2026/00123',
    pua,
    decision: { decidedOn: '2026-03-12', title: 'Beslut om begäran om radering' },
    notifiedOn: '2026-03-13',
    method: 'digital',
    firstOpenedAt: '2026-03-13T17:42:00Z',
    recordedBy: null,
    appealDeadline: '2026-04-03',
    ...overrides,
  };
}

export function caseFileIndex(overrides: Partial<CaseFileIndexData> = {}): CaseFileIndexData {
  return {
    diarienummer: 'BN 2026/00123',
    pua,
    entries: [
      { date: '2026-02-23', title: 'Begäran om registerutdrag och radering', fileName: 'begaran.pdf', secret: false },
      { date: '2026-03-02', title: 'Svar från systemägare, ByggR', fileName: 'svar-byggr.pdf', secret: false },
      { date: '2026-03-04', title: 'Utredning från socialtjänsten', fileName: 'utredning.pdf', secret: true },
      { date: '2026-03-12', title: 'Beslut', fileName: 'beslut.pdf', secret: false },
      { date: '2026-03-30', title: 'Överklagande', fileName: null, secret: false },
    ],
    ...overrides,
  };
}

export function delegationReport(overrides: Partial<DelegationReportData> = {}): DelegationReportData {
  return {
    kommun,
    pua,
    periodFrom: '2026-01-01',
    periodTo: '2026-03-31',
    meetingDate: '2026-04-22',
    rows: [
      { decidedOn: '2026-01-14', diarienummer: 'BN 2026/00012', caseKind: 'registerutdrag', type: 'delvis_bifall', delegate: 'Sven Svensson', delegationPoint: '4.1' },
      { decidedOn: '2026-02-03', diarienummer: 'BN 2026/00045', caseKind: 'forandring', type: 'avslag', delegate: 'Karin Lind', delegationPoint: '4.2' },
      { decidedOn: '2026-03-12', diarienummer: 'BN 2026/00123', caseKind: 'forandring', type: 'avslag', delegate: 'Sven Svensson', delegationPoint: '4.2' },
    ],
    ...overrides,
  };
}
