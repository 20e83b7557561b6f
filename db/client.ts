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
}

export function createPool(connectionString: string, { max }: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
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

const globalForDb = globalThis as unknown as { vigieDb?: { db: Database; pool: pg.Pool } };

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
