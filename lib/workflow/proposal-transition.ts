import { desc, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { diagnostics, proposals, type Diagnostic, type Proposal } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { canViewProposal } from '@/lib/auth/visibility';
import { transition, type GuardContext, type ProposalCommand } from '@/lib/domain/lifecycle';
import { lifecycleEventKind } from '@/lib/domain/audit-events';
import { isConcludedAndSigned } from '@/lib/domain/proposal-rules';
import { AppError } from '@/lib/errors';
import { recordEvent } from './audit';
import { refuse } from './refusals';
import { type ProposalState } from '@/lib/domain/vocabulary';

/** The proposal, locked for the rest of the transaction; unknown and invisible ones are "not found". */
export async function lockProposal(tx: Tx, actor: Actor, proposalId: string): Promise<Proposal> {
  const [row] = await tx.select().from(proposals).where(eq(proposals.id, proposalId)).for('update');
  if (!row || !canViewProposal(actor, row)) throw new AppError('not_found');
  return row;
}

/** The proposal's newest diagnostic version, if any. */
export async function latestDiagnostic(tx: Tx, proposalId: string): Promise<Diagnostic | undefined> {
  const [latest] = await tx.select().from(diagnostics).where(eq(diagnostics.proposalId, proposalId)).orderBy(desc(diagnostics.version)).limit(1);
  return latest;
}

/** Whether the latest diagnostic of the proposal is concluded and signed (the gate). */
export async function hasConcludedDiagnostic(tx: Tx, proposalId: string): Promise<boolean> {
  return isConcludedAndSigned(await latestDiagnostic(tx, proposalId));
}

/**
 * Asks the lifecycle table whether `command` may move this proposal, then writes the
 * new state and its audit event (who, from, to, why) in the caller's transaction.
 */
export async function applyTransition(
  tx: Tx,
  actor: Actor,
  proposal: Proposal,
  command: ProposalCommand,
  context: Omit<GuardContext, 'isAuthor'>,
  changes: Partial<typeof proposals.$inferInsert> = {},
): Promise<ProposalState> {
  const decision = transition(proposal.state, command, { ...context, roles: actor.roles, isAuthor: proposal.authorId === actor.id });
  if (!decision.ok) refuse(decision.reason);
  await tx
    .update(proposals)
    .set({ ...changes, state: decision.to, revision: proposal.revision + 1, updatedAt: new Date() })
    .where(eq(proposals.id, proposal.id));
  await recordEvent(tx, {
    actorId: actor.id,
    action: lifecycleEventKind(command),
    entityId: proposal.id,
    fromState: proposal.state,
    toState: decision.to,
    reason: context.reason ?? null,
  });
  return decision.to;
}
