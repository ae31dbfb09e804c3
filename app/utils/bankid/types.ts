/** BankID RP API v6.0 types (../shared/BANKID.md; BankID's OpenAPI openapi-auth-sign-6.1.9). */

export type Requirement = {
  pinCode?: boolean;
  mrtd?: boolean;
  cardReader?: 'class1' | 'class2';
  certificatePolicies?: string[];
  /** Only this person (12 digits) may complete the order. */
  personalNumber?: string;
};

export type WebDeviceInfo = { referringDomain: string; userAgent: string; deviceIdentifier: string };
export type AppDeviceInfo = { appIdentifier: string; deviceOS: string; deviceModelName: string; deviceIdentifier: string };

type CommonOrder = {
  requirement?: Requirement;
  /** Base64 of UTF-8 text; auth shows it under "Mitt syfte:", sign shows it as the text to sign. */
  userVisibleData?: string;
  userVisibleDataFormat?: 'simpleMarkdownV1';
  /** Base64; not shown. We put the SHA-256 of the signed payload here. */
  userNonVisibleData?: string;
};

export type AuthRequest = CommonOrder & {
  endUserIp: string;
  returnUrl?: string;
  returnRisk?: boolean;
  web?: WebDeviceInfo;
  app?: AppDeviceInfo;
};

export type SignRequest = AuthRequest & { userVisibleData: string };

export type PhoneAuthRequest = CommonOrder & {
  personalNumber: string;
  callInitiator: 'user' | 'RP';
};

export type PhoneSignRequest = PhoneAuthRequest & { userVisibleData: string };

export type OrderResponse = { orderRef: string; autoStartToken: string; qrStartToken: string; qrStartSecret: string };
export type PhoneOrderResponse = { orderRef: string };

export const PENDING_HINT_CODES = ['outstandingTransaction', 'noClient', 'started', 'userMrtd', 'userCallConfirm', 'userSign'] as const;
export const FAILED_HINT_CODES = [
  'expiredTransaction',
  'certificateErr',
  'userCancel',
  'cancelled',
  'startFailed',
  'userDeclinedCall',
  'notSupportedByUserApp',
  'transactionRiskBlocked',
] as const;
export type PendingHintCode = (typeof PENDING_HINT_CODES)[number];
export type FailedHintCode = (typeof FAILED_HINT_CODES)[number];

export type CompletionData = {
  user: { personalNumber: string; name: string; givenName: string; surname: string };
  device: { ipAddress: string; uhi?: string };
  bankIdIssueDate: string;
  stepUp?: { mrtd: boolean };
  /** Base64 XML signature (echoes usrVisibleData / usrNonVisibleData). */
  signature: string;
  ocspResponse: string;
  risk?: 'low' | 'moderate' | 'high';
};

/** Unknown hint codes are possible (BankID adds them): go by `status`. */
export type CollectResponse =
  | { orderRef: string; status: 'pending'; hintCode: PendingHintCode | (string & {}) }
  | { orderRef: string; status: 'failed'; hintCode: FailedHintCode | (string & {}) }
  | { orderRef: string; status: 'complete'; completionData: CompletionData };

export const ERROR_CODES = [
  'alreadyInProgress',
  'invalidParameters',
  'unauthorized',
  'notFound',
  'methodNotAllowed',
  'requestTimeout',
  'unsupportedMediaType',
  'tooManyRequests',
  'internalError',
  'maintenance',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error answer from the RP API (`{errorCode, details}`), or a transport failure (`errorCode: 'transport'`). */
export class BankIdError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: ErrorCode | 'transport' | (string & {}),
    readonly details: string,
  ) {
    super(`BankID ${status} ${errorCode}: ${details}`);
    this.name = 'BankIdError';
  }
}
