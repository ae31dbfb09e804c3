/** Download of a file sent with a message in the resident's case (logged; fresh login required). */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { openMessageAttachmentAsResident } from '~/models/case-messages.server';
import { requireRecentResidentLogin } from '~/utils/auth.server';
import { fileResponse } from '~/utils/file-response.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const residentId = await requireRecentResidentLogin(request, `/mina-arenden/${params.caseId}`);
  const file = await openMessageAttachmentAsResident(params.fileId ?? '', params.caseId ?? '', residentId);
  if (!file) throw new Response('Not Found', { status: 404 });
  return fileResponse(file);
}
