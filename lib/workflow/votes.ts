import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { agendaItems, attendance, decisions, dissents, proposals, votes } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { decide, quorumFor, recusalOf } from '@/lib/domain/committee';
import { AppError } from '@/lib/errors';
import { notify } from '@/lib/notices';
import { adjournItemSchema, attachDissentSchema, castVoteSchema, itemIdSchema, returnAdjournedSchema, signDecisionSchema } from '@/lib/validation/committee';
import { recordEvent } from './audit';
import { defineCommand } from './command';
import { loadSettings, lockItem, recusalFacts, servingMemberIds } from './committee';
import { applyTransition, lockProposal } from './proposal-transition';

/**
 * Votes and decisions (DOMAIN.md rule 6): the server counts, never someone's arithmetic.
 * Lock order: proposal, session, item. A vote takes the item's row lock too, so a vote
 * racing the close is either counted before it or refused after it (and the database's
 * own trigger refuses a vote on a closed item whatever the code does).
 */

const R = 'committee.refusals.';

/** The item's proposal, locked first, then the item and its session. */
async function lockForItem(tx: Tx, actor: Actor, itemId: string) {
  const [found] = await tx.select({ proposalId: agendaItems.proposalId }).from(agendaItems).where(eq(agendaItems.id, itemId));
  if (!found) throw new AppError('not_found');
  const proposal = await lockProposal(tx, actor, found.proposalId);
  return { proposal, ...(await lockItem(tx, itemId)) };
}

/** Who may vote on this item, and how the room stands: serving, not recused; present; proxies held. */
async function electorate(tx: Tx, sessionId: string, proposalId: string) {
  const facts = await recusalFacts(tx, proposalId);
  const serving = await servingMemberIds(tx);
  const eligible = serving.filter((id) => recusalOf(id, facts) === null);
  const rows = await tx.select().from(attendance).where(eq(attendance.sessionId, sessionId));
  const present = rows.filter((r) => r.status === 'present' && eligible.includes(r.memberId)).map((r) => r.memberId);
  const proxies = rows.filter((r) => r.status === 'proxy' && eligible.includes(r.memberId) && r.proxyHolderId && present.includes(r.proxyHolderId));
  return { eligible, present, proxies, recused: serving.length - eligible.length };
}

export const openItemVote = defineCommand({
  name: 'openItemVote',
  permission: 'committee.chair',
  schema: itemIdSchema,
  async run(tx, actor, { itemId }) {
    const { proposal, session, item } = await lockForItem(tx, actor, itemId);
    if (session.state !== 'held') throw new AppError('conflict:state', { _form: `${R}session_not_held` });
    if (item.state !== 'scheduled') throw new AppError('conflict:state', { _form: `${R}item_not_scheduled` });
    const settings = await loadSettings(tx);
    const room = await electorate(tx, session.id, proposal.id);
    const quorum = quorumFor(settings, room.eligible.length, room.present.length);
    if (!quorum.reached) throw new AppError('conflict:state', { _form: { key: `${R}no_quorum`, params: { present: quorum.present, required: quorum.required } } });
    await applyTransition(tx, actor, proposal, 'openVote', { hasConcludedDiagnostic: true });
    await tx.update(agendaItems).set({ state: 'voting', voteOpenedAt: new Date(), revision: item.revision + 1, updatedAt: new Date() }).where(eq(agendaItems.id, itemId));
    // Those who may vote now: present, and proxy holders (already among the present).
    await notify(tx, { kind: 'vote_opened', recipientIds: room.present, proposalId: proposal.id, sessionId: session.id });
    return { quorum };
  },
});

/**
 * A member votes for themselves, or (`forMemberId`) for the absent member whose proxy they
 * hold; they may change it until the vote closes, and each cast and change is recorded.
 */
