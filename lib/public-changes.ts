import { sql } from 'drizzle-orm';
import type { Database, Tx } from '@/db/client';
import { invalidateRegisterCache } from '@/lib/register-cache';
import { invalidateQuestionsStamp } from '@/lib/resident-questions/public-stamp';
import { afterCommit } from '@/lib/workflow/command';

/**
 * (Not marked `server-only`: commands import it, and commands also run in the scripts.)
 *
 * Changes to what the public pages show, told to every instance. Each process keeps the
 * public reads in memory (lib/register-cache.ts, the residents' questions stamp, and the
 * pages built on them, lib/page-cache.ts); a command that changes them:
 *
 * calls `announcePublicChange(tx, topic)` inside its transaction, which does both:
 * - a PostgreSQL notification on PUBLIC_CHANGES_CHANNEL, which the server delivers only
 *   if the transaction commits, and then to every listening connection, this instance's too;
 * - and, after the commit, `forgetPublicReads(db)` on its own instance, which needs no
 *   listener (the embedded database, the tests, a script).
 *
 * Each instance's listener (lib/cache-listener.ts) calls `forgetPublicReads` on every
 * notification. See docs/multi-instance.md.
 */
export const PUBLIC_CHANGES_CHANNEL = 'vigie_register';

/** What changed, for the logs only: every notification clears everything. */
export type PublicChange = 'register' | 'authorisation' | 'condition' | 'questions';

/** Sends the notification in the caller's transaction (delivered on commit, dropped on rollback) and forgets this instance's public reads after the commit. */
export async function announcePublicChange(tx: Tx, topic: PublicChange): Promise<void> {
  await tx.execute(sql`SELECT pg_notify(${PUBLIC_CHANGES_CHANNEL}, ${topic})`);
  afterCommit(tx, forgetPublicReadsTask);
}

/** Clears this process's public reads for `db`: the register cache and the residents' questions stamp, so every kept page is rendered again. */
export function forgetPublicReads(db: Database): void {
  invalidateRegisterCache(db);
  invalidateQuestionsStamp(db);
}

/** The after-commit task of a command that announced a change (one function, so afterCommit runs it once however many changes the command announced). */
async function forgetPublicReadsTask(db: Database): Promise<void> {
  forgetPublicReads(db);
}
