/**
 * The guard of the reception and kontaktcenter pages (issue #8): a staff member who may verify
 * identities (verify:identity — reception, kontaktcenter), with the PUAs of their kommun(er) that
 * every lookup is scoped to, and their session (an identity check lives in the session it was made in).
 */
import { redirect } from '@remix-run/node';
import { activeCheck } from '~/models/identity-checks.server';
import { requireStaffWithPermission } from './auth.server';
import { getSession } from './session.server';

export async function requireVerifier(request: Request) {
  const { staff, puaIds } = await requireStaffWithPermission(request, 'verify:identity');
  const session = await getSession(request);
  if (!session) throw new Response('Not Found', { status: 404 });
  return { staff, puaIds, official: { staffId: staff.id, sessionId: session.id } };
}

/**
 * The person an identity check verified, for the official who made it, in this session, while
 * it holds; otherwise back to identifying: a check outlives neither its conversation nor its session.
 */
export async function requireVerifiedPerson(request: Request, checkId: string | undefined) {
  const scope = await requireVerifier(request);
  const check = await activeCheck(checkId ?? '', scope.official);
  if (!check) throw redirect('/personal/besokare?utgangen=1');
  return { ...scope, check };
}
