/**
 * Re-routing (issue #5): a request that reached the wrong nämnd is sent on to the PUA that handles
 * the matter. The received date stays — the deadline runs from when the request reached the kommun
 * (DOMAIN.md §5) — and the case gets a diarienummer in the new PUA's diarium. The old case is closed
 * with a "sent on" event and the new one starts with a "came from" event, so both PUAs (and the
 * resident) see the trail. Messages and tasks stay with the old case, where they were written.
 */
import { and, eq } from 'drizzle-orm';
import { caseEvents, cases, pua } from '../../db/schema/index';
import { nextStatus, type CaseStatus } from '~/domain/case-status';
import { formatDiarienummer } from '~/domain/requests';
import { todayInStockholm } from '../utils/dates.server';
import { db, type Database } from '../utils/db.server';
import { writeAudit } from './audit.server';
import { nextDiarieNumber } from './submission.server';

export type RerouteResult = { ok: true; caseId: string; diarienummer: string } | { ok: false; error: 'not-found' | 'not-allowed' | 'same-pua' | 'other-kommun' | 'exists' };

export async function rerouteCase(input: { caseId: string; staffId: string; targetPuaId: string }, database: Database = db()): Promise<RerouteResult> {
  return database.transaction(async (txn): Promise<RerouteResult> => {
    const tx = txn as unknown as Database;
    const [c] = await tx.select().from(cases).where(eq(cases.id, input.caseId)).for('update');
    if (!c) return { ok: false, error: 'not-found' };
    const closed = nextStatus(c.status as CaseStatus, 'reroute');
    if (!closed) return { ok: false, error: 'not-allowed' };
    if (c.puaId === input.targetPuaId) return { ok: false, error: 'same-pua' };
    const [from] = await tx.select({ kommunId: pua.kommunId, name: pua.name }).from(pua).where(eq(pua.id, c.puaId));
    const [to] = /^[0-9a-f-]{36}$/i.test(input.targetPuaId) ? await tx.select().from(pua).where(eq(pua.id, input.targetPuaId)) : [];
    if (!to || !to.active) return { ok: false, error: 'not-found' };
    if (to.kommunId !== from!.kommunId) return { ok: false, error: 'other-kommun' };
    // One case per submission, PUA and kind: the target may already have this request.
    const [existing] = await tx.select({ id: cases.id }).from(cases).where(and(eq(cases.submissionId, c.submissionId), eq(cases.puaId, to.id), eq(cases.kind, c.kind)));
    if (existing) return { ok: false, error: 'exists' };

    const year = Number(todayInStockholm().slice(0, 4));
    const diarienummer = formatDiarienummer(to.diariumPrefix, year, await nextDiarieNumber(tx, to.id, year));
    const [created] = await tx
      .insert(cases)
      .values({
        submissionId: c.submissionId,
        puaId: to.id,
        kind: c.kind,
        rights: c.rights,
        diarienummer,
        receivedDate: c.receivedDate,
        deadline: c.deadline,
        extendedOn: c.extendedOn,
        extensionReason: c.extensionReason,
        protectedIdentity: c.protectedIdentity,
      })
      .returning({ id: cases.id });
    await tx.update(cases).set({ status: closed, updatedAt: new Date() }).where(eq(cases.id, c.id));
    const actor = { type: 'staff', id: input.staffId } as const;
    await tx.insert(caseEvents).values([
      { caseId: c.id, type: 'rerouted', actorType: 'staff', actorId: input.staffId, data: { toCaseId: created!.id, toDiarienummer: diarienummer, toPua: to.name } },
      { caseId: created!.id, type: 'rerouted.from', actorType: 'staff', actorId: input.staffId, data: { fromCaseId: c.id, fromDiarienummer: c.diarienummer, fromPua: from!.name } },
    ]);
    await writeAudit(tx, { actor, action: 'case.reroute', entityType: 'case', entityId: c.id, details: { toCaseId: created!.id, toPuaId: to.id } });
    return { ok: true, caseId: created!.id, diarienummer };
  });
}

/** The other PUAs of the same kommun, for the re-route choice. */
export async function rerouteTargets(puaId: string, kommunId: string, database: Database = db()) {
  const rows = await database.select({ id: pua.id, name: pua.name }).from(pua).where(and(eq(pua.kommunId, kommunId), eq(pua.active, true)));
  return rows.filter((r) => r.id !== puaId).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}
