/** The delegation report as PDF or CSV (issue #6), for the same PUAs and period as the page. */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { delegationReportCsv, renderDelegationReportPdf } from '~/documents/delegation-report.server';
import { delegationReportData } from '~/models/delegation-report.server';
import { fileResponse } from '~/utils/file-response.server';
import { reportScope } from './personal.delegationsbeslut._index';

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, period } = await reportScope(request);
  const data = await delegationReportData(period, scope.staffId);
  const format = new URL(request.url).searchParams.get('format');
  const name = `delegationsbeslut-${data.pua.name.replace(/[^A-Za-zÅÄÖåäö0-9]+/g, '-')}-${period.from}-${period.to}`;
  if (format === 'csv') return fileResponse({ filename: `${name}.csv`, mimeType: 'text/csv; charset=utf-8', bytes: Buffer.from(delegationReportCsv(data), 'utf8') });
  if (format === 'pdf') return fileResponse({ filename: `${name}.pdf`, mimeType: 'application/pdf', bytes: await renderDelegationReportPdf(data) });
  throw new Response('Not Found', { status: 404 });
}
