import 'server-only';
import { createHash } from 'node:crypto';
import { createTranslator } from 'next-intl';
import type { z } from 'zod';
import { errorResponse, type ErrorCode, type FieldErrors } from '@/lib/errors';
import { translateFieldError } from '@/lib/forms';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, LOCALES, type Locale } from '@/lib/i18n/config';
import { MESSAGES } from '@/lib/i18n/messages';
import type { AppTranslator } from '@/lib/i18n/translate';
import { registerFilterErrors } from '@/lib/register-search';
import { registerFiltersSchema, registerQueryFrom } from '@/lib/validation/register';
import { LICENCE_LINK } from './licence';

/**
 * What every answer of the open data shares: CORS open to any origin for reading, the
 * licence in a `Link` header, validators (ETag / If-None-Match → 304), a cache policy
 * that never hides a new publication, and errors as translated JSON, never a stack trace.
 */

/**
 * Public data that must show a new publication within a second: a cache may keep a copy
 * but must revalidate it before each use (`max-age=0, must-revalidate`). Revalidating
 * costs one cached head check on our side and a body-less 304 when nothing changed, so
 * it is cheap, and no reader ever sees a register older than the request.
 */
export const CACHE_CONTROL = 'public, max-age=0, must-revalidate';

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Link, Content-Disposition, Content-Language',
} as const;

/** The answer to a CORS preflight (or a plain OPTIONS): reading is open to every origin. */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS,
      Allow: 'GET, HEAD, OPTIONS',
      'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
      'Access-Control-Allow-Headers': 'Accept, Accept-Language, Cache-Control, If-None-Match',
      'Access-Control-Max-Age': '86400',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** The reader's language: the site's own choice (the `vigie_locale` cookie), else Accept-Language, else French. */
export function requestLocale(request: Request): Locale {
  const cookie = request.headers.get('cookie') ?? '';
  for (const part of cookie.split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === LOCALE_COOKIE && isLocale(value)) return value;
  }
  const ranked = (request.headers.get('accept-language') ?? '')
    .split(',')
    .map((range, index) => {
      const [tag = '', ...params] = range.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { language: tag.split('-')[0]!, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { language } of ranked) if ((LOCALES as readonly string[]).includes(language)) return language as Locale;
  return DEFAULT_LOCALE;
}

export function translatorFor(locale: Locale): AppTranslator {
  return createTranslator({ locale, messages: MESSAGES[locale] }) as AppTranslator;
}

/**
 * The address the data's own links point to: APP_URL when the deployment sets it (behind
 * a reverse proxy the request may only know an internal address), else the request's origin.
 */
export function publicOrigin(request: Request): string {
  const configured = process.env.APP_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // An invalid APP_URL is refused at start-up (lib/env.ts); fall back to the request.
    }
  }
  return new URL(request.url).origin;
}

/** Bump when the shape of a format changes, so no client keeps a copy of the old one. */
const FORMAT_VERSION = '1';

/**
 * A strong validator for an answer that is a pure function of the request's URL, the
 * address its links point to, and these parts (the register head, the language…).
 */
export function entityTag(request: Request, parts: readonly (string | number)[]): string {
  const input = [FORMAT_VERSION, request.url, publicOrigin(request), ...parts].join('\n');
  return `"${createHash('sha256').update(input).digest('base64url').slice(0, 32)}"`;
}

/** If-None-Match (RFC 9110 §13.1.2, weak comparison): `*`, or one of a list of tags, `W/` or not. */
export function matchesIfNoneMatch(request: Request, etag: string): boolean {
  const header = request.headers.get('if-none-match');
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/**
 * A successful answer with its validator: 304 without a body when the client already has
 * this version, else `build()`'s answer. Caching headers are added to both.
 */
export async function conditional(request: Request, etag: string, build: () => Response | Promise<Response>, { vary }: { vary?: string } = {}): Promise<Response> {
  const caching: Record<string, string> = { ETag: etag, 'Cache-Control': CACHE_CONTROL, ...(vary ? { Vary: vary } : {}) };
  if (matchesIfNoneMatch(request, etag)) return new Response(null, { status: 304, headers: caching });
  const response = await build();
  for (const [name, value] of Object.entries(caching)) response.headers.set(name, value);
  return response;
}

/** A failure as `{ error: { code, message, fieldErrors } }`, in the reader's language. */
export function openDataError(request: Request, code: ErrorCode, { message, fieldErrors = {} }: { message?: string; fieldErrors?: FieldErrors } = {}): Response {
  const locale = requestLocale(request);
  const t = translatorFor(locale);
  const translated = Object.fromEntries(Object.entries(fieldErrors).map(([field, error]) => [field, translateFieldError(t, error)]));
  const response = errorResponse(code, { message: message ?? t(`errors.${code}`), fieldErrors: translated as FieldErrors });
  response.headers.set('Content-Language', locale);
  return response;
}

/** 400 with each bad parameter named and explained. */
export function badQuery(request: Request, error: z.ZodError): Response {
  return openDataError(request, 'invalid:query', { fieldErrors: registerFilterErrors(error, '_query') });
}

/** The register's filters from the query string, as the public page reads them (first value of a repeated parameter). */
export function registerFiltersOf(request: Request) {
  return registerFiltersSchema.safeParse(registerQueryFrom(new URL(request.url).searchParams));
}

/** Entries per page of /api/v1/decisions when `limit` is not given. */
export const API_PAGE_SIZE = 100;

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler of the open data: every answer (success, 304, error) gets CORS,
 * `nosniff` and the licence link; anything thrown becomes a translated 500, logged with
 * its cause, never shown.
 */
export function openDataRoute<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    let response: Response;
    try {
      response = await handler(request, context);
    } catch (error) {
      console.error('[open-data] %s failed:', new URL(request.url).pathname, error);
      response = openDataError(request, 'internal');
    }
    for (const [name, value] of Object.entries(CORS)) response.headers.set(name, value);
    response.headers.set('X-Content-Type-Options', 'nosniff');
    response.headers.append('Link', LICENCE_LINK);
    return response;
  };
}


export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';
/** The feeds' words follow the reader's language: a shared cache keeps one copy per language. */
export const ATOM_VARY = 'Accept-Language, Cookie';
