import pg from 'pg';
import { createDb, createPool, type Database } from '@/db/client';
import { startEmbeddedServer, type EmbeddedServer } from '@/db/embedded';
import { createFreshDatabase } from '@/db/fresh-database';
import { runMigrations } from '@/db/migrate';

/**
 * Integration tests run on the embedded PostgreSQL always, and also on a real
 * PostgreSQL when DATABASE_URL is set (`.ci/run` does). Each test file gets a fresh,
 * migrated database of its own: an in-memory PGlite, or a new database on the server.
 */
export type Backend = 'embedded' | 'postgres';
export const BACKENDS: Backend[] = process.env.DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];

export interface TestDatabase {
  backend: Backend;
  db: Database;
  url: string;
  pool: pg.Pool;
  close(): Promise<void>;
}

export async function createTestDatabase(backend: Backend): Promise<TestDatabase> {
  let url: string;
  let cleanup: () => Promise<void>;
  let max: number;
  if (backend === 'embedded') {
    const server: EmbeddedServer = await startEmbeddedServer({ dataDir: 'memory://', env: {} });
    url = server.url;
    max = 1;
    cleanup = () => server.stop();
  } else {
    const fresh = await createFreshDatabase(process.env.DATABASE_URL!, 'vigie_test');
    url = fresh.url;
    max = 5;
    cleanup = fresh.drop;
  }
  const pool = createPool(url, { max });
  const db = createDb(pool);
  await runMigrations(db);
  return {
    backend,
    db,
    url,
    pool,
    async close() {
      if (!pool.ended) await pool.end();
      await cleanup();
    },
  };
}
