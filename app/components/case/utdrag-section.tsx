import { useTranslation } from 'react-i18next';
import { formatFileSize, formatLongDate } from '~/utils/text-format';

/** The package as the resident may know it, by how it is delivered. */
export type ResidentUtdrag =
  | { method: 'portal'; size: number | null; availableUntil: string | null; expired: boolean }
  /** Sent by rekommenderat brev: shown once it is posted. Never an address. */
  | { method: 'registered_post'; sentOn: string; trackingNumber: string | null }
  | { method: 'reception'; handedOver: boolean; availableUntil: string | null; expired: boolean };

type Props = {
  /** The built or delivered package of the case; null before one is built. */
  utdrag: ResidentUtdrag | null;
  href: string;
  locale: string;
  puaName: string;
  /** The id of the nämnd's contact details on the page. */
  contactId: string;
};

/**
 * The registerutdrag package (issue #7): the download while it is kept, what the ZIP holds and that
 * it is personal; once the delivery store has let it go, who to ask. By post: when it was sent and
 * its tracking number. At the reception: that it waits there, and to bring ID. Nothing before.
 */
export function UtdragSection({ utdrag, href, locale, puaName, contactId }: Props) {
  const { t } = useTranslation('account');
  if (!utdrag) return null;
  const heading = (
    <h2 className="heading-m" id="registerutdrag-rubrik">
      {t('utdrag.title')}
    </h2>
  );
  if (utdrag.method === 'registered_post') {
    return (
      <section aria-labelledby="registerutdrag-rubrik">
        {heading}
        <p className="body">{t('utdrag.post.sent', { date: formatLongDate(utdrag.sentOn, locale) })}</p>
        {utdrag.trackingNumber ? <p className="body">{t('utdrag.post.tracking', { tracking: utdrag.trackingNumber })}</p> : null}
        <p className="body">{t('utdrag.post.collect')}</p>
      </section>
    );
  }
  const lastDay = utdrag.availableUntil ? formatLongDate(utdrag.availableUntil, locale) : null;
  if (utdrag.method === 'reception') {
    return (
      <section aria-labelledby="registerutdrag-rubrik">
        {heading}
        {utdrag.handedOver ? (
          <p className="body">{t('utdrag.reception.handedOver')}</p>
        ) : utdrag.expired ? (
          <p className="body">{lastDay ? t('utdrag.reception.expired', { date: lastDay }) : t('utdrag.expiredNoDate')}</p>
        ) : (
          <>
            <p className="body">{t('utdrag.reception.waiting')}</p>
            {lastDay && !utdrag.expired ? <p className="body">{t('utdrag.reception.lastDay', { date: lastDay })}</p> : null}
          </>
        )}
        <p className="body">
          {t('utdrag.contact', { puaName })} <a href={`#${contactId}`}>{t('utdrag.contactLink')}</a>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="registerutdrag-rubrik">
      {heading}
      {utdrag.expired ? (
        <>
          <p className="body">{lastDay ? t('utdrag.expired', { date: lastDay }) : t('utdrag.expiredNoDate')}</p>
          <p className="body">
            {t('utdrag.contact', { puaName })} <a href={`#${contactId}`}>{t('utdrag.contactLink')}</a>
          </p>
        </>
      ) : (
        <>
          <p className="body">
            {/* A plain link: the server sends the ZIP as an attachment (see DocumentList). */}
            <a href={href}>{utdrag.size !== null ? t('utdrag.download', { size: formatFileSize(utdrag.size, locale) }) : t('utdrag.downloadNoSize')}</a>
          </p>
          {lastDay ? <p className="body">{t('utdrag.lastDay', { date: lastDay })}</p> : null}
          <p className="body">{t('utdrag.contents')}</p>
          <p className="body">{t('utdrag.personal')}</p>
        </>
      )}
    </section>
  );
}
