import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { cameras, proposals, sites, type Proposal } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { checkCamerasNearSite } from '@/lib/domain/conformance';
import { LIFECYCLE_ERRORS } from '@/lib/domain/lifecycle';
import { draftEditRefusal } from '@/lib/domain/proposal-rules';
import { AppError } from '@/lib/errors';
import { activeHolders, notify } from '@/lib/notices';
import {
  proposalDraftSchema,
  saveProposalSchema,
  scheduleReviewSchema,
  submitProposalSchema,
  withdrawProposalSchema,
  type ProposalFormValues,
} from '@/lib/validation/proposals';
import { recordEvent } from './audit';
import { defineCommand } from './command';
import { applyTransition, hasConcludedDiagnostic, lockProposal } from './proposal-transition';

async function requireActiveSite(tx: Tx, siteId: string) {
  const [site] = await tx
    .select({ id: sites.id, latitude: sites.latitude, longitude: sites.longitude })
    .from(sites)
    .where(and(eq(sites.id, siteId), isNull(sites.archivedAt)));
  // An archived site keeps its history but takes no new proposal.
  if (!site) throw new AppError('invalid', { siteId: 'validation.site_unavailable' });
  return site;
}

async function insertCameras(tx: Tx, proposalId: string, values: ProposalFormValues['cameras']) {
  if (values.length) await tx.insert(cameras).values(values.map((c, position) => ({ ...c, proposalId, position })));
}

/** Writes the form's values over the proposal and its cameras (drafts only). */
async function writeContent(tx: Tx, proposalId: string, values: ProposalFormValues, revision: number) {
  const { cameras: cameraValues, ...fields } = values;
  await tx
    .update(proposals)
    .set({ ...fields, revision, updatedAt: new Date() })
    .where(eq(proposals.id, proposalId));
  await tx.delete(cameras).where(eq(cameras.proposalId, proposalId));
  await insertCameras(tx, proposalId, cameraValues);
}

/** The author's edit of a draft, refused if someone saved since the form was opened. */
async function lockDraftForEdit(tx: Tx, actor: Actor, proposalId: string, openedRevision: number): Promise<Proposal> {
  const proposal = await lockProposal(tx, actor, proposalId);
  const refused = draftEditRefusal(proposal, actor.id);
  if (refused) throw new AppError(refused === LIFECYCLE_ERRORS.notAuthor ? 'forbidden' : 'conflict:state', { _form: refused });
  if (proposal.revision !== openedRevision) throw new AppError('conflict:stale_version');
  return proposal;
}

export const createProposal = defineCommand({
  name: 'createProposal',
  permission: 'proposals.draft',
  schema: proposalDraftSchema,
  async run(tx, actor, input) {
    await requireActiveSite(tx, input.siteId);
    const { cameras: cameraValues, ...fields } = input;
    const [created] = await tx
      .insert(proposals)
      .values({ ...fields, authorId: actor.id })
      .returning({ id: proposals.id, number: proposals.number });
    await insertCameras(tx, created!.id, cameraValues);
    await recordEvent(tx, { actorId: actor.id, action: 'proposal.created', entityId: created!.id, toState: 'draft' });
    return created!;
  },
});

export const saveProposalDraft = defineCommand({
  name: 'saveProposalDraft',
  permission: 'proposals.draft',
  schema: saveProposalSchema,
  async run(tx, actor, { proposalId, revision, ...values }) {
    const proposal = await lockDraftForEdit(tx, actor, proposalId, revision);
    if (values.siteId !== proposal.siteId) await requireActiveSite(tx, values.siteId);
    await writeContent(tx, proposalId, values, revision + 1);
    await recordEvent(tx, { actorId: actor.id, action: 'proposal.saved', entityId: proposalId });
    return { revision: revision + 1 };
  },
});

/** Saves the form's latest values and submits them, in one go: all rules hold or nothing changes. */
export const submitProposal = defineCommand({
  name: 'submitProposal',
  permission: 'proposals.draft',
  schema: submitProposalSchema,
  async run(tx, actor, { proposalId, revision, ...values }) {
    const proposal = await lockDraftForEdit(tx, actor, proposalId, revision);
    const site = await requireActiveSite(tx, values.siteId);
    // Each camera lies near its site: the schema cannot know where the site is, the command does.
    const tooFar = checkCamerasNearSite(values.cameras, site);
    if (Object.keys(tooFar).length) throw new AppError('invalid', tooFar);
    await writeContent(tx, proposalId, values, revision);
    await applyTransition(tx, actor, proposal, 'submit', { hasConcludedDiagnostic: false }, { submittedAt: new Date() });
    // Every active prevention officer learns there is a diagnostic to carry out (with the submission, or not at all).
    await notify(tx, { kind: 'diagnostic_to_carry_out', proposalId, recipientIds: await activeHolders(tx, ['diagnostician']) });
    return { revision: revision + 1 };
  },
});

export const withdrawProposal = defineCommand({
  name: 'withdrawProposal',
  permission: 'proposals.draft',
  schema: withdrawProposalSchema,
  async run(tx, actor, { proposalId, reason }) {
    const proposal = await lockProposal(tx, actor, proposalId);
    await applyTransition(tx, actor, proposal, 'withdraw', { hasConcludedDiagnostic: false, reason }, { withdrawnReason: reason });
  },
});

/** Puts a diagnosed file on the committee's agenda: the gate of DOMAIN.md, checked here and in the database. */
export const scheduleReview = defineCommand({
  name: 'scheduleReview',
  permission: 'proposals.schedule',
  schema: scheduleReviewSchema,
  async run(tx, actor, { proposalId }) {
    const proposal = await lockProposal(tx, actor, proposalId);
    await applyTransition(tx, actor, proposal, 'schedule', { hasConcludedDiagnostic: await hasConcludedDiagnostic(tx, proposalId) });
  },
});
