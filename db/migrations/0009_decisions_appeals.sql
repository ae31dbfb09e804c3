CREATE TYPE "public"."appeal_channel" AS ENUM('portal', 'paper');--> statement-breakpoint
CREATE TYPE "public"."appeal_status" AS ENUM('draft', 'received', 'avvisad', 'lapsed', 'forwarded', 'court_decided');--> statement-breakpoint
CREATE TYPE "public"."decision_status" AS ENUM('draft', 'proposed', 'decided');--> statement-breakpoint
CREATE TYPE "public"."notification_method" AS ENUM('digital', 'post');--> statement-breakpoint
CREATE TABLE "appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"status" "appeal_status" DEFAULT 'draft' NOT NULL,
	"channel" "appeal_channel" NOT NULL,
	"received_on" date,
	"filed_by_resident_id" uuid,
	"registered_by_staff_id" uuid,
	"change_wanted" text NOT NULL,
	"reasons" text DEFAULT '' NOT NULL,
	"signed_summary" text,
	"signature" jsonb,
	"timeliness" jsonb,
	"forwarded_on" date,
	"forwarded_by_staff_id" uuid,
	"package_sha256" text,
	"package_size" integer,
	"court_records" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"status" "decision_status" DEFAULT 'draft' NOT NULL,
	"parts" jsonb NOT NULL,
	"language" text DEFAULT 'sv' NOT NULL,
	"appeal_id" uuid,
	"changes_decision_id" uuid,
	"drafted_by_staff_id" uuid NOT NULL,
	"proposed_by_staff_id" uuid,
	"proposed_at" timestamp with time zone,
	"decided_by_staff_id" uuid,
	"decided_at" timestamp with time zone,
	"decided_on" date,
	"delegation_point" jsonb,
	"appeal_instructions" text DEFAULT 'not_applicable' NOT NULL,
	"withheld_file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"document_id" uuid,
	"notified_on" date,
	"notification_method" "notification_method",
	"notification_recorded_by_staff_id" uuid,
	"report_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delegation_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pua_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"meeting_date" date NOT NULL,
	"reported_by_staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kommuner" ADD COLUMN "forvaltningsratt" jsonb;--> statement-breakpoint
ALTER TABLE "pua" ADD COLUMN "delegations" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "appeal_id" uuid;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "language" text DEFAULT 'sv' NOT NULL;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_filed_by_resident_id_residents_id_fk" FOREIGN KEY ("filed_by_resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_registered_by_staff_id_staff_users_id_fk" FOREIGN KEY ("registered_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_forwarded_by_staff_id_staff_users_id_fk" FOREIGN KEY ("forwarded_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_drafted_by_staff_id_staff_users_id_fk" FOREIGN KEY ("drafted_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_proposed_by_staff_id_staff_users_id_fk" FOREIGN KEY ("proposed_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_decided_by_staff_id_staff_users_id_fk" FOREIGN KEY ("decided_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_document_id_case_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."case_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_notification_recorded_by_staff_id_staff_users_id_fk" FOREIGN KEY ("notification_recorded_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_report_id_delegation_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."delegation_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_reports" ADD CONSTRAINT "delegation_reports_pua_id_pua_id_fk" FOREIGN KEY ("pua_id") REFERENCES "public"."pua"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_reports" ADD CONSTRAINT "delegation_reports_reported_by_staff_id_staff_users_id_fk" FOREIGN KEY ("reported_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appeals_case_idx" ON "appeals" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "appeals_decision_idx" ON "appeals" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "decisions_case_idx" ON "decisions" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "decisions_decided_on_idx" ON "decisions" USING btree ("decided_on");--> statement-breakpoint
CREATE INDEX "delegation_reports_pua_idx" ON "delegation_reports" USING btree ("pua_id","period_from");--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_appeal_idx" ON "attachments" USING btree ("appeal_id");