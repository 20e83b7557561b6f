import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { env } from '@/lib/env';
import * as schema from './schema';

export type Database = NodePgDatabase<typeof schema>;
/** A transaction handle: commands take this so that they compose inside one transaction. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DbOrTx = Database | Tx;

export interface PoolOptions {
  /**
   * 1 for the embedded database: its server runs every connection in one PostgreSQL
   * session, so a single connection is what keeps transactions from interleaving.
   */
  max: number;
  /**
   * Every transaction of this pool's sessions is read-only (PostgreSQL refuses any write
   * with "cannot execute … in a read-only transaction"). For the replica pool: a write
   * sent there by mistake fails loudly, even when the "replica" is a writable database.
   */
  readOnly?: boolean;
}

export function createPool(connectionString: string, { max, readOnly = false }: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    ...(readOnly ? { options: '-c default_transaction_read_only=on' } : {}),
    // With one connection, keep it: closing and reopening races the embedded server's
    // one-connection limit. With several, recycle idle ones as usual.
    idleTimeoutMillis: max === 1 ? 0 : 10_000,
    // A query waiting for the only connection must fail loudly rather than hang.
    connectionTimeoutMillis: 15_000,
  });
  // An idle client losing its connection must not crash the process.
  pool.on('error', (err) => console.error('[db] idle client error:', err.message));
  return pool;
}

export function createDb(pool: pg.Pool): Database {
  return drizzle(pool, { schema, casing: 'snake_case' });
}

const globalForDb = globalThis as unknown as { vigieDb?: { db: Database; pool: pg.Pool }; vigieReplicaDb?: { db: Database; pool: pg.Pool } };

/** The app's database, created on first use (never at import time). */
export function getDb(): Database {
  if (!globalForDb.vigieDb) {
    const e = env();
    if (!e.DATABASE_URL) {
      throw new Error(
        'DATABASE_URL is not set. Start the app with `npm run dev`, `npm start` or `npm run demo`: they serve the embedded database when no DATABASE_URL is given.',
      );
    }
    const pool = createPool(e.DATABASE_URL, { max: e.DATABASE_POOL_MAX });
    globalForDb.vigieDb = { pool, db: createDb(pool) };
  }
  return globalForDb.vigieDb.db;
}

/**
 * The handle for public reads: the register's pages, a decision and its site's history,
 * the map, the annual report and the open data (API, CSV, GeoJSON, Atom, verification).
 * With DATABASE_REPLICA_URL set, a read replica; otherwise the very same handle as
 * getDb(), so nothing changes (same pool, same register cache).
 *
 * Everything else stays on getDb(), the primary: every command and transaction, the
 * residents' question form (a write), sign-in and sessions, the jobs, and every staff page
 * (a committee member must read their own write at once, which a lagging replica would
 * not show).
 *
 * Why a plain handle on the replica rather than drizzle's `withReplicas(primary,
 * [replica])`: that wrapper sends `select` and `db.query` to the replica but `execute`
 * and `transaction` to the primary, and the public reads use both (the register cache's
 * head check is an `execute`, so are the annual report's aggregates and the map's sites).
 * Mixed, a page could be cached under the primary's new head with results the replica
 * read before it had that entry, and stay stale until the next publication. Here every
 * query of a public read goes to one database, so what is cached is consistent with the
 * head it was read at (lib/register-cache.ts). The replica's sessions are read-only
 * (createPool's readOnly), so a write routed there by mistake fails instead of diverging.
 */
export function publicReadDb(): Database {
  const e = env();
  if (!e.DATABASE_REPLICA_URL) return getDb();
  if (!globalForDb.vigieReplicaDb) {
    const pool = createPool(e.DATABASE_REPLICA_URL, { max: e.DATABASE_REPLICA_POOL_MAX ?? e.DATABASE_POOL_MAX, readOnly: true });
    globalForDb.vigieReplicaDb = { pool, db: createDb(pool) };
  }
  return globalForDb.vigieReplicaDb.db;
}
