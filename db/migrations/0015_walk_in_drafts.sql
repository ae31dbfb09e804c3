ALTER TABLE "request_drafts" ALTER COLUMN "resident_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "request_drafts" ADD COLUMN "staff_user_id" uuid;--> statement-breakpoint
ALTER TABLE "request_drafts" ADD COLUMN "identity_check_id" uuid;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "registered_by_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "identity_check_id" uuid;--> statement-breakpoint
ALTER TABLE "request_drafts" ADD CONSTRAINT "request_drafts_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_drafts" ADD CONSTRAINT "request_drafts_identity_check_id_identity_checks_id_fk" FOREIGN KEY ("identity_check_id") REFERENCES "public"."identity_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_registered_by_staff_id_staff_users_id_fk" FOREIGN KEY ("registered_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_identity_check_id_identity_checks_id_fk" FOREIGN KEY ("identity_check_id") REFERENCES "public"."identity_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "request_drafts_staff_idx" ON "request_drafts" USING btree ("staff_user_id");--> statement-breakpoint
ALTER TABLE "request_drafts" ADD CONSTRAINT "request_drafts_one_owner" CHECK (("request_drafts"."resident_id" IS NULL) <> ("request_drafts"."staff_user_id" IS NULL) AND ("request_drafts"."staff_user_id" IS NULL) = ("request_drafts"."identity_check_id" IS NULL));