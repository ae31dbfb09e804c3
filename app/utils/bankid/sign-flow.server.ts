/**
 * The web side of a resident's BankID signature (issues #4 and #6), shared by filing a request and
 * filing an appeal: start the order for the logged-in resident, follow it on a status page, verify
 * the completed signature against the payload, and cancel. What is signed, and what happens once
 * it is, belong to the caller.
 */
import { json, redirect, type AppLoadContext } from '@remix-run/node';
import { findFlowOrder } from '~/models/bankid-orders.server';
import { getResidentPersonnummer } from '~/models/resident.server';
import { getSession } from '../session.server';
import { bankIdStartLimiter } from '../start-limit.server';
import { callerForStart, clearFlowCookie, getFlowToken } from './cookies.server';
import { orderStatus } from './login-routes.server';
import { cancelFlowOrder, cancelOrder, refreshOrder } from './service.server';
import { completeSigning, SignatureMismatchError, startSigning, type SignatureEvidence } from './sign.server';

/** Starts the sign order (cancelling any earlier one of this browser) and goes to `statusPage`. */
export async function startSignFlow(
  request: Request,
  context: AppLoadContext,
  input: { residentId: string; summaryMarkdown: string; payload: unknown; method: 'qr' | 'autostart'; statusPage: string },
) {
  const session = await getSession(request);
  const pnr = await getResidentPersonnummer(input.residentId);
  if (!session || !pnr) throw redirect('/logga-in');
  const previous = await getFlowToken(request);
  if (previous) await cancelFlowOrder(previous, 'sign');
  const { caller, setCookies } = await callerForStart(request, context.clientIp);
  if (!bankIdStartLimiter().allow(caller.deviceIdentifier)) throw new Response('Too Many Requests', { status: 429 });
  await startSigning(caller, { summaryMarkdown: input.summaryMarkdown, payload: input.payload, signerPnr: pnr, sessionId: session.id, method: input.method });
  const headers = new Headers();
  for (const c of setCookies) headers.append('Set-Cookie', c);
  return redirect(input.statusPage, { headers });
}

/**
 * The status page's loader: follows the order; when it is complete and the resident signed exactly
 * `payload`, `onSigned` files what was signed and returns where to go. Without an order: `back`.
 */
export async function signFlowStatus(
  request: Request,
  input: { residentId: string; payload: unknown; title: string; back: string; onSigned: (evidence: SignatureEvidence) => Promise<string> },
) {
  const flowToken = await getFlowToken(request);
  const existing = flowToken ? await findFlowOrder(flowToken, 'sign') : null;
  if (!existing) throw redirect(input.back);
  const order = await refreshOrder(existing);
  if (order.status === 'complete') {
    const pnr = await getResidentPersonnummer(input.residentId);
    try {
      const evidence = await completeSigning(order, input.payload, pnr ?? '');
      if (!evidence) throw redirect(input.back);
      const next = await input.onSigned(evidence);
      throw redirect(next, { headers: { 'Set-Cookie': await clearFlowCookie() } });
    } catch (error) {
      if (!(error instanceof SignatureMismatchError)) throw error;
      return json({ ...(await orderStatus(order, request, input.title)), state: 'failed' as const, mismatch: true });
    }
  }
  return json({ ...(await orderStatus(order, request, input.title)), mismatch: false }, { headers: { 'Cache-Control': 'no-store' } });
}

/** "Avbryt" on the status page: cancels the order at BankID and goes `back`. */
export async function cancelSignFlow(request: Request, back: string) {
  const flowToken = await getFlowToken(request);
  const order = flowToken ? await findFlowOrder(flowToken, 'sign') : null;
  if (order) await cancelOrder(order);
  return redirect(back);
}
