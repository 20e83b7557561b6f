import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, DbOrTx, Tx } from '@/db/client';
import { notices, proposals, sessions, userRoles, users } from '@/db/schema';
import { proposalReference as reference } from '@/lib/domain/references';
import type { NoticeKind, Role } from '@/lib/domain/vocabulary';
import { mailer as appMailer, type Mailer } from '@/lib/mailer';
import { renderNoticeEmail } from '@/lib/notice-messages';
import { afterCommit } from '@/lib/workflow/command';

/**
 * Server code, but without `import 'server-only'`: commands import it, and the command
 * line (seed, admin:create) runs commands outside Next.js.
 *
 * Notices: what the app tells a person. `notify` writes them inside the caller's
 * transaction, so a notice lands with the change that caused it, or not at all. Their
 * emails go out after the commit (see `afterCommit` in lib/workflow/command.ts): the
 * notices table is the outbox, `emailed_at IS NULL` what is still to send.
 */

/** A convocation is about a session; every other kind about a file (and maybe its session). */
export type NoticeInput =
  | { kind: 'convocation'; recipientIds: readonly string[]; sessionId: string; proposalId?: undefined }
  | { kind: Exclude<NoticeKind, 'convocation'>; recipientIds: readonly string[]; proposalId: string; sessionId?: string | null };

/** Writes one notice per distinct recipient, in `tx`; their emails are sent once `tx` commits. Returns how many. */
export async function notify(tx: Tx, input: NoticeInput): Promise<number> {
  if (input.kind === 'convocation' ? !input.sessionId : !input.proposalId) {
    throw new Error(`notify(${input.kind}): ${input.kind === 'convocation' ? 'sessionId' : 'proposalId'} is required`);
  }
  const recipients = [...new Set(input.recipientIds)];
  if (!recipients.length) return 0;
  await tx.insert(notices).values(
    recipients.map((recipientId) => ({ recipientId, kind: input.kind, proposalId: input.proposalId ?? null, sessionId: input.sessionId ?? null })),
  );
  afterCommit(tx, deliverPendingEmailsTask);
  return recipients.length;
}

/** The active accounts holding any of these roles: who a notice "to every diagnostician" goes to. */
export async function activeHolders(db: DbOrTx, roles: readonly Role[]): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.active, true), inArray(userRoles.role, [...roles])));
  return rows.map((r) => r.id);
}

/**
 * How far back an undelivered notice is still worth an email: older ones (say, from
 * before SMTP was configured, or from a long mail outage) stay in the app only.
 */
export const EMAIL_WINDOW_DAYS = 7;
/** At most this many emails per attempt; the rest waits for the next one. */
const BATCH = 100;

export interface DeliveryReport {
  sent: number;
  failed: number;
}

/**
 * Sends the email of every pending notice: not emailed yet, not read in the app yet (an
 * email about something already seen helps nobody), recent, to an active account.
 *
 * Each notice is claimed before its email goes out (`emailed_at` set only if still
 * null), so two deliveries running at once never send it twice; if sending fails, the
 * claim is released (`emailed_at` back to null) and the next attempt retries it. A
 * failure is logged and never thrown: a mail server's trouble must not fail anything
 * else. Without a mailer (no SMTP configured) it does nothing.
 */
export async function deliverPendingEmails(db: Database, mailer: Mailer | null = appMailer()): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0 };
  if (!mailer) return report;
  const pending = await db
    .select({
      id: notices.id,
      kind: notices.kind,
      recipient: { name: users.name, email: users.email },
      proposal: { id: proposals.id, number: proposals.number, title: proposals.title },
      session: { id: sessions.id, number: sessions.number, scheduledAt: sessions.scheduledAt, place: sessions.place, videoLink: sessions.videoLink, revision: sessions.revision },
    })
    .from(notices)
    .innerJoin(users, eq(users.id, notices.recipientId))
    .leftJoin(proposals, eq(proposals.id, notices.proposalId))
    .leftJoin(sessions, eq(sessions.id, notices.sessionId))
    .where(
      and(
        isNull(notices.emailedAt),
        isNull(notices.readAt),
        eq(users.active, true),
        gt(notices.createdAt, sql`now() - make_interval(days => ${EMAIL_WINDOW_DAYS})`),
      ),
    )
    .orderBy(asc(notices.createdAt), asc(notices.id))
    .limit(BATCH);

  for (const notice of pending) {
    const [claimed] = await db
      .update(notices)
      .set({ emailedAt: new Date() })
      .where(and(eq(notices.id, notice.id), isNull(notices.emailedAt)))
      .returning({ id: notices.id });
    if (!claimed) continue; // another delivery took it
    try {
      const { proposal, session } = notice;
      const content = { kind: notice.kind, session, proposal: proposal && { id: proposal.id, title: proposal.title, reference: reference(proposal.number) } };
      await mailer.send(renderNoticeEmail(content, notice.recipient, mailer));
      report.sent += 1;
    } catch (err) {
      report.failed += 1;
      console.error(`[notices] email for notice ${notice.id} (${notice.kind}) not sent, will retry:`, err instanceof Error ? err.message : err);
      await db.update(notices).set({ emailedAt: null }).where(eq(notices.id, notice.id));
    }
  }
  return report;
}

/** The after-commit task `notify` registers: one function, so a command raising several notices delivers once. */
async function deliverPendingEmailsTask(db: Database): Promise<void> {
  const { failed } = await deliverPendingEmails(db);
  if (failed) console.error(`[notices] ${failed} email(s) not sent; they stay pending`);
}
