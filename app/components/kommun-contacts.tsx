import { useTranslation } from 'react-i18next';

export type PostalAddress = { street: string; postalCode: string; city: string; careOf?: string };

export type KommunContact = {
  code: string;
  name: string;
  postalAddress: PostalAddress;
  phone: string;
  email: string;
  website?: string | null;
};

/** `tel:` wants digits only; the visible number keeps the kommun's own formatting. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

export function AddressLines({ address }: { address: PostalAddress }) {
  return (
    <>
      {address.careOf ? (
        <>
          {address.careOf}
          <br />
        </>
      ) : null}
      {address.street}
      <br />
      {address.postalCode} {address.city}
    </>
  );
}

/** Address, phone, e-mail and website of each kommun in the samverkan, side by side on wide screens. */
export function KommunContacts({ kommuner, headingLevel = 3 }: { kommuner: KommunContact[]; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('common');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="contact-list">
      {kommuner.map((kommun) => (
        <li key={kommun.code} className="contact-list__item">
          <Heading className="heading-s">{kommun.name}</Heading>
          <dl className="contact-details">
            <dt>{t('contact.address')}</dt>
            <dd>
              <AddressLines address={kommun.postalAddress} />
            </dd>
            <dt>{t('contact.phone')}</dt>
            <dd>
              <a href={telHref(kommun.phone)}>{kommun.phone}</a>
            </dd>
            <dt>{t('contact.email')}</dt>
            <dd>
              <a href={`mailto:${kommun.email}`}>{kommun.email}</a>
            </dd>
            {kommun.website ? (
              <>
                <dt>{t('contact.website')}</dt>
                <dd>
                  <a href={kommun.website}>{kommun.website.replace(/^https?:\/\//, '')}</a>
                </dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}
