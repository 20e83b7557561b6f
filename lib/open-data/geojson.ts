import type { RegisterEntry } from '@/lib/domain/register';
import { LICENCE } from './licence';
import type { SiteCollection, SiteFeature } from './schemas';

/**
 * The register on a map: one GeoJSON Point per site it names, at the site's own
 * coordinates (the register never holds a camera's position), with the entries on it.
 *
 * "Cameras authorised" counts, for each decision, its current version (the last of its
 * corrections) when that version is favourable, not revoked and not expired on `today`.
 * The OpenStreetMap tags (man_made=surveillance, surveillance=public,
 * surveillance:type=camera) are given only where that count is above zero: a site whose
 * only opinions are unfavourable has no authorised camera to tag. `surveillance:zone` is
 * left out: the public register does not say what the cameras look at (a parking, a
 * building entrance, the street), and guessing it from the purposes would be inventing.
 */
export function siteCollection(entries: Iterable<RegisterEntry>, { today, origin }: { today: string; origin: string }): SiteCollection {
  /** The first entry of each decision, by the reference of any of its versions. */
  const decisionOf = new Map<string, string>();
  /** Each decision's latest version so far. */
  const current = new Map<string, RegisterEntry>();
  const bySite = new Map<string, RegisterEntry[]>();
  for (const entry of entries) {
    const decision = entry.corrects ? (decisionOf.get(entry.corrects) ?? entry.corrects) : entry.reference;
    decisionOf.set(entry.reference, decision);
    current.set(decision, entry);
    const list = bySite.get(entry.site.id) ?? [];
    list.push(entry);
    bySite.set(entry.site.id, list);
  }
  const inForce = new Set<string>();
  for (const entry of current.values()) {
    if (entry.kind !== 'revocation' && entry.outcome !== 'unfavourable' && (entry.expiresAt === null || entry.expiresAt >= today)) inForce.add(entry.reference);
  }

  const features: SiteFeature[] = [...bySite.values()].map((list) => {
    // Entries come in register order: the last one describes the site as it is now.
    const site = list[list.length - 1]!.site;
    const camerasAuthorised = list.filter((e) => inForce.has(e.reference)).reduce((sum, e) => sum + e.cameraCount, 0);
    const osm = camerasAuthorised > 0 ? ({ man_made: 'surveillance', surveillance: 'public', 'surveillance:type': 'camera' } as const) : {};
    return {
      type: 'Feature',
      id: site.id,
      geometry: { type: 'Point', coordinates: [site.lon, site.lat] },
      properties: {
        name: site.name,
        address: site.address,
        landlord: site.landlord,
        camerasAuthorised,
        ...osm,
        entries: [...list].reverse().map((e) => ({
          reference: e.reference,
          kind: e.kind,
          corrects: e.corrects,
          outcome: e.outcome,
          decidedAt: e.decidedAt,
          publishedAt: e.publishedAt,
          cameraCount: e.cameraCount,
          expiresAt: e.expiresAt,
          inForce: inForce.has(e.reference),
          url: `${origin}/registre/${encodeURIComponent(e.reference)}`,
        })),
        url: `${origin}/registre/sites/${site.id}`,
        feed: `${origin}/api/v1/sites/${site.id}/decisions.atom`,
      },
    };
  });
  features.sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'fr') || a.id.localeCompare(b.id));
  return { type: 'FeatureCollection', licence: { ...LICENCE }, features };
}
