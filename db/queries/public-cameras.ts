import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { authorisations, cameras, committeeSettings, decisions, landlordDecisions, type Authorisation } from '@/db/schema';
import { publicCamera, type DecisionStanding, type PublicCamera } from '@/lib/domain/camera-status';
import { authorisationFacts, decisionStandingOn, isFavourable } from '@/lib/domain/follow-up';
import { parisDate } from '@/lib/domain/paris-time';
import { isCameraRegime } from '@/lib/domain/regimes';
import { cachedRegisterRead } from '@/lib/register-cache';
import type { CameraPlacement, CameraPrecision, CameraRegime, CameraZone, Opening } from '@/lib/domain/vocabulary';

/**
 * The cameras of published decisions as the public may know them (lib/domain/camera-status.ts):
 * regime, authorised, in service, since when. Read from the staff tables (cameras,
 * authorisations, landlords' decisions) but only these columns leave: never a camera's aim,
 * never a note, a name or a reason. The map's camera points also take the placement, the
 * zone, the dwellings' openings in view (for the OSM tags) and the position, which the
 * GeoJSON publishes only at the precision the committee chose.
 */

export interface PublicCameraRecord extends PublicCamera {
  decisionId: string;
  siteId: string;
  /** 1, 2, 3… in the file. */
  number: number;
  placement: CameraPlacement | null;
  zone: CameraZone | null;
  openingsInView: Opening[];
  latitude: number | null;
  longitude: number | null;
}

/**
 * Cameras of files published before regimes existed and never given one read as the
 * migration (0021) set the others: under the prefect's authorisation.
 */
const regimeOf = (value: string | null): CameraRegime => (isCameraRegime(value) ? value : 'open_to_public');

/**
 * Every camera of the given decisions (all decisions the register names when `decisionIds`
 * is omitted), grouped by decision, in file order, as they stand on `today` (a Paris day).
 */
export async function publicCameras(db: Database, today: string, decisionIds?: readonly string[]): Promise<Map<string, PublicCameraRecord[]>> {
  return (await publicDecisionRecords(db, today, decisionIds)).camerasOf;
}

/** What the public follow-up of decisions reads, each table once: their cameras, authorisations, landlords' decisions and revocations. */
export interface PublicDecisionRecords {
  camerasOf: Map<string, PublicCameraRecord[]>;
  authorisationOf: Map<string, Authorisation>;
  landlordDecisionOf: Map<string, { decidedOn: string; policeTransmission: boolean; conventionSignedOn: string | null }>;
  /** Decisions with a revocation entry. */
  revoked: Set<string>;
}

