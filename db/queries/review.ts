import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { conflicts, deliberationMessages, diagnostics, infoRequests, proposals, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { canViewProposal } from '@/lib/auth/visibility';
import { recusalOf, type Recusal } from '@/lib/domain/committee';
import { isCommitteeMember, isDeliberationOpen } from '@/lib/domain/review';
import type { ProposalState } from '@/lib/domain/vocabulary';

/**
 * Read models of the committee's review of a file. Each takes the reader and applies
 * the rule itself: a page cannot show what the reader may not see by forgetting a check.
 */

async function visibleProposal(db: DbOrTx, actor: Actor, proposalId: string) {
  const [row] = await db
    .select({ id: proposals.id, state: proposals.state, authorId: proposals.authorId, submittedAt: proposals.submittedAt, diagnosedAt: proposals.diagnosedAt })
    .from(proposals)
    .where(eq(proposals.id, proposalId));
  return row && canViewProposal(actor, row) ? row : null;
}

export interface DeliberationMessage {
  id: string;
  authorName: string;
  body: string;
  createdAt: Date;
}

export type Deliberation =
  | { state: ProposalState; recusal: Recusal; messages: []; canPost: false }
  | { state: ProposalState; recusal: null; messages: DeliberationMessage[]; canPost: boolean };

/**
 * The committee's internal deliberation on a file, oldest message first: for members and
 * the chair who may see the file, or null. A recused member is told so and reads none of
 * it (they take no part in the committee's work on the file).
 */
export async function deliberationFor(db: DbOrTx, actor: Actor, proposalId: string): Promise<Deliberation | null> {
  if (!isCommitteeMember(actor.roles)) return null;
  const proposal = await visibleProposal(db, actor, proposalId);
  if (!proposal) return null;
  // The same facts as recusalFacts (lib/workflow/committee.ts), read outside a command.
  const [signers, declared] = await Promise.all([
    db.selectDistinct({ id: diagnostics.signedBy }).from(diagnostics).where(eq(diagnostics.proposalId, proposalId)),
    db.select({ id: conflicts.memberId }).from(conflicts).where(eq(conflicts.proposalId, proposalId)),
  ]);
  const recusal = recusalOf(actor.id, {
    authorId: proposal.authorId,
    diagnosticSignerIds: signers.map((s) => s.id).filter((id): id is string => id !== null),
    conflictMemberIds: declared.map((c) => c.id),
  });
  if (recusal) return { state: proposal.state, recusal, messages: [], canPost: false };
  const messages = await db
    .select({ id: deliberationMessages.id, authorName: users.name, body: deliberationMessages.body, createdAt: deliberationMessages.createdAt })
    .from(deliberationMessages)
    .innerJoin(users, eq(users.id, deliberationMessages.authorId))
    .where(eq(deliberationMessages.proposalId, proposalId))
    .orderBy(asc(deliberationMessages.createdAt), asc(deliberationMessages.id));
  return { state: proposal.state, recusal: null, messages, canPost: isDeliberationOpen(proposal.state) };
}

export interface InfoRequestRow {
  id: string;
  question: string;
  askedByName: string;
  askedAt: Date;
  answer: string | null;
  answeredByName: string | null;
  answeredAt: Date | null;
}

/** The committee's questions on a file and the answers, oldest first, for whoever may see the file; null otherwise. */
export async function infoRequestsFor(db: DbOrTx, actor: Actor, proposalId: string): Promise<{ state: ProposalState; authorId: string; requests: InfoRequestRow[] } | null> {
  const proposal = await visibleProposal(db, actor, proposalId);
  if (!proposal) return null;
  const asker = alias(users, 'asker');
  const answerer = alias(users, 'answerer');
  const requests = await db
    .select({
      id: infoRequests.id,
      question: infoRequests.question,
      askedByName: asker.name,
      askedAt: infoRequests.askedAt,
      answer: infoRequests.answer,
      answeredByName: answerer.name,
      answeredAt: infoRequests.answeredAt,
    })
    .from(infoRequests)
    .innerJoin(asker, eq(asker.id, infoRequests.askedBy))
    .leftJoin(answerer, eq(answerer.id, infoRequests.answeredBy))
    .where(eq(infoRequests.proposalId, proposalId))
    .orderBy(asc(infoRequests.askedAt), asc(infoRequests.id));
  return { state: proposal.state, authorId: proposal.authorId, requests };
}
