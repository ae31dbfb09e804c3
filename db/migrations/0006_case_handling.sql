CREATE TABLE "case_handlers" (
	"case_id" uuid NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"named_at" timestamp with time zone DEFAULT now() NOT NULL,
	"named_by" uuid,
	CONSTRAINT "case_handlers_case_id_staff_user_id_pk" PRIMARY KEY("case_id","staff_user_id")
);
--> statement-breakpoint
ALTER TABLE "case_events" ALTER COLUMN "at" SET DEFAULT clock_timestamp();--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "assignee_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "registered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_handlers" ADD CONSTRAINT "case_handlers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_handlers" ADD CONSTRAINT "case_handlers_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_handlers" ADD CONSTRAINT "case_handlers_named_by_staff_users_id_fk" FOREIGN KEY ("named_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_staff_id_staff_users_id_fk" FOREIGN KEY ("assignee_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_assignee_deadline_idx" ON "cases" USING btree ("assignee_staff_id","deadline","id");