import { getResident } from './resident.server';
import { getStaffUser } from './staff.server';

/** The display name of the logged-in person, for the page header. */
export async function currentUser(session: { kind: 'resident' | 'staff'; residentId: string | null; staffUserId: string | null } | null) {
  if (!session) return null;
  if (session.kind === 'resident' && session.residentId) {
    const r = await getResident(session.residentId);
    return r ? { kind: 'resident' as const, name: r.name } : null;
  }
  if (session.kind === 'staff' && session.staffUserId) {
    const s = await getStaffUser(session.staffUserId);
    return s ? { kind: 'staff' as const, name: s.name } : null;
  }
  return null;
}
