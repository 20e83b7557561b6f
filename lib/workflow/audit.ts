import type { Tx } from '@/db/client';
import { auditEvents } from '@/db/schema';

export interface AuditInput {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Written inside the command's transaction: the change and its record land together or not at all. */
export async function recordEvent(tx: Tx, event: AuditInput): Promise<void> {
  await tx.insert(auditEvents).values({ ...event, details: event.details ?? {} });
}
