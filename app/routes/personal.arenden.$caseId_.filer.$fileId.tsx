/** Download of a file of a case (request attachment, message file, task answer file, appeal file) for staff with content access. */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { openAppealFile } from '~/models/appeals.server';
import { openDocumentAsStaff } from '~/models/case-documents.server';
import { openCaseFileAsStaff } from '~/models/case-messages.server';
import { openTaskFile } from '~/models/case-tasks.server';
import { getStaffCase } from '~/models/staff-cases.server';
import { requireCaseScope } from '~/utils/auth.server';
import { fileResponse } from '~/utils/file-response.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireCaseScope(request);
  const found = await getStaffCase(params.caseId ?? '', scope);
  if (!found?.access.content) throw new Response('Not Found', { status: 404 });
  const file = (await openCaseFileAsStaff(params.fileId ?? '', found, scope.staffId)) ?? (await openTaskFile(params.fileId ?? '', found.id, scope.staffId)) ?? (await openAppealFile(params.fileId ?? '', found.id, scope.staffId)) ?? (await openDocumentAsStaff(params.fileId ?? '', found.id, scope.staffId));
  if (!file) throw new Response('Not Found', { status: 404 });
  return fileResponse(file);
}
