import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, createPool } from '@/db/client';
import { createFreshDatabase, type FreshDatabase } from '@/db/fresh-database';
import { MIGRATIONS_FOLDER, runMigrations } from '@/db/migrate';
import { BACKENDS } from './support/db';

/**
 * Several instances starting at once each run the migrations (`npm start` migrates before
 * serving): on one fresh database they must all succeed, each migration applied once.
 * PostgreSQL only: the embedded database is opened by one process (every other test file
 * migrates it through the same function).
 */
describe.skipIf(!BACKENDS.includes('postgres'))('migrations started by several instances at once (PostgreSQL only: one process opens the embedded database)', () => {
  let fresh: FreshDatabase;
  let url: string;
  beforeAll(async () => {
    fresh = await createFreshDatabase(process.env.DATABASE_URL!, 'vigie_test');
    url = fresh.url;
  });
  afterAll(() => fresh.drop());

  it('applies each migration once however many run together (drizzle alone would fail: it takes no lock)', async () => {
    const pools = Array.from({ length: 4 }, () => createPool(url, { max: 2 }));
    try {
      const results = await Promise.allSettled(pools.map((pool) => runMigrations(createDb(pool))));
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok', 'ok']);
      const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
      const applied = await pools[0]!.query('SELECT count(*)::int AS n, count(DISTINCT hash)::int AS distinct_n FROM drizzle.__drizzle_migrations');
      expect(applied.rows[0]).toEqual({ n: journal.entries.length, distinct_n: journal.entries.length });
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });

  it('waits while another run holds the lock, then finds nothing left to do', async () => {
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    const pool = createPool(url, { max: 1 });
    try {
      await holder.query(`SELECT pg_advisory_lock(hashtextextended('vigie:migrations', 0))`);
      let done = false;
      const run = runMigrations(createDb(pool)).then(() => {
        done = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(done).toBe(false);
      await holder.query(`SELECT pg_advisory_unlock(hashtextextended('vigie:migrations', 0))`);
      await run;
      expect(done).toBe(true);
      // The lock is released after the run: another session can take it at once.
      const free = await holder.query(`SELECT pg_try_advisory_lock(hashtextextended('vigie:migrations', 0)) AS got`);
      expect(free.rows[0]).toEqual({ got: true });
    } finally {
      await holder.end();
      await pool.end();
    }
  });
});
