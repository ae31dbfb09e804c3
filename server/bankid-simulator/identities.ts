/**
 * Test identities the simulated BankID app can act as. Personal numbers use birth numbers in the
 * 98xx range (the range Skatteverket sets aside for test personnummer) with a correct check
 * digit, so they pass the portal's validation yet never belong to a real person.
 * Any other valid personnummer can be typed in; it then gets a default name.
 */

export type Risk = 'low' | 'moderate' | 'high';

export interface TestIdentity {
  personalNumber: string;
  givenName: string;
  surname: string;
  /** Date the person's BankID was issued, as BankID reports it (YYYY-MM-DD). */
  bankIdIssueDate: string;
  /** Reported as completionData.risk when the RP asked for it (returnRisk). */
  risk: Risk;
  /** A blocked or expired BankID: any attempt to use it fails with certificateErr. */
  revoked: boolean;
  /** Why this identity exists, shown on the simulator page (Swedish, like the page). */
  note: string;
}

export const TEST_IDENTITIES: readonly TestIdentity[] = [
  { personalNumber: '197803149827', givenName: 'Anna', surname: 'Lindqvist', bankIdIssueDate: '2021-03-15', risk: 'low', revoked: false, note: 'personal (demo)' },
  { personalNumber: '198705199837', givenName: 'Erik', surname: 'Holm', bankIdIssueDate: '2022-09-01', risk: 'low', revoked: false, note: 'personal (demo)' },
  { personalNumber: '198001019804', givenName: 'Anna', surname: 'Andersson', bankIdIssueDate: '2020-01-20', risk: 'low', revoked: false, note: 'invånare' },
  { personalNumber: '196504129815', givenName: 'Sven', surname: 'Svensson', bankIdIssueDate: '2019-06-11', risk: 'low', revoked: false, note: 'invånare' },
  { personalNumber: '201003219829', givenName: 'Elsa', surname: 'Svensson', bankIdIssueDate: '2024-04-02', risk: 'low', revoked: false, note: 'barn (under 18)' },
  { personalNumber: '199211059838', givenName: 'Karl', surname: 'Högberg', bankIdIssueDate: '2023-11-30', risk: 'high', revoked: false, note: 'hög risk' },
  { personalNumber: '195706289849', givenName: 'Lena', surname: 'Berg', bankIdIssueDate: '2015-02-17', risk: 'low', revoked: true, note: 'spärrat BankID → certificateErr' },
  // BankID says nothing of these two: the flag reaches the portal only through the folkbokföring.
  { personalNumber: '199005149829', givenName: 'Maja', surname: 'Ekström', bankIdIssueDate: '2022-05-10', risk: 'low', revoked: false, note: 'skyddade personuppgifter (skyddad folkbokföring i demo-folkbokföringen)' },
  { personalNumber: '198209219826', givenName: 'Jonas', surname: 'Nyberg', bankIdIssueDate: '2021-10-04', risk: 'low', revoked: false, note: 'skyddade personuppgifter (sekretessmarkering i demo-folkbokföringen)' },
];

/** A 12-digit personnummer (or samordningsnummer, day + 60) with a real date and Luhn check digit. */
export function isValidPersonalNumber(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(4, 6));
  let day = Number(value.slice(6, 8));
  if (day > 60) day -= 60;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return luhnCheckDigit(value.slice(2, 11)) === Number(value[11]);
}

function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  }
  return (10 - (sum % 10)) % 10;
}

export function findIdentity(personalNumber: string): TestIdentity | undefined {
  return TEST_IDENTITIES.find((i) => i.personalNumber === personalNumber);
}

/**
 * The identity for a personal number: a configured one, or an ad-hoc one for any valid number.
 * A typed name overrides the configured name (the last word becomes the surname).
 * Returns undefined for an invalid personal number.
 */
export function resolveIdentity(personalNumber: string, name?: string): TestIdentity | undefined {
  const pnr = personalNumber.replace(/\D/g, '');
  if (!isValidPersonalNumber(pnr)) return undefined;
  const base: TestIdentity = findIdentity(pnr) ?? {
    personalNumber: pnr,
    givenName: 'Test',
    surname: 'Testsson',
    bankIdIssueDate: '2020-01-01',
    risk: 'low',
    revoked: false,
    note: 'inskrivet',
  };
  const trimmed = name?.trim().replace(/\s+/g, ' ');
  if (!trimmed) return base;
  const parts = trimmed.split(' ');
  const surname = parts.length > 1 ? (parts.pop() as string) : '';
  return { ...base, givenName: parts.join(' '), surname };
}

export function fullName(identity: Pick<TestIdentity, 'givenName' | 'surname'>): string {
  return [identity.givenName, identity.surname].filter(Boolean).join(' ');
}
