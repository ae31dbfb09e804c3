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

type ContactDetailsProps = {
  organisationsnummer?: { label: string; value: string };
  postalAddress?: PostalAddress | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
};

/** One contact card's facts, always in the same order: org.nr, address, phone, e-mail, website. */
export function ContactDetails({ organisationsnummer, postalAddress, phone, email, website }: ContactDetailsProps) {
  const { t } = useTranslation('common');
  return (
    <dl className="contact-details">
      {organisationsnummer ? (
        <>
          <dt>{organisationsnummer.label}</dt>
          <dd>{organisationsnummer.value}</dd>
        </>
      ) : null}
      {postalAddress ? (
        <>
          <dt>{t('contact.address')}</dt>
          <dd>
            <AddressLines address={postalAddress} />
          </dd>
        </>
      ) : null}
      {phone ? (
        <>
          <dt>{t('contact.phone')}</dt>
          <dd>
            <a href={telHref(phone)}>{phone}</a>
          </dd>
        </>
      ) : null}
      {email ? (
        <>
          <dt>{t('contact.email')}</dt>
          <dd>
            <a href={`mailto:${email}`}>{email}</a>
          </dd>
        </>
      ) : null}
      {website ? (
        <>
          <dt>{t('contact.website')}</dt>
          <dd>
            <a href={website}>{website.replace(/^https?:\/\//, '')}</a>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** Address, phone, e-mail and website of each kommun in the samverkan, side by side on wide screens. */
export function KommunContacts({ kommuner, headingLevel = 3 }: { kommuner: KommunContact[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="contact-list">
      {kommuner.map((kommun) => (
        <li key={kommun.code} className="contact-list__item">
          <Heading className="heading-s">{kommun.name}</Heading>
          <ContactDetails postalAddress={kommun.postalAddress} phone={kommun.phone} email={kommun.email} website={kommun.website} />
        </li>
      ))}
    </ul>
  );
}
