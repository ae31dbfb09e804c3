import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { KommunContacts } from '~/components/kommun-contacts';
import { pageMeta } from '~/utils/page-meta';
import { formatList } from '~/utils/text-format';
import { Button } from '~/components/ui/button';
import { SwedishText } from '~/components/swedish-text';
import { Details } from '~/components/ui/details';
import { getSamverkanOverview } from '~/models/organisation.server';
import { i18next } from '~/utils/i18next.server';

export const handle = { i18n: ['start'] };


/** The rights in the order residents meet them (DOMAIN.md §2); texts in locales/start.json. */
const RIGHTS = ['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability', 'consent'] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const [t, locale, overview] = await Promise.all([
    i18next.getFixedT(request, ['start', 'common']),
    i18next.getLocale(request),
    getSamverkanOverview(),
  ]);
  return json({
    title: `${t('start:title')} – ${t('common:service.name')}`,
    kommunerList: formatList(overview.kommuner.map((k) => k.name), locale),
    kommuner: overview.kommuner.map((k) => ({
      code: k.code,
      name: k.name,
      postalAddress: k.postalAddress,
      phone: k.phone,
      email: k.email,
      website: k.website,
      pua: k.pua.map((p) => ({ code: p.code, name: p.name, description: p.description })),
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export default function StartPage() {
  const { t } = useTranslation('start');
  const { kommunerList, kommuner } = useLoaderData<typeof loader>();
  return (
    <div className="grid-row">
      <div className="grid-column-two-thirds">
        <h1 className="heading-xl">{t('title')}</h1>
        <p className="lead">{t('lead', { kommuner: kommunerList })}</p>
        <p className="body">{t('intro')}</p>
        <Button to="/logga-in" isStart>
          {t('startButton')}
        </Button>

        <h2 className="heading-l">{t('rights.heading')}</h2>
        <p className="body">{t('rights.intro')}</p>
        <ul className="rights-list">
          {RIGHTS.map((right) => (
            <li key={right} className="rights-list__item">
              <h3 className="heading-s rights-list__title">{t(`rights.${right}.title`)}</h3>
              <p className="body">{t(`rights.${right}.body`)}</p>
              <p className="body-s secondary-text">{t(`rights.${right}.reference`)}</p>
            </li>
          ))}
        </ul>

        <h2 className="heading-l">{t('time.heading')}</h2>
        <p className="body">{t('time.body')}</p>
        <p className="body">{t('time.extension')}</p>

        <h2 className="heading-l">{t('need.heading')}</h2>
        <p className="body">{t('need.bankid')}</p>
        <p className="body">{t('need.noBankidIntro')}</p>
        <ul className="list list--bullet">
          <li>{t('need.reception')}</li>
          <li>{t('need.paper')}</li>
        </ul>

        <h2 className="heading-l">{t('controllers.heading')}</h2>
        <p className="body">{t('controllers.body')}</p>
        {kommuner.map((kommun) => (
          <Details key={kommun.code} summary={t('controllers.details', { kommun: kommun.name })}>
            <ul className="list list--spaced">
              {kommun.pua.map((p) => (
                <li key={p.code}>
                  <span className="list__title">{p.name}</span>
                  <SwedishText>{p.description}</SwedishText>
                </li>
              ))}
            </ul>
          </Details>
        ))}

        <h2 className="heading-l">{t('contacts.heading')}</h2>
        <KommunContacts kommuner={kommuner} />

        <p className="body staff-login">
          {t('staff.question')} <Link to="/personal/logga-in">{t('staff.link')}</Link>
        </p>
      </div>
    </div>
  );
}
