/**
 * Delivering a registerutdrag other than in Mina ärenden (issue #7): by rekommenderat brev to the
 * folkbokföringsadress, looked up and printed but never stored; via Skatteverket's förmedling for
 * skyddade personuppgifter, which also restricts the case to named handlers; the record of sending;
 * and the samordnare changing the method on the person's request.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditLog, caseEvents, caseHandlers, cases, staffUsers } from '../../db/schema/index';
import { addResident, fileCase, useTestDeliveryStore, useTestFileStore } from '../../tests/cases';
import { useTestDatabase } from '../../tests/db';
import { pdfText } from '../../tests/pdf-text';
import { buildTestUtdragPackage } from '../../tests/utdrag';
import { addDays } from '~/domain/iso-date';
import { todayInStockholm } from '../utils/dates.server';
import { createFixtureFolkbokforing } from '../utils/folkbokforing/fixture.server';
import { setFolkbokforingForTests } from '../utils/folkbokforing/index.server';
import { personnummerLookup } from '../utils/pnr-crypto.server';
import { changeDeliveryMethod, openPrintFile, recordUtdragSent } from './utdrag-delivery.server';
import { currentUtdragPackage, openUtdragPackageAsResident, prepareUtdragPackage } from './utdrag-package.server';

const t = useTestDatabase();
useTestFileStore();
useTestDeliveryStore();
afterEach(() => setFolkbokforingForTests(null));

const staffByPnr = async (pnr: string) => (await t.handle.db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.pnrLookup, personnummerLookup(pnr))))[0]!.id;

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every row of every table as text: what the portal has stored, anywhere. */
async function wholeDatabase(): Promise<string> {
  const tables = (await t.handle.raw.executeSql("select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'", [])).rows as { table_name: string }[];
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = (await t.handle.raw.executeSql(`select row_to_json(x)::text as j from "${table_name}" x`, [])).rows as { j: string }[];
    parts.push(...rows.map((r) => r.j));
  }
  return parts.join('\n');
}

describe('a registerutdrag by rekommenderat brev', () => {
  it('prints the folkbokföringsadress without storing it, and records the sending', async () => {
    const resident = await addResident(t.handle, '198001019804', 'Anna Andersson');
    const [c] = await fileCase(t.handle, resident, '198001019804', { answers: { delivery: 'registered_post' } });
    const packageId = await buildTestUtdragPackage(t.handle, c!.id);
    const samordnare = await staffByPnr('197803149827');

    const pkg = await currentUtdragPackage(c!.id);
    expect(pkg).toMatchObject({ status: 'built', deliveryMethod: 'registered_post', mailing: 'address', manifest: null });
    // Not a download in Mina ärenden: it goes by post.
    expect(await openUtdragPackageAsResident(c!.id, resident.id)).toBeNull();

    const print = await openPrintFile(c!.id, samordnare);
    const text = await pdfText(await readAll(print!.stream));
    // The demo folkbokföring's address for 198001019804, on the address page only.
    expect(text).toContain('Sjövägen 15');
    expect(text).toContain('645 41');
    expect(text).toMatch(/REKOMMENDERAT/);
    expect(await wholeDatabase()).not.toContain('Sjövägen');
    const audit = await t.handle.db.select({ action: auditLog.action, details: auditLog.details }).from(auditLog).where(eq(auditLog.entityId, c!.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['folkbokforing.lookup', 'utdrag.print_built', 'utdrag.print_file']));
    expect(audit.find((a) => a.action === 'folkbokforing.lookup')!.details).toMatchObject({ outcome: 'address', protectedFound: false });

    // The record of sending: a real date, not in the future; PostNord's S10 number with its check digit.
    const send = (sentOn: string, trackingNumber: string) => recordUtdragSent({ caseId: c!.id, packageId, staffId: samordnare, sentOn, trackingNumber });
    expect(await send('', '')).toEqual({ ok: false, errors: { sentOn: 'required', trackingNumber: 'empty' } });
    expect(await send(addDays(todayInStockholm(), 1), 'RR123456784SE')).toEqual({ ok: false, errors: { sentOn: 'future', trackingNumber: 'checkDigit' } });
    expect(await send('2026-02-30', 'RR12345678SE')).toEqual({ ok: false, errors: { sentOn: 'invalid', trackingNumber: 'format' } });
    expect(await send('2020-01-01', 'RR123456785SE')).toEqual({ ok: false, errors: { sentOn: 'beforeBuilt' } });
    expect(await send(todayInStockholm(), 'rr 1234 5678 5 se')).toEqual({ ok: true });
    expect(await currentUtdragPackage(c!.id)).toMatchObject({ status: 'delivered', sentOn: todayInStockholm(), trackingNumber: 'RR123456785SE', sentByStaffId: samordnare });
    const [sent] = await t.handle.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c!.id), eq(caseEvents.type, 'utdrag.sent')));
    expect(sent).toMatchObject({ visibleToResident: true, data: { sentOn: todayInStockholm(), trackingNumber: 'RR123456785SE', mailing: 'address' } });
    // Sent: the print file with the address has left the store.
    expect(await openPrintFile(c!.id, samordnare)).toBeNull();
    expect(await currentUtdragPackage(c!.id)).toMatchObject({ storeId: null });
    // Sent once: a second record finds no package waiting.
    expect(await send(todayInStockholm(), 'RR123456785SE')).toEqual({ ok: false, error: 'not-found' });
  });

  it('goes via Skatteverket for skyddade personuppgifter: no address stored or printed, the case restricted to named handlers', async () => {
    // The person did not say so when filing; the folkbokföring does. Even a fixture entry that wrongly
    // carries an address must not leak it (the adapter drops it).
    setFolkbokforingForTests(
      createFixtureFolkbokforing({
        persons: {
          '199005149829': { name: { given: 'Maja', surname: 'Ekström' }, protection: 'skyddad_folkbokforing', address: { street: 'Hemligvägen 9', postalCode: '645 99', city: 'Sjöbacka' } },
        },
      }),
    );
    const resident = await addResident(t.handle, '199005149829', 'Maja Ekström');
    const [c] = await fileCase(t.handle, resident, '199005149829', { answers: { delivery: 'registered_post' }, protectedIdentity: false });
    await buildTestUtdragPackage(t.handle, c!.id);
    const samordnare = await staffByPnr('197803149827');

    expect(await currentUtdragPackage(c!.id)).toMatchObject({ status: 'built', mailing: 'formedling' });
    const [row] = await t.handle.db.select({ protectedIdentity: cases.protectedIdentity }).from(cases).where(eq(cases.id, c!.id));
    expect(row!.protectedIdentity).toBe(true);
    const handlers = await t.handle.db.select({ id: caseHandlers.staffUserId }).from(caseHandlers).where(eq(caseHandlers.caseId, c!.id));
    expect(handlers.map((h) => h.id)).toContain(samordnare);
    const [found] = await t.handle.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c!.id), eq(caseEvents.type, 'protected.found')));
    expect(found).toMatchObject({ visibleToResident: false });

    const text = await pdfText(await readAll((await openPrintFile(c!.id, samordnare))!.stream));
    expect(text).toContain('Box 2820');
    expect(text).toContain('403 20');
    // Skatteverket forwards by personnummer: on the inner envelope's label.
    expect(text).toContain('19900514-9829');
    expect(text).not.toContain('Hemligvägen');
    expect(text).not.toContain('645 99');
    const stored = await wholeDatabase();
    expect(stored).not.toContain('Hemligvägen');
    expect(stored).not.toContain('645 99');
  });

  it('cannot be prepared when the folkbokföring has no address (utvandrad)', async () => {
    const resident = await addResident(t.handle, '196703049822', 'Per Wallin');
    const [c] = await fileCase(t.handle, resident, '196703049822', { answers: { delivery: 'registered_post' } });
    await expect(buildTestUtdragPackage(t.handle, c!.id)).rejects.toThrow('no-address');
    expect(await currentUtdragPackage(c!.id)).toBeNull();
    expect(await prepareUtdragPackage({ caseId: c!.id, staffId: await staffByPnr('197803149827') })).toEqual({ ok: false, error: 'no-address' });
  });
});

