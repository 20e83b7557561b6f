import type { Database } from '@/db/client';
import { runDueJobs, workerId } from './runner';

/**
 * The jobs inside the app's own server process (started by instrumentation.ts): every
 * `intervalSeconds`, this instance tries to claim each due job. With the embedded
 * database this is the only way (PGlite lives in the launcher and serves the app's one
 * connection); with PostgreSQL every instance may run it, the lease and `reminders_sent`
 * keep them from doing anything twice. One run at a time per process; a failing run is
 * logged and the loop goes on: it never brings the server down.
 */
export interface LoopOptions {
  db: () => Database;
  intervalSeconds: number;
  /** Before the first run, so the server is up and the migrations applied. */
  firstDelaySeconds?: number;
  log?: (line: string) => void;
}

const globalForJobs = globalThis as unknown as { vigieJobLoop?: { stop(): void } };

export function startJobLoop({ db, intervalSeconds, firstDelaySeconds = 15, log = console.log }: LoopOptions): { stop(): void } {
  // Once per process, even if the module is loaded again (development reloads).
  if (globalForJobs.vigieJobLoop) return globalForJobs.vigieJobLoop;
  const worker = workerId('app');
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      await runDueJobs(db(), { worker, intervalSeconds, log });
    } catch (err) {
      log(`[jobs] run failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!stopped) schedule(intervalSeconds);
  };
  const schedule = (seconds: number) => {
    timer = setTimeout(() => void tick(), seconds * 1000);
    // The loop never keeps a process alive on its own.
    timer.unref();
  };
  schedule(firstDelaySeconds);
  log(`[jobs] scheduled jobs run in this process every ${intervalSeconds} s (JOBS_ENABLED=false to turn off)`);
  const handle = {
    stop() {
      stopped = true;
      clearTimeout(timer);
      globalForJobs.vigieJobLoop = undefined;
    },
  };
  globalForJobs.vigieJobLoop = handle;
  return handle;
}
