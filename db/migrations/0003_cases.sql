CREATE TYPE "public"."case_kind" AS ENUM('registerutdrag', 'forandring', 'dataportabilitet', 'samtycke');--> statement-breakpoint
CREATE TYPE "public"."case_status" AS ENUM('received', 'registered', 'in_progress', 'awaiting_resident', 'decided', 'closed', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."delivery_method" AS ENUM('portal', 'registered_post', 'reception');--> statement-breakpoint
CREATE TYPE "public"."request_channel" AS ENUM('e_tjanst', 'reception', 'paper', 'phone');--> statement-breakpoint
CREATE TYPE "public"."subject_relation" AS ENUM('self', 'child', 'principal', 'ward');--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sha256" text NOT NULL,
	"filename" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"draft_id" uuid,
	"submission_id" uuid,
	"purpose" text NOT NULL,
	"uploaded_by_resident_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"type" text NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"visible_to_resident" boolean DEFAULT true NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"pua_id" uuid NOT NULL,
	"kind" "case_kind" NOT NULL,
	"rights" text[] NOT NULL,
	"diarienummer" text NOT NULL,
	"received_date" date NOT NULL,
	"deadline" date NOT NULL,
	"status" "case_status" DEFAULT 'received' NOT NULL,
	"protected_identity" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_diarienummer_unique" UNIQUE("diarienummer")
);
--> statement-breakpoint
CREATE TABLE "diarium_counters" (
	"pua_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "diarium_counters_pua_id_year_pk" PRIMARY KEY("pua_id","year")
);
--> statement-breakpoint
CREATE TABLE "request_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resident_id" uuid NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"draft_id" uuid NOT NULL,
	"kommun_id" uuid NOT NULL,
	"filed_by_resident_id" uuid,
	"channel" "request_channel" NOT NULL,
	"relation" "subject_relation" NOT NULL,
	"subject_pnr_ciphertext" text NOT NULL,
	"subject_pnr_lookup" text NOT NULL,
	"subject_name" text NOT NULL,
	"answers" jsonb NOT NULL,
	"protected_identity" boolean DEFAULT false NOT NULL,
	"signed_summary" text,
	"signature" jsonb,
	"received_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "submissions_reference_unique" UNIQUE("reference"),
	CONSTRAINT "submissions_draft_id_unique" UNIQUE("draft_id")
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_draft_id_request_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."request_drafts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_resident_id_residents_id_fk" FOREIGN KEY ("uploaded_by_resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_pua_id_pua_id_fk" FOREIGN KEY ("pua_id") REFERENCES "public"."pua"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diarium_counters" ADD CONSTRAINT "diarium_counters_pua_id_pua_id_fk" FOREIGN KEY ("pua_id") REFERENCES "public"."pua"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_drafts" ADD CONSTRAINT "request_drafts_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_kommun_id_kommuner_id_fk" FOREIGN KEY ("kommun_id") REFERENCES "public"."kommuner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_filed_by_resident_id_residents_id_fk" FOREIGN KEY ("filed_by_resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_draft_idx" ON "attachments" USING btree ("draft_id");--> statement-breakpoint
CREATE INDEX "attachments_submission_idx" ON "attachments" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "cases_submission_idx" ON "cases" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "cases_pua_deadline_idx" ON "cases" USING btree ("pua_id","deadline","id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_submission_pua_kind_uq" ON "cases" USING btree ("submission_id","pua_id","kind");--> statement-breakpoint
CREATE INDEX "request_drafts_resident_idx" ON "request_drafts" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "submissions_filer_idx" ON "submissions" USING btree ("filed_by_resident_id");--> statement-breakpoint
CREATE INDEX "submissions_subject_idx" ON "submissions" USING btree ("subject_pnr_lookup");