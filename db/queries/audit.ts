import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { auditEvents, users } from '@/db/schema';
import type { AuditEntity } from '@/lib/domain/audit-events';

/** One record's audit trail, newest first, with the name of whoever acted. */
export async function entityHistory(db: DbOrTx, entityType: AuditEntity, entityId: string) {
  const actor = alias(users, 'actor');
  return db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      fromState: auditEvents.fromState,
      toState: auditEvents.toState,
      reason: auditEvents.reason,
      details: auditEvents.details,
      createdAt: auditEvents.createdAt,
      actorName: actor.name,
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)))
    .orderBy(desc(auditEvents.createdAt));
}
