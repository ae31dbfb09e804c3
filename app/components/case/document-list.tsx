import { useTranslation } from 'react-i18next';
import { formatDateTime, formatFileSize } from '~/utils/text-format';

export type ListedDocument = { id: string; kind: string; title: string; size: number; publishedAt: string };

/** Letters, decisions and the registerutdrag package of a case, each a download link. */
export function DocumentList({ documents, href, locale }: { documents: ListedDocument[]; href: (documentId: string) => string; locale: string }) {
  const { t } = useTranslation('account');
  if (documents.length === 0) return <p className="body">{t('documents.none')}</p>;
  return (
    <ul className="list">
      {documents.map((d) => (
        <li key={d.id}>
          <a href={href(d.id)} download>
            {d.title}
          </a>
          <br />
          <span className="hint">
            {t(`documents.kinds.${d.kind}`)}, {formatFileSize(d.size, locale)}, {t('documents.published', { date: formatDateTime(d.publishedAt, locale) })}
          </span>
        </li>
      ))}
    </ul>
  );
}
