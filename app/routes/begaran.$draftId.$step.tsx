import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { StepPage } from '~/components/request/step-page';
import { pageMeta } from '~/utils/page-meta';
import { requireDraft } from '~/utils/request-context.server';
import { stepAction, stepLoader } from '~/utils/request-pages.server';

export const handle = { i18n: ['request'] };

export const loader = async ({ request, params }: LoaderFunctionArgs) => stepLoader(request, await requireDraft(request, params.draftId), params.step);

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

/** guard → parse → 400 with what was typed → save → next page (STYLE.md), in request-pages.server.ts. */
export const action = async ({ request, params }: ActionFunctionArgs) => stepAction(request, await requireDraft(request, params.draftId), params.step);

export default StepPage;
