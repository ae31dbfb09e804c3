/**
 * The ZIP of a registerutdrag just handed over at the reception (issue #8), to put on the medium
 * the person takes home: for the official who handed it over, for twelve hours; audited, never cached.
 */
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from '@remix-run/node';
import { contentDisposition } from '~/domain/file-types';
import { openHandedOverPackage } from '~/models/utdrag-pickup.server';
import { requireStaffWithPermission } from '~/utils/auth.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { staff } = await requireStaffWithPermission(request, 'handover:package:kommun');
  const opened = await openHandedOverPackage(params.packageId ?? '', staff.id);
  if (!opened) throw new Response('Not Found', { status: 404 });
  const slug = opened.diarienummer.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return new Response(createReadableStreamFromReadable(opened.stream), {
    headers: {
      'Content-Type': 'application/zip',
      ...(opened.size !== null ? { 'Content-Length': String(opened.size) } : {}),
      'Content-Disposition': contentDisposition(slug ? `registerutdrag-${slug}.zip` : 'registerutdrag.zip'),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
