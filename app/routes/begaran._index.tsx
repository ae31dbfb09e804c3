import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { Button } from '~/components/ui/button';
import { journeySteps } from '~/domain/request-journey';
import { createDraft, latestOpenDraft } from '~/models/draft.server';
import { getSamverkanOverview } from '~/models/organisation.server';
import { requireResidentId } from '~/utils/auth.server';
import { validateCsrf } from '~/utils/csrf.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';

export const handle = { i18n: ['request'] };

export async function loader({ request }: LoaderFunctionArgs) {
  const residentId = await requireResidentId(request);
  const t = await i18next.getFixedT(request, ['request', 'common']);
  const open = await latestOpenDraft(residentId);
  return json({ title: `${t('request:start.title')} – ${t('common:service.name')}`, openDraftId: open?.id ?? null });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

/** Starting creates a draft on the server: every later page saves into it. */
export async function action({ request }: ActionFunctionArgs) {
  const residentId = await requireResidentId(request);
  await validateCsrf(await request.formData(), request);
  const overview = await getSamverkanOverview();
  const initial = overview.kommuner.length === 1 ? { kommunId: overview.kommuner[0]!.id } : {};
  const id = await createDraft(residentId, initial);
  return redirect(`/begaran/${id}/${journeySteps(initial, overview.kommuner.length)[0]}`);
}

export default function StartRequest() {
  const { t } = useTranslation('request');
  const { openDraftId } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="heading-xl">{t('start.title')}</h1>
      <p className="lead">{t('start.lead')}</p>
      <p className="body">{t('start.youNeed')}</p>
      <p className="body">{t('start.saved')}</p>
      <Form method="post">
        <CsrfInput />
        <Button isStart>{t('start.startButton')}</Button>
      </Form>
      {openDraftId ? (
        <p className="body">
          <Link to={`/begaran/${openDraftId}/kontrollera`}>{t('start.continue')}</Link>
        </p>
      ) : null}
    </>
  );
}
