import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';
import type { Database } from './client';

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Applies the committed migrations (idempotent). Called by scripts, never at import time.
 *
 * Several instances starting at once on one database (`npm start` migrates first) take
 * turns under a PostgreSQL advisory lock: without it, two of them apply the same pending
 * migration together and one fails ("type … already exists") and does not start. The lock
 * is a session lock, so the migrations run on the very connection that holds it (taken
 * from the pool and given back after; the embedded database's pool has only that one).
 */
export async function runMigrations(db: Database): Promise<void> {
  // drizzle's handle over a pool (db/client.ts `createDb`) keeps it as `$client`.
  const pool = (db as Database & { $client?: pg.Pool }).$client;
  if (!pool || typeof pool.connect !== 'function') throw new Error('runMigrations needs a database handle made over a pg pool (db/client.ts createDb)');
  const client = await pool.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtextextended('vigie:migrations', 0))`);
    try {
      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtextextended('vigie:migrations', 0))`);
    }
  } finally {
    client.release();
  }
}
