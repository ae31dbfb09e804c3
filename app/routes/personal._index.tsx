import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { pageMeta } from '~/utils/page-meta';
import { roleGrants } from '~/domain/permissions';
import { getRoleAssignments, getStaffOverview } from '~/models/staff.server';
import { requireStaffId } from '~/utils/auth.server';
import { i18next } from '~/utils/i18next.server';

export const handle = { i18n: ['account', 'office'] };

/** The staff start page: who is logged in and in which roles and PUAs (their work comes in #5). */
export async function loader({ request }: LoaderFunctionArgs) {
  const staffId = await requireStaffId(request);
  const [overview, assignments] = await Promise.all([getStaffOverview(staffId), getRoleAssignments(staffId)]);
  if (!overview) throw new Response('Not Found', { status: 404 });
  const caseWork = assignments.some((a) => (['read:case:pua', 'read:case:assigned', 'register:case:pua'] as const).some((p) => roleGrants(a.role, p)));
  const taskWork = assignments.some((a) => roleGrants(a.role, 'answer:task:own'));
  const t = await i18next.getFixedT(request, ['account', 'common']);
  return json({ title: `${t('account:staff.title')} – ${t('common:service.name')}`, ...overview, caseWork, taskWork });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export default function StaffHome() {
  const { t } = useTranslation(['account', 'office']);
  const { name, roles, caseWork, taskWork } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="caption-l">{t('loggedInAs', { name })}</span>
      <h1 className="heading-xl">{t('staff.title')}</h1>
      {caseWork ? (
        <>
          <h2 className="heading-m">
            <Link to="/personal/arenden">{t('office:home.inbox')}</Link>
          </h2>
          <p className="body">{t('office:home.inboxText')}</p>
        </>
      ) : null}
      {taskWork ? (
        <>
          <h2 className="heading-m">
            <Link to="/personal/uppdrag">{t('office:home.tasks')}</Link>
          </h2>
          <p className="body">{t('office:home.tasksText')}</p>
        </>
      ) : null}
      <h2 className="heading-m">{t('staff.rolesHeading')}</h2>
      <ul className="list list--bullet">
        {roles.map((r) => (
          <li key={`${r.role}-${r.scope}`}>
            {t('staff.roleIn', { role: t(`roles.${r.role}`), scope: r.scope })}
          </li>
        ))}
      </ul>
    </>
  );
}
