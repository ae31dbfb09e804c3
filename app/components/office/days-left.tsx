import { useTranslation } from 'react-i18next';
import { daysLeft } from '~/domain/deadlines';

/**
 * "12 dagar kvar" / "Försenad 3 dagar" in words, so the urgency is not told by colour alone
 * (WCAG 1.4.1). Only for open cases: a decided case has no time left to count.
 */
export function DaysLeft({ today, deadline, status }: { today: string; deadline: string; status: string }) {
  const { t } = useTranslation('office');
  if (!['received', 'registered', 'in_progress', 'awaiting_resident'].includes(status)) return null;
  const n = daysLeft(today, deadline);
  if (n < 0) return <strong className="days-left days-left--overdue">{t('daysLeft.overdue', { count: -n })}</strong>;
  if (n === 0) return <strong className="days-left days-left--today">{t('daysLeft.today')}</strong>;
  return <span className="days-left">{t('daysLeft.left', { count: n })}</span>;
}
