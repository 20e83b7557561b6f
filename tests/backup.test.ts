import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, createPool } from '@/db/client';
import { startEmbeddedServer } from '@/db/embedded';
import { createFreshDatabase } from '@/db/fresh-database';
import { runMigrations } from '@/db/migrate';
import { seedDemo } from '@/db/seed';
import { verifyRegister } from '@/lib/open-data/verify';
import { BACKENDS, type Backend } from './support/db';

/**
 * `npm run db:backup` then `npm run db:restore` into an empty database, through the very
 * commands the README gives, on both databases: the same rows in every table, the same
 * register head, the migrations journal, and the register's triggers still on guard.
 */
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-backup-'));

async function cli(command: 'backup' | 'restore', file: string, env: Record<string, string>) {
  try {
    const { stdout } = await run('npx', ['tsx', 'scripts/backup.ts', command, file], { cwd: root, env: { ...process.env, DATABASE_URL: '', ...env } });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: `${e.stdout}${e.stderr}` };
  }
}

interface Snapshot {
  counts: Record<string, number>;
  head: string | null;
  triggers: string[];
}

/** Row counts of every table in every schema of ours (the migrations journal included), the register head, the triggers. */
async function snapshot(url: string): Promise<Snapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) AS name FROM pg_tables
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${name}`)).rows[0]!.n);
    const head = (await client.query<{ hash: string }>('SELECT hash FROM register_entries ORDER BY sequence DESC LIMIT 1')).rows[0]?.hash ?? null;
    const triggers = (await client.query<{ t: string }>(`SELECT tgrelid::regclass || ':' || tgname AS t FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1`)).rows.map((r) => r.t);
    return { counts, head, triggers };
  } finally {
    await client.end();
  }
}

/** The restored database still answers for its register: the chain verifies and the append-only trigger refuses a change. */
async function checkRegister(url: string, max: number, head: string | null) {
  const pool = createPool(url, { max });
  try {
    const db = createDb(pool);
    const verdict = await verifyRegister(db);
    expect(verdict).toMatchObject({ ok: true, head });
    await expect(pool.query(`UPDATE register_entries SET previous_hash = hash WHERE sequence = 1`)).rejects.toThrow(/append-only/);
    await expect(pool.query('DELETE FROM register_entries')).rejects.toThrow(/append-only/);
  } finally {
    await pool.end();
  }
}

/** A database the way a backend gives one: for the embedded, a data folder opened only while `use` runs. */
interface Target {
  env: Record<string, string>;
  use<T>(fn: (url: string, max: number) => Promise<T>): Promise<T>;
  drop(): Promise<void>;
}

async function newTarget(backend: Backend): Promise<Target> {
  if (backend === 'embedded') {
    const dataDir = fs.mkdtempSync(path.join(tmp, 'data-'));
    return {
      env: { VIGIE_DATA_DIR: dataDir },
      async use(fn) {
        const server = await startEmbeddedServer({ dataDir, env: {} });
        try {
          return await fn(server.url, 1);
        } finally {
          await server.stop();
        }
      },
      async drop() {
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const fresh = await createFreshDatabase(process.env.DATABASE_URL!, 'vigie_backup');
  return { env: { DATABASE_URL: fresh.url }, use: (fn) => fn(fresh.url, 5), drop: fresh.drop };
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe.each(BACKENDS)('backup and restore on %s', (backend) => {
  let source: Target;
  let restored: Target;
  let before: Snapshot;
  const file = path.join(tmp, `${backend}.backup`);

  beforeAll(async () => {
    source = await newTarget(backend);
    restored = await newTarget(backend);
    before = await source.use(async (url, max) => {
      const pool = createPool(url, { max });
      try {
        const db = createDb(pool);
        await runMigrations(db);
        expect(await seedDemo(db)).toBe(true);
      } finally {
        await pool.end();
      }
      return snapshot(url);
    });
  }, 120_000);
  afterAll(async () => {
    await source?.drop();
    await restored?.drop();
  });

  it('backs up, then restores into an empty database with the same rows, register head, journal and triggers', async () => {
    expect(before.head).toMatch(/^[0-9a-f]{64}$/);
    expect(before.counts['drizzle.__drizzle_migrations']).toBeGreaterThan(0);
    expect(before.counts['public.register_entries']).toBeGreaterThan(0);
    expect(before.triggers).toEqual(expect.arrayContaining(['register_entries:register_append_only', 'register_entries:register_chain']));

    const backedUp = await cli('backup', file, source.env);
    expect(backedUp.out).toMatch(/backed up/);
    expect(backedUp.code).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(0);

    const back = await cli('restore', file, restored.env);
    expect(back.out).toMatch(/restored/);
    expect(back.code).toBe(0);

    const after = await restored.use(async (url, max) => {
      await checkRegister(url, max, before.head);
      return snapshot(url);
    });
    expect(after).toEqual(before);
  }, 120_000);

  it('refuses to restore into a database that is not empty, and leaves it as it was', async () => {
    const again = await cli('restore', file, source.env);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/not empty|already holds a database/);
    expect(await source.use((url) => snapshot(url))).toEqual(before);
  }, 60_000);

  it('refuses to overwrite an existing backup file', async () => {
    const again = await cli('backup', file, source.env);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/already exists/);
  }, 60_000);
});
