/**
 * Next.js calls `register()` once when a server instance starts. In the Node.js runtime
 * it starts the scheduled jobs and the listener for the other instances' changes
 * (lib/server-start.ts), never during `next build`. The import sits inside the runtime
 * check, as Next.js recommends, so the Edge build leaves that module out.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    try {
      const { startServerTasks } = await import('./lib/server-start');
      startServerTasks();
    } catch (err) {
      console.error('[server] start-up tasks not started:', err instanceof Error ? err.message : err);
    }
  }
}