describe('changing the delivery method on request', () => {
  it('needs a new method and how the person asked, shows the change on the timeline; after building, a new package is prepared the new way', async () => {
    const resident = await addResident(t.handle, '198001019804', 'Anna Andersson');
    const [c] = await fileCase(t.handle, resident, '198001019804', { answers: { delivery: 'portal' } });
    const samordnare = await staffByPnr('197803149827');
    const change = (method: string, reason: string) => changeDeliveryMethod({ caseId: c!.id, staffId: samordnare, method, reason });
    expect(await change('fax', 'Ringde.')).toEqual({ ok: false, error: 'method' });
    expect(await change('registered_post', '  ')).toEqual({ ok: false, error: 'reasonRequired' });
    expect(await change('registered_post', 'x'.repeat(501))).toEqual({ ok: false, error: 'tooLong' });
    expect(await change('portal', 'Ringde.')).toEqual({ ok: false, error: 'unchanged' });
    expect(await change('registered_post', 'Ringde 23 november och bad om brev.')).toEqual({ ok: true });
    const [event] = await t.handle.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c!.id), eq(caseEvents.type, 'delivery.changed')));
    expect(event).toMatchObject({ visibleToResident: true, data: { from: 'portal', to: 'registered_post' } });
    // The reason is for the file (the audit trail), not the resident's timeline.
    expect(JSON.stringify(event!.data)).not.toContain('Ringde');
    const [audit] = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityId, c!.id), eq(auditLog.action, 'case.delivery_changed')));
    expect(audit!.details).toMatchObject({ from: 'portal', to: 'registered_post', reason: 'Ringde 23 november och bad om brev.' });

    // Back to the portal before building: the package is built the new way.
    expect(await change('portal', 'Mejlade att hon ändå vill ha det digitalt.')).toEqual({ ok: true });
    await buildTestUtdragPackage(t.handle, c!.id);
    expect(await currentUtdragPackage(c!.id)).toMatchObject({ status: 'built', deliveryMethod: 'portal' });
    // Built, and then the person asks for it at the reception instead: the built package stays, and a
    // new one is prepared for the new method.
    const built = await currentUtdragPackage(c!.id);
    expect(await change('reception', 'Kunde inte logga in, hämtar i receptionen.')).toEqual({ ok: true });
    expect(await currentUtdragPackage(c!.id)).toMatchObject({ id: built!.id, status: 'built', deliveryMethod: 'portal' });
    const again = await prepareUtdragPackage({ caseId: c!.id, staffId: samordnare });
    expect(again).toMatchObject({ ok: true, deliveryMethod: 'reception' });
    expect(await currentUtdragPackage(c!.id)).toMatchObject({ status: 'awaiting_approval', deliveryMethod: 'reception' });
  });
});
