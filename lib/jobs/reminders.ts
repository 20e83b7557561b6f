import { and, eq, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database, Tx } from '@/db/client';
import { authorisations, committeeSettings, conditionFollowUps, decisions, proposals, remindersSent, residentQuestions, users } from '@/db/schema';
import { authorisationReminders, overdueConditionsDue, questionLateOn, QUESTION_WAIT_DAYS } from '@/lib/domain/reminders';
import { authorisationFacts } from '@/lib/domain/follow-up';
import type { ConditionStatus, NoticeKind, Role } from '@/lib/domain/vocabulary';
import { isUniqueViolation } from '@/lib/errors';
import { activeHolders, deliverPendingEmails, notify } from '@/lib/notices';
import { openLinkedProposal } from '@/lib/workflow/linked-proposals';

/**
 * The reminders job: what after the vote must not be forgotten (renewals, the prefect's
 * silence, conditions past due, residents' questions waiting) and the re-review that
 * opens by itself when a renewal is due: the committee's renewal lead time (its settings,
 * prefecture practice) before the prefect's order expires, never a date counted from the vote.
 *
 * Safe to run by several workers at once, and again and again: each reminder is one
 * transaction that first claims its key in `reminders_sent` (INSERT … ON CONFLICT DO
 * NOTHING RETURNING) and raises its notices only if the claim is its own. A second
 * worker's insert of the same key waits for the first one's transaction and then finds
 * the row: it sends nothing. If the first one fails, its claim rolls back with its
 * notices and the next run tries again. Emails go out after the commits, from the
 * notices outbox, which claims each notice before sending it (lib/notices.ts).
 */

export const REMINDER_KINDS = ['renewal_due', 'silence_deadline', 'condition_overdue', 'resident_question_to_moderate', 'resident_question_to_answer', 're_review_opened'] as const satisfies readonly NoticeKind[];
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export interface ReminderReport {
  /** Reminders this run sent (claimed and notified), by kind; re_review_opened counts the re-reviews it opened. */
  sent: Record<ReminderKind, number>;
  /** One line per reminder that failed (rolled back, retried next run). */
  errors: string[];
  emails: { sent: number; failed: number };
}

/** Who is told of what an authorisation needs: the prevention officers, the secretariat, and for the renewal the chair. */
const RECIPIENTS: Record<Exclude<ReminderKind, 'resident_question_to_answer'>, Role[]> = {
  renewal_due: ['diagnostician', 'admin', 'chair'],
  silence_deadline: ['diagnostician', 'admin'],
  condition_overdue: ['chair'],
  resident_question_to_moderate: ['admin'],
  re_review_opened: ['diagnostician'],
};

/** The decision was published, and not revoked since. */
const publishedNotRevoked = sql`exists (select 1 from register_entries r where r.decision_id = ${decisions.id} and r.kind = 'decision')
  and not exists (select 1 from register_entries r where r.decision_id = ${decisions.id} and r.kind = 'revocation')`;

interface Key {
  kind: ReminderKind;
  subjectId: string;
  dueOn: string;
}

export interface ReminderOptions {
  /** Where emails go: default the app's mailer (none without SMTP). Tests pass theirs. */
  deliver?: (db: Database) => Promise<{ sent: number; failed: number }>;
}

