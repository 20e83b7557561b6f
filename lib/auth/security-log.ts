import { lt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { securityEvents } from '@/db/schema';

export const SECURITY_EVENT_KINDS = [
  'sign_in',
  'sign_in_failed',
  'sign_in_rate_limited',
  'sign_in_sso_refused',
  'sso_linked',
  'sign_out',
  'session_revoked',
  'password_changed',
  'password_change_failed',
  'password_change_rate_limited',
  'forbidden',
  'not_found',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

/** How long the security log is kept (ASVS 7.1: long enough to investigate an incident). */
export const SECURITY_LOG_RETENTION_DAYS = 365;

export interface SecurityEvent {
  kind: SecurityEventKind;
  userId?: string | null;
  emailKey?: string | null;
  address?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Writes one row of the security log. Never throws: a logging failure must not turn a
 * sign-in or a refusal into an error page; it is reported to the operator instead.
 */
export async function logSecurityEvent(db: DbOrTx, event: SecurityEvent): Promise<void> {
  try {
    await db.insert(securityEvents).values({
      kind: event.kind,
      userId: event.userId ?? null,
      emailKey: event.emailKey ?? null,
      address: event.address ?? null,
      details: event.details ?? {},
    });
  } catch (err) {
    console.error(`[security log] could not record ${event.kind}:`, err);
  }
}

/** Drops only what is older than the retention period. */
export async function pruneSecurityLog(db: DbOrTx, now = new Date()): Promise<void> {
  await db.delete(securityEvents).where(lt(securityEvents.createdAt, new Date(now.getTime() - SECURITY_LOG_RETENTION_DAYS * 86_400_000)));
}
