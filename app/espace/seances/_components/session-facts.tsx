import { getFormatter, getTranslations } from 'next-intl/server';
import type { SessionState } from '@/lib/domain/vocabulary';

interface SessionFactsProps {
  session: {
    state: SessionState;
    scheduledAt: Date;
    place: string;
    videoLink: string;
    convenedAt: Date | null;
    lateReason: string | null;
    heldAt: Date | null;
    closedAt: Date | null;
  };
  /** The minutes state the session's state in words; the session page shows it as a tag. */
  withState?: boolean;
}

/** A session's date, place, link and steps (convened, held, closed), as the session page and the minutes show them. */
export async function SessionFacts({ session, withState = false }: SessionFactsProps) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const when = (label: 'convenedAt' | 'heldAt' | 'closedAt', date: Date | null) =>
    date ? (
      <>
        <dt>{t(`committee.sessions.${label}`)}</dt>
        <dd>{format.dateTime(date, 'long')}</dd>
      </>
    ) : null;
  return (
    <dl className="summary">
      <dt>{t('committee.sessions.date')}</dt>
      <dd>{format.dateTime(session.scheduledAt, 'long')}</dd>
      <dt>{t('committee.sessions.place')}</dt>
      <dd>{session.place || t('committee.sessions.videoOnly')}</dd>
      {session.videoLink ? (
        <>
          <dt>{t('committee.sessions.videoLink')}</dt>
          <dd>
            <a href={session.videoLink} rel="noopener noreferrer">
              {session.videoLink}
            </a>
          </dd>
        </>
      ) : null}
      {when('convenedAt', session.convenedAt)}
      {session.lateReason ? (
        <>
          <dt>{t('committee.sessions.lateReason')}</dt>
          <dd>{session.lateReason}</dd>
        </>
      ) : null}
      {when('heldAt', session.heldAt)}
      {when('closedAt', session.closedAt)}
      {withState ? (
        <>
          <dt>{t('committee.sessions.state')}</dt>
          <dd>{t(`committee.sessionStates.${session.state}`)}</dd>
        </>
      ) : null}
    </dl>
  );
}