export const castVote = defineCommand({
  name: 'castVote',
  permission: 'committee.member',
  schema: castVoteSchema,
  async run(tx, actor, { itemId, choice, forMemberId }) {
    // Only the item and its session are locked here (not the proposal): votes on one item queue on its row, nothing more.
    const { session, item } = await lockItem(tx, itemId);
    if (item.state !== 'voting') throw new AppError('conflict:state', { _form: `${R}vote_not_open` });
    const memberId = forMemberId ?? actor.id;
    const room = await electorate(tx, session.id, item.proposalId);
    if (!room.eligible.includes(memberId)) throw new AppError('forbidden', { _form: `${R}recused` });
    const allowed = forMemberId ? room.proxies.some((p) => p.memberId === forMemberId && p.proxyHolderId === actor.id) : room.present.includes(actor.id);
    if (!allowed) throw new AppError('forbidden', { _form: `${R}not_present` });
    const [previous] = await tx.select().from(votes).where(and(eq(votes.itemId, itemId), eq(votes.memberId, memberId)));
    if (previous?.choice === choice) return { changed: false };
    if (previous) {
      await tx.update(votes).set({ choice, castBy: actor.id, revision: previous.revision + 1, updatedAt: new Date() }).where(eq(votes.id, previous.id));
    } else {
      await tx.insert(votes).values({ itemId, memberId, castBy: actor.id, choice });
    }
    await recordEvent(tx, { actorId: actor.id, action: 'vote.cast', entityId: itemId, details: { memberId, choice, previous: previous?.choice ?? null, byProxy: forMemberId !== null } });
    return { changed: true };
  },
});

/**
 * The chair closes the vote; the server computes the outcome from the stored votes with
 * the settings' rules, and drafts the decision with the counts and the conditions voted.
 */
export const closeItemVote = defineCommand({
  name: 'closeItemVote',
  permission: 'committee.chair',
  schema: itemIdSchema,
  async run(tx, actor, { itemId }) {
    const { proposal, session, item } = await lockForItem(tx, actor, itemId);
    if (item.state !== 'voting') throw new AppError('conflict:state', { _form: `${R}vote_not_open` });
    const settings = await loadSettings(tx);
    const room = await electorate(tx, session.id, proposal.id);
    const cast = await tx.select().from(votes).where(eq(votes.itemId, itemId));
    const ballots = cast.map((v) => ({ choice: v.choice, byChair: v.memberId === actor.id && v.castBy === actor.id }));
    // A ballot validly cast stays counted if its member leaves before the close, so its member stays in the base too.
    const voters = new Set([...room.present, ...room.proxies.map((p) => p.memberId), ...cast.map((v) => v.memberId)]).size;
    const result = decide(settings, ballots, { voters, withConditions: item.draftConditions.length > 0 });
    const now = new Date();
    await tx
      .update(agendaItems)
      .set({ state: result.outcome === 'adjourned' ? 'adjourned' : 'voted', outcome: result.outcome, voteClosedAt: now, revision: item.revision + 1, updatedAt: now })
      .where(eq(agendaItems.id, itemId));
    await applyTransition(tx, actor, proposal, 'closeVote', { hasConcludedDiagnostic: true, outcome: result.outcome });
    const [decision] = await tx
      .insert(decisions)
      .values({
        itemId,
        proposalId: proposal.id,
        outcome: result.outcome,
        conditions: result.outcome === 'favourable_with_conditions' ? item.draftConditions : [],
        votesFor: result.tally.for,
        votesAgainst: result.tally.against,
        votesAbstain: result.tally.abstain,
        recused: room.recused,
      })
      .returning({ id: decisions.id });
    return { ...result, decisionId: decision!.id };
  },
});

/** The chair adjourns an item without a vote, with a reason: the file stays under review for a later session. */
export const adjournItem = defineCommand({
  name: 'adjournItem',
  permission: 'committee.chair',
  schema: adjournItemSchema,
  async run(tx, actor, { itemId, reason }) {
    const { proposal, session, item } = await lockForItem(tx, actor, itemId);
    if (session.state !== 'held') throw new AppError('conflict:state', { _form: `${R}session_not_held` });
    if (item.state !== 'scheduled') throw new AppError('conflict:state', { _form: `${R}item_not_scheduled` });
    await tx.update(agendaItems).set({ state: 'adjourned', outcome: 'adjourned', adjournReason: reason, revision: item.revision + 1, updatedAt: new Date() }).where(eq(agendaItems.id, itemId));
    await recordEvent(tx, { actorId: actor.id, action: 'item.adjourned', entityId: proposal.id, reason, details: { itemId } });
  },
});

