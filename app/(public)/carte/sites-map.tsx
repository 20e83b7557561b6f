'use client';

/**
 * SitesMap: the sites of the register on an OpenStreetMap map (Leaflet), for /carte only.
 *
 * - A complement to the list of sites that the page always renders on the server: without
 *   JavaScript (and during the server render and hydration) only `children` is rendered,
 *   the page's message that the map needs JavaScript and where the list is.
 * - Leaflet's JavaScript is loaded in the browser only, by `import('leaflet')` in an effect,
 *   and its CSS is imported here: this file is imported by app/(public)/carte/page.tsx and
 *   nowhere else, so no other public page ships Leaflet (scripts/check-client-bundle.ts
 *   checks the build).
 * - Tiles that fail (offline, blocked, OpenStreetMap down) fire Leaflet's `tileerror`: the
 *   page then says so in a status message; the points stay, on a grey background.
 * - Keyboard: the map container is focusable (arrows pan, +/- zoom); each point is a
 *   button with the site's name (Tab reaches it, Enter opens its bubble and moves the
 *   focus into it, Escape closes it and gives the focus back). Nothing traps the focus.
 * - Every text shown comes from the server, already translated and formatted; names are
 *   set as text, never as HTML.
 */

import 'leaflet/dist/leaflet.css';
import type * as Leaflet from 'leaflet';
import { loadLeaflet, OSM_MAX_ZOOM, OSM_TILE_URL } from '@/app/_components/leaflet-loader';
import { useEffect, useEffectEvent, useId, useRef, useState, type ReactNode } from 'react';
import { useIsClient } from '@/app/_components/use-is-client';

export interface MapSite {
  id: string;
  name: string;
  address: string;
  lat: number;
  lon: number;
  /** e.g. "Dernière décision : Avis favorable, le 26 octobre 2026", possibly with a note ("décision révoquée"). */
  latest: string;
  href: string;
  linkText: string;
}

export interface SitesMapProps {
  sites: MapSite[];
  labels: {
    /** Accessible name of the map. */
    region: string;
    loading: string;
    tilesFailed: string;
    mapFailed: string;
    /** HTML (trusted, from the message catalogs): the tiles' credit with its link. */
    tilesAttribution: string;
    zoomIn: string;
    zoomOut: string;
    closePopup: string;
  };
  /** What shows without JavaScript: a message pointing to the list. */
  children: ReactNode;
}

const SITE_ZOOM = 16;
const PIN_SIZE = 22;


type Status = 'loading' | 'ready' | 'failed';

/** The bubble of a site, built as DOM nodes with text content (names are data, not HTML). */
function popupContent(site: MapSite): HTMLElement {
  const root = document.createElement('div');
  root.className = 'site-map-popup';
  const name = document.createElement('p');
  name.className = 'site-map-popup-name';
  name.textContent = site.name;
  const address = document.createElement('p');
  address.textContent = site.address;
  const latest = document.createElement('p');
  latest.textContent = site.latest;
  const link = document.createElement('a');
  link.href = site.href;
  link.textContent = site.linkText;
  const linkLine = document.createElement('p');
  linkLine.append(link);
  root.append(name, address, latest, linkLine);
  return root;
}

/** The point of a site: a pin drawn in CSS, named by a visually hidden text. */
function pinElement(site: MapSite): HTMLElement {
  const root = document.createElement('span');
  const pin = document.createElement('span');
  pin.className = 'site-map-pin-dot';
  pin.setAttribute('aria-hidden', 'true');
  const name = document.createElement('span');
  name.className = 'visually-hidden';
  name.textContent = site.name;
  root.append(pin, name);
  return root;
}

