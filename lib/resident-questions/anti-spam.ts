import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * Anti-spam for the residents' question form, without a third-party captcha:
 *
 * - a honeypot field (`website`), visually hidden and labelled "leave empty": a person
 *   never fills it, a form-filling robot often does;
 * - a signed timestamp (`stamp`) written when the form is drawn: a submission sooner than
 *   MIN_FILL_SECONDS after it is a robot (or a mistaken double post), one older than
 *   MAX_FILL_HOURS comes from a page left open for a day (or a replayed token);
 * - a per-address limit kept in the database (lib/workflow/resident-questions.ts).
 *
 * Signed with AUTH_SECRET (required in production); without one (development, tests) a
 * random secret of this process stands in, so forms drawn before a restart expire.
 */

export const MIN_FILL_SECONDS = 3;
export const MAX_FILL_HOURS = 24;
export const HONEYPOT_FIELD = 'website';
export const STAMP_FIELD = 'stamp';
/**
 * What a page rendered for the page cache carries instead of a signed stamp: the cache
 * puts a fresh `signFormStamp()` in its place in each answer (lib/page-cache.ts), so a
 * kept page never hands out a stamp that ages with it. Letters and hyphens only (nothing
 * to escape in HTML or in the RSC payload), and no other text of a page contains it.
 */
export const STAMP_PLACEHOLDER = 'vigie-form-stamp-placeholder';

const store = globalThis as unknown as { vigieQuestionSecret?: string };

function secret(): string {
  const configured = env().AUTH_SECRET;
  if (configured) return configured;
  store.vigieQuestionSecret ??= randomBytes(32).toString('hex');
  return store.vigieQuestionSecret;
}

const mac = (purpose: string, value: string) => createHmac('sha256', secret()).update(`vigie:${purpose}:${value}`).digest('base64url');

/** The hidden field's value for a form drawn at `now`. */
export function signFormStamp(now = new Date()): string {
  const ms = String(now.getTime());
  return `${ms}.${mac('question-stamp', ms)}`;
}

export type StampCheck = 'ok' | 'too_fast' | 'expired' | 'forged';

export function checkFormStamp(token: unknown, now = new Date()): StampCheck {
  if (typeof token !== 'string' || token.length > 100) return 'forged';
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return 'forged';
  const expected = Buffer.from(mac('question-stamp', match[1]!));
  const given = Buffer.from(match[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'forged';
  const elapsed = now.getTime() - Number(match[1]);
  if (elapsed < MIN_FILL_SECONDS * 1000) return 'too_fast';
  if (elapsed > MAX_FILL_HOURS * 3_600_000) return 'expired';
  return 'ok';
}

/** Whether the honeypot was filled (anything but empty or absent). */
export function honeypotFilled(value: unknown): boolean {
  return typeof value === 'string' ? value.length > 0 : value !== undefined && value !== null;
}

/** A keyed hash of the client address: enough to count its questions, useless to find the address again. */
export function addressKey(address: string): string {
  return mac('question-address', address || 'unknown');
}
