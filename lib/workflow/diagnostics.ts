import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { cameras, diagnostics } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { diagnosticEditRefusal } from '@/lib/domain/proposal-rules';
import { needsPrefectAuthorisation } from '@/lib/domain/regimes';
import { AppError } from '@/lib/errors';
import { storage, storeDocument } from '@/lib/storage';
import { attachDpiaDocumentSchema, concludeDiagnosticSchema, dpiaDocumentErrors, reReviewErrors, saveDiagnosticSchema, type DiagnosticFormValues } from '@/lib/validation/diagnostics';
import { factsFromObservatorySchema } from '@/lib/validation/observatory';
import { siteFactsForDiagnostic } from './observatory-facts';
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
        evaluationComparison: previous.evaluationComparison,
      }
    : {};
  // The impact assessment carries over too: its document, the DPO's opinion, or the reasons none is required.
  const dpia = previous
    ? { dpiaDocumentId: previous.dpiaDocumentId, dpoOpinionOn: previous.dpoOpinionOn, dpoOpinion: previous.dpoOpinion, dpiaNotRequiredReason: previous.dpiaNotRequiredReason }
    : {};
  const [created] = await tx
    .insert(diagnostics)
    .values({ ...content, ...dpia, proposalId, version: (previous?.version ?? 0) + 1, startedBy: actor.id })
    .returning({ id: diagnostics.id });
  return created!;
}

/**
 * A draft diagnostic being worked on, with its proposal locked; refused once concluded or
 * if saved meanwhile (`revision` null: the caller changes nothing the form holds, and
 * needs no revision check).
 */
async function lockDraftDiagnostic(tx: Tx, actor: Actor, diagnosticId: string, revision: number | null) {
  // Proposal first, then diagnostic: every command locks in that order, so none deadlock.
  const [found] = await tx.select({ proposalId: diagnostics.proposalId }).from(diagnostics).where(eq(diagnostics.id, diagnosticId));
  if (!found) throw new AppError('not_found');
  const proposal = await lockProposal(tx, actor, found.proposalId);
  const [diagnostic] = await tx.select().from(diagnostics).where(eq(diagnostics.id, diagnosticId)).for('update');
  const refused = diagnosticEditRefusal(proposal.state, diagnostic!);
  if (refused) throw new AppError('conflict:state', { _form: refused });
  if (revision !== null && diagnostic!.revision !== revision) throw new AppError('conflict:stale_version');
  return { proposal, diagnostic: diagnostic! };
}

/**
 * The two steps that open a diagnostic version: starting the first one (a submitted
 * file) and revising a concluded one (the file goes back to diagnostic meanwhile).
 */
function openingStep(name: 'startDiagnostic' | 'reviseDiagnostic', hasConcludedDiagnostic: boolean) {
  return defineCommand({
    name,
    permission: 'diagnostics.conduct',
    schema: proposalIdSchema,
    async run(tx, actor, { proposalId }) {
      const proposal = await lockProposal(tx, actor, proposalId);
      await applyTransition(tx, actor, proposal, name, { hasConcludedDiagnostic });
      return openVersion(tx, actor, proposalId);
    },
  });
}

export const startDiagnostic = openingStep('startDiagnostic', false);

/** A concluded diagnostic is read-only: revising it opens a new version, a copy of the last one. */
export const reviseDiagnostic = openingStep('reviseDiagnostic', true);

export const saveDiagnostic = defineCommand({
  name: 'saveDiagnostic',
  permission: 'diagnostics.conduct',
  schema: saveDiagnosticSchema,
  async run(tx, actor, { diagnosticId, revision, ...values }) {
    const { proposal, diagnostic } = await lockDraftDiagnostic(tx, actor, diagnosticId, revision);
    await tx
      .update(diagnostics)
      .set({ ...values, revision: revision + 1, updatedAt: new Date() })
      .where(eq(diagnostics.id, diagnosticId));
    await recordEvent(tx, { actorId: actor.id, action: 'diagnostic.saved', entityId: proposal.id, details: { version: diagnostic.version } });
    return { revision: revision + 1 };
  },
});

/**
 * The impact assessment as it is signed: what its status says, and nothing else. A draft
 * keeps whatever was typed (switching the status back and forth loses nothing); the signed
 * version does not show the DPO's opinion beside "not required", nor reasons beside a
 * completed assessment, nor a document beside one that is only planned or in progress.
 */
function signedDpia(values: Pick<DiagnosticFormValues, 'dpiaStatus' | 'dpoOpinionOn' | 'dpoOpinion' | 'dpiaNotRequiredReason'>) {
  const completed = values.dpiaStatus === 'completed';
  return {
    dpoOpinionOn: completed ? values.dpoOpinionOn : null,
    dpoOpinion: completed ? values.dpoOpinion : null,
    dpiaNotRequiredReason: values.dpiaStatus === 'not_required' ? values.dpiaNotRequiredReason : null,
    ...(completed ? {} : { dpiaDocumentId: null }),
  };
}

