-- The mission's central rule, enforced by the database itself so that no script or
-- future code path can skip it: a proposal reaches "diagnosed" and anything after it
-- only while its latest diagnostic is concluded and signed.
CREATE FUNCTION vigie_proposal_review_gate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.state IN ('diagnosed', 'under_review', 'info_requested', 'voting', 'decided', 'published')
     AND NOT EXISTS (
       SELECT 1
       FROM diagnostics d
       WHERE d.proposal_id = NEW.id
         AND d.state = 'concluded'
         AND d.signed_by IS NOT NULL
         AND d.signed_at IS NOT NULL
         AND d.conclusion IS NOT NULL
         AND d.version = (SELECT max(version) FROM diagnostics WHERE proposal_id = NEW.id)
     ) THEN
    RAISE EXCEPTION 'proposal % cannot be in state % without a concluded, signed diagnostic', NEW.id, NEW.state
      USING ERRCODE = 'check_violation', CONSTRAINT = 'proposal_review_gate';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER proposal_review_gate
  BEFORE INSERT OR UPDATE OF state ON proposals
  FOR EACH ROW EXECUTE FUNCTION vigie_proposal_review_gate();
--> statement-breakpoint
-- A concluded diagnostic is read-only: a change needs a new version, and the old one stays.
CREATE FUNCTION vigie_diagnostic_read_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state = 'concluded' THEN
    RAISE EXCEPTION 'diagnostic % (version %) is concluded and read-only', OLD.id, OLD.version
      USING ERRCODE = 'check_violation', CONSTRAINT = 'diagnostic_read_only';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER diagnostic_read_only
  BEFORE UPDATE OR DELETE ON diagnostics
  FOR EACH ROW EXECUTE FUNCTION vigie_diagnostic_read_only();
