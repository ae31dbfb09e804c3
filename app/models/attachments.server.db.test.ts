import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSamverkanConfig } from '~/domain/samverkan-config';
import { MAX_FILES } from '~/domain/file-types';
import { attachments, auditLog, requestDrafts, residents, submissions } from '../../db/schema/index';
import { useTestDatabase } from '../../tests/db';
import { createFileStore, useFileStore, type FileStore } from '../utils/file-store.server';
import { encryptPersonnummer, personnummerLookup } from '../utils/pnr-crypto.server';
import type { Database } from '../utils/db.server';
import { countAuditRows, verifyAuditChain } from './audit.server';
import {
  addDraftAttachment,
  attachToSubmission,
  countDraftAttachments,
  getAttachmentForDownload,
  listDraftAttachments,
  removeDraftAttachment,
} from './attachments.server';
import { getSamverkanOverview, importSamverkanConfig } from './organisation.server';

const t = useTestDatabase();
let store: FileStore;
let filesDir: string;
let kommunId: string;

beforeAll(async () => {
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsp-attachments-'));
  store = createFileStore({ dir: filesDir, keys: [crypto.randomBytes(32)] });
  useFileStore(store);
  const demo = validateSamverkanConfig(JSON.parse(fs.readFileSync('db/seed/demo-samverkan.json', 'utf8')));
  if (!demo.ok) throw new Error('demo config');
  await importSamverkanConfig(demo.config, { type: 'cli' }, '2026-11-22');
  kommunId = (await getSamverkanOverview()).kommuner.find((k) => k.code === 'sjobacka')!.id;
});

afterAll(() => {
  useFileStore(undefined);
  fs.rmSync(filesDir, { recursive: true, force: true });
});

let pnrCounter = 0;
async function newResident(): Promise<string> {
  // Unique (not necessarily valid) numbers: the table only stores ciphertext and lookup hash.
  const pnr = `19800101${String(++pnrCounter).padStart(4, '0')}`;
  const [row] = await t.handle.db
    .insert(residents)
    .values({ pnrCiphertext: encryptPersonnummer(pnr), pnrLookup: personnummerLookup(pnr), name: 'Anna Andersson' })
    .returning({ id: residents.id });
  return row!.id;
}

async function newDraft(residentId: string): Promise<string> {
  const [row] = await t.handle.db.insert(requestDrafts).values({ residentId, answers: { rights: ['registerutdrag'] } }).returning({ id: requestDrafts.id });
  return row!.id;
}

async function newSubmission(draftId: string, residentId: string | null): Promise<string> {
  const [row] = await t.handle.db
    .insert(submissions)
    .values({
      reference: `DSP-2026-${crypto.randomBytes(3).toString('hex').toUpperCase()}`,
      draftId,
      kommunId,
      filedByResidentId: residentId,
      channel: 'e_tjanst',
      relation: 'self',
      subjectPnrCiphertext: encryptPersonnummer('198001019804'),
      subjectPnrLookup: personnummerLookup('198001019804'),
      subjectName: 'Anna Andersson',
      answers: {},
      receivedAt: new Date(),
    })
    .returning({ id: submissions.id });
  return row!.id;
}

const pdf = (text: string = crypto.randomUUID()) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);
const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

async function add(draftId: string, residentId: string, bytes: Uint8Array = pdf(), filename = 'fullmakt.pdf') {
  const result = await addDraftAttachment({ draftId, owner: { residentId }, purpose: 'fullmakt', file: { filename, bytes } });
  if (!result.ok) throw new Error(`add failed: ${result.error}`);
  return result.attachment;
}

async function auditDetailsFor(action: string) {
  return t.handle.db.select().from(auditLog).where(eq(auditLog.action, action));
}

