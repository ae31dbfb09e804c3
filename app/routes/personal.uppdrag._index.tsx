/** "Mina uppdrag": the tasks addressed to me (systemägare, handläggare, samordnare). */
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { DaysLeft } from '~/components/office/days-left';
import { Table } from '~/components/ui/table';
import { Tag } from '~/components/ui/tag';
import { listMyTasks } from '~/models/case-tasks.server';
import { requireStaffWithPermission } from '~/utils/auth.server';
import { todayInStockholm } from '~/utils/dates.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { formatLongDate } from '~/utils/text-format';

export const handle = { i18n: ['office', 'request'] };

export async function loader({ request }: LoaderFunctionArgs) {
  const { staff } = await requireStaffWithPermission(request, 'answer:task:own');
  const [tasks, t, locale] = await Promise.all([listMyTasks(staff.id), i18next.getFixedT(request, ['office', 'common']), i18next.getLocale(request)]);
  return json({
    title: `${t('office:task.listTitle')} – ${t('common:service.name')}`,
    locale,
    today: todayInStockholm(),
    tasks: tasks.map(({ answer: _a, subjectName, protectedIdentity, ...task }) => ({ ...task, subjectName: protectedIdentity ? null : subjectName })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export default function MyTasks() {
  const { t } = useTranslation(['office', 'request']);
  const { tasks, locale, today } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="heading-xl">{t('task.listTitle')}</h1>
      {tasks.length === 0 ? (
        <p className="body">{t('task.noneForMe')}</p>
      ) : (
        <Table
          caption={t('task.listCaption')}
          head={[t('task.columns.case'), t('task.columns.subject'), t('task.columns.status'), t('task.columns.due')]}
          firstCellIsHeader
          rows={tasks.map((task) => ({
            key: task.id,
            cells: [
              <>
                <Link to={`/personal/uppdrag/${task.id}`} className="nowrap">
                  {task.diarienummer}
                </Link>
                <br />
                <span className="hint">{task.puaName}</span>
              </>,
              task.subjectName ?? <Tag>{t('case.protected')}</Tag>,
              <Tag key="s">{t(`task.status.${task.status}`)}</Tag>,
              <>
                {formatLongDate(task.dueOn, locale)}
                <br />
                {task.status === 'open' ? <DaysLeft today={today} deadline={task.dueOn} status="in_progress" /> : null}
              </>,
            ],
          }))}
        />
      )}
    </>
  );
}
