/**
 * The guard of the registerutdrag pages (issue #7): a case I handle, in a PUA where I compile
 * registerutdrag (compile:registerutdrag:pua), on a request that asks for one. Anything else is 404.
 */
import type { Right } from '~/domain/requests';
import { getStaffCase } from '~/models/staff-cases.server';
import { puaActivities } from '~/models/utdrag-items.server';
import { requireCaseScope } from './auth.server';

export async function utdragScope(request: Request, caseId: string | undefined) {
  const { scope, staff } = await requireCaseScope(request);
  const found = await getStaffCase(caseId ?? '', scope);
  if (!found?.access.handle || !(found.rights as Right[]).includes('registerutdrag')) throw new Response('Not Found', { status: 404 });
  if (!scope.compilePua.includes(found.puaId)) throw new Response('Not Found', { status: 404 });
  return { staff, found, activities: await puaActivities(found.puaId) };
}
