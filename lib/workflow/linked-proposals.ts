import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { cameras, decisions, proposals, registerEntries } from '@/db/schema';
import type { ProposalKind } from '@/lib/domain/vocabulary';
import { AppError } from '@/lib/errors';
import { recordEvent } from './audit';

/** Outcomes under which cameras may be authorised, and so changed or re-reviewed later. */
const FAVOURABLE = new Set(['favourable', 'favourable_with_conditions']);

export interface LinkedProposalInput {
  /** The published favourable decision the new file follows. */
  sourceDecisionId: string;
  kind: Exclude<ProposalKind, 'initial'>;
  /** Who holds the new file: the technician proposing a change, or, for a re-review, the earlier file's author. */
  authorId: string;
  /** Who (or what: null for the scheduled job) opened it, for the audit trail. */
  openedBy: string | null;
}

/**
 * Opens a new proposal from a published favourable decision, pre-filled from its file
 * (site, purposes, retention, signage, costs, justification, and the cameras still in
 * service): an authorised system is never edited in place (CSI: adding or moving a
 * camera or changing a purpose needs a new authorisation), and a re-review starts from
 * what was authorised. A change starts as the technician's draft; a re-review is
 * submitted at once, so its new diagnostic is the next step. In the caller's transaction.
 */
export async function openLinkedProposal(tx: Tx, input: LinkedProposalInput): Promise<{ id: string; number: number }> {
  const [source] = await tx
    .select({ decision: decisions, proposal: proposals })
    .from(decisions)
    .innerJoin(proposals, eq(proposals.id, decisions.proposalId))
    .where(eq(decisions.id, input.sourceDecisionId));
  if (!source) throw new AppError('not_found');
  const [published] = await tx
    .select({ sequence: registerEntries.sequence })
    .from(registerEntries)
    .where(and(eq(registerEntries.decisionId, input.sourceDecisionId), eq(registerEntries.kind, 'decision')));
  if (!published || !FAVOURABLE.has(source.decision.outcome)) throw new AppError('conflict:state', { _form: 'followUp.refusals.not_favourable_published' });

  const earlier = source.proposal;
  const now = new Date();
  const [created] = await tx
    .insert(proposals)
    .values({
      siteId: earlier.siteId,
      authorId: input.authorId,
      kind: input.kind,
      previousProposalId: earlier.id,
      sourceDecisionId: input.sourceDecisionId,
      state: input.kind === 're_review' ? 'submitted' : 'draft',
      submittedAt: input.kind === 're_review' ? now : null,
      title: earlier.title,
      purposes: [...earlier.purposes],
      retentionDays: earlier.retentionDays,
      retentionJustification: earlier.retentionJustification,
      viewers: earlier.viewers,
      signage: { ...earlier.signage },
      investmentEuros: earlier.investmentEuros,
      yearlyCostEuros: earlier.yearlyCostEuros,
      justification: earlier.justification,
    })
    .returning({ id: proposals.id, number: proposals.number });
  const id = created!.id;

  const inService = await tx
    .select()
    .from(cameras)
    .where(and(eq(cameras.proposalId, earlier.id), isNull(cameras.decommissionedOn)))
    .orderBy(asc(cameras.position));
  if (inService.length) {
    await tx.insert(cameras).values(
      inService.map(({ id: _id, proposalId: _p, commissionedOn: _c, decommissionedOn: _d, decommissionReason: _r, ...camera }, position) => ({ ...camera, proposalId: id, position })),
    );
  }
  await recordEvent(tx, {
    actorId: input.openedBy,
    action: 'proposal.opened_from_decision',
    entityId: id,
    toState: input.kind === 're_review' ? 'submitted' : 'draft',
    details: { kind: input.kind, sourceDecisionId: input.sourceDecisionId, previousProposalId: earlier.id },
  });
  return created!;
}
