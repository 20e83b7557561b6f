CREATE TYPE "public"."agenda_item_state" AS ENUM('scheduled', 'voting', 'voted', 'adjourned', 'carried_over');--> statement-breakpoint
CREATE TYPE "public"."attendance_status" AS ENUM('present', 'excused', 'absent', 'proxy');--> statement-breakpoint
CREATE TYPE "public"."conflict_source" AS ENUM('declared', 'recorded_by_chair');--> statement-breakpoint
CREATE TYPE "public"."decision_outcome" AS ENUM('favourable', 'favourable_with_conditions', 'unfavourable', 'adjourned');--> statement-breakpoint
CREATE TYPE "public"."majority_rule" AS ENUM('cast', 'absolute_of_present');--> statement-breakpoint
CREATE TYPE "public"."quorum_rule" AS ENUM('majority_of_serving', 'fixed');--> statement-breakpoint
CREATE TYPE "public"."session_state" AS ENUM('planned', 'convened', 'held', 'closed');--> statement-breakpoint
CREATE TYPE "public"."vote_choice" AS ENUM('for', 'against', 'abstain');--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"rapporteur_id" uuid,
	"state" "agenda_item_state" DEFAULT 'scheduled' NOT NULL,
	"draft_conditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"vote_opened_at" timestamp with time zone,
	"vote_closed_at" timestamp with time zone,
	"outcome" "decision_outcome",
	"adjourn_reason" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"session_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"status" "attendance_status" NOT NULL,
	"proxy_holder_id" uuid,
	CONSTRAINT "attendance_session_id_member_id_pk" PRIMARY KEY("session_id","member_id"),
	CONSTRAINT "attendance_proxy_holder" CHECK (("attendance"."status" = 'proxy') = ("attendance"."proxy_holder_id" IS NOT NULL) AND "attendance"."proxy_holder_id" IS DISTINCT FROM "attendance"."member_id")
);
--> statement-breakpoint
CREATE TABLE "committee_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"quorum_rule" "quorum_rule" DEFAULT 'majority_of_serving' NOT NULL,
	"quorum_fixed" integer,
	"majority_rule" "majority_rule" DEFAULT 'cast' NOT NULL,
	"chair_casting_vote" boolean DEFAULT true NOT NULL,
	"notice_days" integer DEFAULT 5 NOT NULL,
	"proxies_allowed" boolean DEFAULT false NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committee_settings_single_row" CHECK ("committee_settings"."id" = 1),
	CONSTRAINT "committee_settings_fixed_quorum" CHECK ("committee_settings"."quorum_rule" <> 'fixed' OR "committee_settings"."quorum_fixed" >= 1),
	CONSTRAINT "committee_settings_notice_days" CHECK ("committee_settings"."notice_days" BETWEEN 0 AND 60)
);
--> statement-breakpoint
CREATE TABLE "conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"source" "conflict_source" NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"outcome" "decision_outcome" NOT NULL,
	"conditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reasons" text DEFAULT '' NOT NULL,
	"public_summary" text DEFAULT '' NOT NULL,
	"votes_for" integer NOT NULL,
	"votes_against" integer NOT NULL,
	"votes_abstain" integer NOT NULL,
	"recused" integer NOT NULL,
	"signed_by" uuid,
	"signed_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decisions_signed_reasoned" CHECK ("decisions"."signed_at" IS NULL OR ("decisions"."signed_by" IS NOT NULL AND length(trim("decisions"."reasons")) > 0))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "sessions_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"state" "session_state" DEFAULT 'planned' NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"video_link" text DEFAULT '' NOT NULL,
	"convened_at" timestamp with time zone,
	"late_reason" text,
	"held_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"minutes_signed_by" uuid,
	"minutes_signed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"cast_by" uuid NOT NULL,
	"choice" "vote_choice" NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_rapporteur_id_users_id_fk" FOREIGN KEY ("rapporteur_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_proxy_holder_id_users_id_fk" FOREIGN KEY ("proxy_holder_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_minutes_signed_by_users_id_fk" FOREIGN KEY ("minutes_signed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_cast_by_users_id_fk" FOREIGN KEY ("cast_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_items_session_position_unique" ON "agenda_items" USING btree ("session_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_items_session_proposal_unique" ON "agenda_items" USING btree ("session_id","proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_items_one_open_per_proposal" ON "agenda_items" USING btree ("proposal_id") WHERE "agenda_items"."state" IN ('scheduled', 'voting');--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_one_proxy_per_holder" ON "attendance" USING btree ("session_id","proxy_holder_id") WHERE "attendance"."proxy_holder_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "conflicts_proposal_member_unique" ON "conflicts" USING btree ("proposal_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_item_unique" ON "decisions" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_number_unique" ON "sessions" USING btree ("number");--> statement-breakpoint
CREATE INDEX "sessions_scheduled_idx" ON "sessions" USING btree ("scheduled_at");--> statement-breakpoint
CREATE UNIQUE INDEX "votes_item_member_unique" ON "votes" USING btree ("item_id","member_id");