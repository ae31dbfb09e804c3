-- A paper form signed by a guardian, ombud or god man kept the signer only in the answers
-- (answers.requester: name, and the personnummer encrypted with its keyed lookup, ADR 005), so the
-- answer went to, and was handed over to, the subject instead. The signer is now the filer, as
-- online (ADR 016): make each such signer a resident (the same ciphertext and lookup) and the
-- submission's filer, and keep only the name in the answers. Forms whose signer gave no
-- personnummer keep no filer; nothing is delivered for them without one (utdrag-pickup, utdrag-delivery).
INSERT INTO "residents" ("pnr_ciphertext", "pnr_lookup", "name")
SELECT DISTINCT ON ("answers"->'requester'->>'pnrLookup') "answers"->'requester'->>'pnrCiphertext', "answers"->'requester'->>'pnrLookup', "answers"->'requester'->>'name'
FROM "submissions"
WHERE "channel" = 'paper' AND "filed_by_resident_id" IS NULL AND "answers"->'requester' ? 'pnrLookup' AND "answers"->'requester' ? 'pnrCiphertext'
ORDER BY "answers"->'requester'->>'pnrLookup', "created_at" DESC
ON CONFLICT ("pnr_lookup") DO NOTHING;--> statement-breakpoint
UPDATE "submissions" AS s SET "filed_by_resident_id" = r."id"
FROM "residents" AS r
WHERE s."channel" = 'paper' AND s."filed_by_resident_id" IS NULL AND r."pnr_lookup" = s."answers"->'requester'->>'pnrLookup';--> statement-breakpoint
UPDATE "submissions" SET "answers" = "answers" #- '{requester,pnrCiphertext}' #- '{requester,pnrLookup}'
WHERE "channel" = 'paper' AND "filed_by_resident_id" IS NOT NULL AND "answers"->'requester' ? 'pnrLookup';
