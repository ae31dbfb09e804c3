CREATE TYPE "public"."identity_check_method" AS ENUM('id_document', 'bankid_phone');--> statement-breakpoint
CREATE TABLE "identity_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"method" "identity_check_method" NOT NULL,
	"pnr_ciphertext" text NOT NULL,
	"pnr_lookup" text NOT NULL,
	"name" text NOT NULL,
	"document" jsonb,
	"bankid_order_id" uuid,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "utdrag_packages" ADD COLUMN "handed_over_by_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "utdrag_packages" ADD COLUMN "handover_check_id" uuid;--> statement-breakpoint
ALTER TABLE "identity_checks" ADD CONSTRAINT "identity_checks_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "identity_checks_staff_idx" ON "identity_checks" USING btree ("staff_user_id","checked_at");--> statement-breakpoint
ALTER TABLE "utdrag_packages" ADD CONSTRAINT "utdrag_packages_handed_over_by_staff_id_staff_users_id_fk" FOREIGN KEY ("handed_over_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;