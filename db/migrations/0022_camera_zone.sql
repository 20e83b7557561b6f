ALTER TABLE "cameras" ADD COLUMN "zone" text;--> statement-breakpoint
ALTER TABLE "cameras" ADD CONSTRAINT "cameras_zone_known" CHECK ("zone" IS NULL OR "zone" IN ('town', 'entrance', 'parking', 'building'));
