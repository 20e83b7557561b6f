import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as decisionsAtom from '@/app/api/v1/decisions.atom/route';
import * as decisionsCsv from '@/app/api/v1/decisions.csv/route';
import * as decisionsGeojson from '@/app/api/v1/decisions.geojson/route';
import * as oneDecision from '@/app/api/v1/decisions/[reference]/route';
import * as decisions from '@/app/api/v1/decisions/route';
import * as openapi from '@/app/api/v1/openapi.json/route';
import * as verify from '@/app/api/v1/register/verify/route';
import * as siteAtom from '@/app/api/v1/sites/[id]/decisions.atom/route';
import { seedDemo } from '@/db/seed';
import { decisionListSchema } from '@/lib/open-data/schemas';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { internalValues, leaksIn } from './support/leak';

/**
 * Nothing internal in any open-data answer (DOMAIN.md rule 7), on the fully seeded demo:
 * every format, every entry, every site's feed, searched for every internal value the
 * database holds (tests/support/leak.ts, the list tests/leak.test.ts uses on the read models).
 */

type Route = { GET: (request: Request, context: never) => Promise<Response> };
const get = async (route: Route, path: string, params: Record<string, string> = {}) => {
  const response = await route.GET(new Request(`http://vigie.test${path}`), { params: Promise.resolve(params) } as never);
  expect(response.status, path).toBe(200);
  return response.text();
};

describe.each(BACKENDS)('nothing internal in the open data on %s', (backend) => {
  let t: TestDatabase;
  let internal: string[];
  beforeAll(async () => {
    vi.stubEnv('APP_URL', '');
    t = await createTestDatabase(backend);
    await seedDemo(t.db);
    internal = await internalValues(t);
    (globalThis as { vigieDb?: unknown }).vigieDb = { db: t.db, pool: t.pool };
  }, 120_000);
  afterAll(async () => {
    (globalThis as { vigieDb?: unknown }).vigieDb = undefined;
    vi.unstubAllEnvs();
    await t.close();
  });

  it('finds no internal value in any format, entry or feed, and the seeded chain verifies', async () => {
    expect(internal.length).toBeGreaterThan(30);
    const texts: [string, string][] = [];
    const list = await get(decisions, '/api/v1/decisions?limit=500');
    texts.push(['list', list]);
    const { items, nextCursor } = decisionListSchema.parse(JSON.parse(list));
    expect(nextCursor).toBeNull();
    expect(items.length).toBeGreaterThan(10);
    for (const e of items) texts.push([e.reference, await get(oneDecision, `/api/v1/decisions/${e.reference}`, { reference: e.reference })]);
    for (const id of new Set(items.map((e) => e.site.id))) texts.push([`site ${id}`, await get(siteAtom, `/api/v1/sites/${id}/decisions.atom`, { id })]);
    texts.push(['csv', await get(decisionsCsv, '/api/v1/decisions.csv')]);
    texts.push(['geojson', await get(decisionsGeojson, '/api/v1/decisions.geojson')]);
    texts.push(['atom', await get(decisionsAtom, '/api/v1/decisions.atom')]);
    texts.push(['openapi', await get(openapi, '/api/v1/openapi.json')]);
    const verdict = await get(verify, '/api/v1/register/verify');
    expect(JSON.parse(verdict)).toMatchObject({ ok: true, length: items.length });
    expect(texts.flatMap(([where, text]) => leaksIn(text, internal).map((leak) => `${where}: ${leak}`))).toEqual([]);
  });
});
