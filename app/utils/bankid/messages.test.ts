import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_HINT_CODES, rfaFor, type RfaCode } from './messages';

const texts = (lng: string) => JSON.parse(fs.readFileSync(`locales/${lng}/bankid.json`, 'utf8')).rfa as Record<RfaCode, string>;

// The mapping table in ../shared/BANKID.md "Recommended user messages".
describe('rfaFor', () => {
  it.each([
    [{ status: 'pending', hintCode: 'outstandingTransaction' }, 'qr', 'RFA1'],
    [{ status: 'pending', hintCode: 'outstandingTransaction' }, 'autostart', 'RFA13'],
    [{ status: 'pending', hintCode: 'noClient' }, 'qr', 'RFA1'],
    [{ status: 'pending', hintCode: 'started' }, 'autostart', 'RFA15A'],
    [{ status: 'pending', hintCode: 'userSign' }, 'qr', 'RFA9'],
    [{ status: 'pending', hintCode: 'userMrtd' }, 'qr', 'RFA23'],
    [{ status: 'pending', hintCode: 'userCallConfirm' }, 'phone', 'RFA21'],
    [{ status: 'pending', hintCode: 'somethingNew' }, 'qr', 'RFA21'],
    [{ status: 'failed', hintCode: 'userCancel' }, 'qr', 'RFA6'],
    [{ status: 'failed', hintCode: 'cancelled' }, 'qr', 'RFA3'],
    [{ status: 'failed', hintCode: 'expiredTransaction' }, 'qr', 'RFA8'],
    [{ status: 'failed', hintCode: 'certificateErr' }, 'qr', 'RFA16'],
    [{ status: 'failed', hintCode: 'startFailed' }, 'qr', 'RFA17B'],
    [{ status: 'failed', hintCode: 'startFailed' }, 'autostart', 'RFA17A'],
    [{ status: 'failed', hintCode: 'somethingNew' }, 'qr', 'RFA22'],
    [{ status: 'error', errorCode: 'alreadyInProgress' }, 'qr', 'RFA4'],
    [{ status: 'error', errorCode: 'maintenance' }, 'qr', 'RFA5'],
    [{ status: 'error', errorCode: 'requestTimeout' }, 'qr', 'RFA5'],
    [{ status: 'error', errorCode: 'internalError' }, 'qr', 'RFA5'],
    [{ status: 'error', errorCode: 'tooManyRequests' }, 'qr', 'RFA5'],
    [{ status: 'error', errorCode: 'invalidParameters' }, 'qr', 'RFA22'],
  ] as const)('%j via %s → %s', (state, method, code) => {
    expect(rfaFor(state, method)).toBe(code);
  });

  it('mobile devices get the "enheten" variant', () => {
    expect(rfaFor({ status: 'pending', hintCode: 'started' }, 'autostart', 'mobile')).toBe('RFA15B');
  });

  it.each(['sv', 'en'])('every documented hint code has a %s text', (lng) => {
    const t = texts(lng);
    for (const hintCode of ALL_HINT_CODES.pending) for (const m of ['qr', 'autostart', 'phone'] as const) expect(t[rfaFor({ status: 'pending', hintCode }, m)]).toBeTruthy();
    for (const hintCode of ALL_HINT_CODES.failed) for (const m of ['qr', 'autostart', 'phone'] as const) expect(t[rfaFor({ status: 'failed', hintCode }, m)]).toBeTruthy();
  });

  it('uses BankID’s recommended wording', () => {
    expect(texts('sv').RFA1).toBe('Starta BankID-appen.');
    expect(texts('en').RFA9).toBe('Enter your security code in the BankID app and select Identify or Sign.');
  });
});
