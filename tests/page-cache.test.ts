import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cachedPageResponse, isCacheablePageRequest, RENDER_HEADER } from '@/lib/page-cache';
import { checkFormStamp, STAMP_PLACEHOLDER } from '@/lib/resident-questions/anti-spam';

// The cache's checks of the register's head and of the questions stamp: a register that does not move.
vi.mock('@/db/client', () => ({ getDb: () => ({}), publicReadDb: () => ({}) }));
vi.mock('@/lib/register-cache', () => ({ registerVersion: async () => 'head-1' }));
vi.mock('@/lib/resident-questions/public-stamp', () => ({ questionsStamp: async () => '0:0' }));

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

describe('the residents\' question form on a cached decision page', () => {
  const RENDER_NONCE = '0123456789abcdef0123456789abcdef';
  /** What the renderer gives the cache: the nonce and the stamp placeholder, each twice (the HTML and the RSC payload). */
  const rendered = () =>
    `<!DOCTYPE html><script nonce="${RENDER_NONCE}"></script><form><input type="hidden" name="stamp" value="${STAMP_PLACEHOLDER}"/></form>` +
    `<script nonce="${RENDER_NONCE}">self.__next_f.push([1,"{\\"stamp\\":\\"${STAMP_PLACEHOLDER}\\"}"])</script>`;
  let renders = 0;

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  function stubRenderer(body: () => string) {
    renders = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        expect(new Headers(init.headers).get(RENDER_HEADER)).toBe('1');
        renders += 1;
        return new Response(body(), {
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': `script-src 'nonce-${RENDER_NONCE}'`, link: `</_next/static/chunks/a.js>; rel=preload; as="script"; nonce="${RENDER_NONCE}"` },
        });
      }),
    );
  }

  /** One reader's answer: its body, and the stamps it carries. */
  async function read(path: string, nonce: string) {
    const response = await cachedPageResponse(request(path), nonce);
    expect(response).not.toBeNull();
    const html = await response!.text();
    const stamps = [...html.matchAll(/name="stamp" value="([^"]*)"|\\"stamp\\":\\"([^\\"]*)\\"/g)].map((m) => m[1] ?? m[2]);
    return { html, state: response!.headers.get('x-vigie-cache'), link: response!.headers.get('link'), stamps };
  }

  it('gives each reader a stamp of their own, signed as the page leaves, and never the placeholder', async () => {
    stubRenderer(rendered);
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date('2026-11-27T08:00:00Z');
    vi.setSystemTime(start);
    const first = await read('/registre/CE-2026-901', 'a'.repeat(32));
    vi.setSystemTime(new Date(start.getTime() + 1_000));
    const second = await read('/registre/CE-2026-901', 'b'.repeat(32));
    expect([first.state, second.state, renders]).toEqual(['MISS', 'HIT', 1]);
    for (const answer of [first, second]) {
      expect(answer.html).not.toContain(STAMP_PLACEHOLDER);
      expect(answer.html).not.toContain(RENDER_NONCE);
      // Both places of one answer carry the same stamp, the one the form posts.
      expect(answer.stamps).toHaveLength(2);
      expect(answer.stamps[0]).toBe(answer.stamps[1]);
    }
    expect(first.html).toContain(`nonce="${'a'.repeat(32)}"`);
    expect(second.html).toContain(`nonce="${'b'.repeat(32)}"`);
    // The preload header too carries the reader's nonce, not the render's.
    expect(first.link).toContain(`nonce="${'a'.repeat(32)}"`);
    expect(second.link).toContain(`nonce="${'b'.repeat(32)}"`);
    expect(first.stamps[0]).not.toBe(second.stamps[0]);
    // Valid: a person who writes for a minute is let through, with either stamp.
    expect(checkFormStamp(first.stamps[0], new Date(start.getTime() + 60_000))).toBe('ok');
    expect(checkFormStamp(second.stamps[0], new Date(start.getTime() + 61_000))).toBe('ok');
  });

  // The register version also moves with the Paris day, so a real page is rarely kept that long;
  // the stamp must not rely on it (a page kept for hours would otherwise hand out an old stamp).
  it('still gives a fresh stamp from a page kept for more than a day', async () => {
    stubRenderer(rendered);
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date('2026-11-27T08:00:00Z');
    vi.setSystemTime(start);
    const kept = await read('/registre/CE-2026-902', 'c'.repeat(32));
    const later = new Date(start.getTime() + 25 * 3_600_000);
    vi.setSystemTime(later);
    const dayOld = await read('/registre/CE-2026-902', 'd'.repeat(32));
    expect([kept.state, dayOld.state, renders]).toEqual(['MISS', 'HIT', 1]);
    const inAMinute = new Date(later.getTime() + 60_000);
    expect(checkFormStamp(kept.stamps[0], inAMinute)).toBe('expired');
    expect(checkFormStamp(dayOld.stamps[0], inAMinute)).toBe('ok');
    // Fresh, so a robot posting at once is still caught.
    expect(checkFormStamp(dayOld.stamps[0], later)).toBe('too_fast');
  });

  it('leaves a page without the form as it was, but for the nonce', async () => {
    const page = `<p>Registre</p><script nonce="${RENDER_NONCE}"></script>`;
    stubRenderer(() => page);
    const answer = await read('/registre/CE-2026-903', 'e'.repeat(32));
    expect(answer.html).toBe(page.replace(RENDER_NONCE, 'e'.repeat(32)));
  });
});