export async function runReminders(db: Database, now: Date, options: ReminderOptions = {}): Promise<ReminderReport> {
  const report: ReminderReport = {
    sent: { renewal_due: 0, silence_deadline: 0, condition_overdue: 0, resident_question_to_moderate: 0, resident_question_to_answer: 0, re_review_opened: 0 },
    errors: [],
    emails: { sent: 0, failed: 0 },
  };

  /** Claims `key` and does `work` in one transaction; counted only if this worker's claim won and the work was done. */
  async function once(key: Key, work: (tx: Tx) => Promise<boolean>): Promise<void> {
    try {
      const done = await db.transaction(async (tx) => {
        const [claimed] = await tx.insert(remindersSent).values({ ...key, sentAt: now }).onConflictDoNothing().returning({ kind: remindersSent.kind });
        if (!claimed) return false;
        return work(tx);
      });
      if (done) report.sent[key.kind] += 1;
    } catch (err) {
      report.errors.push(`${key.kind} ${key.subjectId} ${key.dueOn}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const holders = (kind: keyof typeof RECIPIENTS) => activeHolders(db, RECIPIENTS[kind]);

  // Authorisations of published, unrevoked decisions: renewal, re-review, the prefect's silence.
  const [settings] = await db.select({ renewalLeadMonths: committeeSettings.renewalLeadMonths }).from(committeeSettings).where(eq(committeeSettings.id, 1));
  const derivation = { renewalLeadMonths: settings?.renewalLeadMonths };
  const filed = await db
    .select({
      authorisation: authorisations,
      decisionId: decisions.id,
      proposalId: proposals.id,
      authorId: proposals.authorId,
      reReviewOpened: sql<boolean>`exists (select 1 from proposals p where p.source_decision_id = ${decisions.id} and p.kind = 're_review')`,
    })
    .from(authorisations)
    .innerJoin(decisions, eq(decisions.id, authorisations.decisionId))
    .innerJoin(proposals, eq(proposals.id, decisions.proposalId))
    .where(and(isNotNull(authorisations.filedOn), publishedNotRevoked));
  for (const row of filed) {
    const due = authorisationReminders(authorisationFacts(row.authorisation), now, derivation);
    if (due.reReview && !row.reReviewOpened) {
      await once({ kind: 're_review_opened', subjectId: row.decisionId, dueOn: due.reReview }, (tx) => openReReview(tx, row));
    }
    if (due.renewalDue) {
      const to = await holders('renewal_due');
      if (to.length) await once({ kind: 'renewal_due', subjectId: row.authorisation.id, dueOn: due.renewalDue }, (tx) => told(tx, 'renewal_due', to, row.proposalId));
    }
    if (due.silenceDeadline) {
      const to = await holders('silence_deadline');
      if (to.length) await once({ kind: 'silence_deadline', subjectId: row.authorisation.id, dueOn: due.silenceDeadline }, (tx) => told(tx, 'silence_deadline', to, row.proposalId));
    }
  }

  // Conditions past due and not marked met, on published, unrevoked decisions.
  const withConditions = await db
    .select({ id: decisions.id, proposalId: decisions.proposalId, conditions: decisions.conditions })
    .from(decisions)
    .where(and(sql`jsonb_array_length(${decisions.conditions}) > 0`, publishedNotRevoked));
  if (withConditions.length) {
    const followUps = await db.select({ decisionId: conditionFollowUps.decisionId, index: conditionFollowUps.conditionIndex, status: conditionFollowUps.status }).from(conditionFollowUps);
    const byDecision = new Map<string, Map<number, ConditionStatus>>();
    for (const f of followUps) {
      const statuses = byDecision.get(f.decisionId) ?? new Map<number, ConditionStatus>();
      statuses.set(f.index, f.status);
      byDecision.set(f.decisionId, statuses);
    }
    for (const d of withConditions) {
      const due = overdueConditionsDue(d.conditions, byDecision.get(d.id) ?? new Map(), now);
      if (!due) continue;
      const to = await holders('condition_overdue');
      if (to.length) await once({ kind: 'condition_overdue', subjectId: d.id, dueOn: due.dueOn }, (tx) => told(tx, 'condition_overdue', to, d.proposalId));
    }
  }

  // Residents' questions waiting for moderation, or approved and waiting for their answer.
  const waitedSince = new Date(now.getTime() - QUESTION_WAIT_DAYS * 86_400_000);
  const waiting = await db
    .select({
      id: residentQuestions.id,
      proposalId: residentQuestions.proposalId,
      state: residentQuestions.state,
      createdAt: residentQuestions.createdAt,
      moderatedAt: residentQuestions.moderatedAt,
      assignedTo: users.id,
    })
    .from(residentQuestions)
    // The designated member counts only while their account is active; otherwise the chairs answer.
    .leftJoin(users, and(eq(users.id, residentQuestions.assignedTo), eq(users.active, true)))
    .where(
      or(
        and(eq(residentQuestions.state, 'pending'), lte(residentQuestions.createdAt, waitedSince)),
        and(eq(residentQuestions.state, 'approved'), isNull(residentQuestions.answer), lte(residentQuestions.moderatedAt, waitedSince)),
      ),
    );
  for (const q of waiting) {
    if (q.state === 'pending') {
      const lateOn = questionLateOn(q.createdAt, now);
      const to = await holders('resident_question_to_moderate');
      if (lateOn && to.length) await once({ kind: 'resident_question_to_moderate', subjectId: q.id, dueOn: lateOn }, (tx) => told(tx, 'resident_question_to_moderate', to, q.proposalId));
    } else if (q.moderatedAt) {
      const lateOn = questionLateOn(q.moderatedAt, now);
      const to = q.assignedTo ? [q.assignedTo] : await activeHolders(db, ['chair']);
      if (lateOn && to.length) await once({ kind: 'resident_question_to_answer', subjectId: q.id, dueOn: lateOn }, (tx) => told(tx, 'resident_question_to_answer', to, q.proposalId));
    }
  }

  // Committed: the emails of every notice raised (each claimed before it goes, so never twice).
  try {
    report.emails = await (options.deliver ?? ((d: Database) => deliverPendingEmails(d)))(db);
  } catch (err) {
    report.errors.push(`emails: ${err instanceof Error ? err.message : String(err)}`);
  }
  return report;
}

async function told(tx: Tx, kind: ReminderKind, recipientIds: string[], proposalId: string): Promise<boolean> {
  await notify(tx, { kind, recipientIds, proposalId });
  return true;
}

/**
 * Opens the re-review of a decision whose renewal is due (item 4 of the after-the-vote
 * issue): pre-filled from the earlier file, held by its author, submitted so that the new
 * diagnostic is the next step; the prevention officers are told. A re-review already
 * there (opened meanwhile by anyone) is "already opened": nothing more happens.
 */
async function openReReview(tx: Tx, row: { decisionId: string; authorId: string }): Promise<boolean> {
  const [existing] = await tx
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.sourceDecisionId, row.decisionId), eq(proposals.kind, 're_review')));
  if (existing) return false;
  let opened: { id: string };
  try {
    // A savepoint: a unique violation (proposals_re_review_once) must not abort the claim's transaction.
    opened = await tx.transaction((sp) => openLinkedProposal(sp, { sourceDecisionId: row.decisionId, kind: 're_review', authorId: row.authorId, openedBy: null }));
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
  const officers = await activeHolders(tx, RECIPIENTS.re_review_opened);
  await notify(tx, { kind: 're_review_opened', recipientIds: officers, proposalId: opened.id });
  return true;
}
