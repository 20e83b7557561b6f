import 'server-only';
import { asc, desc, eq, and } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { auditEvents, userRoles, users, type Role } from '@/db/schema';

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
  const actor = alias(users, 'actor');
  const history = await db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      details: auditEvents.details,
      createdAt: auditEvents.createdAt,
      actorName: actor.name,
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entityType, 'user'), eq(auditEvents.entityId, id)))
    .orderBy(desc(auditEvents.createdAt));
  return { user: { ...user, roles: roles.map((r) => r.role) } satisfies UserRow, history };
}
