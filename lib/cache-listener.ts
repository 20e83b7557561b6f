import pg from 'pg';
import type { Database } from '@/db/client';
import { forgetPublicReads, PUBLIC_CHANGES_CHANNEL } from '@/lib/public-changes';
import { setChangeListening } from '@/lib/register-cache';

/**
 * Each instance's ear on the other instances' changes (docs/multi-instance.md).
 *
 * One dedicated connection per process, outside the pool (a pooled connection is handed
 * to other queries and recycled; LISTEN belongs to one session), runs
 * `LISTEN vigie_register`. Every notification, sent by a command's transaction on commit
 * (lib/public-changes.ts), clears this process's public reads at once.
 *
 * When the connection drops (the server restarts, an idle timeout, pg_terminate_backend),
 * notifications sent meanwhile are lost: the cache falls back to the 250 ms head check,
 * the listener reconnects with a doubling delay (up to RECONNECT_MAX_MS), and once it
 * listens again it clears everything once, for what it may have missed.
 *
 * Not for the embedded database: its server admits one connection at a time, which the
 * app's pool holds, so a second one would wait for ever (and it serves a single instance
 * anyway, whose own commits clear its cache). scripts/vigie.ts sets DATABASE_LISTEN=false
 * there.
 */
export interface ListenerOptions {
  connectionString: string;
  /** The database whose caches a notification clears (the app's: getDb). */
  db: () => Database;
  log?: (line: string) => void;
  /** First reconnection delay, doubled after each failure up to `reconnectMaxMs`. */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** Called on every notification received, after the caches are cleared (tests). */
  onNotification?: (topic: string) => void;
}

export interface ChangeListener {
  /** Whether the LISTEN is in place right now. */
  listening(): boolean;
  /** Resolves once listening (or rejects after `timeoutMs`): tests and the start-up log. */
  ready(timeoutMs?: number): Promise<void>;
  /** Closes the connection; no reconnection after this. */
  stop(): Promise<void>;
}

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 30_000;

export function startChangeListener({
  connectionString,
  db,
  log = console.log,
  reconnectMinMs = RECONNECT_MIN_MS,
  reconnectMaxMs = RECONNECT_MAX_MS,
  onNotification,
}: ListenerOptions): ChangeListener {
  let client: pg.Client | null = null;
  let stopped = false;
  let connected = false;
  let delay = reconnectMinMs;
  let timer: NodeJS.Timeout | undefined;
  let waiters: (() => void)[] = [];

  const setListening = (on: boolean) => {
    connected = on;
    setChangeListening(db(), on);
  };

  const connect = async () => {
    timer = undefined;
    if (stopped) return;
    const c = new pg.Client({
      connectionString,
      // Named in pg_stat_activity, so an operator sees what this connection is.
      application_name: 'vigie-change-listener',
      connectionTimeoutMillis: 10_000,
      // A half-open connection (a dead server behind a NAT) must end, to reconnect.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client = c;
    let lost = false;
    const onLost = (why: string) => {
      if (lost) return;
      lost = true;
      if (client === c) client = null;
      c.removeAllListeners('notification');
      c.end().catch(() => {});
      if (connected) log(`[cache] change listener lost (${why}): polling every 250 ms until it is back`);
      setListening(false);
      if (!stopped) {
        timer = setTimeout(() => void connect(), delay);
        timer.unref();
        delay = Math.min(reconnectMaxMs, delay * 2);
      }
    };
    c.on('error', (err) => onLost(err.message));
    c.on('end', () => onLost('connection closed'));
    c.on('notification', (message) => {
      if (message.channel !== PUBLIC_CHANGES_CHANNEL) return;
      forgetPublicReads(db());
      onNotification?.(message.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${PUBLIC_CHANGES_CHANNEL}`);
    } catch (err) {
      onLost(err instanceof Error ? err.message : String(err));
      return;
    }
    if (stopped || lost) {
      if (!lost) await c.end().catch(() => {});
      return;
    }
    // Changes made while nobody listened were not heard: start from a clean slate.
    forgetPublicReads(db());
    setListening(true);
    delay = reconnectMinMs;
    log(`[cache] listening for public changes on "${PUBLIC_CHANGES_CHANNEL}" (other instances' publications clear this cache at once)`);
    for (const w of waiters) w();
    waiters = [];
  };

  void connect();

  return {
    listening: () => connected,
    ready(timeoutMs = 10_000) {
      if (connected) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`change listener not connected after ${timeoutMs} ms`)), timeoutMs);
        waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const c = client;
      client = null;
      setListening(false);
      if (c) {
        c.removeAllListeners('end');
        c.removeAllListeners('notification');
        c.on('error', () => {});
        await c.end().catch(() => {});
      }
    },
  };
}

/**
 * Closes the listener's connection when the server is told to stop (SIGTERM, SIGINT), so
 * PostgreSQL sees a clean goodbye rather than a dropped socket. Next.js's own handlers
 * still close the server and exit.
 */
export function stopOnShutdown(listener: ChangeListener): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void listener.stop());
}
