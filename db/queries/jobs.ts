import 'server-only';
import { desc, gt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { remindersSent, scheduledJobs } from '@/db/schema';

/** The scheduled jobs and the reminders sent over the last `days` days, newest first (admin page). */
export async function jobsOverview(db: Database, now: Date, days = 30) {
  const since = new Date(now.getTime() - days * 86_400_000);
  const [jobs, reminders] = await Promise.all([
    db.select().from(scheduledJobs).orderBy(scheduledJobs.name),
    db.select().from(remindersSent).where(gt(remindersSent.sentAt, since)).orderBy(desc(remindersSent.sentAt), remindersSent.kind).limit(100),
  ]);
  return { jobs, reminders };
}
