import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { freshnessMs } from '@/lib/register-cache';

/**
 * What of the residents' questions a public decision page shows, as one short string: the
 * page cache (lib/page-cache.ts) keeps a page only while both the register's head and
 * this stamp are unchanged, since an approval or an answer changes a decision page
 * without the register moving. Every command on a question increments its `revision`,
 * so the count and the sum of revisions of the shown questions change with each of them.
 * Read at most once per STAMP_CHECK_MS (one small aggregate), shared by every request of
 * that window, like the register's head; and, like it, cleared at once by a change on
 * this instance or a notification from another one (lib/cache-listener.ts), and read
 * less often while that listener is connected (lib/register-cache.ts `freshnessMs`).
 */
export const STAMP_CHECK_MS = 250;

interface StampState {
  value: string | null;
  checkedAt: number;
  pending: Promise<string> | null;
  /** Moved on by each invalidation: a read started before it is never kept after it. */
  generation: number;
}

const store = globalThis as unknown as { vigieQuestionsStamp?: WeakMap<Database, StampState> };
const states = (store.vigieQuestionsStamp ??= new WeakMap());

function stateOf(db: Database): StampState {
  let state = states.get(db);
  if (!state) {
    state = { value: null, checkedAt: 0, pending: null, generation: 0 };
    states.set(db, state);
  }
  return state;
}

/** Forgets the stamp (this instance): the next page served from the cache reads it again. */
export function invalidateQuestionsStamp(db: Database): void {
  const s = stateOf(db);
  s.value = null;
  s.pending = null;
  s.generation += 1;
}

export async function questionsStamp(db: Database): Promise<string> {
  const s = stateOf(db);
  const window = Math.max(STAMP_CHECK_MS, freshnessMs(db));
  if (s.value !== null && Date.now() - s.checkedAt < window) return s.value;
  if (s.pending) return s.pending;
  const generation = s.generation;
  const pending = db
    .execute<{ n: number; r: number }>(sql`SELECT count(*)::int AS n, coalesce(sum(revision), 0)::bigint AS r FROM resident_questions WHERE state = 'approved'`)
    .then((result) => {
      const row = result.rows[0];
      const value = `${Number(row?.n ?? 0)}.${Number(row?.r ?? 0)}`;
      // Invalidated while this read ran: it may predate the change, so it is not kept.
      if (s.generation === generation) {
        s.value = value;
        s.checkedAt = Date.now();
      }
      return value;
    })
    .finally(() => {
      if (s.pending === pending) s.pending = null;
    });
  s.pending = pending;
  return pending;
}
