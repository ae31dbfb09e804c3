ALTER TABLE "cases" DROP CONSTRAINT "cases_diarienummer_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "cases_pua_diarienummer_uq" ON "cases" USING btree ("pua_id","diarienummer");