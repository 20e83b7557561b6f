/**
 * The scheduled jobs from the command line, on PostgreSQL (DATABASE_URL):
 *
 *   npm run jobs -- --once            run the due jobs once and exit (cron)
 *   npm run jobs -- --once --force    run them now even if not due yet
 *   npm run jobs                      a worker: run them every JOBS_INTERVAL_SECONDS until stopped
 *
 * Safe beside the app's own instances: the lease and `reminders_sent` (lib/jobs) keep two
 * workers from sending the same reminder twice. The embedded database cannot be reached
 * from here: there the app runs the jobs in its own process.
 */
import { createDb, createPool } from '../db/client';
import { runMigrations } from '../db/migrate';
import { parseEnv } from '../lib/env';
import { runDueJobs, workerId } from '../lib/jobs/runner';

async function main(args: string[]): Promise<number> {
  const unknown = args.filter((a) => a !== '--once' && a !== '--force');
  if (unknown.length) {
    console.error(`[jobs] unknown option(s): ${unknown.join(' ')}\nusage: npm run jobs -- [--once [--force]]`);
    return 2;
  }
  const e = parseEnv(process.env);
  if (!e.DATABASE_URL) {
    console.error('[jobs] DATABASE_URL is not set. With the embedded database the app runs its jobs in its own process (npm start / npm run demo).');
    return 2;
  }
  const pool = createPool(e.DATABASE_URL, { max: 2 });
  const db = createDb(pool);
  try {
    await runMigrations(db);
    const worker = workerId('cli');
    const once = async () => {
      const runs = await runDueJobs(db, { worker, intervalSeconds: e.JOBS_INTERVAL_SECONDS, force: args.includes('--force') });
      for (const r of runs) if (!r.ran) console.log(`[jobs] ${r.name}: not due, or run by another instance`);
      return runs.some((r) => r.ran && r.error) ? 1 : 0;
    };
    if (args.includes('--once')) return await once();
    let stopping = false;
    const stop = () => {
      stopping = true;
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    console.log(`[jobs] worker ${worker}: every ${e.JOBS_INTERVAL_SECONDS} s until stopped`);
    while (!stopping) {
      await once();
      for (let waited = 0; waited < e.JOBS_INTERVAL_SECONDS && !stopping; waited++) await new Promise((r) => setTimeout(r, 1000));
    }
    return 0;
  } finally {
    await pool.end();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error('[jobs] failed:', err);
    process.exit(1);
  },
);
