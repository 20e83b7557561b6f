/**
 * Pure helpers of the camera placement map (camera-map.tsx): no Leaflet, no DOM,
 * so they run (and are tested) anywhere.
 */

/** Coordinates are stored with 6 decimals (about 11 cm): plenty for a camera. */
export const COORDINATE_DECIMALS = 6;

/** Rounds a coordinate to COORDINATE_DECIMALS decimals (half away from zero), never returning -0. */
export function roundCoordinate(value: number): number {
  if (!Number.isFinite(value)) return Number.NaN;
  const rounded = Number(value.toFixed(COORDINATE_DECIMALS));
  return rounded === 0 ? 0 : rounded;
}

/** Brings a longitude back into [-180, 180) (a map panned across the antimeridian gives e.g. 362). */
export function normalizeLongitude(longitude: number): number {
  if (!Number.isFinite(longitude)) return Number.NaN;
  if (longitude >= -180 && longitude < 180) return longitude;
  return ((((longitude + 180) % 360) + 360) % 360) - 180;
}

/** The coordinates a click at (latitude, longitude) on the map places a camera at, or null if they make no sense. */
export function clickedPosition(latitude: number, longitude: number): { latitude: number; longitude: number } | null {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90) return null;
  return { latitude: roundCoordinate(latitude), longitude: roundCoordinate(normalizeLongitude(longitude)) };
}

/**
 * Whether a (possibly half-typed) pair of coordinates can be shown on the map.
 * The form's text fields feed the map, so NaN or out-of-range values must simply be skipped.
 */
export function isPlaceable(latitude: number | null | undefined, longitude: number | null | undefined): boolean {
  return (
    typeof latitude === 'number' &&
    typeof longitude === 'number' &&
    Number.isFinite(latitude) &&
    Number.isFinite(longitude) &&
    Math.abs(latitude) <= 90 &&
    Math.abs(longitude) <= 180
  );
}

/** A compass bearing (0 = north, clockwise) brought into [0, 360), or null when there is none. */
export function normalizeDirection(degrees: number | null | undefined): number | null {
  if (typeof degrees !== 'number' || !Number.isFinite(degrees)) return null;
  const normalized = ((degrees % 360) + 360) % 360;
  return Number(normalized.toFixed(2));
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Size of the marker's square icon box, in pixels; the camera position is its centre. */
export const MARKER_SIZE = 40;

/**
 * The inner HTML of a camera's Leaflet divIcon: a dot, an arrow pointing the way the camera
 * looks when its direction is known, and the camera's label as visible text (escaped: labels
 * come from user input). The drawing is aria-hidden; the label stays readable text.
 * Styled by the `.vigie-camera-*` classes that camera-map.tsx installs.
 */
export function markerHtml(label: string, directionDegrees?: number | null, selected = false): string {
  const direction = normalizeDirection(directionDegrees);
  const half = MARKER_SIZE / 2;
  const arrow =
    direction === null
      ? ''
      : `<g transform="rotate(${direction})"><path class="vigie-camera-arrow" d="M0 ${-half + 1} L7 ${-half + 11} L2.5 ${-half + 11} L2.5 -5 L-2.5 -5 L-2.5 ${-half + 11} L-7 ${-half + 11} Z"/></g>`;
  const dot = `<circle class="vigie-camera-dot" r="${selected ? 7 : 6}"/>`;
  const svg =
    `<svg class="vigie-camera-symbol" width="${MARKER_SIZE}" height="${MARKER_SIZE}" viewBox="${-half} ${-half} ${MARKER_SIZE} ${MARKER_SIZE}"` +
    ` aria-hidden="true" focusable="false">${arrow}${dot}</svg>`;
  return `${svg}<span class="vigie-camera-label">${escapeHtml(label)}</span>`;
}
