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
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, active: users.active, oidcSubject: users.oidcSubject, ssoLinkAllowed: users.ssoLinkAllowed })
    .from(users)
    .where(eq(users.id, id));
  if (!row) return null;
  const { oidcSubject, ssoLinkAllowed, ...user } = row;
  const roles = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, id)).orderBy(asc(userRoles.role));
  const history = await entityHistory(db, 'user', id);
  // Whether the account is linked to the city's SSO, or allowed to be at the next sign-in.
  const sso = oidcSubject ? ('linked' as const) : ssoLinkAllowed ? ('allowed' as const) : ('none' as const);
  return { user: { ...user, roles: roles.map((r) => r.role) } satisfies UserRow, sso, history };
}
