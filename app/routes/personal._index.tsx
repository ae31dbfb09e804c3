import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CaseDashboard } from '~/components/office/case-dashboard';
import { pageMeta } from '~/utils/page-meta';
import { roleGrants } from '~/domain/permissions';
import { getRoleAssignments, getStaffOverview } from '~/models/staff.server';
import { caseDashboard } from '~/models/dashboard.server';
import { caseScopeOf, requireStaffId, scopePuaIds } from '~/utils/auth.server';
import { todayInStockholm } from '~/utils/dates.server';
import { i18next } from '~/utils/i18next.server';

export const handle = { i18n: ['account', 'office', 'visitor', 'paper'] };

/** The staff start page: the overview of my cases and tasks, and my roles. */
export async function loader({ request }: LoaderFunctionArgs) {
  const staffId = await requireStaffId(request);
  const [overview, assignments, scope] = await Promise.all([getStaffOverview(staffId), getRoleAssignments(staffId), caseScopeOf(staffId)]);
  if (!overview) throw new Response('Not Found', { status: 404 });
  const caseWork = scopePuaIds(scope).length > 0;
  const taskWork = assignments.some((a) => roleGrants(a.role, 'answer:task:own'));
  const adminWork = assignments.some((a) => roleGrants(a.role, 'admin:config:kommun'));
  const registerWork = assignments.some((a) => roleGrants(a.role, 'edit:register:pua'));
  const visitorWork = assignments.some((a) => roleGrants(a.role, 'verify:identity'));
  const pickupWork = assignments.some((a) => roleGrants(a.role, 'handover:package:kommun'));
  const paperWork = assignments.some((a) => roleGrants(a.role, 'register:request:visitor'));
  // The overview is counts only, over the cases this person may see anyway.
  const dashboard = caseWork ? await caseDashboard(scope, todayInStockholm()) : null;
  const t = await i18next.getFixedT(request, ['account', 'common']);
  return json({ title: `${t('account:staff.title')} – ${t('common:service.name')}`, ...overview, caseWork, taskWork, adminWork, registerWork, visitorWork, pickupWork, paperWork, dashboard });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export default function StaffHome() {
  const { t } = useTranslation(['account', 'office', 'visitor', 'paper']);
  const { name, roles, caseWork, taskWork, adminWork, registerWork, visitorWork, pickupWork, paperWork, dashboard } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="caption-l">{t('loggedInAs', { name })}</span>
      <h1 className="heading-xl">{t('staff.title')}</h1>
      {caseWork ? (
        <>
          <WorkArea to="/personal/arenden" title={t('office:home.inbox')} text={t('office:home.inboxText')} />
          {dashboard ? <CaseDashboard dashboard={dashboard} /> : null}
          <WorkArea to="/personal/delegationsbeslut" title={t('office:report.title')} text={t('office:home.reportText')} />
        </>
      ) : null}
      {visitorWork ? <WorkArea to="/personal/besokare" title={t('visitor:home.verify')} text={t('visitor:home.verifyText')} /> : null}
      {pickupWork ? <WorkArea to="/personal/uthamtning" title={t('visitor:pickup.title')} text={t('visitor:home.pickupText')} /> : null}
      {paperWork ? <WorkArea to="/personal/pappersblankett" title={t('paper:home.title')} text={t('paper:home.text')} /> : null}
      {taskWork ? <WorkArea to="/personal/uppdrag" title={t('office:home.tasks')} text={t('office:home.tasksText')} /> : null}
      {registerWork ? <WorkArea to="/personal/registerforteckning" title={t('office:register.title')} text={t('office:register.homeText')} /> : null}
      {adminWork ? <WorkArea to="/personal/delegeringsforteckning" title={t('office:delegations.title')} text={t('office:delegations.homeText')} /> : null}
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

/** One part of the staff member's work: a heading that links to it, and what it is for. */
function WorkArea({ to, title, text }: { to: string; title: string; text: string }) {
  return (
    <>
      <h2 className="heading-m">
        <Link to={to}>{title}</Link>
      </h2>
      <p className="body">{text}</p>
    </>
  );
}
