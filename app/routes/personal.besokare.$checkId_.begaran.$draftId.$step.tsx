/** A question of the visitor's request: the resident's own page and rules (request-pages.server.ts). */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { StepPage } from '~/components/request/step-page';
import { pageMeta } from '~/utils/page-meta';
import { requireVisitorDraft } from '~/utils/request-context.server';
import { stepAction, stepLoader } from '~/utils/request-pages.server';

export const handle = { i18n: ['request', 'walkin'] };

export const loader = async ({ request, params }: LoaderFunctionArgs) => stepLoader(request, await requireVisitorDraft(request, params.checkId, params.draftId), params.step);

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export const action = async ({ request, params }: ActionFunctionArgs) => stepAction(request, await requireVisitorDraft(request, params.checkId, params.draftId), params.step);

export default StepPage;
