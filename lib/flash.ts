import { ERROR_STATUS, type ErrorCode } from '@/lib/errors';
import type { CommandResult } from '@/lib/workflow/command';

/**
 * One-button commands answer with a redirect, so they work without JavaScript: back to
 * the page with `?ok=<flag>` or `?erreur=<code>`, which the page reads with readFlash.
 */
export function flashLocation(result: CommandResult<unknown>, path: string, okFlag: string, okPath = path): string {
  return result.ok ? `${okPath}?ok=${okFlag}` : `${path}?erreur=${encodeURIComponent(result.code)}`;
}

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * What the address says just happened: the catalog key of a known success flag, or a
 * known error code. Anything else typed in the address is ignored.
 */
export function readFlash<Key extends string>(query: SearchParams, successes: Record<string, Key>): { success: Key | null; error: ErrorCode | null } {
  const ok = query.ok;
  const error = query.erreur;
  return {
    success: typeof ok === 'string' && Object.hasOwn(successes, ok) ? successes[ok]! : null,
    error: typeof error === 'string' && Object.hasOwn(ERROR_STATUS, error) ? (error as ErrorCode) : null,
  };
}
