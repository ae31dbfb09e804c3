import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { pageMeta } from '~/utils/page-meta';
import { getResident } from '~/models/resident.server';
import { requireResidentId } from '~/utils/auth.server';
import { i18next } from '~/utils/i18next.server';

export const handle = { i18n: ['account'] };

export async function loader({ request }: LoaderFunctionArgs) {
  const residentId = await requireResidentId(request);
  const resident = await getResident(residentId);
  if (!resident) throw new Response('Not Found', { status: 404 });
  const t = await i18next.getFixedT(request, ['account', 'common']);
  return json({ title: `${t('account:cases.title')} – ${t('common:service.name')}`, name: resident.name });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageMeta(data?.title, matches);

export default function MyCases() {
  const { t } = useTranslation('account');
  const { name } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="caption-l">{t('loggedInAs', { name })}</span>
      <h1 className="heading-xl">{t('cases.title')}</h1>
      <p className="body">{t('cases.none')}</p>
    </>
  );
}
