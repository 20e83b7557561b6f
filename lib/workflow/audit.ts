import type { DbOrTx } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { AUDIT_EVENTS, type AuditDetails, type AuditKind } from '@/lib/domain/audit-events';

export type AuditInput<K extends AuditKind> = {
  action: K;
  actorId: string | null;
  entityId: string;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
} & (Record<string, never> extends AuditDetails<K> ? { details?: AuditDetails<K> } : { details: AuditDetails<K> });

/**
 * The only writer of `audit_events`. Written inside the command's transaction, so the
 * change and its record land together or not at all; the details are checked against
 * the catalog (lib/domain/audit-events.ts), so a malformed record fails the command.
 */
export async function recordEvent<K extends AuditKind>(tx: DbOrTx, event: AuditInput<K>): Promise<void> {
  const spec = AUDIT_EVENTS[event.action];
  const details = spec.details.parse(event.details ?? {});
  await tx.insert(auditEvents).values({
    actorId: event.actorId,
    action: event.action,
    entityType: spec.entity,
    entityId: event.entityId,
    fromState: event.fromState ?? null,
    toState: event.toState ?? null,
    reason: event.reason ?? null,
    details,
  });
}
