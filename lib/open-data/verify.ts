import 'server-only';
import type { Database } from '@/db/client';
import { walkRegister } from '@/db/queries/register';
import { ChainVerifier, type ChainVerdict } from '@/lib/domain/register';

/** Entries read per query while verifying. */
export const VERIFY_BATCH = 1000;

const running = new WeakMap<Database, Promise<ChainVerdict>>();

/**
 * Recomputes the whole chain from the database, batch by batch, stopping at the first
 * broken link. Never cached: a row changed behind the register's back keeps its length
 * and head number, and must still show at the next check. Concurrent requests share the
 * check in progress, so a burst of them costs one walk.
 */
export function verifyRegister(db: Database): Promise<ChainVerdict> {
  let check = running.get(db);
  if (!check) {
    check = (async () => {
      const verifier = new ChainVerifier();
      for await (const entry of walkRegister(db, {}, VERIFY_BATCH)) if (!verifier.push(entry)) break;
      return verifier.verdict();
    })().finally(() => running.delete(db));
    running.set(db, check);
  }
  return check;
}
