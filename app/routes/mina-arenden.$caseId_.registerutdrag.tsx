/**
 * Download of the registerutdrag package of the resident's case (issue #7): the ZIP streams from
 * the delivery store (ADR 011) to the browser, so a package of a gigabyte never sits in memory.
 * Logged; the first download is the digital delivery (utdrag-package.server.ts).
 */
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from '@remix-run/node';
import { contentDisposition } from '~/domain/file-types';
import { findResidentCase } from '~/models/resident-cases.server';
import { currentUtdragPackage, openUtdragPackageAsResident } from '~/models/utdrag-package.server';
import { todayInStockholm } from '~/utils/dates.server';
import { requireRecentResidentLogin } from '~/utils/auth.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const caseId = params.caseId ?? '';
  // Like every download of personal data (issue #4): only with a login more recent than the idle limit.
  const residentId = await requireRecentResidentLogin(request, `/mina-arenden/${caseId}`);
  const found = await findResidentCase(caseId, residentId);
  if (!found) throw new Response('Not Found', { status: 404 });
  // A HEAD (a browser or a download manager probing) is no download: it neither counts as the
  // delivery nor is logged as one. It answers only what a GET would, without the body.
  if (request.method === 'HEAD') {
    const p = await currentUtdragPackage(caseId);
    const available = p && p.deliveryMethod === 'portal' && (p.status === 'built' || p.status === 'delivered') && !(p.availableUntil && p.availableUntil < todayInStockholm());
    if (!available) throw new Response('Not Found', { status: 404 });
    return new Response(null, { headers: { 'Content-Type': 'application/zip', ...(p.size !== null ? { 'Content-Length': String(p.size) } : {}), 'Cache-Control': 'no-store' } });
  }
  const opened = await openUtdragPackageAsResident(caseId, residentId);
  if (!opened) throw new Response('Not Found', { status: 404 });
  // A stream that fails its integrity check mid-way errors the body: the download aborts rather than ends.
  return new Response(createReadableStreamFromReadable(opened.stream), {
    headers: {
      'Content-Type': 'application/zip',
      ...(opened.size !== null ? { 'Content-Length': String(opened.size) } : {}),
      'Content-Disposition': contentDisposition(packageFilename(found.diarienummer)),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** "SN 2026/17" → "registerutdrag-SN-2026-17.zip": no slash or space for the person's file system to trip on. */
function packageFilename(diarienummer: string | null): string {
  const slug = (diarienummer ?? '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug ? `registerutdrag-${slug}.zip` : 'registerutdrag.zip';
}
