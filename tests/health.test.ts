import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/db';

/** The route handler itself, loaded fresh so it reads the environment given here. */
async function healthWith(databaseUrl: string) {
  vi.resetModules();
  vi.stubEnv('DATABASE_URL', databaseUrl);
  (globalThis as { vigieDb?: unknown }).vigieDb = undefined;
  const { GET } = await import('@/app/api/health/route');
  return GET();
}

describe('GET /api/health', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('embedded');
  });
  afterEach(async () => {
    const cached = (globalThis as { vigieDb?: { pool: { end(): Promise<void> } } }).vigieDb;
    await cached?.pool.end();
    (globalThis as { vigieDb?: unknown }).vigieDb = undefined;
    vi.unstubAllEnvs();
  });
  afterAll(() => t.close());

  it('answers 200 {"status":"ok"} when the database answers', async () => {
    // The test's own pool holds the embedded server's one session: free it for the route.
    await t.pool.end();
    const response = await healthWith(t.url);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 when the database does not', async () => {
    const response = await healthWith('postgresql://postgres@127.0.0.1:1/nothing');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable' });
  });
});
