import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isCacheablePageRequest, RENDER_HEADER } from '@/lib/page-cache';

/** A browser's page load by default (it asks for HTML). */
const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(new URL(path, 'http://localhost:3000'), { ...init, headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', ...init.headers } });

describe('which requests the page cache may answer', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('answers residents reading the register, its entries, its sites and the map', () => {
    for (const path of ['/registre', '/registre?q=parking&year=2026', '/registre/CE-2026-001', '/registre/sites/8d3f8c52-8a4e-4b4e-9d0c-1d2f3a4b5c6d', '/carte']) {
      expect(isCacheablePageRequest(request(path)), path).toBe(true);
    }
  });

  it('never answers the staff, a render it asked for itself, a client navigation, a form post or another page', () => {
    expect(isCacheablePageRequest(request('/registre', { headers: { cookie: 'authjs.session-token=abc' } }))).toBe(false);
    expect(isCacheablePageRequest(request('/registre', { headers: { cookie: '__Secure-authjs.session-token=abc' } }))).toBe(false);
    expect(isCacheablePageRequest(request('/registre', { headers: { [RENDER_HEADER]: '1' } }))).toBe(false);
    // A client navigation's fetch (Next strips its rsc headers before the proxy): it does not ask for HTML.
    expect(isCacheablePageRequest(request('/registre', { headers: { accept: '*/*' } }))).toBe(false);
    expect(isCacheablePageRequest(request('/registre', { headers: { 'sec-fetch-dest': 'empty' } }))).toBe(false);
    expect(isCacheablePageRequest(request('/registre', { method: 'POST' }))).toBe(false);
    for (const path of ['/', '/rapport/2026', '/espace', '/registre/CE-2026-001/autre', '/api/v1/decisions']) expect(isCacheablePageRequest(request(path)), path).toBe(false);
  });

  it('can be turned off', () => {
    vi.stubEnv('VIGIE_PAGE_CACHE', '0');
    expect(isCacheablePageRequest(request('/registre'))).toBe(false);
  });
});
