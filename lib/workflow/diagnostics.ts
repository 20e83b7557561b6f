import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { diagnostics } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { concludeDiagnosticSchema, saveDiagnosticSchema, type DiagnosticFormValues } from '@/lib/validation/diagnostics';
import { proposalIdSchema } from '@/lib/validation/proposals';
import { recordEvent } from './audit';
import { defineCommand } from './command';
import { applyTransition, latestDiagnostic, lockProposal } from './proposal-transition';

/**
 * Opens the next version of the proposal's diagnostic as a draft: a copy of the last
 * version's content (if any) without its conclusion, which must be reached and signed anew.
 */
async function openVersion(tx: Tx, actor: Actor, proposalId: string): Promise<{ id: string }> {
  const previous = await latestDiagnostic(tx, proposalId);
  const content: Partial<DiagnosticFormValues> = previous
    ? {
        delinquencyFacts: previous.delinquencyFacts,
        siteDescription: previous.siteDescription,
        actorsConsulted: previous.actorsConsulted,
        alternatives: previous.alternatives,
        proportionality: previous.proportionality,
        privacyRisks: previous.privacyRisks,
        expectedEffect: previous.expectedEffect,
        costAssessment: previous.costAssessment,
        dpiaStatus: previous.dpiaStatus,
        publicSummary: previous.publicSummary,
        conditions: previous.conditions,
      }
    : {};
  const [created] = await tx
    .insert(diagnostics)
    .values({ ...content, proposalId, version: (previous?.version ?? 0) + 1, startedBy: actor.id })
    .returning({ id: diagnostics.id });
  return created!;
}

/** A draft diagnostic being worked on, with its proposal locked; refused once concluded or if saved meanwhile. */
async function lockDraftDiagnostic(tx: Tx, actor: Actor, diagnosticId: string, lockVersion: number) {
  // Proposal first, then diagnostic: every command locks in that order, so none deadlock.
  const [found] = await tx.select({ proposalId: diagnostics.proposalId }).from(diagnostics).where(eq(diagnostics.id, diagnosticId));
  if (!found) throw new AppError('not_found');
  const proposal = await lockProposal(tx, actor, found.proposalId);
  const [diagnostic] = await tx.select().from(diagnostics).where(eq(diagnostics.id, diagnosticId)).for('update');
  if (diagnostic!.state !== 'draft' || proposal.state !== 'in_diagnostic') throw new AppError('conflict:state', { _form: 'lifecycle.diagnostic_read_only' });
  if (diagnostic!.lockVersion !== lockVersion) throw new AppError('conflict:stale_version');
  return { proposal, diagnostic: diagnostic! };
}

export const startDiagnostic = defineCommand({
  name: 'startDiagnostic',
  permission: 'diagnostics.conduct',
  schema: proposalIdSchema,
  async run(tx, actor, { proposalId }) {
    const proposal = await lockProposal(tx, actor, proposalId);
    await applyTransition(tx, actor, proposal, 'startDiagnostic', { hasConcludedDiagnostic: false });
    return openVersion(tx, actor, proposalId);
  },
});

/** A concluded diagnostic is read-only: revising it opens a new version, a copy of the last one. */
export const reviseDiagnostic = defineCommand({
  name: 'reviseDiagnostic',
  permission: 'diagnostics.conduct',
  schema: proposalIdSchema,
  async run(tx, actor, { proposalId }) {
    const proposal = await lockProposal(tx, actor, proposalId);
    await applyTransition(tx, actor, proposal, 'reviseDiagnostic', { hasConcludedDiagnostic: true });
    return openVersion(tx, actor, proposalId);
  },
});

export const saveDiagnostic = defineCommand({
  name: 'saveDiagnostic',
  permission: 'diagnostics.conduct',
  schema: saveDiagnosticSchema,
  async run(tx, actor, { diagnosticId, lockVersion, ...values }) {
    const { proposal } = await lockDraftDiagnostic(tx, actor, diagnosticId, lockVersion);
    await tx
      .update(diagnostics)
      .set({ ...values, lockVersion: lockVersion + 1, updatedAt: new Date() })
      .where(eq(diagnostics.id, diagnosticId));
    await recordEvent(tx, { actorId: actor.id, action: 'diagnostic.saved', entityType: 'proposal', entityId: proposal.id });
    return { lockVersion: lockVersion + 1 };
  },
});

/** Every section complete: the diagnostic is signed by the person concluding it and becomes read-only. */
export const concludeDiagnostic = defineCommand({
  name: 'concludeDiagnostic',
  permission: 'diagnostics.conduct',
  schema: concludeDiagnosticSchema,
  // `confirmed` is checked by the schema and not stored.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  async run(tx, actor, { diagnosticId, lockVersion, confirmed, ...values }) {
    const { proposal, diagnostic } = await lockDraftDiagnostic(tx, actor, diagnosticId, lockVersion);
    const now = new Date();
    await tx
      .update(diagnostics)
      .set({ ...values, state: 'concluded', signedBy: actor.id, signedAt: now, lockVersion: lockVersion + 1, updatedAt: now })
      .where(eq(diagnostics.id, diagnosticId));
    await applyTransition(tx, actor, proposal, 'concludeDiagnostic', { hasConcludedDiagnostic: true }, { diagnosedAt: proposal.diagnosedAt ?? now });
    return { version: diagnostic.version };
  },
});
