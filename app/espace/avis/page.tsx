import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { FlashAlerts } from '@/app/_components/flash-alerts';
import { Pagination } from '@/app/_components/pagination';
import { getDb } from '@/db/client';
import { listNotices } from '@/db/queries/notices';
import { requirePermission } from '@/lib/auth/session';
import { noticeHref, noticeText } from '@/lib/notice-messages';
import { markAllNoticesReadAction, markNoticeReadAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('notices.title') };
}

/** `?ok=…` flag → message. */
const FLASHES = { read: 'notices.markedRead', all: 'notices.markedAllRead' } as const;

/**
 * The person's notices, newest first. Looking at the list marks nothing as read: each
 * notice has its own button, and "mark all" stops at the newest notice shown here.
 * Both buttons are plain forms (no JavaScript needed).
 */
export default async function NoticesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission('notices.read');
  const [query, t, format] = await Promise.all([searchParams, getTranslations(), getFormatter()]);
  const list = await listNotices(getDb(), actor.id, query.page);
  return (
    <>
      <h1>{t('notices.title')}</h1>
      <p>{t('notices.intro')}</p>
      <FlashAlerts query={query} successes={FLASHES} />
      {list.total ? (
        <>
          <p>{t('notices.summary', { total: list.total, unread: list.unread })}</p>
          {list.unread && list.newestId ? (
            <form action={markAllNoticesReadAction}>
              <input type="hidden" name="newestId" value={list.newestId} />
              <button type="submit" className="secondary">
                {t('notices.markAllRead')}
              </button>
            </form>
          ) : null}
          <ol className="notices" aria-label={t('notices.listLabel')}>
            {list.items.map((notice) => {
              const textId = `notice-${notice.id}`;
              return (
                <li key={notice.id} className={notice.readAt ? 'card' : 'card unread'}>
                  <p className="notice-meta">
                    {notice.readAt ? (
                      <span className="tag">{t('notices.read', { date: format.dateTime(notice.readAt, 'short') })}</span>
                    ) : (
                      <strong className="tag">{t('notices.unread')}</strong>
                    )}{' '}
                    <time dateTime={notice.createdAt.toISOString()}>{t('notices.receivedOn', { date: format.dateTime(notice.createdAt, 'long') })}</time>
                  </p>
                  <p id={textId} className="notice-text">
                    <Link href={noticeHref(notice)}>{noticeText(t, format, notice)}</Link>
                  </p>
                  {notice.readAt ? null : (
                    <form action={markNoticeReadAction}>
                      <input type="hidden" name="noticeId" value={notice.id} />
                      <button type="submit" className="secondary" aria-describedby={textId}>
                        {t('notices.markRead')}
                      </button>
                    </form>
                  )}
                </li>
              );
            })}
          </ol>
          <Pagination page={list.page} pages={list.pages} href={(page) => `/espace/avis?page=${page}`} />
        </>
      ) : (
        <p>{t('notices.empty')}</p>
      )}
    </>
  );
}
