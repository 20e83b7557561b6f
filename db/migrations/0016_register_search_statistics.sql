-- The register's full-text search, planned right at 100,000 entries (docs/performance.md).
-- With the default statistics (100 most common lexemes), a word the statistics do not list
-- is estimated at ~250 matches: the planner then walks the register newest first and
-- filters, which reads all 100,000 rows for a word found in three (0.5 s). With 10,000
-- lexemes kept, a rare word is estimated as rare and read from the GIN index (2 ms), while
-- a common word still takes the newest-first walk that stops after one page.
ALTER TABLE register_entries ALTER COLUMN search_vector SET STATISTICS 10000;
--> statement-breakpoint
ANALYZE register_entries;
