import type * as Leaflet from 'leaflet';
import { isMapPage } from '@/lib/security-headers';

/** OpenStreetMap's standard tiles, as every map of the app shows them. */
export const OSM_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const OSM_MAX_ZOOM = 19;

/**
 * Whether this document's Content-Security-Policy lets it show the tiles: only the map's and
 * the staff area's policies name the tiles' origin (lib/security-headers.ts), and a document
 * keeps the policy it was loaded with. The public pages link to the map with full page
 * loads; this catches a client-side navigation to a map from anywhere else.
 */
function documentAllowsTiles(): boolean {
  const loaded = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (!loaded || !URL.canParse(loaded.name)) return true;
  return isMapPage(new URL(loaded.name).pathname) || !isMapPage(window.location.pathname);
}

/**
 * Leaflet, loaded in the browser only when a map mounts (so no other page ships it:
 * scripts/check-client-bundle.ts checks). Leaflet is a CommonJS/UMD module: depending on
 * the bundler it comes as the namespace or as its default export.
 */
export async function loadLeaflet(): Promise<typeof Leaflet> {
  if (!documentAllowsTiles()) {
    // Loaded anew, the page gets its own policy; the map mounts then, before anything is typed.
    window.location.reload();
    return new Promise<never>(() => {});
  }
  const loaded: typeof Leaflet & { default?: typeof Leaflet } = await import('leaflet');
  return loaded.default ?? loaded;
}
