import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { parisDate } from '@/lib/domain/paris-time';
import { PeriodicRead } from '@/lib/periodic-read';

/**
 * (Not marked `server-only`: the publish command imports it, and commands also run in
 * the command-line scripts, where that marker throws.)
 *
 * The register is read far more than it is written, and it only ever grows: every public
 * read (a page, a list, an export's first page) is a pure function of the register's
 * head (its last sequence number) and the request. So results are kept per head:
 *
 * - a publication on this instance clears the cache as soon as it commits;
 * - any other change of head (another instance, a script) is seen at the next head
 *   check, at most HEAD_CHECK_MS later: one indexed `max(sequence)` shared by all the
 *   requests of that window, instead of one set of queries per request.
 *
 * So a publication is visible everywhere within HEAD_CHECK_MS, and a burst of readers
 * costs the database one tiny query every HEAD_CHECK_MS.
 *
 * With several instances, each one also listens for the other instances' changes
 * (lib/cache-listener.ts: PostgreSQL LISTEN/NOTIFY, docs/multi-instance.md): every write
 * that changes what the public reads show sends a notification on commit, and the
 * listener clears this cache at once. While that listener is connected, freshness no
 * longer rests on the head check, which then only catches writes that bypass the app
 * (psql, a restore): it runs every LISTENING_HEAD_CHECK_MS instead. When the listener is
 * down (not started, connection lost), the 250 ms check is the safety net again.
 *
 * What the public pages show beside the sealed entries (the prefect's authorisation, the
 * conditions' follow-up: computed at serve time, never hashed) changes without moving the
 * head, and part of it by the date alone (refused by silence, expired, overdue). So the
 * cache key is the register's VERSION: the head, a stamp of those live tables (the sum of
 * their revisions: every change moves it on, on any instance) read in the same query, and
 * today's Paris date (a result kept yesterday is never served today).
 *
 * With a read replica (DATABASE_REPLICA_URL), the public reads go through their own handle
 * (db/client.ts, publicReadDb), so they have a cache of their own, and its head check and
 * its results are both read on the replica: a result is always cached under the version
 * of the database it was read from. A publication commits on the primary and clears the
 * primary handle's cache (staff reads); the replica handle's cache sees the new head at
 * its first head check after the replica has replayed it (its lag, usually well under a
 * second, plus HEAD_CHECK_MS). Clearing it on commit would not help: the next check could
 * still read the replica's older head. For the same reason this periodic head check must
 * stay even if another signal (a notification from the primary) also clears the cache: a
 * signal can arrive before the replica has the change, and without a later check the
 * replica handle would keep the older results under the older head until the next change.
 * (A head read and the results read after it may straddle a replay; the results are then
 * newer than their version and are dropped at the next check: never older, never stuck.)
 */

export const HEAD_CHECK_MS = 250;
/**
 * The head check while the change listener is connected. Notifications carry every change
 * made through the app, on any instance, within milliseconds; what is left to polling is
 * a write made behind the app's back, for which a few seconds are fine. Longer also means
 * one query less per instance every 250 ms under a steady stream of readers.
 */
export const LISTENING_HEAD_CHECK_MS = 5000;
/** Results kept per database (least recently used dropped first): searches are many and varied. */
const MAX_RESULTS = 2000;

/**
 * The live tables' stamp: every insert adds a row of revision 1 and every update moves a
 * revision on, so the sum grows with each change (rows are never deleted); cameras have no
 * revision, but a commissioning or a decommissioning only ever fills a day in. A feature
 * that shows more live data on the register's pages adds its table here.
 */
const LIVE_STAMP = sql`(SELECT coalesce(sum(revision), 0) FROM authorisations)::text || '.' || (SELECT coalesce(sum(revision), 0) FROM condition_follow_ups)::text
  || '.' || (SELECT coalesce(sum(revision), 0) FROM landlord_decisions)::text || '.' || coalesce((SELECT revision FROM committee_settings WHERE id = 1), 0)::text
  || '.' || (SELECT count(commissioned_on) + count(decommissioned_on) FROM cameras)::text`;

interface CacheState {
  /** The head and the live tables' stamp, read together (readHead). */
  head: PeriodicRead<{ head: number; live: string }>;
  /** Whether this process's change listener is connected (the head check may then be slower). */
  listening: boolean;
  results: Map<string, { version: string; value: unknown }>;
}

// One cache per database handle (tests run two databases in one process), shared by every
// bundle of the server that imports this module.
const store = globalThis as unknown as { vigieRegisterCache?: WeakMap<Database, CacheState> };
const states = (store.vigieRegisterCache ??= new WeakMap());

function stateOf(db: Database): CacheState {
  let state = states.get(db);
  if (!state) {
    const results: CacheState['results'] = new Map();
    state = {
      head: new PeriodicRead(
        async () => {
          const result = await db.execute<{ head: number; live: string }>(sql`SELECT coalesce(max(sequence), 0)::int AS head, ${LIVE_STAMP} AS live FROM register_entries`);
          return { head: Number(result.rows[0]?.head ?? 0), live: String(result.rows[0]?.live ?? '') };
        },
        () => freshnessMs(db),
        // Results were kept under the previous version: a new one makes them all stale.
        (read, previous) => {
          if (read.head !== previous?.head || read.live !== previous.live) results.clear();
        },
      ),
      listening: false,
      results,
    };
    states.set(db, state);
  }
  return state;
}

/**
 * Forgets every cached result (this instance): the next read checks the head again. A head
 * read already in flight may have read the database before the change: it still answers
 * the requests that were waiting for it, but is not kept, and the next read asks again.
 */
export function invalidateRegisterCache(db: Database): void {
  const state = stateOf(db);
  state.head.invalidate();
  state.results.clear();
}

/** Tells the cache whether the change listener is connected (lib/cache-listener.ts). */
export function setChangeListening(db: Database, listening: boolean): void {
  stateOf(db).listening = listening;
}

/** How long a head (or any other stamp of the public reads) read from the database is trusted. */
export function freshnessMs(db: Database): number {
  return stateOf(db).listening ? LISTENING_HEAD_CHECK_MS : HEAD_CHECK_MS;
}

/** The head and live stamp, read at most once per freshnessMs (HEAD_CHECK_MS without a listener). */
function readHead(db: Database): Promise<{ head: number; live: string }> {
  return stateOf(db).head.get();
}

/** The register's last sequence number (0 when empty), read at most once per freshnessMs. */
export async function registerHead(db: Database): Promise<number> {
  return (await readHead(db)).head;
}

/**
 * What a cached public read depends on: the head, the live tables' stamp and today's
 * Paris date (`now` for the tests). Read at most once per freshnessMs, like the head.
 */
export async function registerVersion(db: Database, now: Date = new Date()): Promise<string> {
  const { head, live } = await readHead(db);
  return `${head}:${live}:${parisDate(now)}`;
}

/** `load()`'s result for `key`, computed once per register version (head, live stamp, Paris day). */
export async function cachedRegisterRead<T>(db: Database, key: string, load: () => Promise<T>): Promise<T> {
  const version = await registerVersion(db);
  const state = stateOf(db);
  const hit = state.results.get(key);
  if (hit && hit.version === version) {
    // Most recently used last: the first key is the one to drop.
    state.results.delete(key);
    state.results.set(key, hit);
    return hit.value as T;
  }
  const value = await load();
  state.results.set(key, { version, value });
  if (state.results.size > MAX_RESULTS) state.results.delete(state.results.keys().next().value as string);
  return value;
}
