import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateSamverkanConfig } from '~/domain/samverkan-config';
import { importSamverkanConfig, listPuaRefs } from '~/models/organisation.server';
import { findStaffByPersonnummer } from '~/models/staff.server';
import { residents, sessions } from '../../db/schema/index';
import { useTestDatabase } from '../../tests/db';
import { requireResidentId, requireStaffWithPermission } from './auth.server';
import { encryptPersonnummer, personnummerLookup } from './pnr-crypto.server';
import { endSession, sessionCookie, startSession } from './session.server';

const t = useTestDatabase();

async function cookieFor(owner: Parameters<typeof startSession>[1]) {
  const setCookie = await startSession(new Request('http://localhost/'), owner);
  return setCookie.split(';')[0]!;
}

const request = (cookie?: string, path = '/mina-arenden') => new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });

async function thrown(p: Promise<unknown>): Promise<Response> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
  throw new Error('expected the guard to throw');
}

async function setup() {
  const r = validateSamverkanConfig(JSON.parse(fs.readFileSync('db/seed/demo-samverkan.json', 'utf8')));
  if (!r.ok) throw new Error('demo');
  await importSamverkanConfig(r.config, { type: 'cli' }, '2026-11-22');
  const samordnare = r.config.staff.find((s) => s.roles.some((x) => x.role === 'gdpr_samordnare' && x.pua?.length === 1))!;
  const reception = r.config.staff.find((s) => s.roles.every((x) => x.role === 'reception'))!;
  const byPnr = async (pnr: string) => (await findStaffByPersonnummer(pnr.replace('-', '')))!;
  return { config: r.config, samordnare: await byPnr(samordnare.personnummer), samordnarePua: samordnare.roles[0]!.pua![0]!, reception: await byPnr(reception.personnummer) };
}

describe('guards', () => {
  it('requireResidentId redirects to login, keeping where the person was going', async () => {
    const res = await thrown(requireResidentId(request(undefined, '/mina-arenden?x=1')));
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('/logga-in?redirectTo=%2Fmina-arenden%3Fx%3D1');
  });

  it('a resident session passes requireResidentId but not a staff guard', async () => {
    const [resident] = await t.handle.db
      .insert(residents)
      .values({ pnrCiphertext: encryptPersonnummer('198112289874'), pnrLookup: personnummerLookup('198112289874'), name: 'Test' })
      .returning();
    const cookie = await cookieFor({ kind: 'resident', residentId: resident!.id });
    expect(await requireResidentId(request(cookie))).toBe(resident!.id);
    const res = await thrown(requireStaffWithPermission(request(cookie, '/personal'), 'read:case:pua'));
    expect(res.headers.get('Location')).toMatch(/^\/personal\/logga-in/);
  });

  it('requireStaffWithPermission scopes to the PUAs where the permission holds, else 404', async () => {
    const { samordnare, reception } = await setup();
    const puas = await listPuaRefs();
    const access = await requireStaffWithPermission(request(await cookieFor({ kind: 'staff', staffUserId: samordnare.id })), 'read:case:pua');
    expect(access.staff.id).toBe(samordnare.id);
    expect(access.puaIds).toHaveLength(1);
    expect(puas.map((p) => p.id)).toContain(access.puaIds[0]);

    const receptionCookie = await cookieFor({ kind: 'staff', staffUserId: reception.id });
    const denied = await thrown(requireStaffWithPermission(request(receptionCookie), 'read:case:pua'));
    expect(denied.status).toBe(404);
    const status = await requireStaffWithPermission(request(receptionCookie), 'read:case-status:kommun');
    expect(status.puaIds.length).toBeGreaterThan(1); // kommun scope: every PUA of the kommun
  });

  it('logout revokes the session row: the old cookie no longer works', async () => {
    const { samordnare } = await setup();
    const cookie = await cookieFor({ kind: 'staff', staffUserId: samordnare.id });
    await endSession(request(cookie));
    const res = await thrown(requireStaffWithPermission(request(cookie), 'read:case:pua'));
    expect(res.status).toBe(302);
  });

  it('an idle session expires (staff idle limit is shorter)', async () => {
    const { samordnare } = await setup();
    const cookie = await cookieFor({ kind: 'staff', staffUserId: samordnare.id });
    await t.handle.db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 16 * 60_000) });
    const res = await thrown(requireStaffWithPermission(request(cookie), 'read:case:pua'));
    expect(res.status).toBe(302);
  });

  it('a login rotates the session id and ends the previous one', async () => {
    const { samordnare } = await setup();
    const first = await cookieFor({ kind: 'staff', staffUserId: samordnare.id });
    const second = (await startSession(request(first), { kind: 'staff', staffUserId: samordnare.id })).split(';')[0]!;
    expect(second).not.toBe(first);
    expect((await thrown(requireStaffWithPermission(request(first), 'read:case:pua'))).status).toBe(302);
    expect((await requireStaffWithPermission(request(second), 'read:case:pua')).staff.id).toBe(samordnare.id);
  });

  it('a forged cookie (bad signature) is ignored', async () => {
    const forged = `dsp_session=${Buffer.from(JSON.stringify('x'.repeat(43))).toString('base64')}.invalidsignature`;
    expect(await sessionCookie().parse(forged)).toBe(null);
    expect((await thrown(requireResidentId(request(forged)))).status).toBe(302);
  });
});
