CREATE TYPE "public"."cdvp_opinion" AS ENUM('favourable', 'favourable_with_reservations', 'unfavourable');--> statement-breakpoint
CREATE TYPE "public"."condition_status" AS ENUM('met', 'not_met');--> statement-breakpoint
CREATE TYPE "public"."prefect_decision" AS ENUM('granted', 'refused');--> statement-breakpoint
CREATE TYPE "public"."proposal_kind" AS ENUM('initial', 'change', 're_review');--> statement-breakpoint
CREATE TYPE "public"."resident_question_kind" AS ENUM('question', 'concern');--> statement-breakpoint
CREATE TYPE "public"."resident_question_state" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
ALTER TYPE "public"."notice_kind" ADD VALUE 'renewal_due';--> statement-breakpoint
ALTER TYPE "public"."notice_kind" ADD VALUE 'silence_deadline';--> statement-breakpoint
ALTER TYPE "public"."notice_kind" ADD VALUE 'condition_overdue';--> statement-breakpoint
ALTER TYPE "public"."notice_kind" ADD VALUE 'resident_question_to_moderate';--> statement-breakpoint
ALTER TYPE "public"."notice_kind" ADD VALUE 'resident_question_to_answer';--> statement-breakpoint
ALTER TYPE "public"."notice_kind" ADD VALUE 're_review_opened';--> statement-breakpoint
ALTER TYPE "public"."register_entry_kind" ADD VALUE 'decommissioning';--> statement-breakpoint
CREATE TABLE "authorisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"filed_on" date,
	"prefecture_reference" text,
	"cdvp_opinion_on" date,
	"cdvp_opinion" "cdvp_opinion",
	"prefect_decision" "prefect_decision",
	"prefect_decided_on" date,
	"order_reference" text,
	"refusal_reason" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "authorisations_filed" CHECK (("authorisations"."filed_on" IS NULL) = ("authorisations"."prefecture_reference" IS NULL)),
	CONSTRAINT "authorisations_cdvp" CHECK (("authorisations"."cdvp_opinion" IS NULL) = ("authorisations"."cdvp_opinion_on" IS NULL) AND ("authorisations"."cdvp_opinion_on" IS NULL OR ("authorisations"."filed_on" IS NOT NULL AND "authorisations"."cdvp_opinion_on" >= "authorisations"."filed_on"))),
	CONSTRAINT "authorisations_prefect" CHECK (("authorisations"."prefect_decision" IS NULL) = ("authorisations"."prefect_decided_on" IS NULL) AND ("authorisations"."prefect_decided_on" IS NULL OR ("authorisations"."filed_on" IS NOT NULL AND "authorisations"."prefect_decided_on" >= "authorisations"."filed_on"))
        AND ("authorisations"."prefect_decision" = 'granted') = ("authorisations"."order_reference" IS NOT NULL) AND ("authorisations"."prefect_decision" = 'refused') = ("authorisations"."refusal_reason" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "condition_follow_ups" (
	"decision_id" uuid NOT NULL,
	"condition_index" integer NOT NULL,
	"status" "condition_status" NOT NULL,
	"note" text NOT NULL,
	"checked_by" uuid NOT NULL,
	"checked_on" date NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "condition_follow_ups_decision_id_condition_index_pk" PRIMARY KEY("decision_id","condition_index"),
	CONSTRAINT "condition_follow_ups_index" CHECK ("condition_follow_ups"."condition_index" >= 0)
);
--> statement-breakpoint
CREATE TABLE "observatory_figures" (
	"site_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"fact_type" text NOT NULL,
	"count" integer NOT NULL,
	"import_id" uuid,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observatory_figures_site_id_year_fact_type_pk" PRIMARY KEY("site_id","year","fact_type"),
	CONSTRAINT "observatory_figures_count" CHECK ("observatory_figures"."count" >= 0),
	CONSTRAINT "observatory_figures_year" CHECK ("observatory_figures"."year" BETWEEN 1990 AND 2100)
);
--> statement-breakpoint
CREATE TABLE "observatory_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"imported_by" uuid NOT NULL,
	"file_name" text NOT NULL,
	"row_count" integer NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminders_sent" (
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminders_sent_kind_subject_id_due_on_pk" PRIMARY KEY("kind","subject_id","due_on")
);
--> statement-breakpoint
CREATE TABLE "resident_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"register_reference" text NOT NULL,
	"kind" "resident_question_kind" NOT NULL,
	"body" text NOT NULL,
	"asker_name" text,
	"asker_email" text,
	"address_key" text NOT NULL,
	"state" "resident_question_state" DEFAULT 'pending' NOT NULL,
	"published_body" text,
	"moderated_by" uuid,
	"moderated_at" timestamp with time zone,
	"rejection_reason" text,
	"assigned_to" uuid,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"asker_notified_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resident_questions_answered" CHECK (("resident_questions"."answer" IS NULL) = ("resident_questions"."answered_at" IS NULL) AND ("resident_questions"."answer" IS NULL) = ("resident_questions"."answered_by" IS NULL)),
	CONSTRAINT "resident_questions_answer_approved" CHECK ("resident_questions"."answer" IS NULL OR "resident_questions"."state" = 'approved'),
	CONSTRAINT "resident_questions_moderated" CHECK (("resident_questions"."state" = 'pending') = ("resident_questions"."moderated_at" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "scheduled_jobs" (
	"name" text PRIMARY KEY NOT NULL,
	"next_run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"locked_by" text,
	"last_run_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "cameras" ADD COLUMN "commissioned_on" date;--> statement-breakpoint
ALTER TABLE "cameras" ADD COLUMN "decommissioned_on" date;--> statement-breakpoint
ALTER TABLE "cameras" ADD COLUMN "decommission_reason" text;--> statement-breakpoint
ALTER TABLE "diagnostics" ADD COLUMN "evaluation_comparison" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "kind" "proposal_kind" DEFAULT 'initial' NOT NULL;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "previous_proposal_id" uuid;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "source_decision_id" uuid;--> statement-breakpoint
ALTER TABLE "authorisations" ADD CONSTRAINT "authorisations_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "condition_follow_ups" ADD CONSTRAINT "condition_follow_ups_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "condition_follow_ups" ADD CONSTRAINT "condition_follow_ups_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observatory_figures" ADD CONSTRAINT "observatory_figures_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observatory_figures" ADD CONSTRAINT "observatory_figures_import_id_observatory_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."observatory_imports"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observatory_figures" ADD CONSTRAINT "observatory_figures_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observatory_imports" ADD CONSTRAINT "observatory_imports_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_questions" ADD CONSTRAINT "resident_questions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_questions" ADD CONSTRAINT "resident_questions_moderated_by_users_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_questions" ADD CONSTRAINT "resident_questions_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_questions" ADD CONSTRAINT "resident_questions_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "authorisations_decision_unique" ON "authorisations" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "observatory_figures_year_idx" ON "observatory_figures" USING btree ("year");--> statement-breakpoint
CREATE INDEX "resident_questions_proposal_idx" ON "resident_questions" USING btree ("proposal_id","state","created_at");--> statement-breakpoint
CREATE INDEX "resident_questions_state_idx" ON "resident_questions" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "resident_questions_address_idx" ON "resident_questions" USING btree ("address_key","created_at");--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_previous_proposal_id_proposals_id_fk" FOREIGN KEY ("previous_proposal_id") REFERENCES "public"."proposals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_source_decision_id_decisions_id_fk" FOREIGN KEY ("source_decision_id") REFERENCES "public"."decisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_re_review_once" ON "proposals" USING btree ("source_decision_id") WHERE "proposals"."kind" = 're_review';--> statement-breakpoint
ALTER TABLE "cameras" ADD CONSTRAINT "cameras_service_dates" CHECK ("cameras"."decommissioned_on" IS NULL OR ("cameras"."commissioned_on" IS NOT NULL AND "cameras"."decommissioned_on" >= "cameras"."commissioned_on" AND length(trim(coalesce("cameras"."decommission_reason", ''))) > 0));--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_kind_linked" CHECK (("proposals"."kind" = 'initial') = ("proposals"."source_decision_id" IS NULL) AND ("proposals"."kind" = 'initial') = ("proposals"."previous_proposal_id" IS NULL));