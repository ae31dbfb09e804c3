/** The package sent to förvaltningsrätten (ZIP), for staff with content access to the case; audited. */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { readCourtPackage } from '~/models/appeal-forwarding.server';
import { getStaffCase } from '~/models/staff-cases.server';
import { requireCaseScope } from '~/utils/auth.server';
import { fileResponse } from '~/utils/file-response.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireCaseScope(request);
  const found = await getStaffCase(params.caseId ?? '', scope);
  if (!found?.access.content) throw new Response('Not Found', { status: 404 });
  const pkg = await readCourtPackage({ caseId: found.id, appealId: params.appealId ?? '', staffId: scope.staffId });
  if (!pkg) throw new Response('Not Found', { status: 404 });
  return fileResponse({ filename: pkg.filename, mimeType: 'application/zip', bytes: pkg.bytes });
}