export async function publicDecisionRecords(db: Database, today: string, decisionIds?: readonly string[]): Promise<PublicDecisionRecords> {
  const result = new Map<string, PublicCameraRecord[]>();
  const records: PublicDecisionRecords = { camerasOf: result, authorisationOf: new Map(), landlordDecisionOf: new Map(), revoked: new Set() };
  if (decisionIds && decisionIds.length === 0) return records;
  const ids = decisionIds ? [...new Set(decisionIds)] : null;
  // Each decision's current register version (its last entry) and whether it was ever revoked.
  const standing = await db.execute<{ decision_id: string; site_id: string; kind: string; outcome: string; revoked: boolean }>(sql`
    SELECT DISTINCT ON (r.decision_id) r.decision_id, r.site_id, r.kind, r.outcome,
      EXISTS (SELECT 1 FROM register_entries v WHERE v.decision_id = r.decision_id AND v.kind = 'revocation') AS revoked
    FROM register_entries r
    ${ids ? sql`WHERE r.decision_id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``}
    ORDER BY r.decision_id, r.sequence DESC`);
  const known = standing.rows.map((r) => r.decision_id);
  if (!known.length) return records;
  const [rows, auths, landlords] = await Promise.all([
    db
      .select({
        decisionId: decisions.id,
        position: cameras.position,
        regime: cameras.regime,
        zone: cameras.zone,
        placement: cameras.placement,
        openingsInView: cameras.openingsInView,
        latitude: cameras.latitude,
        longitude: cameras.longitude,
        commissionedOn: cameras.commissionedOn,
        decommissionedOn: cameras.decommissionedOn,
      })
      .from(cameras)
      .innerJoin(decisions, eq(decisions.proposalId, cameras.proposalId))
      .where(inArray(decisions.id, known))
      .orderBy(asc(decisions.id), asc(cameras.position)),
    db.select().from(authorisations).where(inArray(authorisations.decisionId, known)),
    db
      .select({ decisionId: landlordDecisions.decisionId, decidedOn: landlordDecisions.boardDecidedOn, policeTransmission: landlordDecisions.policeTransmission, conventionSignedOn: landlordDecisions.conventionSignedOn })
      .from(landlordDecisions)
      .where(inArray(landlordDecisions.decisionId, known)),
  ]);
  const authOf = records.authorisationOf;
  for (const a of auths) authOf.set(a.decisionId, a);
  for (const { decisionId, ...l } of landlords) records.landlordDecisionOf.set(decisionId, l);
  for (const r of standing.rows) if (r.revoked) records.revoked.add(r.decision_id);
  const standingOf = new Map<string, DecisionStanding & { siteId: string }>();
  for (const r of standing.rows) {
    const auth = authOf.get(r.decision_id) ?? null;
    const boardDecidedOn = records.landlordDecisionOf.get(r.decision_id)?.decidedOn ?? null;
    const standing = decisionStandingOn(
      { holds: r.kind !== 'revocation' && !r.revoked && isFavourable(r.outcome), authorisation: auth ? authorisationFacts(auth) : null, landlordDecision: boardDecidedOn ? { boardDecidedOn } : null },
      today,
    );
    standingOf.set(r.decision_id, { ...standing, siteId: r.site_id });
  }
  for (const row of rows) {
    const s = standingOf.get(row.decisionId);
    if (!s) continue;
    const regime = regimeOf(row.regime);
    const list = result.get(row.decisionId) ?? [];
    list.push({
      ...publicCamera({ regime, commissionedOn: row.commissionedOn, decommissionedOn: row.decommissionedOn }, s, today),
      decisionId: row.decisionId,
      siteId: s.siteId,
      number: row.position + 1,
      placement: row.placement,
      zone: row.zone,
      openingsInView: row.openingsInView as Opening[],
      latitude: row.latitude,
      longitude: row.longitude,
    });
    result.set(row.decisionId, list);
  }
  return records;
}

/** What the open data serves of a camera beside its decision: no position, no zone. */
export function servedCamera(c: PublicCameraRecord): PublicCamera {
  return { regime: c.regime, authorised: c.authorised, inService: c.inService, inServiceFrom: c.inServiceFrom, decommissionedOn: c.decommissionedOn };
}

/** Where the committee chose to publish camera points (lib/domain/camera-status.ts publishedPosition). */
export async function cameraPrecision(db: Database): Promise<CameraPrecision> {
  const [row] = await db.select({ precision: committeeSettings.cameraPrecision }).from(committeeSettings).where(eq(committeeSettings.id, 1));
  return row?.precision ?? 'site';
}

/** Per site, the cameras authorised and in service today (the map, the site pages): one read per register version. */
export function siteCameraCounts(db: Database): Promise<Map<string, { authorised: number; inService: number }>> {
  return cachedRegisterRead(db, 'site-camera-counts', async () => {
    const counts = new Map<string, { authorised: number; inService: number }>();
    for (const list of (await publicCameras(db, parisDate(new Date()))).values()) {
      for (const camera of list) {
        const c = counts.get(camera.siteId) ?? { authorised: 0, inService: 0 };
        if (camera.authorised) c.authorised += 1;
        if (camera.inService) c.inService += 1;
        counts.set(camera.siteId, c);
      }
    }
    return counts;
  });
}
