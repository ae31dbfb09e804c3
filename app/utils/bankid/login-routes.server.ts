/**
 * Loader and action logic shared by the resident login (/logga-in) and the staff login
 * (/personal/logga-in). Both follow the same protocol; staff additionally need `pinCode` and a
 * pre-provisioned personnummer, and get a shorter session.
 */
import { json, redirect, type AppLoadContext } from '@remix-run/node';
import { findFlowOrder, updateOrder, type BankIdOrder } from '~/models/bankid-orders.server';
import { validateCsrf } from '../csrf.server';
import { loadEnv } from '../env.server';
import { i18next } from '../i18next.server';
import { bankIdStartLimiter } from '../start-limit.server';
import { callerForStart, clearFlowCookie, getFlowToken } from './cookies.server';
import { finishResidentLogin, finishStaffLogin, safeRedirect } from './login.server';
import type { Device, RfaCode } from './messages';
import { cancelFlowOrder, cancelOrder, consumeCompletedOrder, qrSvg, refreshOrder, startOrder, viewOf } from './service.server';

export type LoginKind = 'resident' | 'staff';

const LOGIN = {
  resident: { purpose: 'login_resident', base: '/logga-in', home: '/mina-arenden', requirement: undefined },
  staff: { purpose: 'login_staff', base: '/personal/logga-in', home: '/personal', requirement: { pinCode: true } },
} as const;

export const loginBase = (kind: LoginKind) => LOGIN[kind].base;

function deviceOf(request: Request): Device {
  return /Android|iPhone|iPad|iPod|Mobile/i.test(request.headers.get('User-Agent') ?? '') ? 'mobile' : 'desktop';
}

export async function startLoginAction(request: Request, context: AppLoadContext, kind: LoginKind) {
  const form = await request.formData();
  await validateCsrf(form, request);
  const method = form.get('method');
  if (method !== 'qr' && method !== 'autostart') throw new Response('Bad Request', { status: 400 });
  const cfg = LOGIN[kind];
  const redirectTo = safeRedirect(String(form.get('redirectTo') ?? ''), cfg.home);
  const t = await i18next.getFixedT(request, 'bankid');
  // A new start in the same browser ends the order it had going (the new one gets a new flow token).
  const previousFlow = await getFlowToken(request);
  if (previousFlow) await cancelFlowOrder(previousFlow, cfg.purpose);
  const { caller, setCookies } = await callerForStart(request, context.clientIp);
  if (!bankIdStartLimiter().allow(caller.deviceIdentifier)) throw new Response('Too Many Requests', { status: 429 });
  await startOrder(caller, { purpose: cfg.purpose, method, visibleText: t(`visibleText.${kind}`), redirectTo, requirement: cfg.requirement });
  const headers = new Headers();
  for (const c of setCookies) headers.append('Set-Cookie', c);
  return redirect(`${cfg.base}/bankid`, { headers });
}

export type LoginStatus = {
  title: string;
  state: 'pending' | 'failed' | 'refused';
  rfa: RfaCode | null;
  refusal: 'risk' | 'unknown-staff' | null;
  qrDataUri: string | null;
  autostartUrl: string | null;
  method: string;
  simulatorAppUrl: string | null;
};

/**
 * What a BankID status page shows for an order: the RFA message, the current QR code, the
 * autostart link. Shared by login and signing.
 */
export async function orderStatus(order: BankIdOrder, request: Request, title: string): Promise<LoginStatus> {
  const device = deviceOf(request);
  const refusal = (order.details?.refused as LoginStatus['refusal']) ?? null;
  if (refusal) return { title, state: 'refused', rfa: null, refusal, qrDataUri: null, autostartUrl: null, method: order.startMethod, simulatorAppUrl: null };
  const view = viewOf(order, device);
  const qr = view.showQr ? await qrSvg(order) : null;
  const env = loadEnv();
  const autostartUrl = view.autoStartToken
    ? device === 'mobile'
      ? `https://app.bankid.com/?autostarttoken=${view.autoStartToken}&redirect=null`
      : `bankid:///?autostarttoken=${view.autoStartToken}&redirect=null`
    : null;
  return {
    title,
    state: view.state === 'complete' ? 'pending' : view.state,
    rfa: view.rfa,
    refusal: null,
    qrDataUri: qr ? `data:image/svg+xml;base64,${Buffer.from(qr).toString('base64')}` : null,
    autostartUrl,
    method: order.startMethod,
    // In simulator mode the "app" is a web page on the control port (README "BankID simulator").
    simulatorAppUrl: env.BANKID_MODE === 'simulator' ? `http://localhost:${env.BANKID_SIM_CONTROL_PORT}/` : null,
  };
}

/** The status page's loader: collects (cached 2 s), and on completion logs the person in once. */
export async function loginStatusLoader(request: Request, context: AppLoadContext, kind: LoginKind) {
  const cfg = LOGIN[kind];
  const flowToken = await getFlowToken(request);
  const existing = flowToken ? await findFlowOrder(flowToken, cfg.purpose) : null;
  if (!existing) throw redirect(cfg.base);
  const order = await refreshOrder(existing);
  const t = await i18next.getFixedT(request, ['bankid', 'common']);
  const title = `${t('bankid:status.pageTitle')} – ${t('common:service.name')}`;
  if (order.status === 'complete' && !order.consumedAt) {
    const consumed = await consumeCompletedOrder(order);
    if (consumed) {
      const outcome = kind === 'resident' ? await finishResidentLogin(request, consumed, context.clientIp) : await finishStaffLogin(request, consumed, context.clientIp);
      if (outcome.ok) {
        const headers = new Headers();
        headers.append('Set-Cookie', outcome.setCookie);
        headers.append('Set-Cookie', await clearFlowCookie());
        throw redirect(outcome.redirectTo, { headers });
      }
      const refused = await updateOrder(order.id, { details: { ...(order.details ?? {}), refused: outcome.reason } });
      return json(await orderStatus(refused, request, title));
    }
  }
  if (order.status === 'complete') throw redirect(cfg.base); // used already (another tab): start again
  return json(await orderStatus(order, request, title), { headers: { 'Cache-Control': 'no-store' } });
}

/** Cancel, or (without JavaScript) "Jag har legitimerat mig", which simply checks again. */
export async function loginStatusAction(request: Request, kind: LoginKind) {
  const cfg = LOGIN[kind];
  const form = await request.formData();
  await validateCsrf(form, request);
  if (form.get('intent') === 'cancel') {
    const flowToken = await getFlowToken(request);
    const order = flowToken ? await findFlowOrder(flowToken, cfg.purpose) : null;
    if (order) await cancelOrder(order);
    return redirect(cfg.base);
  }
  return redirect(`${cfg.base}/bankid`);
}
