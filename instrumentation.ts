/**
 * Next.js calls `register()` once when a server instance starts. In the Node.js runtime:
 * - it starts the scheduled jobs (lib/jobs/loop.ts) unless JOBS_ENABLED=false: with the
 *   embedded database they must run in this process, the only one with a connection;
 * - it starts listening for the other instances' changes of the public pages
 *   (lib/cache-listener.ts) unless DATABASE_LISTEN=false (the embedded database).
 * Never during `next build`, and a failure to start either never stops the server.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  await startChangeListener();
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

const globalForListener = globalThis as unknown as { vigieChangeListener?: { stop(): Promise<void> } };

async function startChangeListener(): Promise<void> {
  try {
    const { env } = await import('./lib/env');
    const e = env();
    if (e.DATABASE_LISTEN === 'false' || !e.DATABASE_URL) {
      console.log('[cache] not listening for other instances (DATABASE_LISTEN=false or no DATABASE_URL): public pages follow changes by polling every 250 ms');
      return;
    }
    // Once per process, even if this module is loaded again (development reloads).
    if (globalForListener.vigieChangeListener) return;
    const [{ getDb }, listener] = await Promise.all([import('./db/client'), import('./lib/cache-listener')]);
    const handle = listener.startChangeListener({ connectionString: e.DATABASE_URL, db: getDb });
    globalForListener.vigieChangeListener = handle;
    // Close the connection with the server: Next.js exits on these signals after its own shutdown.
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void handle.stop());
  } catch (err) {
    console.error('[cache] change listener not started:', err instanceof Error ? err.message : err);
  }
}
