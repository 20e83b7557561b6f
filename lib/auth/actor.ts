import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { userRoles, users } from '@/db/schema';
import { type Role } from '@/lib/domain/vocabulary';

/** A signed-in person as the server sees them on this request: re-read, never trusted from the JWT. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  roles: Role[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The active account with this id and its current roles, or null (unknown, malformed or deactivated). */
export async function loadActor(db: DbOrTx, userId: string | null | undefined): Promise<Actor | null> {
  if (!userId || !UUID.test(userId)) return null;
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)));
  if (!user) return null;
  const roles = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
  return { ...user, roles: roles.map((r) => r.role).sort() };
}
