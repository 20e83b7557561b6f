import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { entityHistory } from './audit';
import type { Database } from '@/db/client';
import { userRoles, users } from '@/db/schema';
import { type Role } from '@/lib/domain/vocabulary';

export interface UserRow {
  id: string;
  name: string;
  email: string;
  active: boolean;
  roles: Role[];
}

export async function listUsers(db: Database): Promise<UserRow[]> {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, active: users.active, role: userRoles.role })
    .from(users)
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .orderBy(asc(users.name), asc(userRoles.role));
  const byId = new Map<string, UserRow>();
  for (const { role, ...user } of rows) {
    const entry = byId.get(user.id) ?? { ...user, roles: [] };
    if (role) entry.roles.push(role);
    byId.set(user.id, entry);
  }
  return [...byId.values()];
}

export async function getUserWithHistory(db: Database, id: string) {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, active: users.active })
    .from(users)
    .where(eq(users.id, id));
  if (!user) return null;
  const roles = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, id)).orderBy(asc(userRoles.role));
  const history = await entityHistory(db, 'user', id);
  return { user: { ...user, roles: roles.map((r) => r.role) } satisfies UserRow, history };
}
