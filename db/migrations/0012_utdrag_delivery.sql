ALTER TABLE "cases" ADD COLUMN "delivery_method" "delivery_method" DEFAULT 'portal' NOT NULL;--> statement-breakpoint
ALTER TABLE "utdrag_packages" ADD COLUMN "delivery_method" "delivery_method" DEFAULT 'portal' NOT NULL;--> statement-breakpoint
ALTER TABLE "utdrag_packages" ADD COLUMN "mailing" text;--> statement-breakpoint
ALTER TABLE "utdrag_packages" ADD COLUMN "not_printed" jsonb;--> statement-breakpoint
ALTER TABLE "utdrag_packages" ADD COLUMN "sent_on" date;--> statement-breakpoint
ALTER TABLE "utdrag_packages" ADD COLUMN "tracking_number" text;--> statement-breakpoint
ALTER TABLE "utdrag_packages" ADD COLUMN "sent_by_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "utdrag_packages" ADD CONSTRAINT "utdrag_packages_sent_by_staff_id_staff_users_id_fk" FOREIGN KEY ("sent_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Cases filed before this migration take the delivery the person chose when filing.
UPDATE "cases" SET "delivery_method" = (s."answers"->>'delivery')::"delivery_method" FROM "submissions" s WHERE s."id" = "cases"."submission_id" AND s."answers"->>'delivery' IN ('portal', 'registered_post', 'reception');
