import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, createPool } from '@/db/client';
import { acquireLock, EmbeddedDatabaseError, startEmbeddedServer } from '@/db/embedded';
import { runMigrations } from '@/db/migrate';
import { sites } from '@/db/schema';

const site = (name: string) => ({ name, address: '1 rue de Test', landlord: 'Bailleur', dwellings: 10, latitude: 48.88, longitude: 2.23 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-embedded-'));

describe('embedded PostgreSQL', () => {
  describe('served with one connection, as the app uses it', () => {
    let server: Awaited<ReturnType<typeof startEmbeddedServer>>;
    let pool: pg.Pool;
    beforeAll(async () => {
      server = await startEmbeddedServer({ dataDir: 'memory://', env: {} });
      pool = createPool(server.url, { max: 1 });
      await runMigrations(createDb(pool));
    });
    afterAll(async () => {
      await pool.end();
      await server.stop();
    });

    it('keeps two concurrent transactions isolated: neither sees the other, a rollback leaves nothing', async () => {
      const db = createDb(pool);
      await db.delete(sites);
      const seenInside: number[] = [];
      const first = db
        .transaction(async (tx) => {
          await tx.insert(sites).values(site('first'));
          await sleep(150); // the second transaction is started meanwhile
          const [row] = await tx.select({ n: count() }).from(sites);
          seenInside.push(row!.n);
          throw new Error('roll back');
        })
        .catch((e: Error) => e.message);
      const second = db.transaction(async (tx) => {
        const [before] = await tx.select({ n: count() }).from(sites);
        seenInside.push(before!.n);
        await tx.insert(sites).values(site('second'));
      });
      const [firstOutcome] = await Promise.all([first, second]);
      expect(firstOutcome).toBe('roll back');
      // The first saw only its own row; the second never saw the first's uncommitted row.
      expect(seenInside).toEqual([1, 0]);
      const names = await db.select({ name: sites.name }).from(sites);
      expect(names).toEqual([{ name: 'second' }]);
    });

    it('never lets a failed transaction leak into the next one', async () => {
      const db = createDb(pool);
      await db.delete(sites);
      await expect(
        db.transaction(async (tx) => {
          await tx.insert(sites).values(site('half-written'));
          await tx.insert(sites).values({ ...site('bad'), dwellings: null as unknown as number });
        }),
      ).rejects.toThrow();
      const rows = await db.select().from(sites).where(eq(sites.name, 'half-written'));
      expect(rows).toEqual([]);
    });

    it('recovers at once when a failed query makes the pool replace its connection', async () => {
      // pg destroys a client whose query failed and opens a new one straight away.
      await expect(pool.query('select 1/0')).rejects.toMatchObject({ code: '22012' });
      const { rows } = await pool.query('select 2 as two');
      expect(rows).toEqual([{ two: 2 }]);
    });
  });

  describe('with another client', () => {
    it('makes a second connection wait for the first to close, never sharing its session', async () => {
      const server = await startEmbeddedServer({ dataDir: 'memory://', env: {} });
      const first = new pg.Client({ connectionString: server.url });
      await first.connect();
      await first.query('BEGIN');
      await first.query('CREATE TABLE t (n int)');
      await first.query('INSERT INTO t VALUES (1)');

      const second = new pg.Client({ connectionString: server.url });
      let secondSaw: unknown = 'nothing yet';
      const secondDone = second
        .connect()
        .then(() => second.query("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 't'"))
        .then((r) => (secondSaw = r.rows[0].n));
      await sleep(300);
      expect(secondSaw).toBe('nothing yet'); // held back, not run inside the first's transaction
      await first.query('ROLLBACK');
      await first.end();
      await secondDone;
      expect(secondSaw).toBe(0); // it sees the rolled-back state, never the uncommitted table
      await second.end();
      await server.stop();
    });

    it('drops a connection that waited too long', async () => {
      const server = await startEmbeddedServer({ dataDir: 'memory://', env: {}, connectionWaitMs: 200 });
      const first = new pg.Client({ connectionString: server.url });
      await first.connect();
      const second = new pg.Client({ connectionString: server.url });
      second.on('error', () => {});
      await expect(second.connect().then(() => second.query('select 1'))).rejects.toThrow();
      await first.end();
      await server.stop();
    });
  });

  describe('in a folder', () => {
    it('keeps its data across restarts', async () => {
      const dir = tmpDir();
      const a = await startEmbeddedServer({ dataDir: dir, env: {} });
      let pool = createPool(a.url, { max: 1 });
      await runMigrations(createDb(pool));
      await createDb(pool).insert(sites).values(site('kept'));
      await pool.end();
      await a.stop();

      const b = await startEmbeddedServer({ dataDir: dir, env: {} });
      pool = createPool(b.url, { max: 1 });
      const rows = await createDb(pool).select({ name: sites.name }).from(sites);
      expect(rows).toEqual([{ name: 'kept' }]);
      await pool.end();
      await b.stop();
    });

    it('is opened by one process only: a second opener is refused while the first holds the lock', async () => {
      const dir = tmpDir();
      const first = await startEmbeddedServer({ dataDir: dir, env: {} });
      await expect(startEmbeddedServer({ dataDir: dir, env: {} })).rejects.toThrow(/already in use by process/);
      // Another live process holding it is refused the same way.
      const release = () => fs.writeFileSync(path.join(dir, 'vigie.lock'), String(process.pid));
      fs.writeFileSync(path.join(dir, 'vigie.lock'), String(process.ppid));
      await expect(startEmbeddedServer({ dataDir: dir, env: {} })).rejects.toThrow(`already in use by process ${process.ppid}`);
      release();
      await first.stop();
      expect(fs.existsSync(path.join(dir, 'vigie.lock'))).toBe(false);
    });

    it('recovers a stale lock left by a process that died', () => {
      const dir = tmpDir();
      fs.writeFileSync(path.join(dir, 'vigie.lock'), '999999999');
      const release = acquireLock(dir);
      expect(fs.readFileSync(path.join(dir, 'vigie.lock'), 'utf8')).toBe(String(process.pid));
      release();
    });

    it('is refused when NODE_ENV=production', async () => {
      const dir = tmpDir();
      await expect(startEmbeddedServer({ dataDir: dir, env: { NODE_ENV: 'production' } })).rejects.toBeInstanceOf(EmbeddedDatabaseError);
      expect(fs.existsSync(path.join(dir, 'pgdata'))).toBe(false);
    });
  });
});
