import { and, count, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database, Tx } from '@/db/client';
import { decisions, registerEntries, residentQuestions, userRoles, users } from '@/db/schema';
import { AppError, type FieldErrors } from '@/lib/errors';
import { mailer as appMailer, type Mailer } from '@/lib/mailer';
import { activeHolders, deliverPendingEmails, notify } from '@/lib/notices';
import { addressKey, checkFormStamp, HONEYPOT_FIELD, honeypotFilled, STAMP_FIELD, type StampCheck } from '@/lib/resident-questions/anti-spam';
import { renderAnswerEmail } from '@/lib/resident-questions/answer-email';
import { fieldErrorsFrom } from '@/lib/validation/fields';
import { announcePublicChange } from '@/lib/public-changes';
import { answerQuestionSchema, approveQuestionSchema, askQuestionSchema, assignQuestionSchema, rejectQuestionSchema } from '@/lib/validation/questions';
import { recordEvent } from './audit';
import { afterCommit, defineCommand } from './command';

/**
 * Residents' questions on published decisions (issue 10, item 6). A resident asks from a
 * decision page without an account (`askResidentQuestion`, not a command: there is no
 * actor); the secretariat approves (with a published text stripped of personal data) or
 * rejects; the chair answers, or designates a member who may answer; the asker, if they
 * left an email, is told once when the answer is published.
 */

/** At most this many questions per client address per hour (counted in the database, so across instances). */
export const QUESTION_LIMITS = { perAddress: 5, windowMinutes: 60 } as const;

export type AskOutcome =
  | { ok: true; stored: boolean; questionId: string | null }
  | { ok: false; reason: 'invalid'; fieldErrors: FieldErrors }
  | { ok: false; reason: Exclude<StampCheck, 'ok'> | 'rate_limited' | 'not_found' };

export interface AskContext {
  /** The client address (lib/auth/sign-in.ts `clientAddress`); only its keyed hash is kept. */
  address: string;
  now?: Date;
  /** How the moderators' notice emails are sent after the commit (default: awaited). */
  schedule?: (work: () => Promise<void>) => void;
}

/**
 * A resident's question. Order of checks: a filled honeypot answers like a success and
 * stores nothing (a robot learns nothing); then the input (field errors to show); then
 * the signed timestamp (too fast, expired, forged); then the decision; then the
 * per-address limit, under a lock so that parallel posts count each other.
 */
