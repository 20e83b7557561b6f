import { and, asc, eq, isNull } from 'drizzle-orm';
import { deliberationMessages, infoRequests } from '@/db/schema';
import { recusalOf } from '@/lib/domain/committee';
import { isDeliberationOpen } from '@/lib/domain/review';
import { AppError } from '@/lib/errors';
import { answerInfoSchema, postDeliberationSchema, requestInfoSchema } from '@/lib/validation/committee';
import { recordEvent } from './audit';
import { recusalFacts } from './committee';
import { defineCommand } from './command';
import { applyTransition, lockProposal } from './proposal-transition';
import { notify } from '@/lib/notices';

/**
 * The committee's review of a file: its internal deliberation (never public) and its
 * questions to the technician, whose answers stay in the file. Lock order as everywhere:
 * the proposal first.
 */

const R = 'committee.refusals.';

/**
 * A member (or the chair) adds a message to the file's internal deliberation, while the
 * committee has the file (diagnosed → voting). A recused member takes no part in it.
 */
export const postDeliberation = defineCommand({
  name: 'postDeliberation',
  permission: 'committee.member',
  schema: postDeliberationSchema,
  async run(tx, actor, { proposalId, body }) {
    const proposal = await lockProposal(tx, actor, proposalId);
    if (!isDeliberationOpen(proposal.state)) throw new AppError('conflict:state', { _form: `${R}deliberation_closed` });
    const recusal = recusalOf(actor.id, await recusalFacts(tx, proposalId));
    if (recusal) throw new AppError('forbidden', { _form: { key: `${R}recused_deliberation`, params: { reason: recusal } } });
    const [message] = await tx.insert(deliberationMessages).values({ proposalId, authorId: actor.id, body }).returning({ id: deliberationMessages.id });
    await recordEvent(tx, { actorId: actor.id, action: 'deliberation.posted', entityId: proposalId, details: { messageId: message!.id } });
    return message!;
  },
});

/**
 * The chair asks the technician a question on a file under review: the file waits for the
 * answer (info_requested), and the question is kept in the file and in its history.
 */
export const requestInfo = defineCommand({
  name: 'requestInfo',
  permission: 'committee.chair',
  schema: requestInfoSchema,
  async run(tx, actor, { proposalId, question }) {
    const proposal = await lockProposal(tx, actor, proposalId);
    // The file is under review, so its diagnostic passed the gate; the lifecycle checks the state.
    await applyTransition(tx, actor, proposal, 'requestInfo', { hasConcludedDiagnostic: true, reason: question });
    const [request] = await tx.insert(infoRequests).values({ proposalId, askedBy: actor.id, question }).returning({ id: infoRequests.id });
    // The file's author has a question to answer.
    await notify(tx, { kind: 'question_to_answer', recipientIds: [proposal.authorId], proposalId });
    return request!;
  },
});

/**
 * The proposal's author answers the open question: the answer is kept next to it and the
 * file goes back under review. Only the author may (the lifecycle's authorOnly guard).
 */
export const answerInfo = defineCommand({
  name: 'answerInfo',
  permission: 'proposals.draft',
  schema: answerInfoSchema,
  async run(tx, actor, { proposalId, requestId, answer }) {
    const proposal = await lockProposal(tx, actor, proposalId);
    const open = await tx
      .select({ id: infoRequests.id })
      .from(infoRequests)
      .where(and(eq(infoRequests.proposalId, proposalId), isNull(infoRequests.answeredAt)))
      .orderBy(asc(infoRequests.askedAt));
    const [asked] = await tx.select({ answeredAt: infoRequests.answeredAt }).from(infoRequests).where(and(eq(infoRequests.id, requestId), eq(infoRequests.proposalId, proposalId)));
    if (!asked) throw new AppError('not_found');
    // Author and state first (forbidden, or a conflict when the file is not waiting for an answer).
    await applyTransition(tx, actor, proposal, 'answerInfo', { hasConcludedDiagnostic: true, reason: answer });
    if (asked.answeredAt) throw new AppError('conflict:state', { _form: `${R}already_answered` });
    // One answer closes every question still open on the file (the chair asks one at a time).
    const now = new Date();
    for (const q of open) await tx.update(infoRequests).set({ answer, answeredBy: actor.id, answeredAt: now }).where(eq(infoRequests.id, q.id));
    return { answered: open.length };
  },
});
