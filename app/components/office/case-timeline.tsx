import { useTranslation } from 'react-i18next';
import { formatDateTime, formatLongDate } from '~/utils/text-format';

type TimelineEvent = { at: string; type: string; actorType: string; actorName: string | null; visibleToResident: boolean; data: Record<string, unknown> };

/** Every event of the case, newest last, with who did it; internal ones are marked as such. */
export function CaseTimeline({ events, locale }: { events: TimelineEvent[]; locale: string }) {
  const { t } = useTranslation('office');
  return (
    <ol className="list timeline">
      {events.map((e, i) => (
        <li key={i}>
          <strong>{formatDateTime(e.at, locale)}</strong> – {t(`events.${e.type.replace(/\./g, '_')}`, { defaultValue: e.type })}
          {e.actorName ? <> ({e.actorName})</> : e.actorType === 'resident' ? <> ({t('events.byResident')})</> : null}
          {!e.visibleToResident ? <span className="hint"> – {t('events.internal')}</span> : null}
          {e.type === 'note' && typeof e.data.text === 'string' ? <p className="message__body">{e.data.text}</p> : null}
          {e.type === 'deadline.extended' && typeof e.data.to === 'string' ? <> {t('events.newDeadline', { date: formatLongDate(e.data.to, locale) })}</> : null}
        </li>
      ))}
    </ol>
  );
}
