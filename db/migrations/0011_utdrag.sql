CREATE TYPE "public"."utdrag_item_kind" AS ENUM('answer', 'attachment', 'document');--> statement-breakpoint
CREATE TYPE "public"."utdrag_package_status" AS ENUM('awaiting_approval', 'approved', 'built', 'delivered', 'removed');--> statement-breakpoint
CREATE TABLE "utdrag_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "utdrag_item_kind" NOT NULL,
	"task_id" uuid,
	"attachment_id" uuid,
	"activity_code" text,
	"title" text NOT NULL,
	"review" jsonb,
	"redacted_attachment_id" uuid,
	"reviewed_by_staff_id" uuid,
	"reviewed_at" timestamp with time zone,
	"added_by_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "utdrag_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"status" "utdrag_package_status" NOT NULL,
	"prepared_by_staff_id" uuid NOT NULL,
	"approved_by_staff_id" uuid,
	"approved_at" timestamp with time zone,
	"store_id" text,
	"sha256" text,
	"size" bigint,
	"manifest" jsonb,
	"built_at" timestamp with time zone,
	"available_until" date,
	"delivered_at" timestamp with time zone,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pua" ADD COLUMN "utdrag_four_eyes" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "utdrag_items" ADD CONSTRAINT "utdrag_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "utdrag_items" ADD CONSTRAINT "utdrag_items_task_id_case_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."case_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "utdrag_items" ADD CONSTRAINT "utdrag_items_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "utdrag_items" ADD CONSTRAINT "utdrag_items_redacted_attachment_id_attachments_id_fk" FOREIGN KEY ("redacted_attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "utdrag_items" ADD CONSTRAINT "utdrag_items_reviewed_by_staff_id_staff_users_id_fk" FOREIGN KEY ("reviewed_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "utdrag_items" ADD CONSTRAINT "utdrag_items_added_by_staff_id_staff_users_id_fk" FOREIGN KEY ("added_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "utdrag_packages" ADD CONSTRAINT "utdrag_packages_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "utdrag_packages" ADD CONSTRAINT "utdrag_packages_prepared_by_staff_id_staff_users_id_fk" FOREIGN KEY ("prepared_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "utdrag_packages" ADD CONSTRAINT "utdrag_packages_approved_by_staff_id_staff_users_id_fk" FOREIGN KEY ("approved_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "utdrag_items_case_idx" ON "utdrag_items" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "utdrag_items_answer_uq" ON "utdrag_items" USING btree ("case_id","task_id") WHERE kind = 'answer';--> statement-breakpoint
CREATE UNIQUE INDEX "utdrag_items_attachment_uq" ON "utdrag_items" USING btree ("case_id","attachment_id") WHERE attachment_id is not null;--> statement-breakpoint
CREATE INDEX "utdrag_packages_case_idx" ON "utdrag_packages" USING btree ("case_id");