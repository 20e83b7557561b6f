/**
 * The security headers every response carries, and the Content-Security-Policy built per
 * request by proxy.ts. Pure: no request, no environment read here, so the tests can pin
 * each rule.
 */

/** OpenStreetMap's tile server: the only outside origin a page may load anything from. */
export const OSM_TILE_ORIGIN = 'https://tile.openstreetmap.org';

/**
 * The documents whose policy allows the map tiles: the public map, and the staff area with
 * its door, the sign-in page. A document keeps the policy it was loaded with through
 * client-side navigations, and staff reach a proposal's camera map that way (the sign-in's
 * redirect, the draft's creation, links): so the whole staff area must allow what one of its
 * pages shows. The public pages link to these with full page loads (plain <a>), and
 * app/_components/leaflet-loader.ts reloads a map reached any other way.
 */
export function isMapPage(pathname: string): boolean {
  return pathname === '/carte' || pathname === '/connexion' || pathname === '/espace' || pathname.startsWith('/espace/');
}

/**
 * A fresh nonce for one response: 128 random bits in hex. Hex (a subset of base64's
 * alphabet) never needs escaping in HTML, JSON or a header, so the page cache can find and
 * replace it byte for byte.
 */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface CspOptions {
  nonce: string;
  pathname: string;
  /** `next dev` evaluates code (React's dev tools, fast refresh): never in production. */
  development?: boolean;
  /** Where a form on this page may send the browser: the SSO provider for the sign-in page. */
  formTargets?: string[];
}

export function contentSecurityPolicy({ nonce, pathname, development = false, formTargets = [] }: CspOptions): string {
  const images = ["'self'", 'data:', ...(isMapPage(pathname) ? [OSM_TILE_ORIGIN] : [])];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    // 'strict-dynamic': the scripts Next marks with the nonce may load the app's chunks (Leaflet's among them).
    ['script-src', ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])]],
    // Leaflet positions tiles and markers with style attributes; styles cannot run code.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', images],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...(development ? ['ws:'] : [])]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'", ...formTargets]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The nonce a policy allows scripts with, or null. */
export function nonceOf(policy: string | null): string | null {
  return policy?.match(/'nonce-([^']+)'/)?.[1] ?? null;
}

/**
 * Headers for every response, the static files' included (next.config.mjs sets the same
 * list: tests/security-headers.test.ts checks they agree). HSTS only in production: the
 * app is then served over HTTPS by the city's reverse proxy, and browsers ignore it over
 * plain HTTP anyway. No includeSubDomains: the city's other hosts are not ours to bind.
 */
export function securityHeaders(production: boolean): [string, string][] {
  return [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['X-Frame-Options', 'DENY'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
    ...(production ? ([['Strict-Transport-Security', 'max-age=31536000']] as [string, string][]) : []),
  ];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request that changes state comes from another site: its Origin names another
 * host than the one it was sent to, or the browser says it is cross-site. A request with
 * neither header (curl, a server) is no forgery: the browser always sends Origin on a POST.
 * The host compared is the one the reverse proxy forwarded, as Next's own check does.
 */
export function isCrossSiteWrite(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.get('origin');
  if (origin !== null) {
    if (!URL.canParse(origin)) return true; // "null" (a sandboxed frame, a privacy redirect) included
    const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
    return new URL(origin).host !== host;
  }
  const site = headers.get('sec-fetch-site');
  return site !== null && site !== 'same-origin' && site !== 'none';
}
