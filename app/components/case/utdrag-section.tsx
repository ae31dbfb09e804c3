import { useTranslation } from 'react-i18next';
import { formatFileSize, formatLongDate } from '~/utils/text-format';

export type ResidentUtdrag = { size: number | null; availableUntil: string | null; expired: boolean };

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
 * it is personal; once the delivery store has let it go, who to ask. Nothing before it is built.
 */
export function UtdragSection({ utdrag, href, locale, puaName, contactId }: Props) {
  const { t } = useTranslation('account');
  if (!utdrag) return null;
  const lastDay = utdrag.availableUntil ? formatLongDate(utdrag.availableUntil, locale) : null;
  return (
    <section aria-labelledby="registerutdrag-rubrik">
      <h2 className="heading-m" id="registerutdrag-rubrik">
        {t('utdrag.title')}
      </h2>
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
