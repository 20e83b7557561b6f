import crypto from 'node:crypto';
import os from 'node:os';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { scheduledJobs } from '@/db/schema';
import { runReminders, type ReminderOptions } from './reminders';

/**
 * Scheduled jobs on PostgreSQL's own tables, on either database (the embedded PGlite
 * included): no extra service, no extension, nothing but two tables.
 *
 * A job is one row of `scheduled_jobs`. A worker runs it only after claiming it by moving
 * its lease in ONE statement (UPDATE … WHERE due AND lease free RETURNING): of several
 * instances polling at once, one gets the row, the others get nothing. A worker that dies
 * mid-run leaves its lease, which expires after LEASE_SECONDS: the next poll takes the job
 * again. The lease only keeps instances from doing the same work at the same time; the
 * guarantee that a reminder goes out once is `reminders_sent` (lib/jobs/reminders.ts),
 * which holds even if a lease expires while its worker still runs.
 */

export interface JobContext {
  now: Date;
  options?: ReminderOptions;
}

/** Every job, by name; each returns the line it logs. */
export const JOBS: Record<string, (db: Database, ctx: JobContext) => Promise<{ summary: string; errors: string[] }>> = {
  async reminders(db, { now, options }) {
    const r = await runReminders(db, now, options);
    const sent = Object.entries(r.sent)
      .map(([kind, n]) => `${kind}=${n}`)
      .join(' ');
    return { summary: `${sent} emails=${r.emails.sent}${r.emails.failed ? ` (failed ${r.emails.failed})` : ''}`, errors: r.errors };
  },
};
export type JobName = keyof typeof JOBS;

/** How long a claimed job stays its worker's: longer than any run takes. */
export const LEASE_SECONDS = 10 * 60;

/** This process, as written in `locked_by`: host, pid and a random part (two test workers in one process differ). */
export function workerId(label = ''): string {
  return `${os.hostname()}:${process.pid}:${label || crypto.randomBytes(3).toString('hex')}`;
}

/** Makes sure every job has its row (a new job is due at once). */
export async function ensureJobs(db: Database, now: Date): Promise<void> {
  await db
    .insert(scheduledJobs)
    .values(Object.keys(JOBS).map((name) => ({ name, nextRunAt: now })))
    .onConflictDoNothing();
}

/** Claims `name` for `worker` if it is due and nobody holds a live lease: true when this worker got it. */
export async function claimJob(db: Database, name: string, worker: string, now: Date): Promise<boolean> {
  const lockedUntil = new Date(now.getTime() + LEASE_SECONDS * 1000);
  const rows = await db
    .update(scheduledJobs)
    .set({ lockedUntil, lockedBy: worker })
    .where(
      and(
        eq(scheduledJobs.name, name),
        sql`${scheduledJobs.nextRunAt} <= ${now.toISOString()}::timestamptz`,
        sql`(${scheduledJobs.lockedUntil} is null or ${scheduledJobs.lockedUntil} < ${now.toISOString()}::timestamptz)`,
      ),
    )
    .returning({ name: scheduledJobs.name });
  return rows.length === 1;
}

/** Releases the lease and sets the next run; only the lease's holder may (a worker whose lease expired and was taken changes nothing). */
async function finishJob(db: Database, name: string, worker: string, now: Date, intervalSeconds: number, error: string | null): Promise<void> {
  await db
    .update(scheduledJobs)
    .set({ lockedUntil: null, lockedBy: null, lastRunAt: now, nextRunAt: new Date(now.getTime() + intervalSeconds * 1000), lastError: error })
    .where(and(eq(scheduledJobs.name, name), eq(scheduledJobs.lockedBy, worker)));
}

export interface RunDueOptions {
  now?: Date;
  worker?: string;
  /** Seconds until the job is due again after a run. */
  intervalSeconds: number;
  /** Run even if not due yet (the lease is still taken: never two at once). */
  force?: boolean;
  log?: (line: string) => void;
  options?: ReminderOptions;
}

export interface JobRun {
  name: string;
  ran: boolean;
  summary?: string;
  error?: string | null;
}

/**
 * Runs every due job this worker can claim. Never throws: a job's failure is logged and
 * stored in `last_error`, and the job is due again at the next interval.
 */
export async function runDueJobs(db: Database, { now = new Date(), worker = workerId(), intervalSeconds, force = false, log = console.log, options }: RunDueOptions): Promise<JobRun[]> {
  const runs: JobRun[] = [];
  try {
    await ensureJobs(db, now);
    if (force) await db.update(scheduledJobs).set({ nextRunAt: now }).where(sql`${scheduledJobs.nextRunAt} > ${now.toISOString()}::timestamptz`);
  } catch (err) {
    log(`[jobs] cannot reach the job table: ${message(err)}`);
    return runs;
  }
  for (const [name, job] of Object.entries(JOBS)) {
    let claimed = false;
    try {
      claimed = await claimJob(db, name, worker, now);
    } catch (err) {
      log(`[jobs] ${name}: cannot claim: ${message(err)}`);
    }
    if (!claimed) {
      runs.push({ name, ran: false });
      continue;
    }
    const started = Date.now();
    let summary = '';
    let error: string | null = null;
    try {
      const result = await job(db, { now, options });
      summary = result.summary;
      if (result.errors.length) error = result.errors.join('\n').slice(0, 4000);
    } catch (err) {
      error = message(err);
    }
    try {
      await finishJob(db, name, worker, now, intervalSeconds, error);
    } catch (err) {
      log(`[jobs] ${name}: cannot release its lease (it expires by itself): ${message(err)}`);
    }
    log(`[jobs] ${name} ${error ? 'finished with errors' : 'done'} in ${Date.now() - started} ms: ${summary || '-'}${error ? ` | error: ${error.split('\n')[0]}` : ''}`);
    runs.push({ name, ran: true, summary, error });
  }
  return runs;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
