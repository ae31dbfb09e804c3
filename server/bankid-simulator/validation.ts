/**
 * Request validation for the RP endpoints, as strict as BankID's: a request the simulator
 * accepts should be accepted by BankID, so mistakes in the portal's client show up locally.
 * Unknown parameters are rejected too, which catches misspelt field names early.
 */
import net from 'node:net';
import { z } from 'zod';
import type { OrderRequest, OrderType } from './state';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const base64 = (maxLength: number) =>
  z.string().min(1, 'must not be empty').max(maxLength, `must be at most ${maxLength} characters`).regex(BASE64, 'must be base64 encoded');

const personalNumber = z.string().regex(/^\d{12}$/, 'must be 12 digits (YYYYMMDDNNNN)');

const requirement = z
  .object({
    pinCode: z.boolean(),
    mrtd: z.boolean(),
    cardReader: z.enum(['class1', 'class2']),
    personalNumber,
    certificatePolicies: z.array(z.string().regex(/^\d+(\.\d+)+$/, 'must be an OID such as 1.2.3.4.25')).min(1).max(20),
  })
  .partial()
  .strict();

const web = z
  .object({
    referringDomain: z.string().min(1).max(253),
    userAgent: z.string().min(1).max(256),
    deviceIdentifier: z.string().min(1).max(64),
  })
  .partial()
  .strict();

const app = z
  .object({
    appIdentifier: z.string().min(1).max(256),
    deviceOS: z.string().min(1).max(256),
    deviceModelName: z.string().min(1).max(256),
    deviceIdentifier: z.string().min(1).max(64),
  })
  .partial()
  .strict();

const endUserIp = z.string().refine((ip) => net.isIP(ip) !== 0, 'must be an IPv4 or IPv6 address');

const returnUrl = z
  .string()
  .min(1)
  .max(512, 'must be at most 512 characters')
  .refine((url) => URL.canParse(url), 'must be an absolute URL');

const common = {
  requirement: requirement.optional(),
  userVisibleData: base64(40_000).optional(),
  userVisibleDataFormat: z.literal('simpleMarkdownV1').optional(),
  userNonVisibleData: base64(200_000).optional(),
};

const authShape = z
  .object({ endUserIp, ...common, returnUrl: returnUrl.optional(), returnRisk: z.boolean().optional(), web: web.optional(), app: app.optional() })
  .strict();
const phoneShape = z.object({ personalNumber, callInitiator: z.enum(['user', 'RP']), ...common }).strict();

const notBothWebAndApp = (v: { web?: unknown; app?: unknown }, ctx: z.RefinementCtx) => {
  if (v.web && v.app) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['app'], message: 'web and app cannot both be given' });
};

const SCHEMAS: Record<OrderType, z.ZodTypeAny> = {
  auth: authShape.superRefine(notBothWebAndApp),
  sign: authShape.extend({ userVisibleData: base64(40_000) }).superRefine(notBothWebAndApp),
  'phone/auth': phoneShape,
  'phone/sign': phoneShape.extend({ userVisibleData: base64(40_000) }),
};

const orderRefBody = z.object({ orderRef: z.string().min(1, 'must not be empty') });

export type Validated<T> = { ok: true; value: T } | { ok: false; details: string };

export function validateOrderRequest(type: OrderType, body: unknown): Validated<OrderRequest> {
  const result = SCHEMAS[type].safeParse(body);
  if (!result.success) return { ok: false, details: describe(result.error) };
  return { ok: true, value: { ...(result.data as Omit<OrderRequest, 'type'>), type } };
}

export function validateOrderRef(body: unknown): Validated<string> {
  const result = orderRefBody.safeParse(body);
  return result.success ? { ok: true, value: result.data.orderRef } : { ok: false, details: describe(result.error) };
}

/** One readable sentence per problem, e.g. "Missing endUserIp; Invalid web.userAgent: ...". */
function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const at = issue.path.join('.');
      if (issue.code === 'unrecognized_keys') return `Unknown parameter: ${issue.keys.map((k) => (at ? `${at}.${k}` : k)).join(', ')}`;
      if (issue.code === 'invalid_type' && issue.received === 'undefined') return `Missing ${at}`;
      if (issue.code === 'invalid_type' && at === '') return 'Request body must be a JSON object';
      return `Invalid ${at || 'request'}: ${issue.message}`;
    })
    .join('; ');
}
