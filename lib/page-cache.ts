import type { NextRequest } from 'next/server';
import { publicReadDb } from '@/db/client';
import { registerVersion } from '@/lib/register-cache';
import { signFormStamp, STAMP_PLACEHOLDER } from '@/lib/resident-questions/anti-spam';
import { questionsStamp } from '@/lib/resident-questions/public-stamp';
import { LOCALE_COOKIE } from '@/lib/i18n/config';
import { nonceOf } from '@/lib/security-headers';

/**
 * The register's public pages as residents get them, kept per register version (its head,
 * the live follow-up stamp and the Paris day: lib/register-cache.ts).
 *
 * These pages are read far more than the register is written, and what an anonymous
 * reader gets depends only on the address, the language cookie and the register's
 * content. So the first anonymous request for an address renders it (a request to this
 * same server, marked so that it is not served from here), and the next ones, until the
 * register's head moves, get that HTML from memory: close to the cost of a static file.
 * A publication clears the register cache on commit, and another instance's publication
 * as soon as its notification reaches this instance's listener (lib/cache-listener.ts;
 * failing that, at the next head check, lib/register-cache.ts), so a new entry shows
 * within a second everywhere: a page kept at an older version is never served again.
 * Signed-in staff (their header names them) and client-side navigations (RSC payloads)
 * always go to the renderer.
 *
 * Each reader gets a fresh Content-Security-Policy nonce: the page is kept cut at the
 * nonce it was rendered with (128 random hex bits, so no other text matches it), and each
 * answer is glued back together with the nonce proxy.ts made for that request. The same
 * for the residents' question form on a decision page: rendered for the cache, its signed
 * fill-time stamp is a placeholder (STAMP_PLACEHOLDER), and each answer gets a stamp signed
 * as it leaves, so a page kept for a day still hands out a fresh one.
 *
 * Off with VIGIE_PAGE_CACHE=0. Any failure falls back to normal rendering.
 */

const CACHEABLE = /^\/(registre(\/[^/]+|\/sites\/[^/]+)?|carte)$/;
const MAX_PAGES = 1000;
const MAX_BYTES = 1_000_000;
export const RENDER_HEADER = 'x-vigie-render';
/** Response headers that describe one transfer, not the page. */
const HOP_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'set-cookie', 'content-security-policy']);
const STAMP = new TextEncoder().encode(STAMP_PLACEHOLDER);

interface CachedPage {
  /** The register version (head, live follow-up stamp, Paris day) and the residents' questions stamp it was rendered at. */
  version: string;
  status: number;
  /** Each header's value cut where the render's nonce was (Next's `Link` preloads carry it). */
  headers: [string, string[]][];
  /** The body, cut where the render's nonce was, and each part cut again at the question form's stamp placeholder. */
  parts: Uint8Array[][];
}

const store = globalThis as unknown as { vigiePageCache?: Map<string, CachedPage> };
const pages = (store.vigiePageCache ??= new Map());

function sessionCookie(req: NextRequest): boolean {
  return req.cookies.getAll().some((c) => c.name.includes('authjs.session-token'));
}

/** Whether this request may be answered from the page cache. */
export function isCacheablePageRequest(req: NextRequest): boolean {
  if (process.env.VIGIE_PAGE_CACHE === '0') return false;
  if (req.method !== 'GET' || req.headers.has(RENDER_HEADER)) return false;
  // Only a page load: client-side navigations and prefetches ask for the RSC payload at the
  // same address, and Next strips their markers (rsc headers, _rsc) before the proxy runs;
  // what is left to tell them apart is that only a document load asks for HTML.
  if (!(req.headers.get('accept') ?? '').includes('text/html')) return false;
  const dest = req.headers.get('sec-fetch-dest');
  if (dest && dest !== 'document') return false;
  if (sessionCookie(req)) return false;
  return CACHEABLE.test(req.nextUrl.pathname) && req.nextUrl.search.length <= 2000;
}

