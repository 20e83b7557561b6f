import crypto from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDb, createPool } from '@/db/client';
import { runMigrations } from '@/db/migrate';

/**
 * Several instances starting at once on a fresh database (`npm start` migrates first,
 * docs/multi-instance.md): they take turns under an advisory lock, and all of them start.
 * Without the lock, one of two failed on "type … already exists".
 */
describe.skipIf(!process.env.DATABASE_URL)('migrations run by several instances at once on postgres', () => {
  it('all succeed, and the schema is applied once', async () => {
    const admin = new URL(process.env.DATABASE_URL!);
    const name = `vigie_test_${crypto.randomBytes(6).toString('hex')}`;
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    const own = new URL(admin);
    own.pathname = `/${name}`;
    const pools = [0, 1, 2].map(() => createPool(own.toString(), { max: 2 }));
    try {
      const results = await Promise.allSettled(pools.map((pool) => runMigrations(createDb(pool))));
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok']);
      const { rows } = await pools[0]!.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
      const journal = (await import('@/db/migrations/meta/_journal.json')).default as { entries: unknown[] };
      expect(rows[0]!.n).toBe(journal.entries.length);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    }
  }, 120_000);
});
