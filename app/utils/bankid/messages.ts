/**
 * Which of BankID's recommended user messages (RFA codes, ../shared/BANKID.md) to show for an
 * order's state. Pure; the texts themselves are in locales/{sv,en}/bankid.json under `rfa.<code>`.
 */
import { FAILED_HINT_CODES, PENDING_HINT_CODES } from './types';

export type RfaCode =
  | 'RFA1' | 'RFA3' | 'RFA4' | 'RFA5' | 'RFA6' | 'RFA8' | 'RFA9' | 'RFA13' | 'RFA15A' | 'RFA15B'
  | 'RFA16' | 'RFA17A' | 'RFA17B' | 'RFA21' | 'RFA22' | 'RFA23';

/** How the person was asked to start the app: QR on another device, autostart on this one, or a phone call. */
export type StartMethod = 'qr' | 'autostart' | 'phone';
export type Device = 'desktop' | 'mobile';

export type OrderState =
  | { status: 'pending'; hintCode: string }
  | { status: 'failed'; hintCode: string }
  | { status: 'error'; errorCode: string };

export function rfaFor(state: OrderState, method: StartMethod, device: Device = 'desktop'): RfaCode {
  if (state.status === 'error') {
    if (state.errorCode === 'alreadyInProgress') return 'RFA4';
    if (['requestTimeout', 'maintenance', 'internalError', 'tooManyRequests'].includes(state.errorCode)) return 'RFA5';
    return 'RFA22';
  }
  if (state.status === 'pending') {
    switch (state.hintCode) {
      case 'outstandingTransaction':
        return method === 'autostart' ? 'RFA13' : 'RFA1';
      case 'noClient':
        return 'RFA1';
      case 'started':
        return device === 'mobile' ? 'RFA15B' : 'RFA15A';
      case 'userSign':
        return 'RFA9';
      case 'userMrtd':
        return 'RFA23';
      default: // userCallConfirm and codes BankID adds later
        return 'RFA21';
    }
  }
  switch (state.hintCode) {
    case 'userCancel':
    case 'userDeclinedCall':
      return 'RFA6';
    case 'cancelled':
      return 'RFA3';
    case 'expiredTransaction':
      return 'RFA8';
    case 'certificateErr':
      return 'RFA16';
    case 'startFailed':
      return method === 'autostart' ? 'RFA17A' : 'RFA17B';
    default: // notSupportedByUserApp, transactionRiskBlocked and unknown codes
      return 'RFA22';
  }
}

/** Every code the API documents, for tests that walk them all. */
export const ALL_HINT_CODES = { pending: PENDING_HINT_CODES, failed: FAILED_HINT_CODES };
