import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { pageMeta } from '~/utils/page-meta';
import { formatList, formatLongDate } from '~/utils/text-format';
import { getSamverkanOverview } from '~/models/organisation.server';
import { i18next } from '~/utils/i18next.server';

/**
 * Tillgänglighetsredogörelse (lag 2018:1937, 16 §), in the structure of Digg's template.
 * Update the dates when the site is reassessed; "delvis förenlig" until a full review says more.
 */
export const handle = { i18n: ['pages'] };


const ASSESSED_ON = '2026-11-22';
const UPDATED_ON = '2026-11-22';

export async function loader({ request }: LoaderFunctionArgs) {
  const [t, locale, overview] = await Promise.all([
    i18next.getFixedT(request, ['pages', 'common']),
    i18next.getLocale(request),
    getSamverkanOverview(),
  ]);
  return json({
    title: `${t('pages:accessibility.title')} – ${t('common:service.name')}`,
    samverkan: overview.samverkan?.name ?? t('common:service.name'),
    kommunerList: formatList(overview.kommuner.map((k) => k.name), locale),
    kommuner: overview.kommuner.map((k) => ({ code: k.code, name: k.name, email: k.email })),
    assessedOn: formatLongDate(ASSESSED_ON, locale),
    updatedOn: formatLongDate(UPDATED_ON, locale),
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export default function AccessibilityStatementPage() {
  const { t } = useTranslation('pages');
  const { samverkan, kommunerList, kommuner, assessedOn, updatedOn } = useLoaderData<typeof loader>();
  return (
    <div className="grid-row">
      <div className="grid-column-two-thirds">
        {/* The heading has a soft hyphen so the long compound breaks cleanly on narrow screens. */}
        <h1 className="heading-l">{t('accessibility.heading')}</h1>
        <p className="body">{t('accessibility.intro', { samverkan, kommuner: kommunerList })}</p>
        <p className="body">{t('accessibility.aim')}</p>

        <h2 className="heading-m">{t('accessibility.compliance.heading')}</h2>
        <p className="body">{t('accessibility.compliance.status')}</p>
        <p className="body">{t('accessibility.compliance.reason')}</p>

        <h3 className="heading-s">{t('accessibility.gaps.heading')}</h3>
        <p className="body">{t('accessibility.gaps.body')}</p>

        <h2 className="heading-m">{t('accessibility.alternatives.heading')}</h2>
        <p className="body">{t('accessibility.alternatives.body')}</p>

        <h2 className="heading-m">{t('accessibility.report.heading')}</h2>
        <p className="body">{t('accessibility.report.body')}</p>
        <p className="body">{t('accessibility.report.email')}</p>
        <ul className="list list--bullet">
          {kommuner.map((k) => (
            <li key={k.code}>
              {t('accessibility.report.kommunEmail', { kommun: k.name })} <a href={`mailto:${k.email}`}>{k.email}</a>
            </li>
          ))}
        </ul>
        <p className="body">{t('accessibility.report.response')}</p>

        <h2 className="heading-m">{t('accessibility.supervision.heading')}</h2>
        <p className="body">{t('accessibility.supervision.body')}</p>
        <p className="body">{t('accessibility.supervision.how')}</p>
        <p className="body">
          <a href="https://www.digg.se/">{t('accessibility.supervision.link')}</a>
        </p>

        <h2 className="heading-m">{t('accessibility.testing.heading')}</h2>
        <p className="body">{t('accessibility.testing.body')}</p>
        <ul className="list list--bullet">
          <li>{t('accessibility.testing.automated')}</li>
          <li>{t('accessibility.testing.manual')}</li>
        </ul>
        <p className="body">{t('accessibility.testing.assessed', { date: assessedOn })}</p>
        <p className="body">{t('accessibility.updated', { date: updatedOn })}</p>
      </div>
    </div>
  );
}
