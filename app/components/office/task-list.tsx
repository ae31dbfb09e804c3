import { useTranslation } from 'react-i18next';
import { Tag } from '~/components/ui/tag';
import type { TaskAnswer } from '~/domain/task-answer';
import { formatLongDate } from '~/utils/text-format';
import { DaysLeft } from './days-left';
import { TaskAnswerView } from './task-answer-view';

type Task = {
  id: string;
  assigneeName: string;
  instructions: string;
  sentOn: string;
  dueOn: string;
  status: string;
  answer: TaskAnswer | null;
  files: { id: string; filename: string }[];
};

/** The tasks of a case on the samordnare's case page, each with its answer once given. */
export function TaskList({ tasks, today, locale, fileHref }: { tasks: Task[]; today: string; locale: string; fileHref: (id: string) => string }) {
  const { t } = useTranslation('office');
  if (tasks.length === 0) return <p className="body">{t('task.noneSent')}</p>;
  return (
    <ul className="list">
      {tasks.map((task) => (
        <li key={task.id} className="message">
          <p className="message__meta">
            <strong>{task.assigneeName}</strong> – <Tag>{t(`task.status.${task.status}`)}</Tag>
            <br />
            {t('task.sentDue', { sent: formatLongDate(task.sentOn, locale), due: formatLongDate(task.dueOn, locale) })}{' '}
            {task.status === 'open' ? <DaysLeft today={today} deadline={task.dueOn} status="in_progress" /> : null}
          </p>
          <p className="message__body">{task.instructions}</p>
          {task.answer ? <TaskAnswerView answer={task.answer} /> : null}
          {task.files.length ? (
            <ul className="list">
              {task.files.map((f) => (
                <li key={f.id}>
                  <a href={fileHref(f.id)}>
                    {f.filename}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