describe('draft attachments', () => {
  it('stores the file encrypted by content hash and records the row with a safe name and the sniffed type', async () => {
    const resident = await newResident();
    const draft = await newDraft(resident);
    const bytes = pdf('Fullmakt för Åsa');
    const before = await countAuditRows(t.handle.db, 'attachment.add');
    const result = await addDraftAttachment({ draftId: draft, owner: { residentId: resident }, purpose: 'fullmakt', file: { filename: '../Fullmakt\u202E Åsa.png', bytes } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.attachment).toMatchObject({ sha256: sha(bytes), filename: 'Fullmakt Åsa.png', mimeType: 'application/pdf', size: bytes.length, purpose: 'fullmakt' });
    const [row] = await t.handle.db.select().from(attachments).where(eq(attachments.id, result.attachment.id));
    expect(row).toMatchObject({ draftId: draft, submissionId: null, uploadedByResidentId: resident });
    expect((await store.readStoredFile(sha(bytes))).equals(bytes)).toBe(true);
    expect(fs.readFileSync(store.pathFor(sha(bytes))).includes(Buffer.from('Fullmakt för Åsa'))).toBe(false);
    expect(await countAuditRows(t.handle.db, 'attachment.add')).toBe(before + 1);
  });

  it('audits ids, hash and size — never the file name', async () => {
    const resident = await newResident();
    const draft = await newDraft(resident);
    const a = await add(draft, resident, pdf(), 'Läkarintyg Kalle Karlsson 20150101-1234.pdf');
    await removeDraftAttachment(a.id, draft, { residentId: resident });
    for (const action of ['attachment.add', 'attachment.remove']) {
      const rows = (await auditDetailsFor(action)).filter((r) => r.entityId === a.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actorType: 'resident', actorId: resident, entityType: 'attachment' });
      expect(rows[0]!.details).toMatchObject({ draftId: draft, sha256: a.sha256, size: a.size });
      const serialised = JSON.stringify(rows[0]);
      for (const leak of ['Kalle', 'Läkarintyg', '20150101', 'fullmakt.pdf']) expect(serialised).not.toContain(leak);
    }
  });

  it('refuses what is not an allowed file, whatever the caller claims', async () => {
    const resident = await newResident();
    const draft = await newDraft(resident);
    const attempt = (bytes: Uint8Array) => addDraftAttachment({ draftId: draft, owner: { residentId: resident }, purpose: 'evidence', file: { filename: 'x.pdf', bytes } });
    expect(await attempt(Buffer.from('<html>'))).toEqual({ ok: false, error: 'wrong-type' });
    expect(await attempt(new Uint8Array(0))).toEqual({ ok: false, error: 'empty' });
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    pdf().copy(big);
    expect(await attempt(big)).toEqual({ ok: false, error: 'too-large' });
    expect(await countDraftAttachments(draft)).toBe(0);
    await expect(
      addDraftAttachment({ draftId: draft, owner: { residentId: resident }, purpose: 'secret' as never, file: { filename: 'x.pdf', bytes: pdf() } }),
    ).rejects.toThrow(TypeError);
  });

  it('only the draft owner can add, and only while the draft is open', async () => {
    const owner = await newResident();
    const other = await newResident();
    const draft = await newDraft(owner);
    const bytes = pdf();
    const attempt = (draftId: string, residentId: string) => addDraftAttachment({ draftId, owner: { residentId }, purpose: 'fullmakt', file: { filename: 'a.pdf', bytes } });
    expect(await attempt(draft, other)).toEqual({ ok: false, error: 'draft-not-found' });
    expect(await attempt(crypto.randomUUID(), owner)).toEqual({ ok: false, error: 'draft-not-found' });
    expect(await attempt('not-a-uuid', owner)).toEqual({ ok: false, error: 'draft-not-found' });
    expect(await store.hasStoredFile(sha(bytes))).toBe(false); // nothing stored for a refused upload
    await t.handle.db.update(requestDrafts).set({ submittedAt: new Date() }).where(eq(requestDrafts.id, draft));
    expect(await attempt(draft, owner)).toEqual({ ok: false, error: 'draft-not-found' });
  });

  it(`allows at most ${MAX_FILES} files per draft, even with parallel uploads`, async () => {
    const resident = await newResident();
    const draft = await newDraft(resident);
    const results = await Promise.all(
      Array.from({ length: MAX_FILES + 3 }, (_, i) => addDraftAttachment({ draftId: draft, owner: { residentId: resident }, purpose: 'evidence', file: { filename: `b${i}.pdf`, bytes: pdf() } })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(MAX_FILES);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual(['too-many', 'too-many', 'too-many']);
    expect(await countDraftAttachments(draft)).toBe(MAX_FILES);
  });

  it('lists the draft’s files, oldest first, to its owner only', async () => {
    const owner = await newResident();
    const other = await newResident();
    const draft = await newDraft(owner);
    const otherDraft = await newDraft(other);
    const a = await add(draft, owner, pdf(), 'a.pdf');
    const b = await add(draft, owner, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), 'b.jpg');
    await add(otherDraft, other);
    const list = await listDraftAttachments(draft, { residentId: owner });
    expect(list.map((x) => [x.id, x.filename, x.mimeType])).toEqual([[a.id, 'a.pdf', 'application/pdf'], [b.id, 'b.jpg', 'image/jpeg']]);
    expect(list[0]).not.toHaveProperty('bytes');
    expect(await listDraftAttachments(draft, { residentId: other })).toEqual([]);
    expect(await listDraftAttachments(otherDraft, { residentId: owner })).toEqual([]);
    expect(await listDraftAttachments('1; drop table attachments', { residentId: owner })).toEqual([]);
    expect(await countDraftAttachments(draft)).toBe(2);
    expect(await countDraftAttachments('nope')).toBe(0);
  });

  it('removes a file only for its owner and draft, audited; the stored file stays for gallring', async () => {
    const owner = await newResident();
    const other = await newResident();
    const draft = await newDraft(owner);
    const otherDraft = await newDraft(owner);
    const a = await add(draft, owner);
    const before = await countAuditRows(t.handle.db, 'attachment.remove');
    expect(await removeDraftAttachment(a.id, draft, { residentId: other })).toBe(false);
    expect(await removeDraftAttachment(a.id, otherDraft, { residentId: owner })).toBe(false);
    expect(await removeDraftAttachment('x', draft, { residentId: owner })).toBe(false);
    expect(await countAuditRows(t.handle.db, 'attachment.remove')).toBe(before);
    expect(await removeDraftAttachment(a.id, draft, { residentId: owner })).toBe(true);
    expect(await removeDraftAttachment(a.id, draft, { residentId: owner })).toBe(false);
    expect(await listDraftAttachments(draft, { residentId: owner })).toEqual([]);
    expect(await countAuditRows(t.handle.db, 'attachment.remove')).toBe(before + 1);
    expect(await store.hasStoredFile(a.sha256)).toBe(true);
  });

  it('stores identical content once and keeps it readable for every row referencing it', async () => {
    const r1 = await newResident();
    const r2 = await newResident();
    const d1 = await newDraft(r1);
    const d2 = await newDraft(r2);
    const bytes = pdf('same scan');
    const a1 = await add(d1, r1, bytes);
    const a2 = await add(d2, r2, bytes);
    expect(a1.sha256).toBe(a2.sha256);
    expect(a1.id).not.toBe(a2.id);
    await removeDraftAttachment(a1.id, d1, { residentId: r1 });
    expect((await getAttachmentForDownload(a2.id, { residentId: r2 }))!.bytes.equals(bytes)).toBe(true);
  });
});

describe('attachToSubmission', () => {
  it('moves the draft’s files to the submission in the caller’s transaction, audited', async () => {
    const resident = await newResident();
    const draft = await newDraft(resident);
    const a = await add(draft, resident);
    const b = await add(draft, resident);
    const submission = await newSubmission(draft, resident);
    const moved = await t.handle.db.transaction((tx) => attachToSubmission(draft, submission, tx as unknown as Database));
    expect(moved).toBe(2);
    const rows = await t.handle.db.select().from(attachments).where(eq(attachments.submissionId, submission));
    expect(rows.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    expect(rows.every((r) => r.draftId === null)).toBe(true);
    expect(await countDraftAttachments(draft)).toBe(0);
    expect(await listDraftAttachments(draft, { residentId: resident })).toEqual([]);
    const [audit] = (await auditDetailsFor('attachment.attach')).filter((r) => r.entityId === submission);
    expect(audit).toMatchObject({ actorType: 'resident', actorId: resident, entityType: 'submission' });
    expect(audit!.details).toEqual({ draftId: draft, attachmentIds: [a.id, b.id].sort(), count: 2 });
    // Idempotent: a retried filing finds nothing left to move and writes no audit row.
    const audits = await countAuditRows(t.handle.db, 'attachment.attach');
    expect(await t.handle.db.transaction((tx) => attachToSubmission(draft, submission, tx as unknown as Database))).toBe(0);
    expect(await countAuditRows(t.handle.db, 'attachment.attach')).toBe(audits);
    // Filed files cannot be removed through the draft any more.
    expect(await removeDraftAttachment(a.id, draft, { residentId: resident })).toBe(false);
  });

  it('rolls back with the caller’s transaction', async () => {
    const resident = await newResident();
    const draft = await newDraft(resident);
    await add(draft, resident);
    const submission = await newSubmission(draft, resident);
    await expect(
      t.handle.db.transaction(async (tx) => {
        await attachToSubmission(draft, submission, tx as unknown as Database);
        throw new Error('filing failed later');
      }),
    ).rejects.toThrow('filing failed later');
    expect(await countDraftAttachments(draft)).toBe(1);
  });

  it('refuses a submission that was not filed from the draft', async () => {
    const resident = await newResident();
    const draft = await newDraft(resident);
    await add(draft, resident);
    const unrelated = await newSubmission(crypto.randomUUID(), resident);
    await expect(t.handle.db.transaction((tx) => attachToSubmission(draft, unrelated, tx as unknown as Database))).rejects.toThrow(/not filed from this draft/);
    expect(await countDraftAttachments(draft)).toBe(1);
  });
});

describe('getAttachmentForDownload', () => {
  it('gives the bytes to the draft owner and then to the filer, audited; null to anyone else', async () => {
    const owner = await newResident();
    const other = await newResident();
    const draft = await newDraft(owner);
    const bytes = pdf('intyg');
    const a = await add(draft, owner, bytes, 'intyg.pdf');
    const before = await countAuditRows(t.handle.db, 'attachment.download');

    const got = await getAttachmentForDownload(a.id, { residentId: owner });
    expect(got).toMatchObject({ id: a.id, filename: 'intyg.pdf', mimeType: 'application/pdf', size: bytes.length, sha256: a.sha256 });
    expect(got!.bytes.equals(bytes)).toBe(true);
    expect(got).not.toHaveProperty('draftId');
    expect(await getAttachmentForDownload(a.id, { residentId: other })).toBeNull();

    const submission = await newSubmission(draft, owner);
    await t.handle.db.transaction((tx) => attachToSubmission(draft, submission, tx as unknown as Database));
    expect((await getAttachmentForDownload(a.id, { residentId: owner }))!.bytes.equals(bytes)).toBe(true);
    expect(await getAttachmentForDownload(a.id, { residentId: other })).toBeNull();

    expect(await getAttachmentForDownload(crypto.randomUUID(), { residentId: owner })).toBeNull();
    expect(await getAttachmentForDownload('../../etc/passwd', { residentId: owner })).toBeNull();
    expect(await getAttachmentForDownload(a.id, { residentId: 'nobody' })).toBeNull();

    const downloads = (await auditDetailsFor('attachment.download')).filter((r) => r.entityId === a.id);
    expect(await countAuditRows(t.handle.db, 'attachment.download')).toBe(before + 2);
    expect(downloads.map((d) => d.actorId)).toEqual([owner, owner]);
    expect(downloads[0]!.details).toEqual({ sha256: a.sha256, size: bytes.length, draftId: draft });
    expect(downloads[1]!.details).toEqual({ sha256: a.sha256, size: bytes.length, submissionId: submission });
  });

  it('a submission filed by staff (no filer) is not downloadable by residents', async () => {
    const owner = await newResident();
    const draft = await newDraft(owner);
    const a = await add(draft, owner);
    const submission = await newSubmission(draft, null);
    await t.handle.db.transaction((tx) => attachToSubmission(draft, submission, tx as unknown as Database, { type: 'staff', id: crypto.randomUUID() }));
    expect(await getAttachmentForDownload(a.id, { residentId: owner })).toBeNull();
  });

  it('refuses a tampered stored file', async () => {
    const owner = await newResident();
    const draft = await newDraft(owner);
    const a = await add(draft, owner);
    const file = store.pathFor(a.sha256);
    const original = fs.readFileSync(file);
    const changed = Buffer.from(original);
    changed[30] = changed[30]! ^ 1;
    fs.writeFileSync(file, changed);
    await expect(getAttachmentForDownload(a.id, { residentId: owner })).rejects.toMatchObject({ code: 'tampered' });
    fs.writeFileSync(file, original);
  });

  it('leaves an intact audit chain', async () => {
    expect((await verifyAuditChain(t.handle.db)).ok).toBe(true);
  });
});
