-- A submission's copy of the journey's answers held the subject's personnummer in clear when the
-- request was made for a child, principal or ward. The encrypted column (subject_pnr_ciphertext,
-- ADR 005) has it; the copy keeps the name only. Filing no longer writes it (submission.server.ts).
UPDATE "submissions" SET "answers" = "answers" #- '{subject,personnummer}' WHERE "answers"->'subject' ? 'personnummer';
