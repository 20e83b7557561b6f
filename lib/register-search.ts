import type { z } from 'zod';
import type { FieldError, FieldErrors } from '@/lib/errors';
import { registerFiltersSchema, registerQueryFrom, type RegisterFilters } from '@/lib/validation/register';

/**
 * The register page's search, read from its address: the same schema as the open data
 * (lib/validation/register.ts), so the page and the API agree on what a filter means.
 * The page shows a fixed number of entries, so `limit` is not one of its parameters.
 */

export type RegisterSearch = { ok: true; filters: RegisterFilters } | { ok: false; errors: FieldErrors };

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

/** The filters the address asks for, or each malformed one's message (a catalog key). Never throws. */
export function readRegisterSearch(params: Params): RegisterSearch {
  const { limit: _limit, ...query } = registerQueryFrom(params);
  const parsed = registerFiltersSchema.safeParse(query);
  return parsed.success ? { ok: true, filters: parsed.data } : { ok: false, errors: registerFilterErrors(parsed.error) };
}

/**
 * `parameter → message`, the first per parameter, for the page and the open data alike.
 * The filters' messages are their own catalog keys (`register.filters.*`, `validation.*`;
 * lib/validation/fields.ts's fieldErrorsFrom keeps only the latter), and the limit a
 * too-long text crossed travels with it. `fallback` names a problem of no one parameter.
 */
export function registerFilterErrors(error: z.ZodError, fallback = '_form'): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = /^(register\.filters|validation)\.[a-z_]+$/.test(issue.message) ? issue.message : 'validation.invalid';
    const message: FieldError = issue.code === 'too_big' && key === 'validation.too_long' ? { key, params: { max: Number(issue.maximum) } } : key;
    out[issue.path.join('.') || fallback] ??= message;
  }
  return out;
}

/** The filters the page's links carry, in the form's order. */
const LINKED = ['q', 'site', 'outcome', 'year', 'landlord'] as const;

/**
 * `path?filter=…` with the filters that are set (and `cursor` when given): the page's own
 * links (older decisions, back to the newest) and the exports that take the same filters.
 */
export function withFilters(path: string, filters: RegisterFilters, cursor?: number | null): string {
  const params = new URLSearchParams();
  for (const name of LINKED) {
    const value = filters[name];
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  if (cursor) params.set('cursor', String(cursor));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** True when the search narrows the register (the page then says so, and offers to clear it). */
export function isFiltered(filters: RegisterFilters): boolean {
  return LINKED.some((name) => filters[name] !== undefined && filters[name] !== '');
}

/** A summary for a list: the text up to `max` characters, cut at a word, with an ellipsis. */
export function shorten(text: string, max = 280): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** An ISO day (2026-03-14) as a Date at noon UTC: the same day in Paris whatever the season. */
export function civilDay(isoDay: string): Date {
  return new Date(`${isoDay}T12:00:00Z`);
}
