import type { Database } from '@/db/client';
import { runDueJobs } from '@/lib/jobs/runner';

/**
 * The scheduled jobs, run once "now", last of the after-the-vote parts: the demo then
 * shows what the app does by itself (the re-review opened for the authorisation granted
 * about four years and nine months ago, the reminders of the day) and the admin page
 * has a first run to show. Forced, so a fresh demo runs them whatever the job table says.
 */
export async function seedJobs(db: Database, now: Date = new Date()): Promise<void> {
  const runs = await runDueJobs(db, { now, worker: 'seed', intervalSeconds: 15 * 60, force: true, log: (line) => console.log(`[seed] ${line}`) });
  const failed = runs.filter((r) => r.error);
  if (failed.length) throw new Error(`seed: the scheduled jobs failed: ${failed.map((r) => `${r.name}: ${r.error}`).join('; ')}`);
}
