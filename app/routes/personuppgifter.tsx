import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ContactDetails } from '~/components/kommun-contacts';
import { pageMeta } from '~/utils/page-meta';
import { formatLongDate } from '~/utils/text-format';
import { Table } from '~/components/ui/table';
import { getSamverkanOverview } from '~/models/organisation.server';
import { i18next } from '~/utils/i18next.server';

/**
 * The portal's own information under Art 13 GDPR and its cookies. Only necessary cookies and a
 * remembered language choice (LEK 9 kap. 28 §), so there is no consent banner. Keep the cookie
 * table in step with app/utils/{session,csrf,i18next}.server.ts and app/utils/bankid/cookies.server.ts.
 */
export const handle = { i18n: ['pages'] };


const UPDATED_ON = '2026-11-22';

const COOKIES = [
  { name: 'dsp_session', key: 'session' },
  { name: 'dsp_csrf', key: 'csrf' },
  { name: 'dsp_bankid_flow', key: 'bankidFlow' },
  { name: 'dsp_device', key: 'device' },
  { name: 'lng', key: 'lng' },
] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const [t, locale, overview] = await Promise.all([
    i18next.getFixedT(request, ['pages', 'common']),
    i18next.getLocale(request),
    getSamverkanOverview(),
  ]);
  // The kommunstyrelse of each kommun is the controller for the portal itself.
  const controllers = overview.kommuner.flatMap((k) =>
    k.pua
      .filter((p) => p.kind === 'kommunstyrelse')
      .map((p) => ({
        code: `${k.code}/${p.code}`,
        name: p.name,
        kommun: k.name,
        organisationsnummer: k.organisationsnummer,
        postalAddress: p.postalAddress,
        email: p.email,
        phone: p.phone,
      })),
  );
  // One DPO often serves several kommuner: list each once.
  const dpos = [...new Map(overview.kommuner.flatMap((k) => (k.dataskyddsombud ? [[k.dataskyddsombud.id, k.dataskyddsombud] as const] : []))).values()].map((d) => ({
    id: d.id,
    name: d.name,
    email: d.email,
    phone: d.phone,
    postalAddress: d.postalAddress,
  }));
  return json({
    title: `${t('pages:privacy.title')} – ${t('common:service.name')}`,
    controllers,
    dpos,
    updatedOn: formatLongDate(UPDATED_ON, locale),
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export default function PrivacyNoticePage() {
  const { t } = useTranslation(['pages', 'common']);
  const { controllers, dpos, updatedOn } = useLoaderData<typeof loader>();
  return (
    <div className="grid-row">
      <div className="grid-column-two-thirds">
        <h1 className="heading-l">{t('privacy.title')}</h1>
        <p className="lead">{t('privacy.intro')}</p>

        <h2 className="heading-m">{t('privacy.controller.heading')}</h2>
        <p className="body">{t('privacy.controller.body')}</p>
        <ul className="contact-list">
          {controllers.map((c) => (
            <li key={c.code} className="contact-list__item">
              <h3 className="heading-s">{t('privacy.controller.name', { name: c.name, kommun: c.kommun })}</h3>
              <ContactDetails organisationsnummer={{ label: t('privacy.controller.organisationsnummer'), value: c.organisationsnummer }} postalAddress={c.postalAddress} phone={c.phone} email={c.email} />
            </li>
          ))}
        </ul>
        <p className="body">{t('privacy.controller.case')}</p>

        <h2 className="heading-m">{t('privacy.dpo.heading')}</h2>
        <p className="body">{t('privacy.dpo.body')}</p>
        <ul className="contact-list">
          {dpos.map((d) => (
            <li key={d.id} className="contact-list__item">
              <h3 className="heading-s">{d.name}</h3>
              <ContactDetails postalAddress={d.postalAddress} phone={d.phone} email={d.email} />
            </li>
          ))}
        </ul>

        <h2 className="heading-m">{t('privacy.data.heading')}</h2>
        <ul className="list list--bullet">
          <li>{t('privacy.data.bankid')}</li>
          <li>{t('privacy.data.request')}</li>
          <li>{t('privacy.data.contact')}</li>
          <li>{t('privacy.data.device')}</li>
          <li>{t('privacy.data.logs')}</li>
        </ul>

        <h2 className="heading-m">{t('privacy.purpose.heading')}</h2>
        <p className="body">{t('privacy.purpose.body')}</p>
        <p className="body">{t('privacy.purpose.obligation')}</p>
        <p className="body">{t('privacy.purpose.publicInterest')}</p>
        <p className="body">{t('privacy.purpose.personnummer')}</p>

        <h2 className="heading-m">{t('privacy.retention.heading')}</h2>
        <p className="body">{t('privacy.retention.case')}</p>
        <p className="body">{t('privacy.retention.logs')}</p>
        <p className="body">{t('privacy.retention.session')}</p>

        <h2 className="heading-m">{t('privacy.recipients.heading')}</h2>
        <ul className="list list--bullet">
          <li>{t('privacy.recipients.handler')}</li>
          <li>{t('privacy.recipients.processors')}</li>
          <li>{t('privacy.recipients.bankid')}</li>
        </ul>
        <p className="body">{t('privacy.recipients.publicAccess')}</p>

        <h2 className="heading-m">{t('privacy.rights.heading')}</h2>
        <p className="body">{t('privacy.rights.body')}</p>
        <p className="body">
          <Link to="/">{t('privacy.rights.link')}</Link>
        </p>

        <h2 className="heading-m">{t('privacy.complaint.heading')}</h2>
        <p className="body">{t('privacy.complaint.body')}</p>
        <p className="body">
          <a href="https://www.imy.se/">{t('privacy.complaint.link')}</a>
        </p>

        <h2 className="heading-m" id="kakor">
          {t('privacy.cookies.heading')}
        </h2>
        <p className="body">{t('privacy.cookies.intro')}</p>
        <Table
          caption={t('privacy.cookies.caption')}
          captionSize="s"
          head={[t('privacy.cookies.name'), t('privacy.cookies.purpose'), t('privacy.cookies.duration')]}
          firstCellIsHeader
          rows={COOKIES.map((c) => ({
            key: c.name,
            cells: [<CookieName key="name" name={c.name} />, t(`privacy.cookies.${c.key}.purpose`), t(`privacy.cookies.${c.key}.duration`)],
          }))}
        />
        <p className="body">{t('privacy.cookies.noTracking')}</p>
        <p className="body">{t('privacy.cookies.remove')}</p>

        <p className="body secondary-text">{t('privacy.updated', { date: updatedOn })}</p>
      </div>
    </div>
  );
}

/**
 * The name may wrap after an underscore on small screens (each piece is an inline block, so it
 * copies as one word); app.css keeps it on one line on wider screens.
 */
function CookieName({ name }: { name: string }) {
  const parts = name.split('_');
  return (
    <code>
      {parts.map((part, index) => (
        <span key={index} className="code-part">
          {index < parts.length - 1 ? `${part}_` : part}
        </span>
      ))}
    </code>
  );
}
