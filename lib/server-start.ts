import { getDb } from '@/db/client';
import { startChangeListener, stopOnShutdown, type ChangeListener } from '@/lib/cache-listener';
import { env } from '@/lib/env';
import { startJobLoop } from '@/lib/jobs/loop';

/**
 * What a server instance starts besides serving requests, called by instrumentation.ts in
 * the Node.js runtime only (this module is imported only there, so the Edge build never
 * sees its Node.js APIs). Never during `next build`; a failure to start either part is
 * logged and never stops the server.
 */
export function startServerTasks(): void {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  startListening();
  startJobs();
}

const globalForListener = globalThis as unknown as { vigieChangeListener?: ChangeListener };

/**
 * Listens for the other instances' changes of the public pages (lib/cache-listener.ts),
 * unless DATABASE_LISTEN=false (scripts/vigie.ts sets it for the embedded database).
 */
function startListening(): void {
  try {
    const e = env();
    if (e.DATABASE_LISTEN === 'false' || !e.DATABASE_URL) {
      console.log('[cache] not listening for other instances (DATABASE_LISTEN=false or no DATABASE_URL): public pages follow changes by polling every 250 ms');
      return;
    }
    // Once per process, even if this module is loaded again (development reloads).
    if (globalForListener.vigieChangeListener) return;
    // Notifications clear the primary's caches. With a read replica, the public reads have
    // their own handle (publicReadDb), which keeps its 250 ms head check: a notification may
    // arrive before the replica has replayed the change, so it must not be trusted there.
    const listener = startChangeListener({ connectionString: e.DATABASE_URL, db: getDb });
    globalForListener.vigieChangeListener = listener;
    stopOnShutdown(listener);
  } catch (err) {
    console.error('[cache] change listener not started:', err instanceof Error ? err.message : err);
  }
}

/**
 * The scheduled jobs (lib/jobs/loop.ts) unless JOBS_ENABLED=false: with the embedded
 * database they must run in this process, the only one with a connection.
 */
function startJobs(): void {
  try {
    const e = env();
    if (e.JOBS_ENABLED === 'false') {
      console.log('[jobs] not run by this instance (JOBS_ENABLED=false)');
      return;
    }
    startJobLoop({ db: getDb, intervalSeconds: e.JOBS_INTERVAL_SECONDS });
  } catch (err) {
    console.error('[jobs] not started:', err instanceof Error ? err.message : err);
  }
}
