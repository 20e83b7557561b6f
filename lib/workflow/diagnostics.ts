import { desc, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { diagnostics, type Diagnostic } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { concludeDiagnosticSchema, saveDiagnosticSchema, type DiagnosticFormValues } from '@/lib/validation/diagnostics';
import { proposalIdSchema } from '@/lib/validation/proposals';
import { recordEvent } from './audit';
import { defineCommand } from './command';
import { applyTransition, lockProposal } from './proposal-transition';

/** The content columns a new version copies from the previous one. */
function contentOf(d: Diagnostic): DiagnosticFormValues {
  return {
    delinquencyFacts: d.delinquencyFacts,
    siteDescription: d.siteDescription,
    actorsConsulted: d.actorsConsulted,
    alternatives: d.alternatives,
    proportionality: d.proportionality,
    privacyRisks: d.privacyRisks,
    expectedEffect: d.expectedEffect,
    costAssessment: d.costAssessment,
    dpiaStatus: d.dpiaStatus,
    publicSummary: d.publicSummary,
    conclusion: d.conclusion,
    conditions: d.conditions,
  };
}

async function latestDiagnostic(tx: Tx, proposalId: string): Promise<Diagnostic | undefined> {
  const [latest] = await tx.select().from(diagnostics).where(eq(diagnostics.proposalId, proposalId)).orderBy(desc(diagnostics.version)).limit(1);
  return latest;
}

/** A draft diagnostic being worked on, with its proposal locked; refused once concluded or if saved meanwhile. */
async function lockDraftDiagnostic(tx: Tx, actor: Actor, diagnosticId: string, lockVersion: number) {
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
    const previous = await latestDiagnostic(tx, proposalId);
    const [created] = await tx
      .insert(diagnostics)
      .values({ ...(previous ? contentOf(previous) : {}), proposalId, version: (previous?.version ?? 0) + 1, startedBy: actor.id })
      .returning({ id: diagnostics.id });
    return created!;
  },
});

/** A concluded diagnostic is read-only: revising it opens a new version, a copy of the last one. */
export const reviseDiagnostic = defineCommand({
  name: 'reviseDiagnostic',
  permission: 'diagnostics.conduct',
  schema: proposalIdSchema,
  async run(tx, actor, { proposalId }) {
    const proposal = await lockProposal(tx, actor, proposalId);
    const previous = await latestDiagnostic(tx, proposalId);
    await applyTransition(tx, actor, proposal, 'reviseDiagnostic', { hasConcludedDiagnostic: true });
    const [created] = await tx
      .insert(diagnostics)
      .values({ ...contentOf(previous!), conclusion: null, proposalId, version: previous!.version + 1, startedBy: actor.id })
      .returning({ id: diagnostics.id });
    return created!;
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
  async run(tx, actor, { diagnosticId, lockVersion, ...values }) {
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
