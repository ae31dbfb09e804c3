/**
 * A registerutdrag just handed over at the reception (issue #8), as one PDF to print at the desk:
 * the följebrev, "Dina uppgifter" and the documents, with no address page. For the official who
 * handed it over, for twelve hours; rendered on request, audited, never cached, a download like
 * every file of personal data (ADR 013, addendum).
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { printHandedOverPackage } from '~/models/utdrag-pickup.server';
import { requireStaffWithPermission } from '~/utils/auth.server';
import { fileResponse } from '~/utils/file-response.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { staff } = await requireStaffWithPermission(request, 'handover:package:kommun');
  const printed = await printHandedOverPackage(params.packageId ?? '', staff.id);
  if (!printed.ok) {
    // Changed since it was built: printing the case now would not give the person what they were handed.
    if (printed.error === 'changed') throw new Response('Conflict', { status: 409 });
    throw new Response('Not Found', { status: 404 });
  }
  const slug = printed.diarienummer.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return fileResponse({ filename: slug ? `registerutdrag-${slug}.pdf` : 'registerutdrag.pdf', mimeType: 'application/pdf', bytes: printed.pdf });
}
