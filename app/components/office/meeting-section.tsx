import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { Button } from '~/components/ui/button';
import { Textarea } from '~/components/ui/textarea';
import { TextInput } from '~/components/ui/text-input';
import { formatLongDate } from '~/utils/text-format';

type Meeting = { id: string; heldOn: string; participants: string; conclusion: string; recordedBy: string };

/** Change requests: the documented assessment meeting(s) and the form to record one. */
export function MeetingSection({ meetings, canRecord, today, locale, errors, values }: { meetings: Meeting[]; canRecord: boolean; today: string; locale: string; errors: Record<string, string>; values: Record<string, string> }) {
  const { t } = useTranslation('office');
  const err = (key: string) => (errors[key] ? t(`errors.${errors[key]}`) : undefined);
  return (
    <section>
      <h2 className="heading-m">{t('meeting.title')}</h2>
      <p className="body">{t('meeting.text')}</p>
      {meetings.map((m) => (
        <div key={m.id} className="message">
          <p className="message__meta">
            <strong>{formatLongDate(m.heldOn, locale)}</strong> – {t('meeting.recordedBy', { name: m.recordedBy })}
          </p>
          <p className="message__body">
            <strong>{t('meeting.participants')}:</strong> {m.participants}
          </p>
          <p className="message__body">{m.conclusion}</p>
        </div>
      ))}
      {canRecord ? (
        <Form method="post">
          <CsrfInput />
          <TextInput id="heldOn" name="heldOn" label={t('meeting.heldOn')} labelSize="s" hint={t('meeting.heldOnHint', { today })} defaultValue={values.heldOn ?? today} error={err('heldOn')} width={10} />
          <Textarea id="participants" name="participants" label={t('meeting.participants')} labelSize="s" hint={t('meeting.participantsHint')} defaultValue={values.participants} error={err('participants')} rows={2} />
          <Textarea id="conclusion" name="conclusion" label={t('meeting.conclusion')} labelSize="s" defaultValue={values.conclusion} error={err('conclusion')} rows={4} />
          <Button name="intent" value="meeting" variant="secondary">
            {t('meeting.button')}
          </Button>
        </Form>
      ) : null}
    </section>
  );
}
