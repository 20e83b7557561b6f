import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { PeriodicRead } from '@/lib/periodic-read';
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

const store = globalThis as unknown as { vigieQuestionsStamp?: WeakMap<Database, PeriodicRead<string>> };
const stamps = (store.vigieQuestionsStamp ??= new WeakMap());

function stampOf(db: Database): PeriodicRead<string> {
  let stamp = stamps.get(db);
  if (!stamp) {
    stamp = new PeriodicRead(
      async () => {
        const result = await db.execute<{ n: number; r: number }>(sql`SELECT count(*)::int AS n, coalesce(sum(revision), 0)::bigint AS r FROM resident_questions WHERE state = 'approved'`);
        const row = result.rows[0];
        return `${Number(row?.n ?? 0)}.${Number(row?.r ?? 0)}`;
      },
      () => Math.max(STAMP_CHECK_MS, freshnessMs(db)),
    );
    stamps.set(db, stamp);
  }
  return stamp;
}

/** Forgets the stamp (this instance): the next page served from the cache reads it again. */
export function invalidateQuestionsStamp(db: Database): void {
  stampOf(db).invalidate();
}

export function questionsStamp(db: Database): Promise<string> {
  return stampOf(db).get();
}
