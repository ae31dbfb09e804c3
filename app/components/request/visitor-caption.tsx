import { useTranslation } from 'react-i18next';

/**
 * Above each page of a request the reception writes for a visitor (issue #8): whom it is for, so
 * that an official helping several people never files one person's answers for another.
 */
export function VisitorCaption({ visitor }: { visitor: { name: string; pnrMasked: string } | null }) {
  const { t } = useTranslation('walkin');
  if (!visitor) return null;
  return <span className="caption-m">{t('caption', { name: visitor.name, pnr: visitor.pnrMasked })}</span>;
}
