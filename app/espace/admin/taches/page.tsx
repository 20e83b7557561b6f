import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { TableRegion } from '@/app/_components/table-region';
import { getDb } from '@/db/client';
import { jobsOverview } from '@/db/queries/jobs';
import { requirePermission } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { REMINDER_KINDS, type ReminderKind } from '@/lib/jobs/reminders';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('jobs.title') };
}

const isReminderKind = (kind: string): kind is ReminderKind => (REMINDER_KINDS as readonly string[]).includes(kind);

/** The scheduled jobs (admin): when each last ran and runs next, its last error, and the reminders of the last 30 days. */
export default async function JobsPage() {
  await requirePermission('jobs.read');
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const now = new Date();
  const { jobs, reminders } = await jobsOverview(getDb(), now);
  const e = env();
  const when = (d: Date | null) => (d ? <time dateTime={d.toISOString()}>{format.dateTime(d, 'long')}</time> : t('jobs.never'));
  return (
    <>
      <h1>{t('jobs.title')}</h1>
      <p>{e.JOBS_ENABLED === 'true' ? t('jobs.runsHere', { minutes: Math.round(e.JOBS_INTERVAL_SECONDS / 60) }) : t('jobs.notHere')}</p>
      <p>{t('jobs.once')}</p>

      <TableRegion labelledBy="jobs-caption">
        <table>
          <caption id="jobs-caption">{t('jobs.jobsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('jobs.name')}</th>
              <th scope="col">{t('jobs.lastRun')}</th>
              <th scope="col">{t('jobs.nextRun')}</th>
              <th scope="col">{t('jobs.state')}</th>
              <th scope="col">{t('jobs.lastError')}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.length === 0 ? (
              <tr>
                <td colSpan={5}>{t('jobs.noJobs')}</td>
              </tr>
            ) : (
              jobs.map((job) => (
                <tr key={job.name}>
                  <th scope="row">{job.name === 'reminders' ? t('jobs.names.reminders') : job.name}</th>
                  <td>{when(job.lastRunAt)}</td>
                  <td>{when(job.nextRunAt)}</td>
                  <td>{job.lockedUntil && job.lockedUntil > now ? t('jobs.running', { worker: job.lockedBy ?? '' }) : t('jobs.idle')}</td>
                  <td>
                    {job.lastError
                      ? job.lastError.split('\n').map((line, i) => (
                          <span key={i}>
                            {line}
                            <br />
                          </span>
                        ))
                      : t('jobs.noError')}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </TableRegion>

      <h2>{t('jobs.remindersTitle')}</h2>
      <TableRegion labelledBy="reminders-caption">
        <table>
          <caption id="reminders-caption">{t('jobs.remindersCaption', { count: reminders.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('jobs.sentAt')}</th>
              <th scope="col">{t('jobs.kind')}</th>
              <th scope="col">{t('jobs.dueOn')}</th>
            </tr>
          </thead>
          <tbody>
            {reminders.map((r) => (
              <tr key={`${r.kind}-${r.subjectId}-${r.dueOn}`}>
                <td>{when(r.sentAt)}</td>
                <td>{isReminderKind(r.kind) ? t(`jobs.kinds.${r.kind}`) : r.kind}</td>
                <td>
                  <time dateTime={r.dueOn}>{format.dateTime(new Date(`${r.dueOn}T12:00:00Z`), 'date')}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
