'use client';

/**
 * CameraMap: places the cameras of a proposal on an OpenStreetMap map (Leaflet).
 *
 * - A complement only: the form keeps its latitude/longitude text fields, which work by
 *   keyboard and without JavaScript. Without JavaScript (and during the server render) only
 *   the instructions text is rendered; nothing touches `window` before the component mounts.
 * - Leaflet's JS is loaded in the browser only, on the pages that use this component
 *   (`import('leaflet')` in an effect). The map is created once (kept in a ref), its markers
 *   follow the props, and it is destroyed on unmount.
 * - Works offline: tiles that fail to load leave a grey background; markers are divIcons
 *   (no default marker PNG is fetched), so clicks and markers keep working.
 * - A click on the map calls onPlace(selectedIndex, latitude, longitude), rounded to 6 decimals.
 * - Accessibility: a <figure> named by its caption (labels.region); the map container keeps
 *   Leaflet's keyboard support (focusable; arrows pan, +/- zoom) and is described by the
 *   visible instructions; markers are neither focusable nor interactive.
 */

import 'leaflet/dist/leaflet.css';
import type * as Leaflet from 'leaflet';
import { loadLeaflet, OSM_MAX_ZOOM, OSM_TILE_URL } from '@/app/_components/leaflet-loader';
import { useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { clickedPosition, isPlaceable, MARKER_SIZE, markerHtml } from './camera-map-geometry';
import { useIsClient } from '@/app/_components/use-is-client';

export interface CameraMapProps {
  /** Centre when no camera is placed yet: the housing site's coordinates. */
  center: { latitude: number; longitude: number };
  /** One marker per camera; null coordinates = not placed yet. */
  cameras: { latitude: number | null; longitude: number | null; label: string; directionDegrees?: number | null }[];
  /** The camera a click on the map places (index into cameras). */
  selectedIndex: number;
  onPlace(index: number, latitude: number, longitude: number): void;
  labels: {
    /** Accessible name of the map, shown as its caption. */
    region: string;
    /** How to use the map (and that the fields below do the same), shown as text. */
    instructions: string;
    /** e.g. "Un clic place la caméra {label}", already filled in by the caller. */
    placing: string;
    /** HTML (trusted, from the message catalogs), e.g. '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'. */
    tilesAttribution: string;
    /** Titles of the zoom buttons (Leaflet's own are in English). */
    zoomIn: string;
    zoomOut: string;
  };
}

const SITE_ZOOM = 17;
/** Shown when neither the site nor any camera has usable coordinates: metropolitan France. */
const FALLBACK_VIEW = { latitude: 46.6, longitude: 2.4, zoom: 5 };

/** Static styles of the map; React hoists this <style> into <head> once. */
const MAP_CSS = `
.vigie-camera-map { margin: 0 0 1.5rem; }
.vigie-camera-map figcaption { font-weight: 700; margin-bottom: 0.25rem; }
.vigie-camera-map .vigie-camera-map-text { margin: 0 0 0.5rem; }
.vigie-camera-map .vigie-camera-map-canvas { height: 320px; width: 100%; max-width: 48rem; border: 1px solid var(--line, #c9cbd3); }
.vigie-camera-map .leaflet-container .leaflet-control-attribution { background: #fff; color: #1b1b1f; }
.vigie-camera-map .leaflet-container .leaflet-control-attribution a { color: #1a4fa0; text-decoration: underline; }
.vigie-camera-map .leaflet-bar a { color: #1b1b1f; }
.vigie-camera-marker { background: none; border: 0; }
.vigie-camera-marker .vigie-camera-symbol { position: absolute; left: 0; top: 0; overflow: visible; }
.vigie-camera-marker .vigie-camera-dot { fill: #1f3a68; stroke: #fff; stroke-width: 2; }
.vigie-camera-marker .vigie-camera-arrow { fill: #1f3a68; stroke: #fff; stroke-width: 1.5; stroke-linejoin: round; }
.vigie-camera-marker.is-selected .vigie-camera-dot { fill: #b3261e; stroke: #ffbf47; stroke-width: 3; }
.vigie-camera-marker.is-selected .vigie-camera-arrow { fill: #b3261e; }
.vigie-camera-marker .vigie-camera-label {
  position: absolute; left: ${MARKER_SIZE}px; top: 50%; transform: translateY(-50%);
  white-space: nowrap; padding: 0 0.3rem; border: 1px solid #1b1b1f; border-radius: 4px;
  background: #fff; color: #1b1b1f; font: 600 12px/1.5 system-ui, sans-serif;
}
.vigie-camera-marker.is-selected .vigie-camera-label { border-width: 2px; border-color: #b3261e; }
`;


interface MapState {
  L: typeof Leaflet;
  map: Leaflet.Map;
  markers: Leaflet.LayerGroup;
  /** The centre prop last applied, so that only a real change of site moves the map. */
  centerKey: string;
}

export function CameraMap({ center, cameras, selectedIndex, onPlace, labels }: CameraMapProps) {
  const isClient = useIsClient();
  const id = useId();
  const captionId = `${id}-caption`;
  const instructionsId = `${id}-instructions`;
  const placingId = `${id}-placing`;
  const containerRef = useRef<HTMLDivElement>(null);
  const stateRef = useRef<MapState | null>(null);
  // Bumped once the map exists, so that the marker and centre effects run again.
  const [mapVersion, setMapVersion] = useState(0);

  // Read the latest props from Leaflet's callbacks without re-creating the map.
  const placeAt = useEffectEvent((latitude: number, longitude: number) => {
    const position = clickedPosition(latitude, longitude);
    if (!position || selectedIndex < 0 || selectedIndex >= cameras.length) return;
    onPlace(selectedIndex, position.latitude, position.longitude);
  });
  const initialOptions = useEffectEvent(() => ({
    center,
    placed: cameras.filter((c) => isPlaceable(c.latitude, c.longitude)).map((c) => [c.latitude, c.longitude] as [number, number]),
    attribution: labels.tilesAttribution,
    zoomIn: labels.zoomIn,
    zoomOut: labels.zoomOut,
  }));
  const anyCameraPlaced = useEffectEvent(() => cameras.some((c) => isPlaceable(c.latitude, c.longitude)));

  // Create the map once, destroy it on unmount.
  useEffect(() => {
    if (!isClient) return;
    const container = containerRef.current;
    if (!container) return;
    let cancelled = false;
    let resizeObserver: ResizeObserver | undefined;

    loadLeaflet()
      .then((L) => {
        if (cancelled) return;
        const options = initialOptions();
        const map = L.map(container, { zoomControl: false, keyboard: true, maxZoom: OSM_MAX_ZOOM, worldCopyJump: true });
        L.control.zoom({ zoomInTitle: options.zoomIn, zoomOutTitle: options.zoomOut }).addTo(map);
        // Leaflet's default prefix carries an English title and a flag; keep the credit, plainly.
        map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
        // Failed tiles (offline, CI) only leave the grey background: Leaflet fires 'tileerror', logs nothing.
        L.tileLayer(OSM_TILE_URL, { attribution: options.attribution, maxZoom: OSM_MAX_ZOOM }).addTo(map);

        if (options.placed.length > 0) {
          map.fitBounds(L.latLngBounds(options.placed), { padding: [40, 40], maxZoom: SITE_ZOOM + 1 });
        } else if (isPlaceable(options.center.latitude, options.center.longitude)) {
          map.setView([options.center.latitude, options.center.longitude], SITE_ZOOM);
        } else {
          map.setView([FALLBACK_VIEW.latitude, FALLBACK_VIEW.longitude], FALLBACK_VIEW.zoom);
        }
        map.on('click', (event: Leaflet.LeafletMouseEvent) => placeAt(event.latlng.lat, event.latlng.lng));

        const markers = L.layerGroup().addTo(map);
        stateRef.current = { L, map, markers, centerKey: `${options.center.latitude},${options.center.longitude}` };
        if (typeof ResizeObserver !== 'undefined') {
          resizeObserver = new ResizeObserver(() => map.invalidateSize());
          resizeObserver.observe(container);
        }
        setMapVersion((v) => v + 1);
      })
      .catch(() => {
        // Leaflet's chunk could not load (e.g. network lost): the map stays empty, the fields still work.
      });

    return () => {
      cancelled = true;
      resizeObserver?.disconnect();
      stateRef.current?.map.remove();
      stateRef.current = null;
    };
  }, [isClient]);

  // Markers follow the cameras and the selection.
  useEffect(() => {
    const state = stateRef.current;
    if (!state) return;
    const { L, markers } = state;
    markers.clearLayers();
    cameras.forEach((camera, index) => {
      if (!isPlaceable(camera.latitude, camera.longitude)) return;
      const selected = index === selectedIndex;
      const icon = L.divIcon({
        html: markerHtml(camera.label, camera.directionDegrees, selected),
        className: selected ? 'vigie-camera-marker is-selected' : 'vigie-camera-marker',
        iconSize: [MARKER_SIZE, MARKER_SIZE],
        iconAnchor: [MARKER_SIZE / 2, MARKER_SIZE / 2],
      });
      // Neither interactive nor focusable: clicks go through to the map, no nameless controls.
      L.marker([camera.latitude as number, camera.longitude as number], {
        icon,
        interactive: false,
        keyboard: false,
        zIndexOffset: selected ? 1000 : 0,
      }).addTo(markers);
    });
  }, [cameras, selectedIndex, mapVersion]);

  // A new site (e.g. chosen in the form) recentres the map while no camera is placed.
  useEffect(() => {
    const state = stateRef.current;
    if (!state) return;
    const key = `${center.latitude},${center.longitude}`;
    if (key === state.centerKey) return;
    state.centerKey = key;
    if (!anyCameraPlaced() && isPlaceable(center.latitude, center.longitude)) {
      state.map.setView([center.latitude, center.longitude], Math.max(state.map.getZoom(), SITE_ZOOM));
    }
  }, [center.latitude, center.longitude, mapVersion]);

  if (!isClient) {
    return <p className="vigie-camera-map-text">{labels.instructions}</p>;
  }

  return (
    <figure className="vigie-camera-map">
      <style href="vigie-camera-map" precedence="default">
        {MAP_CSS}
      </style>
      <figcaption id={captionId}>{labels.region}</figcaption>
      <p id={instructionsId} className="vigie-camera-map-text">
        {labels.instructions}
      </p>
      <p id={placingId} className="vigie-camera-map-text">
        <strong>{labels.placing}</strong>
      </p>
      {/* Leaflet makes this container focusable (tabindex=0) for its keyboard support. */}
      <div
        ref={containerRef}
        className="vigie-camera-map-canvas"
        role="group"
        aria-labelledby={captionId}
        aria-describedby={`${instructionsId} ${placingId}`}
      />
    </figure>
  );
}
