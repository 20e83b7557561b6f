import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';

/**
 * What of the residents' questions a public decision page shows, as one short string: the
 * page cache (lib/page-cache.ts) keeps a page only while both the register's head and
 * this stamp are unchanged, since an approval or an answer changes a decision page
 * without the register moving. Every command on a question increments its `revision`,
 * so the count and the sum of revisions of the shown questions change with each of them.
 * Read at most once per STAMP_CHECK_MS (one small aggregate), shared by every request of
 * that window, like the register's head.
 */
export const STAMP_CHECK_MS = 250;

interface StampState {
  value: string | null;
  checkedAt: number;
  pending: Promise<string> | null;
}

const store = globalThis as unknown as { vigieQuestionsStamp?: WeakMap<Database, StampState> };
const states = (store.vigieQuestionsStamp ??= new WeakMap());

export async function questionsStamp(db: Database): Promise<string> {
  let state = states.get(db);
  if (!state) {
    state = { value: null, checkedAt: 0, pending: null };
    states.set(db, state);
  }
  const s = state;
  if (s.value !== null && Date.now() - s.checkedAt < STAMP_CHECK_MS) return s.value;
  s.pending ??= db
    .execute<{ n: number; r: number }>(sql`SELECT count(*)::int AS n, coalesce(sum(revision), 0)::bigint AS r FROM resident_questions WHERE state = 'approved'`)
    .then((result) => {
      const row = result.rows[0];
      const value = `${Number(row?.n ?? 0)}.${Number(row?.r ?? 0)}`;
      s.value = value;
      s.checkedAt = Date.now();
      return value;
    })
    .finally(() => {
      s.pending = null;
    });
  return s.pending;
}