export async function askResidentQuestion(db: Database, raw: Record<string, unknown>, { address, now = new Date(), schedule }: AskContext): Promise<AskOutcome> {
  if (honeypotFilled(raw[HONEYPOT_FIELD])) return { ok: true, stored: false, questionId: null };
  const parsed = askQuestionSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid', fieldErrors: fieldErrorsFrom(parsed.error) };
  const stamp = checkFormStamp(raw[STAMP_FIELD], now);
  if (stamp !== 'ok') return { ok: false, reason: stamp };
  const input = parsed.data;
  const key = addressKey(address);

  const outcome = await db.transaction(async (tx): Promise<AskOutcome> => {
    const [target] = await tx
      .select({ proposalId: decisions.proposalId })
      .from(registerEntries)
      .innerJoin(decisions, eq(decisions.id, registerEntries.decisionId))
      .where(eq(registerEntries.reference, input.reference));
    if (!target) return { ok: false, reason: 'not_found' };
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`vigie:questions:address:${key}`}, 0))`);
    const since = new Date(now.getTime() - QUESTION_LIMITS.windowMinutes * 60_000);
    const [recent] = await tx
      .select({ n: count() })
      .from(residentQuestions)
      .where(and(eq(residentQuestions.addressKey, key), gt(residentQuestions.createdAt, since)));
    if ((recent?.n ?? 0) >= QUESTION_LIMITS.perAddress) return { ok: false, reason: 'rate_limited' };
    const [row] = await tx
      .insert(residentQuestions)
      .values({
        proposalId: target.proposalId,
        registerReference: input.reference,
        kind: input.kind,
        body: input.body,
        askerName: input.askerName || null,
        askerEmail: input.askerEmail,
        addressKey: key,
        createdAt: now,
      })
      .returning({ id: residentQuestions.id });
    // A notice to each active moderator (the secretariat): few people, few questions.
    const moderators = await activeHolders(tx, ['admin']);
    await notify(tx, { kind: 'resident_question_to_moderate', recipientIds: moderators, proposalId: target.proposalId });
    return { ok: true, stored: true, questionId: row!.id };
  });
  if (outcome.ok && outcome.stored) {
    // Outside runCommand nobody runs notify's after-commit task: deliver the notices' emails here.
    const work = async () => {
      try {
        await deliverPendingEmails(db);
      } catch (err) {
        console.error('[questions] notice emails not sent:', err);
      }
    };
    if (schedule) schedule(work);
    else await work();
  }
  return outcome;
}

/** The question, locked, or not_found. */
async function lockQuestion(tx: Tx, questionId: string) {
  const [question] = await tx.select().from(residentQuestions).where(eq(residentQuestions.id, questionId)).for('update');
  if (!question) throw new AppError('not_found');
  return question;
}

function checkRevision(current: number, given: number): void {
  if (current !== given) throw new AppError('conflict:stale_version');
}

export const approveResidentQuestion = defineCommand({
  name: 'approveResidentQuestion',
  permission: 'questions.moderate',
  schema: approveQuestionSchema,
  async run(tx, actor, { questionId, revision, publishedBody }) {
    const question = await lockQuestion(tx, questionId);
    if (question.state !== 'pending') throw new AppError('conflict:state');
    checkRevision(question.revision, revision);
    await tx
      .update(residentQuestions)
      .set({ state: 'approved', publishedBody, moderatedBy: actor.id, moderatedAt: new Date(), revision: sql`${residentQuestions.revision} + 1` })
      .where(eq(residentQuestions.id, questionId));
    await recordEvent(tx, { action: 'question.approved', actorId: actor.id, entityId: question.proposalId, details: { questionId } });
    // Now shown on the public decision page: every instance renders it again.
    await announcePublicChange(tx, 'questions');
    // The committee's chair(s) answer or designate a member.
    const chairs = await activeHolders(tx, ['chair']);
    await notify(tx, { kind: 'resident_question_to_answer', recipientIds: chairs, proposalId: question.proposalId });
  },
});

export const rejectResidentQuestion = defineCommand({
  name: 'rejectResidentQuestion',
  permission: 'questions.moderate',
  schema: rejectQuestionSchema,
  async run(tx, actor, { questionId, revision, reason }) {
    const question = await lockQuestion(tx, questionId);
    if (question.state !== 'pending') throw new AppError('conflict:state');
    checkRevision(question.revision, revision);
    await tx
      .update(residentQuestions)
      .set({ state: 'rejected', rejectionReason: reason, moderatedBy: actor.id, moderatedAt: new Date(), revision: sql`${residentQuestions.revision} + 1` })
      .where(eq(residentQuestions.id, questionId));
    // The reason stays on the question (staff only), never in the trail.
    await recordEvent(tx, { action: 'question.rejected', actorId: actor.id, entityId: question.proposalId, details: { questionId } });
  },
});

export const assignResidentQuestion = defineCommand({
  name: 'assignResidentQuestion',
  permission: 'committee.chair',
  schema: assignQuestionSchema,
  async run(tx, actor, { questionId, memberId }) {
    const question = await lockQuestion(tx, questionId);
    if (question.state !== 'approved' || question.answer !== null) throw new AppError('conflict:state');
    if (memberId) {
      // Only an active committee member can be designated.
      const [member] = await tx
        .select({ id: users.id })
        .from(users)
        .innerJoin(userRoles, eq(userRoles.userId, users.id))
        .where(and(eq(users.id, memberId), eq(users.active, true), inArray(userRoles.role, ['member', 'chair'])))
        .limit(1);
      if (!member) throw new AppError('invalid', { memberId: 'validation.invalid' });
    }
    await tx
      .update(residentQuestions)
      .set({ assignedTo: memberId, revision: sql`${residentQuestions.revision} + 1` })
      .where(eq(residentQuestions.id, questionId));
    await recordEvent(tx, { action: 'question.assigned', actorId: actor.id, entityId: question.proposalId, details: { questionId, memberId } });
    // An approved question's revision is part of the public pages' stamp (public-stamp.ts).
    await announcePublicChange(tx, 'questions');
    if (memberId && memberId !== actor.id) {
      await notify(tx, { kind: 'resident_question_to_answer', recipientIds: [memberId], proposalId: question.proposalId });
    }
  },
});

export const answerResidentQuestion = defineCommand({
  name: 'answerResidentQuestion',
  permission: 'questions.answer',
  schema: answerQuestionSchema,
  async run(tx, actor, { questionId, answer }) {
    const question = await lockQuestion(tx, questionId);
    // The chair answers any question; a member only the one the chair designated them for.
    if (!actor.roles.includes('chair') && question.assignedTo !== actor.id) throw new AppError('forbidden');
    if (question.state !== 'approved') throw new AppError('conflict:state');
    if (question.answer !== null) throw new AppError('conflict:state');
    await tx
      .update(residentQuestions)
      .set({ answer, answeredBy: actor.id, answeredAt: new Date(), revision: sql`${residentQuestions.revision} + 1` })
      .where(eq(residentQuestions.id, questionId));
    await recordEvent(tx, { action: 'question.answered', actorId: actor.id, entityId: question.proposalId, details: { questionId } });
    await announcePublicChange(tx, 'questions');
    if (question.askerEmail) afterCommit(tx, notifyAskersTask);
  },
});

/**
 * Emails each asker whose question was answered and who left an email, once: the row is
 * claimed (`asker_notified_at` set only if still null) before the email goes out, so two
 * deliveries never send it twice; a failed send releases the claim for the next attempt.
 * Once sent, the email address is erased: it was given only for this.
 * Without a mailer (no SMTP) nothing is claimed: the answer is on the public page anyway.
 */
export async function notifyAskers(db: Database, mailer: Mailer | null = appMailer()): Promise<{ sent: number; failed: number }> {
  const report = { sent: 0, failed: 0 };
  if (!mailer) return report;
  const pending = await db
    .select({ id: residentQuestions.id })
    .from(residentQuestions)
    .where(and(isNotNull(residentQuestions.answer), isNotNull(residentQuestions.askerEmail), isNull(residentQuestions.askerNotifiedAt)))
    .limit(100);
  for (const { id } of pending) {
    const [claimed] = await db
      .update(residentQuestions)
      .set({ askerNotifiedAt: new Date() })
      .where(and(eq(residentQuestions.id, id), isNull(residentQuestions.askerNotifiedAt)))
      .returning();
    if (!claimed?.askerEmail) continue;
    try {
      await mailer.send(renderAnswerEmail(claimed, claimed.askerEmail, mailer));
      await db.update(residentQuestions).set({ askerEmail: null }).where(eq(residentQuestions.id, id));
      report.sent += 1;
    } catch (err) {
      report.failed += 1;
      console.error(`[questions] answer email for ${id} not sent, will retry:`, err instanceof Error ? err.message : err);
      await db.update(residentQuestions).set({ askerNotifiedAt: null }).where(eq(residentQuestions.id, id));
    }
  }
  return report;
}

async function notifyAskersTask(db: Database): Promise<void> {
  await notifyAskers(db);
}
