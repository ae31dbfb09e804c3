/**
 * The guard of the decision pages (issue #6): a case I may handle, in a PUA where I may decide,
 * and the purpose of the decision — on the request, or answering a received appeal
 * (`?overklagande=<id>&typ=omprovning|avvisning`). Anything else is 404.
 */
import { getCaseAppeal } from '~/models/appeals.server';
import type { DecisionPurpose } from '~/models/decisions.server';
import { getStaffCase } from '~/models/staff-cases.server';
import { requireCaseScope } from './auth.server';

export async function decisionScope(request: Request, caseId: string | undefined) {
  const { scope, staff } = await requireCaseScope(request);
  const found = await getStaffCase(caseId ?? '', scope);
  if (!found || !found.access.handle) throw new Response('Not Found', { status: 404 });
  if (!scope.decidePua.includes(found.puaId)) throw new Response('Not Found', { status: 404 });
  const url = new URL(request.url);
  const appealId = url.searchParams.get('overklagande');
  let purpose: DecisionPurpose = { kind: 'request' };
  let appeal = null;
  if (appealId) {
    appeal = await getCaseAppeal(found.id, appealId);
    if (!appeal || appeal.status !== 'received') throw new Response('Not Found', { status: 404 });
    purpose = url.searchParams.get('typ') === 'avvisning'
      ? { kind: 'avvisning_sent_overklagande', appealId: appeal.id }
      : { kind: 'omprovning', appealId: appeal.id, changesDecisionId: appeal.decisionId };
  }
  return { scope, staff, found, purpose, appeal, search: url.search };
}
