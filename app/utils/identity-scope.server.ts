/**
 * The guard of the reception and kontaktcenter pages (issue #8): a staff member who may verify
 * identities (verify:identity — reception, kontaktcenter), with the PUAs of their kommun(er) that
 * every lookup is scoped to, and their session (an identity check lives in the session it was made in).
 */
import { requireStaffWithPermission } from './auth.server';
import { getSession } from './session.server';

export async function requireVerifier(request: Request) {
  const { staff, puaIds } = await requireStaffWithPermission(request, 'verify:identity');
  const session = await getSession(request);
  if (!session) throw new Response('Not Found', { status: 404 });
  return { staff, puaIds, official: { staffId: staff.id, sessionId: session.id } };
}
