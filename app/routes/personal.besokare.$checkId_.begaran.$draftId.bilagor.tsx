/**
 * The visitor's attachments: for an ombud or god man the scan of the fullmakt or förordnande
 * ("giltig fullmakt", seed 004 bilaga 6), the resident's own page and rules (request-pages.server.ts).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { AttachmentsPage } from '~/components/request/attachments-page';
import { pageMeta } from '~/utils/page-meta';
import { requireVisitorDraft } from '~/utils/request-context.server';
import { attachmentsAction, attachmentsLoader } from '~/utils/request-pages.server';

export const handle = { i18n: ['request', 'walkin'] };

export const loader = async ({ request, params }: LoaderFunctionArgs) => attachmentsLoader(request, await requireVisitorDraft(request, params.checkId, params.draftId));

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export const action = async ({ request, params }: ActionFunctionArgs) => attachmentsAction(request, await requireVisitorDraft(request, params.checkId, params.draftId));

export default AttachmentsPage;
