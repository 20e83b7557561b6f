import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { registerEntries } from '@/db/schema';
import { GENESIS_HASH } from '@/lib/domain/register';
import { cachedRegisterRead, registerHead, registerVersion } from '@/lib/register-cache';

/**
 * The register's head as the open data's validators see it: its last sequence number and
 * that entry's hash. The number alone says when something was published; the hash also
 * tells two registers of the same length apart (a database restored or replaced), so a
 * client's cached copy is never taken for another register's. One indexed read per new
 * head, then served from the register cache.
 */
export async function registerHeadState(db: Database): Promise<{ sequence: number; hash: string; version: string }> {
  const sequence = await registerHead(db);
  // The answers that show live follow-up (authorisation, conditions) change with it and with the day.
  const version = await registerVersion(db);
  if (sequence === 0) return { sequence, hash: GENESIS_HASH, version };
  const hash = await cachedRegisterRead(db, JSON.stringify(['head-hash', sequence]), async () => {
    const [row] = await db.select({ hash: registerEntries.hash }).from(registerEntries).where(eq(registerEntries.sequence, sequence));
    return row?.hash ?? GENESIS_HASH;
  });
  return { sequence, hash, version };
}
