/**
 * The följebrev as the package will carry it (issue #7), for the samordnare who prepares it and the
 * one who approves it — read before the package goes out. Only once every item is reviewed and any
 * exclusion decided (the letter states the beslut). Audited: it shows the case's personal data.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { previewFoljebrev } from '~/models/utdrag-package.server';
import { fileResponse } from '~/utils/file-response.server';
import { utdragScope } from '~/utils/utdrag-scope.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { staff, found } = await utdragScope(request, params.caseId);
  const pdf = await previewFoljebrev(found.id, staff.id);
  if (!pdf) throw new Response('Not Found', { status: 404 });
  const dnr = (found.diarienummer ?? 'arende').replace(/[^A-Za-z0-9]+/g, '-');
  return fileResponse({ filename: `utkast-foljebrev-${dnr}.pdf`, mimeType: 'application/pdf', bytes: pdf });
}
