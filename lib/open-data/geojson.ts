import { cameraCounts, osmSurveillance, osmZone, publishedPosition } from '@/lib/domain/camera-status';
import { controllerOf } from '@/lib/domain/regimes';
import type { RegisterEntry } from '@/lib/domain/register';
import type { CameraPlacement, CameraPrecision, CameraRegime, CameraZone, Opening } from '@/lib/domain/vocabulary';
import { LICENCE } from './licence';
import type { CameraFeature, SiteCollection, SiteFeature } from './schemas';

/** What the map needs of a camera (db/queries/public-cameras.ts). */
export interface MapCamera {
  decisionId: string;
  number: number;
  regime: CameraRegime;
  authorised: boolean;
  inService: boolean;
  inServiceFrom: string | null;
  placement: CameraPlacement | null;
  zone: CameraZone | null;
  openingsInView: Opening[];
  latitude: number | null;
  longitude: number | null;
}

export interface MapInput {
  /** The register, in order, each entry with the decision it belongs to. */
  entries: Iterable<{ entry: RegisterEntry; decisionId: string }>;
  /** The cameras of each decision, as they stand today. */
  camerasOf: ReadonlyMap<string, readonly MapCamera[]>;
  precision: CameraPrecision;
  /** The city's name: the controller of the cameras it runs (OSM `operator`). */
  cityName: string;
  origin: string;
}

/**
 * The register on a map, RFC 7946 GeoJSON:
 * - one Point per site the register names, at the site's own coordinates, with its entries
 *   and two counts that mean one thing each (lib/domain/camera-status.ts): cameras
 *   **authorised** today and cameras **in service** today. A favourable opinion the prefect
 *   refused, or left unanswered past the silence deadline, counts in neither. Site points
 *   carry no camera tag: they are not cameras.
 * - one Point per camera in service, tagged as OpenStreetMap does (man_made=surveillance,
 *   surveillance=public|outdoor|indoor, surveillance:type=camera, surveillance:zone,
 *   operator), at the site's point or its own position rounded to about 10 m, as the
 *   committee chose; never its direction.
 */
export function siteCollection({ entries, camerasOf, precision, cityName, origin }: MapInput): SiteCollection {
  /** The first entry of each decision, by the reference of any of its versions. */
  const decisionOf = new Map<string, string>();
  /** Each decision's latest version so far, and its decision id. */
  const current = new Map<string, { entry: RegisterEntry; decisionId: string }>();
  const bySite = new Map<string, RegisterEntry[]>();
  for (const item of entries) {
    const { entry } = item;
    const decision = entry.corrects ? (decisionOf.get(entry.corrects) ?? entry.corrects) : entry.reference;
    decisionOf.set(entry.reference, decision);
    current.set(decision, item);
    const list = bySite.get(entry.site.id) ?? [];
    list.push(entry);
    bySite.set(entry.site.id, list);
  }
  /** Counts of each current version, by its reference. */
  const countsOf = new Map<string, { authorised: number; inService: number }>();
  for (const { entry, decisionId } of current.values()) countsOf.set(entry.reference, cameraCounts(camerasOf.get(decisionId) ?? []));

  const sites: SiteFeature[] = [...bySite.values()].map((list) => {
    // Entries come in register order: the last one describes the site as it is now.
    const site = list[list.length - 1]!.site;
    const counts = list.map((e) => countsOf.get(e.reference)).filter((c) => c !== undefined);
    return {
      type: 'Feature',
      id: site.id,
      geometry: { type: 'Point', coordinates: [site.lon, site.lat] },
      properties: {
        kind: 'site',
        name: site.name,
        address: site.address,
        landlord: site.landlord,
        camerasAuthorised: counts.reduce((sum, c) => sum + c.authorised, 0),
        camerasInService: counts.reduce((sum, c) => sum + c.inService, 0),
        entries: [...list].reverse().map((e) => ({
          reference: e.reference,
          kind: e.kind,
          corrects: e.corrects,
          outcome: e.outcome,
          decidedAt: e.decidedAt,
          publishedAt: e.publishedAt,
          cameraCount: e.cameraCount,
          current: countsOf.has(e.reference),
          camerasAuthorised: countsOf.get(e.reference)?.authorised ?? 0,
          camerasInService: countsOf.get(e.reference)?.inService ?? 0,
          url: `${origin}/registre/${encodeURIComponent(e.reference)}`,
        })),
        url: `${origin}/registre/sites/${site.id}`,
        feed: `${origin}/api/v1/sites/${site.id}/decisions.atom`,
      },
    };
  });
  sites.sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'fr') || a.id.localeCompare(b.id));

  const cameras: CameraFeature[] = [];
  for (const { entry, decisionId } of current.values()) {
    for (const camera of camerasOf.get(decisionId) ?? []) {
      if (!camera.inService || camera.inServiceFrom === null) continue;
      const { lat, lon } = publishedPosition(precision, entry.site, camera);
      cameras.push({
        type: 'Feature',
        id: `${entry.reference}-${camera.number}`,
        geometry: { type: 'Point', coordinates: [lon, lat] },
        properties: {
          kind: 'camera',
          man_made: 'surveillance',
          surveillance: osmSurveillance(camera.regime, camera.placement),
          'surveillance:type': 'camera',
          'surveillance:zone': osmZone(camera.regime, camera.zone, camera.openingsInView),
          operator: controllerOf(camera.regime, entry.site, cityName),
          regime: camera.regime,
          authorised: camera.authorised,
          inServiceFrom: camera.inServiceFrom,
          decision: entry.reference,
          site: entry.site.id,
          url: `${origin}/registre/${encodeURIComponent(entry.reference)}`,
        },
      });
    }
  }
  cameras.sort((a, b) => a.id.localeCompare(b.id));
  return { type: 'FeatureCollection', licence: { ...LICENCE }, features: [...sites, ...cameras] };
}
