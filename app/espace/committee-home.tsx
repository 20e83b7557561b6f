import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { committeeHome, type HomeItem } from '@/db/queries/committee-home';
import type { Actor } from '@/lib/auth/actor';
import { OverdueConditions } from './overdue-conditions';

/**
 * The committee's part of the staff home: the chair sees the sessions to prepare and the
 * votes to close; every member the open votes (to cast or cast) and the agenda of the
 * coming sessions, with the files not read since they last changed.
 */
export async function CommitteeHome({ actor }: { actor: Actor }) {
  const isChair = actor.roles.includes('chair');
  if (!isChair && !actor.roles.includes('member')) return null;
  const [t, format, { sessions, openVotes }] = await Promise.all([getTranslations(), getFormatter(), committeeHome(getDb(), actor)]);
  const fileLink = (item: HomeItem) => (
    <Link href={`/espace/propositions/${item.proposalId}`}>
      {item.reference} – {item.title}
    </Link>
  );
  const voteStatus = (item: HomeItem) =>
    item.recused ? t('committee.home.recused') : item.voted ? t('committee.home.voted') : t('committee.home.toVote');
  return (
    <>
      <section aria-labelledby="home-votes">
        <h2 id="home-votes">{isChair ? t('committee.home.votesToClose', { count: openVotes.length }) : t('committee.home.openVotes', { count: openVotes.length })}</h2>
        {openVotes.length ? (
          <ul>
            {openVotes.map((item) => (
              <li key={item.itemId}>
                {fileLink(item)} – <Link href={`/espace/seances/${item.sessionId}#item-${item.itemId}`}>{t('committee.home.sessionLink', { number: item.sessionNumber })}</Link>{' '}
                <span className="tag">{voteStatus(item)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('committee.home.noOpenVote')}</p>
        )}
      </section>
      <OverdueConditions actor={actor} />
      <section aria-labelledby="home-sessions">
        <h2 id="home-sessions">{isChair ? t('committee.home.sessionsToPrepare', { count: sessions.length }) : t('committee.home.nextSessions', { count: sessions.length })}</h2>
        {sessions.length ? (
          sessions.map((s) => (
            <div key={s.id} className="card">
              <h3>
                <Link href={`/espace/seances/${s.id}`}>
                  {t('committee.home.session', { number: s.number, date: format.dateTime(s.scheduledAt, 'long') })}
                </Link>{' '}
                <span className="tag">{t(`committee.sessionStates.${s.state}`)}</span>
              </h3>
              {s.place || s.videoLink ? <p>{s.place || s.videoLink}</p> : null}
              <p>{t('committee.home.unreadCount', { count: s.items.filter((i) => i.unread && !i.recused).length })}</p>
              <ol>
                {s.items.map((item) => (
                  <li key={item.itemId}>
                    {fileLink(item)}
                    {item.unread && !item.recused ? (
                      <>
                        {' '}
                        <span className="tag">{t('committee.home.unread')}</span>
                      </>
                    ) : null}
                    {item.recused ? (
                      <>
                        {' '}
                        <span className="tag">{t('committee.home.recused')}</span>
                      </>
                    ) : null}
                  </li>
                ))}
              </ol>
            </div>
          ))
        ) : (
          <p>{t('committee.home.noSession')}</p>
        )}
      </section>
    </>
  );
}
