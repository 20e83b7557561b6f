import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { authSessions, userRoles, users } from '@/db/schema';
import { type Role } from '@/lib/domain/vocabulary';

/** A signed-in person as the server sees them on this request: re-read, never trusted from the JWT. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  /** The session this request came with; null for trusted callers (scripts, tests). */
  sessionId?: string | null;
  /** The client address of this request, when it came over HTTP. */
  address?: string | null;
}

/** Who a request says it is: its JWT's user and session, and the client address. */
export interface SessionRef {
  userId: string | null | undefined;
  sessionId: string | null | undefined;
  address?: string | null;
}

/**
 * A bare user id is trusted as is: only server code (a script, a test) holds one.
 * A request always brings a SessionRef, whose session must still be open.
 */
export type ActorRef = string | SessionRef | null | undefined;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The active account with this id and its current roles, or null (unknown, malformed or
 * deactivated; or, for a request, a session signed out, revoked or past its absolute lifetime).
 */
export async function loadActor(db: DbOrTx, who: ActorRef): Promise<Actor | null> {
  const ref = typeof who === 'object' && who !== null ? who : null;
  const userId = typeof who === 'string' ? who : ref?.userId;
  if (!userId || !UUID.test(userId)) return null;
  const fields = { id: users.id, name: users.name, email: users.email };
  const active = and(eq(users.id, userId), eq(users.active, true));
  let user: { id: string; name: string; email: string } | undefined;
  if (ref) {
    if (!ref.sessionId || !UUID.test(ref.sessionId)) return null;
    [user] = await db
      .select(fields)
      .from(users)
      .innerJoin(authSessions, eq(authSessions.userId, users.id))
      .where(and(active, eq(authSessions.id, ref.sessionId), isNull(authSessions.revokedAt), gt(authSessions.expiresAt, new Date())));
  } else {
    [user] = await db.select(fields).from(users).where(active);
  }
  if (!user) return null;
  const roles = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
  return { ...user, roles: roles.map((r) => r.role).sort(), ...(ref ? { sessionId: ref.sessionId, address: ref.address ?? null } : {}) };
}
