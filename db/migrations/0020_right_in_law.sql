CREATE TABLE "landlord_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"board_decided_on" date NOT NULL,
	"board_reference" text NOT NULL,
	"police_transmission" boolean DEFAULT false NOT NULL,
	"convention_signed_on" date,
	"convention_parties" text,
	"convention_reference" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "landlord_decisions_convention" CHECK ("landlord_decisions"."police_transmission" = ("landlord_decisions"."convention_signed_on" IS NOT NULL) AND "landlord_decisions"."police_transmission" = ("landlord_decisions"."convention_parties" IS NOT NULL) AND "landlord_decisions"."police_transmission" = ("landlord_decisions"."convention_reference" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_files_size" CHECK ("stored_files"."byte_size" >= 0)
);
--> statement-breakpoint
ALTER TABLE "proposals" ALTER COLUMN "signage" SET DEFAULT '{"pictogram":false,"controller":"","telephone":"","purposes":"","rights":"","contact":"","retention":"","complaint":""}'::jsonb;--> statement-breakpoint
ALTER TABLE "authorisations" ADD COLUMN "acknowledged_on" date;--> statement-breakpoint
ALTER TABLE "authorisations" ADD COLUMN "order_retention_days" integer;--> statement-breakpoint
ALTER TABLE "authorisations" ADD COLUMN "commissioning_notice_on" date;--> statement-breakpoint
ALTER TABLE "cameras" ADD COLUMN "regime" text;--> statement-breakpoint
ALTER TABLE "committee_settings" ADD COLUMN "renewal_lead_months" integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "committee_settings" ADD COLUMN "camera_precision" text DEFAULT 'site' NOT NULL;--> statement-breakpoint
ALTER TABLE "diagnostics" ADD COLUMN "dpia_document_id" uuid;--> statement-breakpoint
ALTER TABLE "diagnostics" ADD COLUMN "dpo_opinion_on" date;--> statement-breakpoint
ALTER TABLE "diagnostics" ADD COLUMN "dpo_opinion" text;--> statement-breakpoint
ALTER TABLE "diagnostics" ADD COLUMN "dpia_not_required_reason" text;--> statement-breakpoint
ALTER TABLE "landlord_decisions" ADD CONSTRAINT "landlord_decisions_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "landlord_decisions_decision_unique" ON "landlord_decisions" USING btree ("decision_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stored_files_key_unique" ON "stored_files" USING btree ("storage_key");--> statement-breakpoint
ALTER TABLE "diagnostics" ADD CONSTRAINT "diagnostics_dpia_document_id_stored_files_id_fk" FOREIGN KEY ("dpia_document_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorisations" ADD CONSTRAINT "authorisations_acknowledged" CHECK ("authorisations"."acknowledged_on" IS NULL OR ("authorisations"."filed_on" IS NOT NULL AND "authorisations"."acknowledged_on" >= "authorisations"."filed_on"));--> statement-breakpoint
ALTER TABLE "authorisations" ADD CONSTRAINT "authorisations_order_retention" CHECK ("authorisations"."order_retention_days" IS NULL OR ("authorisations"."prefect_decision" = 'granted' AND "authorisations"."order_retention_days" BETWEEN 1 AND 30));--> statement-breakpoint
ALTER TABLE "committee_settings" ADD CONSTRAINT "committee_settings_renewal_lead" CHECK ("committee_settings"."renewal_lead_months" BETWEEN 1 AND 12);