-- The committee's defaults: one settings row, changed by the admin from then on.
INSERT INTO committee_settings (id) VALUES (1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- A vote is counted only while its item's vote is open, only from a member who may vote
-- on the file, and only as cast by that member (present) or by the present member holding
-- their proxy. Enforced here so that no code path, script or race can get around it: a
-- vote racing the close either lands before it (the close waits for its lock) or is refused.
CREATE FUNCTION vigie_vote_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  item record;
  proposal record;
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'votes are never deleted' USING ERRCODE = 'check_violation', CONSTRAINT = 'vote_kept';
  END IF;
  SELECT i.state, i.session_id, i.proposal_id INTO item FROM agenda_items i WHERE i.id = NEW.item_id FOR SHARE;
  IF item.state IS DISTINCT FROM 'voting' THEN
    RAISE EXCEPTION 'the vote on item % is not open', NEW.item_id USING ERRCODE = 'check_violation', CONSTRAINT = 'vote_open';
  END IF;
  SELECT p.author_id INTO proposal FROM proposals p WHERE p.id = item.proposal_id;
  IF NEW.member_id = proposal.author_id
     OR EXISTS (SELECT 1 FROM conflicts c WHERE c.proposal_id = item.proposal_id AND c.member_id = NEW.member_id)
     OR EXISTS (SELECT 1 FROM diagnostics d WHERE d.proposal_id = item.proposal_id AND d.signed_by = NEW.member_id) THEN
    RAISE EXCEPTION 'member % is recused on proposal %', NEW.member_id, item.proposal_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'vote_not_recused';
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM attendance a
    WHERE a.session_id = item.session_id AND a.member_id = NEW.member_id
      AND ((a.status = 'present' AND NEW.cast_by = NEW.member_id) OR (a.status = 'proxy' AND a.proxy_holder_id = NEW.cast_by))
  ) THEN
    RAISE EXCEPTION 'member % may not vote on item % as cast by %', NEW.member_id, NEW.item_id, NEW.cast_by
      USING ERRCODE = 'check_violation', CONSTRAINT = 'vote_attendance';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER vote_rules
  BEFORE INSERT OR UPDATE OR DELETE ON votes
  FOR EACH ROW EXECUTE FUNCTION vigie_vote_rules();
--> statement-breakpoint
-- A signed decision is read-only, like a concluded diagnostic.
CREATE FUNCTION vigie_decision_read_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.signed_at IS NOT NULL THEN
    RAISE EXCEPTION 'decision % is signed and read-only', OLD.id USING ERRCODE = 'check_violation', CONSTRAINT = 'decision_read_only';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER decision_read_only
  BEFORE UPDATE OR DELETE ON decisions
  FOR EACH ROW EXECUTE FUNCTION vigie_decision_read_only();
