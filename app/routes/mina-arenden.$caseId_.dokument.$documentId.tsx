/**
 * Download of a letter, decision or registerutdrag package of the resident's case. Logged; the
 * first download is the digital delivery of the document (see case-documents.server.ts).
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { openDocumentAsResident } from '~/models/case-documents.server';
import { requireRecentResidentLogin } from '~/utils/auth.server';
import { fileResponse } from '~/utils/file-response.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const residentId = await requireRecentResidentLogin(request, `/mina-arenden/${params.caseId}`);
  const doc = await openDocumentAsResident(params.documentId ?? '', params.caseId ?? '', residentId);
  if (!doc) throw new Response('Not Found', { status: 404 });
  return fileResponse(doc);
}
