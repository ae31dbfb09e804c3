import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { validateCsrf } from '~/utils/csrf.server';
import { getSession, endSession } from '~/utils/session.server';

/** Logout revokes the session row (not only the cookie) and goes to the right start page. */
export async function action({ request }: ActionFunctionArgs) {
  await validateCsrf(await request.formData(), request);
  const session = await getSession(request);
  const headers = new Headers({ 'Set-Cookie': await endSession(request) });
  return redirect(session?.kind === 'staff' ? '/personal/logga-in' : '/', { headers });
}

export const loader = () => redirect('/');
