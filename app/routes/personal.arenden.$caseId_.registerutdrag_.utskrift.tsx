/**
 * The print file of a registerutdrag sent by rekommenderat brev (issue #7): address page, följebrev,
 * the data and the documents in one PDF, for the samordnare of the case's PUA who posts it. It holds
 * the address (or, for skyddade personuppgifter, the personnummer for Skatteverket's inner envelope),
 * so it streams from the encrypted delivery store, is never cached, and every download is audited.
 */
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from '@remix-run/node';
import { contentDisposition } from '~/domain/file-types';
import { openPrintFile } from '~/models/utdrag-delivery.server';
import { utdragScope } from '~/utils/utdrag-scope.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { staff, found } = await utdragScope(request, params.caseId);
  const opened = await openPrintFile(found.id, staff.id);
  if (!opened) throw new Response('Not Found', { status: 404 });
  const dnr = (found.diarienummer ?? 'arende').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return new Response(createReadableStreamFromReadable(opened.stream), {
    headers: {
      'Content-Type': 'application/pdf',
      ...(opened.size !== null ? { 'Content-Length': String(opened.size) } : {}),
      'Content-Disposition': contentDisposition(`registerutdrag-${dnr}-utskrift.pdf`),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