export function SitesMap({ sites, labels, children }: SitesMapProps) {
  const isClient = useIsClient();
  const id = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<Status>('loading');
  const [tilesFailed, setTilesFailed] = useState(false);

  const initial = useEffectEvent(() => ({ sites, labels }));

  useEffect(() => {
    if (!isClient) return;
    const container = containerRef.current;
    if (!container) return;
    let cancelled = false;
    let map: Leaflet.Map | undefined;
    let resizeObserver: ResizeObserver | undefined;

    loadLeaflet()
      .then((L) => {
        if (cancelled) return;
        const { sites: points, labels: text } = initial();
        map = L.map(container, { zoomControl: false, keyboard: true, maxZoom: OSM_MAX_ZOOM });
        const current = map;
        L.control.zoom({ zoomInTitle: text.zoomIn, zoomOutTitle: text.zoomOut }).addTo(current);
        current.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
        const tiles = L.tileLayer(OSM_TILE_URL, { attribution: text.tilesAttribution, maxZoom: OSM_MAX_ZOOM });
        tiles.once('tileerror', () => setTilesFailed(true));
        tiles.addTo(current);

        for (const site of points) {
          const marker = L.marker([site.lat, site.lon], {
            icon: L.divIcon({ html: pinElement(site), className: 'site-map-pin', iconSize: [PIN_SIZE, PIN_SIZE], iconAnchor: [PIN_SIZE / 2, PIN_SIZE / 2], popupAnchor: [0, -PIN_SIZE / 2] }),
            title: site.name,
            keyboard: true,
            riseOnHover: true,
          });
          marker.bindPopup(popupContent(site), { maxWidth: 260 });
          // Enter opens the bubble (Leaflet); the focus follows into it so that its link is the next stop.
          marker.on('keypress', (event: Leaflet.LeafletKeyboardEvent) => {
            if (event.originalEvent.key !== 'Enter') return;
            marker.getPopup()?.getElement()?.querySelector<HTMLElement>('.site-map-popup a')?.focus();
          });
          marker.on('popupopen', (event: Leaflet.PopupEvent) => {
            const element = event.popup.getElement();
            const close = element?.querySelector<HTMLElement>('.leaflet-popup-close-button');
            close?.setAttribute('aria-label', text.closePopup);
            close?.setAttribute('title', text.closePopup);
            // Escape inside the bubble closes it and gives the focus back to its point.
            element?.addEventListener('keydown', (key) => {
              if (key.key !== 'Escape') return;
              key.stopPropagation();
              marker.closePopup();
              marker.getElement()?.focus();
            });
          });
          marker.on('popupclose', (event: Leaflet.PopupEvent) => {
            if (event.popup.getElement()?.contains(document.activeElement)) marker.getElement()?.focus();
          });
          marker.addTo(current);
        }

        if (points.length === 1) current.setView([points[0]!.lat, points[0]!.lon], SITE_ZOOM);
        else current.fitBounds(L.latLngBounds(points.map((s) => [s.lat, s.lon] as [number, number])), { padding: [30, 30], maxZoom: SITE_ZOOM });

        if (typeof ResizeObserver !== 'undefined') {
          resizeObserver = new ResizeObserver(() => current.invalidateSize());
          resizeObserver.observe(container);
        }
        setStatus('ready');
      })
      .catch(() => {
        // Leaflet's chunk could not load (e.g. network lost): the list stays the way in.
        if (!cancelled) setStatus('failed');
      });

    return () => {
      cancelled = true;
      resizeObserver?.disconnect();
      map?.remove();
    };
  }, [isClient]);

  if (!isClient) return <div className="site-map-fallback">{children}</div>;

  const message = status === 'failed' ? labels.mapFailed : tilesFailed ? labels.tilesFailed : status === 'loading' ? labels.loading : '';
  return (
    <div className="site-map">
      {/* Always in the page, so that a change is announced; shown as a notice when it has something to say. */}
      <p role="status" className={message && message !== labels.loading ? 'site-map-status notice' : 'site-map-status'} id={`${id}-status`}>
        {message}
      </p>
      {/* Leaflet makes this container focusable (tabindex=0) for its keyboard support. */}
      <div ref={containerRef} className="site-map-canvas" role="group" aria-label={labels.region} aria-describedby={`${id}-status`} hidden={status === 'failed'} />
    </div>
  );
}
