import { describe, expect, it } from 'vitest';
import { OSM_TILE_URL } from '@/app/_components/leaflet-loader';
import { joinWith, splitAt } from '@/lib/page-cache';
import { safeReturnPath } from '@/lib/safe-return-path';
import { contentSecurityPolicy, isCrossSiteWrite, isMapPage, newNonce, nonceOf, OSM_TILE_ORIGIN, securityHeaders } from '@/lib/security-headers';
import { securityHeaders as configHeaders } from '@/next.config.mjs';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('the Content-Security-Policy', () => {
  it('lets only scripts with this response’s nonce run, and nothing frame or re-base the page', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'abc123', pathname: '/registre' }));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('allows the map tiles on the map and in the staff area (reached by client-side navigation) only', () => {
    const images = (pathname: string) => directives(contentSecurityPolicy({ nonce: 'n', pathname })).get('img-src');
    for (const map of ['/carte', '/espace/propositions/8d3f8c52-8a4e-4b4e-9d0c-1d2f3a4b5c6d/modifier', '/espace', '/connexion']) {
      expect(images(map), map).toContain(OSM_TILE_ORIGIN);
    }
    for (const other of ['/', '/registre', '/registre/sites/x', '/carte/x', '/rapport', '/espacex', '/api/v1/decisions']) {
      expect(images(other), other).toEqual(["'self'", 'data:']);
    }
    expect(isMapPage('/cartes')).toBe(false);
    // The origin allowed is the one the maps load their tiles from.
    expect(OSM_TILE_URL.startsWith(`${OSM_TILE_ORIGIN}/`)).toBe(true);
  });

  it('lets the sign-in form go to the SSO provider, and development evaluate code', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'n', pathname: '/connexion', development: true, formTargets: ['https://sso.ville.test'] }));
    expect(policy.get('form-action')).toEqual(["'self'", 'https://sso.ville.test']);
    expect(policy.get('script-src')).toContain("'unsafe-eval'");
  });

  it('gets a new, unguessable nonce each time, which reads back from the policy', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[0-9a-f]{32}$/);
    const nonce = newNonce();
    expect(nonceOf(contentSecurityPolicy({ nonce, pathname: '/' }))).toBe(nonce);
    expect(nonceOf("script-src 'self'")).toBeNull();
    expect(nonceOf(null)).toBeNull();
  });
});

describe('the headers on every response', () => {
  it('are the same in next.config.mjs (static files) as in the proxy', () => {
    for (const production of [true, false]) {
      expect(configHeaders(production).map(({ key, value }: { key: string; value: string }) => [key, value])).toEqual(securityHeaders(production));
    }
  });

  it('include HSTS in production only', () => {
    expect(new Map(securityHeaders(true)).get('Strict-Transport-Security')).toBe('max-age=31536000');
    expect(new Map(securityHeaders(false)).has('Strict-Transport-Security')).toBe(false);
    expect(new Map(securityHeaders(true)).get('X-Content-Type-Options')).toBe('nosniff');
  });
});

describe('a request that changes state from another site', () => {
  const headers = (h: Record<string, string>) => new Headers({ host: 'vigie.ville.test', ...h });

  it('is recognised by its Origin or by the browser’s Sec-Fetch-Site', () => {
    expect(isCrossSiteWrite('POST', headers({ origin: 'https://evil.test' }))).toBe(true);
    expect(isCrossSiteWrite('DELETE', headers({ origin: 'https://vigie.ville.test.evil.test' }))).toBe(true);
    expect(isCrossSiteWrite('POST', headers({ origin: 'null' }))).toBe(true);
    expect(isCrossSiteWrite('PUT', headers({ 'sec-fetch-site': 'cross-site' }))).toBe(true);
    expect(isCrossSiteWrite('PATCH', headers({ 'sec-fetch-site': 'same-site' }))).toBe(true);
  });

  it('is not: same origin (also behind a reverse proxy), no browser headers, or a read', () => {
    expect(isCrossSiteWrite('POST', headers({ origin: 'https://vigie.ville.test', 'sec-fetch-site': 'same-origin' }))).toBe(false);
    expect(isCrossSiteWrite('POST', new Headers({ host: '127.0.0.1:3000', 'x-forwarded-host': 'vigie.ville.test', origin: 'https://vigie.ville.test' }))).toBe(false);
    expect(isCrossSiteWrite('POST', headers({}))).toBe(false);
    expect(isCrossSiteWrite('GET', headers({ origin: 'https://evil.test', 'sec-fetch-site': 'cross-site' }))).toBe(false);
    expect(isCrossSiteWrite('HEAD', headers({ origin: 'https://evil.test' }))).toBe(false);
  });
});

describe('a return path', () => {
  it('has its non-ASCII characters encoded, so that it fits in a Location header', () => {
    expect(safeReturnPath('/espace/é', '/')).toBe('/espace/%C3%A9');
    expect(safeReturnPath('/registre?q=caméra vidéo', '/')).toBe('/registre?q=cam%C3%A9ra%20vid%C3%A9o');
    expect(safeReturnPath('/espace/%C3%A9', '/')).toBe('/espace/%C3%A9');
    expect(safeReturnPath('/a\u202eb\u200b', '/')).toBe('/a%E2%80%AEb%E2%80%8B');
    for (const value of [safeReturnPath('/espace/é', '/'), safeReturnPath('/x?y=日本', '/')]) expect(value).toMatch(/^[\x21-\x7e]+$/);
  });

  it('falls back when it cannot be encoded or holds a control character', () => {
    expect(safeReturnPath('/a\ud800', '/fallback')).toBe('/fallback');
    expect(safeReturnPath('/a\u007f', '/fallback')).toBe('/fallback');
  });
});

describe('the page cache’s nonce swap', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  const text = (b: Uint8Array) => new TextDecoder().decode(b);

  it('puts the new nonce wherever the old one was, and nowhere else', () => {
    const old = newNonce();
    const fresh = newNonce();
    const page = `<script nonce="${old}">a</script><p>é</p><script nonce="${old}">self.__next_f.push("${old}")</script>`;
    const parts = splitAt(bytes(page), bytes(old));
    expect(parts).toHaveLength(4);
    expect(text(joinWith(parts, bytes(fresh)))).toBe(page.replaceAll(old, fresh));
    expect(text(joinWith(parts, bytes(fresh)))).not.toContain(old);
  });

  it('leaves a page without the nonce as it is', () => {
    expect(text(joinWith(splitAt(bytes('<p>rien</p>'), bytes('n0nce')), bytes('other')))).toBe('<p>rien</p>');
    expect(text(joinWith(splitAt(bytes('n0nce'), bytes('n0nce')), bytes('x')))).toBe('x');
  });
});
