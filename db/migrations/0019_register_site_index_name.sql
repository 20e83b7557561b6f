DROP INDEX "register_entries_site_idx";--> statement-breakpoint
CREATE INDEX "register_entries_site_idx" ON "register_entries" USING btree ("site_id","sequence" DESC NULLS LAST,"site_name");