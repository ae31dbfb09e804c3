import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Table } from '~/components/ui/table';

type Dashboard = {
  byStatusKind: { status: string; kind: string; n: number }[];
  total: number;
  overdue: number;
  dueThisWeek: number;
  tasksWaiting: number;
  tasksOverdue: number;
};

const STATUSES = ['received', 'registered', 'in_progress', 'awaiting_resident'] as const;
const KINDS = ['registerutdrag', 'forandring', 'dataportabilitet', 'samtycke'] as const;

/** The samordnare's overview: counts, each leading to the matching inbox view. */
export function CaseDashboard({ dashboard: d }: { dashboard: Dashboard }) {
  const { t } = useTranslation(['office', 'request']);
  const cell = (status: string, kind: string) => d.byStatusKind.find((r) => r.status === status && r.kind === kind)?.n ?? 0;
  return (
    <>
      <ul className="dashboard-figures">
        <li>
          <Link to="/personal/arenden?visa=overdue">
            <span className="dashboard-figures__number">{d.overdue}</span> {t('dashboard.overdue', { count: d.overdue })}
          </Link>
        </li>
        <li>
          <span className="dashboard-figures__number">{d.dueThisWeek}</span> {t('dashboard.dueThisWeek', { count: d.dueThisWeek })}
        </li>
        <li>
          <span className="dashboard-figures__number">{d.tasksWaiting}</span> {t('dashboard.tasksWaiting', { count: d.tasksWaiting })}
          {d.tasksOverdue ? <> ({t('dashboard.tasksOverdue', { count: d.tasksOverdue })})</> : null}
        </li>
      </ul>
      <Table
        caption={t('dashboard.caption', { count: d.total })}
        captionSize="s"
        head={[t('dashboard.status'), ...KINDS.map((k) => t(`request:kinds.${k}`))]}
        firstCellIsHeader
        rows={STATUSES.map((s) => ({
          key: s,
          cells: [
            <Link key="s" to={`/personal/arenden?status=${s}`}>
              {t(`status.${s}`)}
            </Link>,
            ...KINDS.map((k) => String(cell(s, k))),
          ],
        }))}
      />
    </>
  );
}