/** Every section complete: the diagnostic is signed by the person concluding it and becomes read-only. */
export const concludeDiagnostic = defineCommand({
  name: 'concludeDiagnostic',
  permission: 'diagnostics.conduct',
  schema: concludeDiagnosticSchema,
  // `confirmed` is checked by the schema and not stored.
  async run(tx, actor, { diagnosticId, revision, confirmed, ...values }) {
    const { proposal, diagnostic } = await lockDraftDiagnostic(tx, actor, diagnosticId, revision);
    // A re-review must compare the site's figures before and after its cameras (issue 10, item 4).
    // A completed impact assessment is attached (GDPR art. 35; lib/domain/dpia.ts): the upload is its own form.
    const missing = { ...reReviewErrors(proposal.kind, values), ...dpiaDocumentErrors(values.dpiaStatus, diagnostic.dpiaDocumentId !== null) };
    // A file the prefect must authorise is filed only with its assessment settled (instruction of
    // 20 March 2024), and a concluded diagnostic is read-only: an assessment still planned or in
    // progress would block the file for good, so it is settled before signing.
    if ((values.dpiaStatus === 'planned' || values.dpiaStatus === 'in_progress') && (await needsPrefectoralFile(tx, proposal.id))) {
      missing.dpiaStatus ??= 'validation.dpia_unsettled_prefectoral';
    }
    if (Object.keys(missing).length) throw new AppError('invalid', missing);
    const now = new Date();
    await tx
      .update(diagnostics)
      .set({ ...values, ...signedDpia(values), state: 'concluded', signedBy: actor.id, signedAt: now, revision: revision + 1, updatedAt: now })
      .where(eq(diagnostics.id, diagnosticId));
    await applyTransition(tx, actor, proposal, 'concludeDiagnostic', { hasConcludedDiagnostic: true }, { diagnosedAt: proposal.diagnosedAt ?? now });
    return { version: diagnostic.version, proposalId: proposal.id };
  },
});

/** Whether one of the file's cameras is on the public road or in a place open to the public (lib/domain/regimes.ts). */
async function needsPrefectoralFile(tx: Tx, proposalId: string): Promise<boolean> {
  const rows = await tx.select({ regime: cameras.regime }).from(cameras).where(eq(cameras.proposalId, proposalId));
  // A camera without a regime (a file from before regimes) was treated as the prefect's.
  return rows.some((c) => c.regime === null || needsPrefectAuthorisation(c.regime));
}

/**
 * "Reprendre les chiffres de l'observatoire": the draft's facts become the observatory's
 * figures for the proposal's site (its last years with figures), instead of being retyped.
 * A plain button on the page (works without JavaScript); the rest of the draft is kept.
 */
export const fillFactsFromObservatory = defineCommand({
  name: 'fillFactsFromObservatory',
  permission: 'diagnostics.conduct',
  schema: factsFromObservatorySchema,
  async run(tx, actor, { diagnosticId, revision }) {
    const { proposal, diagnostic } = await lockDraftDiagnostic(tx, actor, diagnosticId, revision);
    const facts = await siteFactsForDiagnostic(tx, proposal.siteId);
    if (!facts.length) throw new AppError('conflict:state', { _form: 'observatory.diagnostic.noFigures' });
    await tx
      .update(diagnostics)
      .set({ delinquencyFacts: facts, revision: revision + 1, updatedAt: new Date() })
      .where(eq(diagnostics.id, diagnosticId));
    await recordEvent(tx, { actorId: actor.id, action: 'proposal.facts_from_observatory', entityId: proposal.id, details: { version: diagnostic.version, rows: facts.length } });
    return { rows: facts.length, proposalId: proposal.id };
  },
});

/**
 * Attaches the impact assessment (AIPD, a PDF) to a draft diagnostic, replacing any
 * earlier one: the file is stored (lib/storage) and recorded in this transaction. The
 * diagnostic's revision does not move: the form beside it, which holds everything else,
 * stays valid and loses nothing typed. The replaced file stays stored (a concluded version
 * may name it).
 */
export const attachDpiaDocument = defineCommand({
  name: 'attachDpiaDocument',
  permission: 'diagnostics.conduct',
  schema: attachDpiaDocumentSchema,
  async run(tx, actor, { diagnosticId, document }) {
    const { proposal, diagnostic } = await lockDraftDiagnostic(tx, actor, diagnosticId, null);
    const file = await storeDocument(tx, await storage(), { folder: 'aipd', fileName: document.name, bytes: document.bytes, uploadedBy: actor.id });
    await tx.update(diagnostics).set({ dpiaDocumentId: file.id, updatedAt: new Date() }).where(eq(diagnostics.id, diagnosticId));
    await recordEvent(tx, {
      actorId: actor.id,
      action: 'proposal.dpia_attached',
      entityId: proposal.id,
      details: { version: diagnostic.version, fileId: file.id, fileName: file.fileName, byteSize: file.byteSize, sha256: file.sha256 },
    });
    return { proposalId: proposal.id, fileId: file.id, fileName: file.fileName };
  },
});
