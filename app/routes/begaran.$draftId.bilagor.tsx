import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { AttachmentsPage } from '~/components/request/attachments-page';
import { pageMeta } from '~/utils/page-meta';
import { requireDraft } from '~/utils/request-context.server';
import { attachmentsAction, attachmentsLoader } from '~/utils/request-pages.server';

export const handle = { i18n: ['request'] };

export const loader = async ({ request, params }: LoaderFunctionArgs) => attachmentsLoader(request, await requireDraft(request, params.draftId));

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export const action = async ({ request, params }: ActionFunctionArgs) => attachmentsAction(request, await requireDraft(request, params.draftId));

export default AttachmentsPage;
