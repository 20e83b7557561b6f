-- French full-text search for the public register, accents folded: "securite" finds
-- "sécurité", "camera" finds "caméras". unaccent runs before the French stemmer, so a
-- plain to_tsvector('vigie_french', …) stays immutable and can be indexed.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION vigie_french (COPY = pg_catalog.french);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION vigie_french ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
