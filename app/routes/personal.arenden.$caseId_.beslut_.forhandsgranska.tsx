/**
 * The open decision's letter as a PDF marked UTKAST (issue #6): read before deciding or proposing.
 * Same guard and `?overklagande=…&typ=…` as the decision page; audited (decision-preview.server.ts).
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { previewDecisionLetter } from '~/models/decision-preview.server';
import { openDecision } from '~/models/decisions.server';
import { decisionScope } from '~/utils/decision-scope.server';
import { fileResponse } from '~/utils/file-response.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, found, purpose } = await decisionScope(request, params.caseId);
  const open = await openDecision(found.id, purpose);
  const pdf = open ? await previewDecisionLetter({ decisionId: open.id, caseId: found.id, staffId: scope.staffId }) : null;
  if (!pdf) throw new Response('Not Found', { status: 404 });
  const dnr = (found.diarienummer ?? 'arende').replace(/[^A-Za-z0-9]+/g, '-');
  return fileResponse({ filename: `utkast-beslut-${dnr}.pdf`, mimeType: 'application/pdf', bytes: pdf });
}
