import { and, eq, isNull, lt, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { authSessions } from '@/db/schema';
import { logSecurityEvent } from './security-log';

/**
 * A session ends this long after sign-in whatever the activity: the cookie's rolling
 * refresh (auth.config.ts, 8 h of inactivity) cannot stretch it further.
 */
export const SESSION_ABSOLUTE_HOURS = 12;

/** Opens a session for a person who just proved who they are; its id goes into the JWT. */
export async function openSession(db: DbOrTx, userId: string, now = new Date()): Promise<string> {
  // Past their absolute lifetime, sessions open nothing: dropped here, so the table holds
  // about a day of sign-ins (their ends stay in the security log).
  await db.delete(authSessions).where(lt(authSessions.expiresAt, now));
  const [row] = await db
    .insert(authSessions)
    .values({ userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_HOURS * 3_600_000) })
    .returning({ id: authSessions.id });
  return row!.id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ends one session (sign-out). Returns whether it was still open. */
export async function revokeSession(db: DbOrTx, sessionId: string | null | undefined): Promise<boolean> {
  if (!sessionId || !UUID.test(sessionId)) return false;
  const ended = await db
    .update(authSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)))
    .returning({ id: authSessions.id });
  return ended.length > 0;
}

/**
 * Ends every open session of a person, but `except` (the one changing its own password
 * stays signed in). Logged, with who asked and why.
 */
export async function revokeUserSessions(
  db: DbOrTx,
  userId: string,
  { except, reason, by }: { except?: string | null; reason: string; by: string },
): Promise<number> {
  const ended = await db
    .update(authSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt), except ? ne(authSessions.id, except) : undefined))
    .returning({ id: authSessions.id });
  if (ended.length) await logSecurityEvent(db, { kind: 'session_revoked', userId, details: { reason, by, sessions: ended.length } });
  return ended.length;
}
