CREATE TYPE "public"."diagnostic_conclusion" AS ENUM('opportune', 'opportune_with_conditions', 'not_opportune');--> statement-breakpoint
CREATE TYPE "public"."diagnostic_state" AS ENUM('draft', 'concluded');--> statement-breakpoint
CREATE TYPE "public"."dpia_status" AS ENUM('not_required', 'planned', 'in_progress', 'completed');--> statement-breakpoint
CREATE TYPE "public"."proposal_state" AS ENUM('draft', 'submitted', 'in_diagnostic', 'diagnosed', 'under_review', 'info_requested', 'voting', 'decided', 'published', 'withdrawn');--> statement-breakpoint
CREATE TABLE "cameras" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"placement" text,
	"films_public_road" boolean DEFAULT false NOT NULL,
	"type" text,
	"mount" text DEFAULT '' NOT NULL,
	"direction_degrees" integer,
	"angle_degrees" integer,
	"openings_in_view" text[] DEFAULT '{}'::text[] NOT NULL,
	"masking_planned" boolean DEFAULT false NOT NULL,
	"masking_description" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diagnostics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"state" "diagnostic_state" DEFAULT 'draft' NOT NULL,
	"lock_version" integer DEFAULT 1 NOT NULL,
	"delinquency_facts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"site_description" text DEFAULT '' NOT NULL,
	"actors_consulted" jsonb DEFAULT '{"landlord":"","tenants":"","police":""}'::jsonb NOT NULL,
	"alternatives" jsonb DEFAULT '{"lighting":"","mediation":"","nightCorrespondents":"","accessControl":"","layout":""}'::jsonb NOT NULL,
	"proportionality" text DEFAULT '' NOT NULL,
	"privacy_risks" text DEFAULT '' NOT NULL,
	"expected_effect" text DEFAULT '' NOT NULL,
	"cost_assessment" text DEFAULT '' NOT NULL,
	"dpia_status" "dpia_status",
	"public_summary" text DEFAULT '' NOT NULL,
	"conclusion" "diagnostic_conclusion",
	"conditions" text DEFAULT '' NOT NULL,
	"started_by" uuid NOT NULL,
	"signed_by" uuid,
	"signed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diagnostics_concluded_signed" CHECK ("diagnostics"."state" <> 'concluded' OR ("diagnostics"."conclusion" IS NOT NULL AND "diagnostics"."signed_by" IS NOT NULL AND "diagnostics"."signed_at" IS NOT NULL AND "diagnostics"."dpia_status" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "proposals_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"site_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"state" "proposal_state" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"purposes" text[] DEFAULT '{}'::text[] NOT NULL,
	"retention_days" integer,
	"retention_justification" text DEFAULT '' NOT NULL,
	"viewers" text DEFAULT '' NOT NULL,
	"signage" jsonb DEFAULT '{"controller":"","purposes":"","rights":"","contact":"","retention":""}'::jsonb NOT NULL,
	"investment_euros" integer,
	"yearly_cost_euros" integer,
	"justification" text DEFAULT '' NOT NULL,
	"withdrawn_reason" text,
	"submitted_at" timestamp with time zone,
	"diagnosed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cameras" ADD CONSTRAINT "cameras_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostics" ADD CONSTRAINT "diagnostics_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostics" ADD CONSTRAINT "diagnostics_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostics" ADD CONSTRAINT "diagnostics_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cameras_proposal_position_unique" ON "cameras" USING btree ("proposal_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "diagnostics_proposal_version_unique" ON "diagnostics" USING btree ("proposal_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_number_unique" ON "proposals" USING btree ("number");--> statement-breakpoint
CREATE INDEX "proposals_state_idx" ON "proposals" USING btree ("state");--> statement-breakpoint
CREATE INDEX "proposals_author_idx" ON "proposals" USING btree ("author_id");