/** After a vote that adjourned, the chair sends the file back to review or to diagnostic. */
export const returnAdjournedFile = defineCommand({
  name: 'returnAdjournedFile',
  permission: 'committee.chair',
  schema: returnAdjournedSchema,
  async run(tx, actor, { proposalId, to }) {
    const proposal = await lockProposal(tx, actor, proposalId);
    const [last] = await tx.select({ outcome: agendaItems.outcome }).from(agendaItems).where(and(eq(agendaItems.proposalId, proposalId), inArray(agendaItems.state, ['voted', 'adjourned']))).orderBy(desc(agendaItems.voteClosedAt)).limit(1);
    await applyTransition(tx, actor, proposal, to === 'review' ? 'adjournToReview' : 'adjournToDiagnostic', { hasConcludedDiagnostic: true, outcome: last?.outcome ?? null });
  },
});

/** The reasoned decision, signed by the chair: then read-only (a trigger holds it), ready for the public register. */
export const signDecision = defineCommand({
  name: 'signDecision',
  permission: 'committee.chair',
  schema: signDecisionSchema,
  async run(tx, actor, { decisionId, revision, conditions, reasons, publicSummary }) {
    const [found] = await tx.select({ proposalId: decisions.proposalId }).from(decisions).where(eq(decisions.id, decisionId));
    if (!found) throw new AppError('not_found');
    await lockProposal(tx, actor, found.proposalId);
    const [decision] = await tx.select().from(decisions).where(eq(decisions.id, decisionId)).for('update');
    if (decision!.signedAt) throw new AppError('conflict:state', { _form: `${R}decision_signed` });
    if (decision!.revision !== revision) throw new AppError('conflict:stale_version');
    // Conditions belong to a favourable opinion with conditions, and it must state at least one.
    if (decision!.outcome === 'favourable_with_conditions' && !conditions.length) throw new AppError('invalid', { conditions: 'validation.conditions_required' });
    const kept = decision!.outcome === 'favourable_with_conditions' ? conditions : [];
    const now = new Date();
    await tx.update(decisions).set({ conditions: kept, reasons, publicSummary, signedBy: actor.id, signedAt: now, revision: revision + 1, updatedAt: now }).where(eq(decisions.id, decisionId));
    await recordEvent(tx, { actorId: actor.id, action: 'decision.signed', entityId: found.proposalId, details: { decisionId, outcome: decision!.outcome } });
    // The file's author learns the committee's opinion.
    const [{ authorId }] = (await tx.select({ authorId: proposals.authorId }).from(proposals).where(eq(proposals.id, found.proposalId))) as [{ authorId: string }];
    await notify(tx, { kind: 'decision_on_your_file', recipientIds: [authorId], proposalId: found.proposalId });
  },
});

/**
 * A member who voted against a decision may attach a short dissent to it (internal: kept
 * in the file for the committee, never published). One per member; writing again
 * replaces it until the decision is signed.
 */
export const attachDissent = defineCommand({
  name: 'attachDissent',
  permission: 'committee.member',
  schema: attachDissentSchema,
  async run(tx, actor, { decisionId, text }) {
    const [found] = await tx.select({ proposalId: decisions.proposalId }).from(decisions).where(eq(decisions.id, decisionId));
    if (!found) throw new AppError('not_found');
    await lockProposal(tx, actor, found.proposalId);
    const [decision] = await tx.select().from(decisions).where(eq(decisions.id, decisionId)).for('update');
    if (decision!.signedAt) throw new AppError('conflict:state', { _form: `${R}decision_signed` });
    const [own] = await tx.select({ choice: votes.choice }).from(votes).where(and(eq(votes.itemId, decision!.itemId), eq(votes.memberId, actor.id)));
    if (own?.choice !== 'against') throw new AppError('forbidden', { _form: `${R}not_against` });
    await tx
      .insert(dissents)
      .values({ decisionId, memberId: actor.id, text })
      .onConflictDoUpdate({ target: [dissents.decisionId, dissents.memberId], set: { text, updatedAt: new Date() } });
    await recordEvent(tx, { actorId: actor.id, action: 'decision.dissent_attached', entityId: found.proposalId, details: { decisionId } });
  },
});
