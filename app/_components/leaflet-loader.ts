import type * as Leaflet from 'leaflet';

/** OpenStreetMap's standard tiles, as every map of the app shows them. */
export const OSM_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const OSM_MAX_ZOOM = 19;

/**
 * Leaflet, loaded in the browser only when a map mounts (so no other page ships it:
 * scripts/check-client-bundle.ts checks). Leaflet is a CommonJS/UMD module: depending on
 * the bundler it comes as the namespace or as its default export.
 */
export async function loadLeaflet(): Promise<typeof Leaflet> {
  const loaded: typeof Leaflet & { default?: typeof Leaflet } = await import('leaflet');
  return loaded.default ?? loaded;
}
