import { useTranslation } from 'react-i18next';
import { formatDateTime, formatFileSize } from '~/utils/text-format';

export type ListedDocument = { id: string; kind: string; title: string; size: number; publishedAt: string };

type DocumentListProps = {
  documents: ListedDocument[];
  href: (documentId: string) => string;
  locale: string;
  puaName: string;
  /** Withdrawn or closed: no documents are on their way. */
  closed?: boolean;
};

/**
 * Letters, decisions and the registerutdrag package of a case, each a download link (sent as an
 * attachment by the server; no `download` attribute, see MessageThread).
 */
export function DocumentList({ documents, href, locale, puaName, closed = false }: DocumentListProps) {
  const { t } = useTranslation('account');
  if (documents.length === 0) return <p className="body">{closed ? t('documents.noneClosed') : t('documents.none', { puaName })}</p>;
  return (
    <ul className="list">
      {documents.map((d) => (
        <li key={d.id}>
          <a href={href(d.id)}>{d.title}</a>
          <br />
          <span className="hint">
            {t(`documents.kinds.${d.kind}`)}, {formatFileSize(d.size, locale)}, {t('documents.published', { date: formatDateTime(d.publishedAt, locale) })}
          </span>
        </li>
      ))}
    </ul>
  );
}
