import 'server-only';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { notices, proposals, sessions } from '@/db/schema';
import { pageWindow, PAGE_SIZE, type Page } from '@/lib/pagination';
import type { NoticeContent } from '@/lib/notice-messages';
import { proposalReference as reference } from '@/lib/domain/references';

export interface NoticeListItem extends NoticeContent {
  id: string;
  createdAt: Date;
  readAt: Date | null;
}

/** How many of this person's notices are unread (the navigation shows it). */
export async function countUnreadNotices(db: Database, recipientId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notices)
    .where(and(eq(notices.recipientId, recipientId), isNull(notices.readAt)));
  return row?.n ?? 0;
}

/**
 * One page of this person's notices, newest first, with how many there are, how many
 * are unread and the newest one's id (what "mark all as read" goes up to): counted and
 * cut in SQL.
 */
export async function listNotices(
  db: Database,
  recipientId: string,
  requestedPage: unknown = 1,
  size = PAGE_SIZE,
): Promise<Page<NoticeListItem> & { unread: number; newestId: string | null }> {
  const own = eq(notices.recipientId, recipientId);
  const [total, unread, [newest]] = await Promise.all([
    db.$count(notices, own),
    countUnreadNotices(db, recipientId),
    db.select({ id: notices.id }).from(notices).where(own).orderBy(desc(notices.createdAt), desc(notices.id)).limit(1),
  ]);
  const { page, pages, offset, limit } = pageWindow(requestedPage, total, size);
  const rows = await db
    .select({
      id: notices.id,
      kind: notices.kind,
      createdAt: notices.createdAt,
      readAt: notices.readAt,
      proposal: { id: proposals.id, number: proposals.number, title: proposals.title },
      session: { id: sessions.id, number: sessions.number, scheduledAt: sessions.scheduledAt, place: sessions.place, videoLink: sessions.videoLink, revision: sessions.revision },
    })
    .from(notices)
    .leftJoin(proposals, eq(proposals.id, notices.proposalId))
    .leftJoin(sessions, eq(sessions.id, notices.sessionId))
    .where(own)
    .orderBy(desc(notices.createdAt), desc(notices.id))
    .limit(limit)
    .offset(offset);
  const items = rows.map(({ proposal, ...row }) => ({
    ...row,
    proposal: proposal && { id: proposal.id, title: proposal.title, reference: reference(proposal.number) },
  }));
  return { items, page, pages, total, unread, newestId: newest?.id ?? null };
}
