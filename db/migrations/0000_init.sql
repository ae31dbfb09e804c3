CREATE TYPE "public"."pua_kind" AS ENUM('kommunstyrelse', 'namnd', 'bolag');--> statement-breakpoint
CREATE TYPE "public"."staff_role" AS ENUM('gdpr_samordnare', 'handlaggare', 'systemagare', 'registrator', 'reception', 'kontaktcenter', 'dataskyddsombud', 'admin');--> statement-breakpoint
CREATE TYPE "public"."session_kind" AS ENUM('resident', 'staff');--> statement-breakpoint
CREATE TABLE "dataskyddsombud" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"samverkan_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"postal_address" jsonb
);
--> statement-breakpoint
CREATE TABLE "kommuner" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"samverkan_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"organisationsnummer" text NOT NULL,
	"postal_address" jsonb NOT NULL,
	"email" text NOT NULL,
	"phone" text NOT NULL,
	"website" text,
	"logo_url" text,
	"dataskyddsombud_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pua" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kommun_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" "pua_kind" NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"diarium_prefix" text NOT NULL,
	"postal_address" jsonb NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"dataskyddsombud_id" uuid NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "samverkan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "samverkan_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pnr_ciphertext" text NOT NULL,
	"pnr_lookup" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "role_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"role" "staff_role" NOT NULL,
	"pua_id" uuid,
	"kommun_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_assignments_one_scope" CHECK (("role_assignments"."pua_id" is null) <> ("role_assignments"."kommun_id" is null))
);
--> statement-breakpoint
CREATE TABLE "staff_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pnr_ciphertext" text NOT NULL,
	"pnr_lookup" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"kind" "session_kind" NOT NULL,
	"resident_id" uuid,
	"staff_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "sessions_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "sessions_owner" CHECK (("sessions"."kind" = 'resident' and "sessions"."resident_id" is not null and "sessions"."staff_user_id" is null)
    or ("sessions"."kind" = 'staff' and "sessions"."staff_user_id" is not null and "sessions"."resident_id" is null))
);
--> statement-breakpoint
CREATE TABLE "audit_chain_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"details" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dataskyddsombud" ADD CONSTRAINT "dataskyddsombud_samverkan_id_samverkan_id_fk" FOREIGN KEY ("samverkan_id") REFERENCES "public"."samverkan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kommuner" ADD CONSTRAINT "kommuner_samverkan_id_samverkan_id_fk" FOREIGN KEY ("samverkan_id") REFERENCES "public"."samverkan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kommuner" ADD CONSTRAINT "kommuner_dataskyddsombud_id_dataskyddsombud_id_fk" FOREIGN KEY ("dataskyddsombud_id") REFERENCES "public"."dataskyddsombud"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pua" ADD CONSTRAINT "pua_kommun_id_kommuner_id_fk" FOREIGN KEY ("kommun_id") REFERENCES "public"."kommuner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pua" ADD CONSTRAINT "pua_dataskyddsombud_id_dataskyddsombud_id_fk" FOREIGN KEY ("dataskyddsombud_id") REFERENCES "public"."dataskyddsombud"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_pua_id_pua_id_fk" FOREIGN KEY ("pua_id") REFERENCES "public"."pua"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_kommun_id_kommuner_id_fk" FOREIGN KEY ("kommun_id") REFERENCES "public"."kommuner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dataskyddsombud_code_uq" ON "dataskyddsombud" USING btree ("samverkan_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "kommuner_code_uq" ON "kommuner" USING btree ("samverkan_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "pua_code_uq" ON "pua" USING btree ("kommun_id","code");--> statement-breakpoint
CREATE INDEX "pua_kommun_idx" ON "pua" USING btree ("kommun_id");--> statement-breakpoint
CREATE UNIQUE INDEX "residents_pnr_lookup_uq" ON "residents" USING btree ("pnr_lookup");--> statement-breakpoint
CREATE UNIQUE INDEX "role_assignments_pua_uq" ON "role_assignments" USING btree ("staff_user_id","role","pua_id") WHERE "role_assignments"."pua_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "role_assignments_kommun_uq" ON "role_assignments" USING btree ("staff_user_id","role","kommun_id") WHERE "role_assignments"."kommun_id" is not null;--> statement-breakpoint
CREATE INDEX "role_assignments_user_idx" ON "role_assignments" USING btree ("staff_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_users_pnr_lookup_uq" ON "staff_users" USING btree ("pnr_lookup");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");