/**
 * The letter of a beslut just handed over at the reception (issue #8), to print for the person:
 * for the official who recorded the handover, for twelve hours; audited, never cached.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { openHandedOverDecision } from '~/models/decision-pickup.server';
import { requireStaffWithPermission } from '~/utils/auth.server';
import { fileResponse } from '~/utils/file-response.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { staff } = await requireStaffWithPermission(request, 'handover:package:kommun');
  const letter = await openHandedOverDecision(params.decisionId ?? '', staff.id);
  if (!letter) throw new Response('Not Found', { status: 404 });
  return fileResponse(letter);
}
