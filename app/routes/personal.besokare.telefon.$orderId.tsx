/**
 * Phone identification, the status (issue #8): the official follows the BankID order they started
 * (only from the session that started it; any other gets 404). On completion the caller's identity
 * is recorded as an identity check — once per order, however often the page is polled — and the
 * official goes on to the check's page, where they register a request or give status.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { PhoneIdentificationStatus } from '~/components/office/phone-identification';
import { findSessionOrder } from '~/models/bankid-orders.server';
import { recordPhoneCheckOnce } from '~/models/identity-checks.server';
import { followPhoneIdentification } from '~/utils/bankid/phone.server';
import { cancelOrder } from '~/utils/bankid/service.server';
import { validateCsrf } from '~/utils/csrf.server';
import { i18next } from '~/utils/i18next.server';
import { requireVerifier } from '~/utils/identity-scope.server';
import { pageMeta } from '~/utils/page-meta';
import { isUuid } from '~/domain/uuid';

export const handle = { i18n: ['phoneid', 'bankid'] };

const START = '/personal/besokare/telefon';


function orderIdOf(params: LoaderFunctionArgs['params']): string {
  const orderId = params.orderId ?? '';
  if (!isUuid(orderId)) throw new Response('Not Found', { status: 404 });
  return orderId;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { official } = await requireVerifier(request);
  const orderId = orderIdOf(params);
  const followed = await followPhoneIdentification(orderId, official.sessionId, official.staffId);
  if (!followed) throw new Response('Not Found', { status: 404 });
  if (followed.state === 'verified') {
    const checkId = await recordPhoneCheckOnce(official, { personnummer: followed.personnummer, name: followed.name, bankidOrderId: orderId });
    throw redirect(`/personal/besokare/${checkId}`);
  }
  const t = await i18next.getFixedT(request, ['phoneid', 'common']);
  const title = t(followed.state === 'pending' ? 'phoneid:status.title' : 'phoneid:status.failedTitle');
  return json({ title: `${title} – ${t('common:service.name')}`, state: followed.state, rfa: followed.rfa, orderId });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

/** "Avbryt": ends the official's own pending order at BankID, so that a new start for the caller is not refused. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { official } = await requireVerifier(request);
  const orderId = orderIdOf(params);
  const form = await request.formData();
  await validateCsrf(form, request);
  const order = await findSessionOrder(orderId, official.sessionId);
  if (!order) throw new Response('Not Found', { status: 404 });
  if (form.get('intent') !== 'cancel') throw new Response('Bad Request', { status: 400 });
  await cancelOrder(order);
  return redirect(START);
}

export default function PhoneIdentificationPage() {
  const d = useLoaderData<typeof loader>();
  return <PhoneIdentificationStatus state={d.state} rfa={d.rfa} here={`${START}/${d.orderId}`} startOver={START} />;
}
