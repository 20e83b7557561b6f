/**
 * Next.js calls `register()` once when a server instance starts. In the Node.js runtime
 * it starts the scheduled jobs (lib/jobs/loop.ts) unless JOBS_ENABLED=false: with the
 * embedded database they must run in this process, the only one with a connection.
 * Never during `next build`, and a failure to start them never stops the server.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  try {
    const { env } = await import('./lib/env');
    const e = env();
    if (e.JOBS_ENABLED === 'false') {
      console.log('[jobs] not run by this instance (JOBS_ENABLED=false)');
      return;
    }
    const [{ getDb }, { startJobLoop }] = await Promise.all([import('./db/client'), import('./lib/jobs/loop')]);
    startJobLoop({ db: getDb, intervalSeconds: e.JOBS_INTERVAL_SECONDS });
  } catch (err) {
    console.error('[jobs] not started:', err instanceof Error ? err.message : err);
  }
}
