import type { AuthorisationStatus, CameraPlacement, CameraRegime, CameraZone, Opening } from './vocabulary';
import { needsPrefectAuthorisation } from './regimes';

/**
 * Two words, one meaning each, everywhere the public reads a count (pages, GeoJSON, CSV,
 * annual report, map):
 * - **authorised**: the decision still holds (favourable, not revoked) AND, for the public
 *   road or a place open to the public, the prefect's authorisation is granted and not
 *   expired on that day (CSI L252-1, L252-4); for a landlord's common area, the landlord's
 *   board decision is recorded (there is no prefectoral procedure). A favourable opinion
 *   alone is "avis favorable", never "autorisé"; a refusal, a refusal by silence, a request
 *   not filed or an expired order is not authorised.
 * - **in service**: commissioned on or before that day and not decommissioned by then.
 * A camera taken down is neither (its decommissioning entry took it out of the decision).
 */

/** Where the decision that covers a camera stands on a given day. */
export interface DecisionStanding {
  /** Its current register version is favourable (with or without conditions) and it is not revoked. */
  holds: boolean;
  /** The prefect's authorisation on that day (lib/domain/authorisation.ts); null when none is tracked. */
  authorisationStatus: AuthorisationStatus | null;
  /** The landlord's board decision, when recorded (a Paris day). */
  landlordDecidedOn: string | null;
}

export interface CameraService {
  commissionedOn: string | null;
  decommissionedOn: string | null;
}

/** Whether a camera of `regime` is authorised on `today` (see above). */
export function isAuthorisedOn(regime: CameraRegime, standing: DecisionStanding, today: string): boolean {
  if (!standing.holds) return false;
  if (needsPrefectAuthorisation(regime)) return standing.authorisationStatus === 'granted';
  return standing.landlordDecidedOn !== null && standing.landlordDecidedOn <= today;
}

/** Whether a camera is in service on `today`: commissioned by then, not yet taken down. */
export function isInServiceOn(camera: CameraService, today: string): boolean {
  if (camera.commissionedOn === null || camera.commissionedOn > today) return false;
  return camera.decommissionedOn === null || camera.decommissionedOn > today;
}

/** A camera as the open data serves it beside its decision (outside the sealed entry): never its aim or exact position. */
export interface PublicCamera {
  regime: CameraRegime;
  authorised: boolean;
  inService: boolean;
  /** The Paris day it was put in service; null if never. */
  inServiceFrom: string | null;
  /** The Paris day it was taken down; null while it runs. */
  decommissionedOn: string | null;
}

export function publicCamera(camera: CameraService & { regime: CameraRegime }, standing: DecisionStanding, today: string): PublicCamera {
  return {
    regime: camera.regime,
    // A camera taken down no longer counts as authorised: the decommissioning entry took it out of the decision.
    authorised: isAuthorisedOn(camera.regime, standing, today) && (camera.decommissionedOn === null || camera.decommissionedOn > today),
    inService: isInServiceOn(camera, today),
    inServiceFrom: camera.commissionedOn !== null && camera.commissionedOn <= today ? camera.commissionedOn : null,
    decommissionedOn: camera.decommissionedOn !== null && camera.decommissionedOn <= today ? camera.decommissionedOn : null,
  };
}

/**
 * A landlord's board decision as the public reads it: the day it was taken and whether the
 * images go to the police in real time under a convention (CSI L272-2), never its parties.
 */
export interface PublicLandlordDecision {
  /** Null while the landlord's board has not decided (or its decision is dated after today). */
  decidedOn: string | null;
  policeTransmission: boolean;
  conventionSignedOn: string | null;
}

export function publicLandlordDecision(row: { decidedOn: string; policeTransmission: boolean; conventionSignedOn: string | null } | null, today: string): PublicLandlordDecision {
  if (!row || row.decidedOn > today) return { decidedOn: null, policeTransmission: false, conventionSignedOn: null };
  const convention = row.conventionSignedOn !== null && row.conventionSignedOn <= today ? row.conventionSignedOn : null;
  return { decidedOn: row.decidedOn, policeTransmission: row.policeTransmission && convention !== null, conventionSignedOn: convention };
}

/** Counts over cameras, by the two words. */
export function cameraCounts(cameras: readonly Pick<PublicCamera, 'authorised' | 'inService'>[]): { authorised: number; inService: number } {
  return { authorised: cameras.filter((c) => c.authorised).length, inService: cameras.filter((c) => c.inService).length };
}

/* ------------------------------------------------------------------------------------
 * OpenStreetMap's tags for a camera point, as OSM's wiki defines them
 * (Key:surveillance, Key:surveillance:zone): only on points that are cameras.
 * ---------------------------------------------------------------------------------- */

export type OsmSurveillance = 'public' | 'outdoor' | 'indoor';

/** `surveillance=public` watches a public area (the street); `outdoor`/`indoor` a non-public one, outside or inside. */
export function osmSurveillance(regime: CameraRegime, placement: CameraPlacement | null): OsmSurveillance {
  if (regime === 'public_road') return 'public';
  return placement === 'indoor' ? 'indoor' : 'outdoor';
}

/**
 * What the camera watches: the zone the file gives (CAMERA_ZONES), else the street for the
 * public road (`town`), a building's entrance when one is in view, else the building.
 */
export function osmZone(regime: CameraRegime, zone: CameraZone | null, openingsInView: readonly Opening[]): CameraZone {
  if (zone !== null) return zone;
  if (regime === 'public_road') return 'town';
  if (openingsInView.includes('building_entrance')) return 'entrance';
  return 'building';
}

/** A camera's published position: its site's point, or its own rounded to 4 decimals (about 10 m), as the city chooses. */
export function publishedPosition(precision: 'site' | 'rounded', site: { lat: number; lon: number }, camera: { latitude: number | null; longitude: number | null }): { lat: number; lon: number } {
  if (precision === 'site' || camera.latitude === null || camera.longitude === null) return site;
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return { lat: round(camera.latitude), lon: round(camera.longitude) };
}
