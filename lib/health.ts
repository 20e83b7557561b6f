import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

/**
 * Whether the service can work: the database answers within 3 s (one that does not is
 * as good as down). Read by /api/health (JSON for monitoring) and /etat (for people).
 */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await Promise.race([
      getDb().execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 3 s')), 3000)),
    ]);
    return true;
  } catch (err) {
    console.error('[health] database check failed:', err instanceof Error ? err.message : err);
    return false;
  }
}
