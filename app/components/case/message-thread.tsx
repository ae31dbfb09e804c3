import { useTranslation } from 'react-i18next';
import { formatDateTime, formatFileSize } from '~/utils/text-format';

export type ThreadMessage = {
  id: string;
  direction: 'to_resident' | 'from_resident';
  kind: 'message' | 'identity_request' | 'clarification_request';
  body: string;
  createdAt: string;
  attachments: { id: string; filename: string; size: number }[];
};

type MessageThreadProps = {
  messages: ThreadMessage[];
  puaName: string;
  fileHref: (attachmentId: string) => string;
  locale: string;
  /** The case takes no more messages: an empty thread is not "yet" empty. */
  closed?: boolean;
  /** Staff read the thread too: for them the resident's messages are not "Från dig". */
  fromResidentLabel?: string;
};

/**
 * The messages of a case, oldest first. Who wrote is said in words ("Från Socialnämnden"), not
 * only by the colour of the bar; a request is labelled as one.
 *
 * The file links have no `download` attribute: the server already sends them as attachments, and
 * with the attribute a login that is too old would save the login page as a file ("logga-in.html")
 * instead of showing it.
 */
export function MessageThread({ messages, puaName, fileHref, locale, closed = false, fromResidentLabel }: MessageThreadProps) {
  const { t } = useTranslation('account');
  if (messages.length === 0) return <p className="body">{t(closed ? 'messages.noneClosed' : 'messages.none')}</p>;
  return (
    <ol className="list" aria-label={t('messages.listLabel')}>
      {messages.map((m) => (
        <li key={m.id} className={m.direction === 'to_resident' ? 'message message--to-resident' : 'message'}>
          <p className="message__meta">
            <strong>{m.direction === 'to_resident' ? t('messages.from', { puaName }) : (fromResidentLabel ?? t('messages.fromYou'))}</strong>
            {m.kind !== 'message' ? <> – {t(`messages.kinds.${m.kind}`)}</> : null}
            <br />
            {formatDateTime(m.createdAt, locale)}
          </p>
          {m.body ? <p className="message__body">{m.body}</p> : null}
          {m.attachments.length > 0 ? (
            <ul className="list">
              {m.attachments.map((a) => (
                <li key={a.id}>
                  <a href={fileHref(a.id)}>{a.filename}</a> ({formatFileSize(a.size, locale)})
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
