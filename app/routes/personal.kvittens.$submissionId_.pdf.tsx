/**
 * The kvittens of a visitor's request as a PDF to print and hand over (issue #8): in the request's
 * language, or `?sprak=sv|en`. For the official who registered it; audited, never cached.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { renderWalkInReceipt } from '~/documents/kvittens.server';
import { getVisitorReceipt } from '~/models/visitor-request.server';
import { requireStaffWithPermission } from '~/utils/auth.server';
import { fileResponse } from '~/utils/file-response.server';
import { isLng } from '~/utils/i18next.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { staff, puaIds } = await requireStaffWithPermission(request, 'register:request:visitor');
  const receipt = await getVisitorReceipt(params.submissionId ?? '', { staffId: staff.id, puaIds });
  if (!receipt) throw new Response('Not Found', { status: 404 });
  const asked = new URL(request.url).searchParams.get('sprak');
  const { id: _id, checkId: _checkId, ...data } = receipt;
  const pdf = await renderWalkInReceipt({ ...data, language: isLng(asked) ? asked : receipt.language });
  return fileResponse({ filename: `kvittens-${receipt.reference}.pdf`, mimeType: 'application/pdf', bytes: pdf });
}
