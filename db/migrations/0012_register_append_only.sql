-- The public register is append-only: a published entry is never changed or removed (a
-- correction or revocation is a new entry), and each new entry continues the chain:
-- the next sequence number, and the previous entry's hash as its previous_hash. Enforced
-- here so that no code path, script or race can get around it.
CREATE FUNCTION vigie_register_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the public register is append-only: % refused', TG_OP
    USING ERRCODE = 'check_violation', CONSTRAINT = 'register_append_only';
END
$$;
--> statement-breakpoint
CREATE TRIGGER register_append_only BEFORE UPDATE OR DELETE ON register_entries
  FOR EACH ROW EXECUTE FUNCTION vigie_register_append_only();
--> statement-breakpoint
CREATE TRIGGER register_no_truncate BEFORE TRUNCATE ON register_entries
  FOR EACH STATEMENT EXECUTE FUNCTION vigie_register_append_only();
--> statement-breakpoint
CREATE FUNCTION vigie_register_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last record;
BEGIN
  SELECT r.sequence, r.hash INTO last FROM register_entries r ORDER BY r.sequence DESC LIMIT 1;
  IF NEW.sequence IS DISTINCT FROM coalesce(last.sequence, 0) + 1 THEN
    RAISE EXCEPTION 'register entry % does not follow %', NEW.sequence, coalesce(last.sequence, 0)
      USING ERRCODE = 'check_violation', CONSTRAINT = 'register_gapless';
  END IF;
  IF NEW.previous_hash IS DISTINCT FROM coalesce(last.hash, repeat('0', 64)) THEN
    RAISE EXCEPTION 'register entry % does not chain to the previous hash', NEW.sequence
      USING ERRCODE = 'check_violation', CONSTRAINT = 'register_chained';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER register_chain BEFORE INSERT ON register_entries
  FOR EACH ROW EXECUTE FUNCTION vigie_register_chain();