/** Where a request's page is kept, and the version it must have been rendered at to be served. */
async function lookup(req: NextRequest): Promise<{ locale: string; key: string; version: string; hit: CachedPage | null }> {
  const locale = req.cookies.get(LOCALE_COOKIE)?.value ?? '';
  const key = `${locale}\u0000${req.nextUrl.pathname}${req.nextUrl.search}`;
  const db = publicReadDb();
  // Decision pages also show residents' questions, which change without the register moving.
  const version = `${await registerVersion(db)}:${await questionsStamp(db)}`;
  const hit = pages.get(key);
  if (hit && hit.version === version) {
    pages.delete(key);
    pages.set(key, hit);
    return { locale, key, version, hit };
  }
  return { locale, key, version, hit: null };
}

/** The page from memory if it is kept at the current version; null otherwise (nothing rendered). */
export async function cachedPageHit(req: NextRequest, nonce: string): Promise<Response | null> {
  try {
    const { hit } = await lookup(req);
    return hit ? respond(hit, nonce, 'HIT') : null;
  } catch (err) {
    console.error('[page cache] rendering normally:', err instanceof Error ? err.message : err);
    return null;
  }
}

/** The page from memory, or rendered once by this server and kept; null to let Next render it as usual. */
export async function cachedPageResponse(req: NextRequest, nonce: string): Promise<Response | null> {
  try {
    const { locale, key, version, hit } = await lookup(req);
    if (hit) return respond(hit, nonce, 'HIT');
    const port = process.env.PORT ?? '3000';
    const rendered = await fetch(`http://127.0.0.1:${port}${req.nextUrl.pathname}${req.nextUrl.search}`, {
      headers: { [RENDER_HEADER]: '1', accept: 'text/html', ...(locale ? { cookie: `${LOCALE_COOKIE}=${encodeURIComponent(locale)}` } : {}) },
      redirect: 'manual',
      signal: AbortSignal.timeout(15_000),
    });
    const body = new Uint8Array(await rendered.arrayBuffer());
    const renderedNonce = nonceOf(rendered.headers.get('content-security-policy'));
    // A page rendered without a nonce would have its scripts blocked: never kept nor served from here.
    if (!renderedNonce) return null;
    const page: CachedPage = {
      version,
      status: rendered.status,
      headers: [...rendered.headers.entries()].filter(([name]) => !HOP_HEADERS.has(name)).map(([name, value]) => [name, value.split(renderedNonce)]),
      parts: splitAt(body, new TextEncoder().encode(renderedNonce)).map((part) => splitAt(part, STAMP)),
    };
    // Only complete answers are kept: a page, a not-found page; never a redirect or an error
    // (and never a cookie: set-cookie is not among the headers kept).
    const keep = (rendered.status === 200 || rendered.status === 404) && body.byteLength <= MAX_BYTES;
    if (keep) {
      pages.set(key, page);
      if (pages.size > MAX_PAGES) pages.delete(pages.keys().next().value as string);
    }
    return respond(page, nonce, 'MISS');
  } catch (err) {
    console.error('[page cache] rendering normally:', err instanceof Error ? err.message : err);
    return null;
  }
}

/** `body` cut at each occurrence of `marker` (exported for the tests). */
export function splitAt(body: Uint8Array, marker: Uint8Array): Uint8Array[] {
  const parts: Uint8Array[] = [];
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  let start = 0;
  for (let at = buffer.indexOf(marker, start); at !== -1; at = buffer.indexOf(marker, start)) {
    parts.push(body.subarray(start, at));
    start = at + marker.byteLength;
  }
  parts.push(body.subarray(start));
  return parts;
}

/** The parts glued back with `marker` between them (exported for the tests). */
export function joinWith(parts: Uint8Array[], marker: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.byteLength, 0) + (parts.length - 1) * marker.byteLength);
  let at = 0;
  parts.forEach((part, i) => {
    if (i > 0) {
      out.set(marker, at);
      at += marker.byteLength;
    }
    out.set(part, at);
    at += part.byteLength;
  });
  return out;
}

function respond(page: CachedPage, nonce: string, state: 'HIT' | 'MISS'): Response {
  const headers = new Headers(page.headers.map(([name, parts]) => [name, parts.join(nonce)] as [string, string]));
  headers.set('x-vigie-cache', state);
  // Signed only for a page that holds the form (one HMAC).
  const stamp = page.parts.some((part) => part.length > 1) ? new TextEncoder().encode(signFormStamp()) : STAMP;
  const body = joinWith(page.parts.map((part) => joinWith(part, stamp)), new TextEncoder().encode(nonce));
  return new Response(body, { status: page.status, headers });
}
