CREATE TYPE "public"."register_entry_kind" AS ENUM('decision', 'correction', 'revocation');--> statement-breakpoint
CREATE TABLE "register_entries" (
	"sequence" integer PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"kind" "register_entry_kind" NOT NULL,
	"decision_id" uuid NOT NULL,
	"corrects_sequence" integer,
	"site_id" uuid NOT NULL,
	"outcome" "decision_outcome" NOT NULL,
	"decided_year" integer NOT NULL,
	"landlord" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"entry" json NOT NULL,
	"hash" text NOT NULL,
	"previous_hash" text NOT NULL,
	"search_text" text NOT NULL,
	CONSTRAINT "register_entries_published_outcome" CHECK ("register_entries"."outcome" <> 'adjourned'),
	CONSTRAINT "register_entries_corrects" CHECK (("register_entries"."kind" = 'decision') = ("register_entries"."corrects_sequence" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "register_entries" ADD CONSTRAINT "register_entries_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_entries" ADD CONSTRAINT "register_entries_corrects_sequence_register_entries_sequence_fk" FOREIGN KEY ("corrects_sequence") REFERENCES "public"."register_entries"("sequence") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_entries" ADD CONSTRAINT "register_entries_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "register_entries_reference_unique" ON "register_entries" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "register_entries_hash_unique" ON "register_entries" USING btree ("hash");--> statement-breakpoint
CREATE UNIQUE INDEX "register_entries_decision_published_once" ON "register_entries" USING btree ("decision_id") WHERE "register_entries"."kind" = 'decision';--> statement-breakpoint
CREATE UNIQUE INDEX "register_entries_corrected_once" ON "register_entries" USING btree ("corrects_sequence");--> statement-breakpoint
CREATE INDEX "register_entries_site_idx" ON "register_entries" USING btree ("site_id","sequence" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "register_entries_outcome_idx" ON "register_entries" USING btree ("outcome","sequence" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "register_entries_year_idx" ON "register_entries" USING btree ("decided_year","sequence" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "register_entries_landlord_idx" ON "register_entries" USING btree ("landlord","sequence" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "register_entries_search_idx" ON "register_entries" USING gin (to_tsvector('vigie_french'::regconfig, "search_text"));