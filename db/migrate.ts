import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';
import type { Database } from './client';

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The advisory lock key that lets one migration run at a time on a database. */
const LOCK = `hashtextextended('vigie:migrations', 0)`;

/**
 * Applies the committed migrations (idempotent). Called by scripts, never at import time.
 *
 * Several processes may call this at once on one database: every instance's `npm start`
 * migrates before serving, and a deploy starts them together. drizzle's migrator takes
 * no lock (it reads the last applied migration, then applies the newer ones in a
 * transaction), so two runs would both try the same migrations and one would fail half
 * way (a table that already exists, a duplicate schema). So the run holds a PostgreSQL
 * session advisory lock: the others wait, then find nothing left to apply. The lock and
 * the migrations share one connection (the embedded database's pool has only one), and
 * the server releases the lock by itself if that connection dies.
 */
export async function runMigrations(db: Database): Promise<void> {
  const pool = (db as Database & { $client?: pg.Pool }).$client;
  if (!pool || typeof pool.connect !== 'function') throw new Error('runMigrations needs a database made by createDb (on a pool)');
  const client = await pool.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${LOCK})`);
    try {
      await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${LOCK})`);
    }
  } catch (err) {
    // A connection left in an unknown state (or still holding the lock) is closed, not reused.
    client.release(err instanceof Error ? err : new Error(String(err)));
    throw err;
  }
  client.release();
}
