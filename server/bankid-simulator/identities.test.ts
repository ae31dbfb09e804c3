import { isValidPersonalNumber, resolveIdentity, TEST_IDENTITIES } from './identities';

describe('test identities', () => {
  it('have valid personnummer (date and Luhn check digit) and are unique', () => {
    for (const identity of TEST_IDENTITIES) expect(isValidPersonalNumber(identity.personalNumber), identity.personalNumber).toBe(true);
    expect(new Set(TEST_IDENTITIES.map((i) => i.personalNumber)).size).toBe(TEST_IDENTITIES.length);
  });

  it('include the demo staff, a child, a high-risk and a revoked identity', () => {
    expect(resolveIdentity('19780314-9827')).toMatchObject({ givenName: 'Anna', surname: 'Lindqvist' });
    expect(resolveIdentity('198705199837')).toMatchObject({ givenName: 'Erik', surname: 'Holm' });
    expect(TEST_IDENTITIES.some((i) => Number(i.personalNumber.slice(0, 4)) > new Date().getFullYear() - 18)).toBe(true);
    expect(TEST_IDENTITIES.some((i) => i.risk === 'high')).toBe(true);
    expect(TEST_IDENTITIES.some((i) => i.revoked)).toBe(true);
  });

  it('rejects a wrong check digit, an impossible date and the wrong length', () => {
    expect(isValidPersonalNumber('197803149828')).toBe(false);
    expect(isValidPersonalNumber('197802309826')).toBe(false);
    expect(isValidPersonalNumber('7803149827')).toBe(false);
    expect(resolveIdentity('197803149828')).toBeUndefined();
  });

  it('accepts any valid personnummer, including a samordningsnummer, with a typed name', () => {
    expect(isValidPersonalNumber('197803749824')).toBe(true); // day 14 + 60
    expect(resolveIdentity('198001019804', 'Karin  Maria Ek')).toMatchObject({ givenName: 'Karin Maria', surname: 'Ek', bankIdIssueDate: '2020-01-20' });
    expect(resolveIdentity('196504129815')).toMatchObject({ givenName: 'Sven', surname: 'Svensson' });
  });
});
