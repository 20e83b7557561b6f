ALTER TABLE "diagnostics" RENAME COLUMN "lock_version" TO "revision";--> statement-breakpoint
ALTER TABLE "proposals" RENAME COLUMN "version" TO "revision";--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;