DROP INDEX "register_entries_search_idx";--> statement-breakpoint
ALTER TABLE "register_entries" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('vigie_french'::regconfig, search_text)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "register_entries_search_idx" ON "register_entries" USING gin ("search_vector");