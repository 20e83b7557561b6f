-- Each camera's legal regime (lib/domain/regimes.ts). Cameras of files already submitted
-- keep the treatment they had: under the prefect's authorisation, on the public road when
-- they film it, else as a place open to the public. Drafts are asked when next edited.
UPDATE cameras SET regime = CASE WHEN films_public_road THEN 'public_road' ELSE 'open_to_public' END
  WHERE regime IS NULL AND proposal_id IN (SELECT id FROM proposals WHERE state <> 'draft');
--> statement-breakpoint
ALTER TABLE cameras ADD CONSTRAINT cameras_regime_known
  CHECK (regime IS NULL OR regime IN ('public_road', 'open_to_public', 'private_common_area'));
--> statement-breakpoint
-- A landlord may not film the public road: only a public authority may (CSI L251-2).
ALTER TABLE cameras ADD CONSTRAINT cameras_common_area_off_road
  CHECK (regime IS DISTINCT FROM 'private_common_area' OR NOT films_public_road);
--> statement-breakpoint
-- The regimes each purpose serves: lib/domain/legal.ts's PURPOSES, which a test compares
-- with this function code by code.
CREATE FUNCTION vigie_purpose_regimes(purpose text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN purpose IN ('public_buildings_protection', 'national_defence_installations', 'traffic_regulation', 'traffic_offences',
                     'assault_theft_drug_trafficking_prevention', 'terrorism_prevention', 'natural_technological_risks',
                     'rescue_fire', 'amusement_parks', 'vehicle_insurance_compliance', 'fly_tipping')
      THEN ARRAY['public_road', 'open_to_public']
    WHEN purpose = 'open_place_safety' THEN ARRAY['open_to_public']
    WHEN purpose = 'common_area_protection' THEN ARRAY['private_common_area']
    ELSE ARRAY[]::text[]
  END
$$;
--> statement-breakpoint
-- A file leaves the draft only when its purposes agree with its cameras' regimes: every
-- camera has a regime, each purpose serves a regime present, each regime present has a
-- purpose of its own (lib/domain/regimes.ts checkRegimes, the same rule).
CREATE FUNCTION vigie_proposal_regimes() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  present text[];
BEGIN
  IF EXISTS (SELECT 1 FROM cameras c WHERE c.proposal_id = NEW.id AND c.regime IS NULL) THEN
    RAISE EXCEPTION 'proposal % has a camera without a legal regime', NEW.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'proposal_regimes';
  END IF;
  SELECT coalesce(array_agg(DISTINCT c.regime), ARRAY[]::text[]) INTO present FROM cameras c WHERE c.proposal_id = NEW.id;
  IF EXISTS (SELECT 1 FROM unnest(NEW.purposes) p WHERE NOT (vigie_purpose_regimes(p) && present)) THEN
    RAISE EXCEPTION 'proposal % has a purpose that serves none of its cameras'' regimes', NEW.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'proposal_regimes';
  END IF;
  IF EXISTS (SELECT 1 FROM unnest(present) r WHERE NOT EXISTS (SELECT 1 FROM unnest(NEW.purposes) p WHERE r = ANY (vigie_purpose_regimes(p)))) THEN
    RAISE EXCEPTION 'proposal % has a regime without a purpose of its own', NEW.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'proposal_regimes';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER proposal_regimes BEFORE UPDATE OF state ON proposals
  FOR EACH ROW WHEN (OLD.state = 'draft' AND NEW.state = 'submitted')
  EXECUTE FUNCTION vigie_proposal_regimes();
