CREATE TYPE "public"."bankid_order_status" AS ENUM('pending', 'complete', 'failed', 'error');--> statement-breakpoint
CREATE TYPE "public"."bankid_purpose" AS ENUM('login_resident', 'login_staff', 'sign', 'phone_auth');--> statement-breakpoint
CREATE TABLE "bankid_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"flow_token_hash" text NOT NULL,
	"purpose" "bankid_purpose" NOT NULL,
	"type" text NOT NULL,
	"start_method" text NOT NULL,
	"order_ref" text,
	"auto_start_token" text,
	"qr_start_token" text,
	"qr_start_secret" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" "bankid_order_status" DEFAULT 'pending' NOT NULL,
	"hint_code" text,
	"error_code" text,
	"last_collect_at" timestamp with time zone,
	"completion_ciphertext" text,
	"risk" text,
	"consumed_at" timestamp with time zone,
	"redirect_to" text,
	"started_by_session_id" uuid,
	"expected_pnr_lookup" text,
	"payload_hash" text,
	"details" jsonb,
	CONSTRAINT "bankid_orders_order_ref_unique" UNIQUE("order_ref")
);
--> statement-breakpoint
CREATE INDEX "bankid_orders_flow_idx" ON "bankid_orders" USING btree ("flow_token_hash","created_at");