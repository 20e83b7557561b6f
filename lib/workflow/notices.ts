import { and, eq, isNull, lte } from 'drizzle-orm';
import { notices } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { markAllNoticesReadSchema, markNoticeReadSchema } from '@/lib/validation/notices';
import { defineCommand } from './command';

/*
 * Reading a notice is a person's own bookmark, not a record of the committee: it
 * writes `read_at` and no audit event (the notice row itself says when it was read).
 * Each command touches only the actor's own notices: another person's notice is
 * `not_found`, exactly like one that does not exist.
 */

export const markNoticeRead = defineCommand({
  name: 'markNoticeRead',
  permission: 'notices.read',
  schema: markNoticeReadSchema,
  async run(tx, actor, { noticeId }) {
    const [own] = await tx
      .select({ id: notices.id, readAt: notices.readAt })
      .from(notices)
      .where(and(eq(notices.id, noticeId), eq(notices.recipientId, actor.id)))
      .for('update');
    if (!own) throw new AppError('not_found');
    // Already read: the first reading's date stays.
    if (!own.readAt) await tx.update(notices).set({ readAt: new Date() }).where(eq(notices.id, noticeId));
  },
});

export const markAllNoticesRead = defineCommand({
  name: 'markAllNoticesRead',
  permission: 'notices.read',
  schema: markAllNoticesReadSchema,
  async run(tx, actor, { newestId }) {
    const own = and(eq(notices.id, newestId), eq(notices.recipientId, actor.id));
    const [newest] = await tx.select({ createdAt: notices.createdAt }).from(notices).where(own);
    if (!newest) throw new AppError('not_found');
    // Compared in SQL, to the microsecond: a JavaScript date would round the instant.
    const upTo = tx.select({ createdAt: notices.createdAt }).from(notices).where(own);
    const marked = await tx
      .update(notices)
      .set({ readAt: new Date() })
      .where(and(eq(notices.recipientId, actor.id), isNull(notices.readAt), lte(notices.createdAt, upTo)))
      .returning({ id: notices.id });
    return { marked: marked.length };
  },
});
