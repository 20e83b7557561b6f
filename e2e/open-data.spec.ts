import { createHash } from 'node:crypto';
import { expect, test, type APIResponse } from '@playwright/test';
import { canonicalize } from 'json-canonicalize';

/**
 * A reuser of the open data, against the running demo: each format with its content
 * type, the licence, CORS, validators (ETag → 304), and the chain rechecked both by the
 * server and here, from the served JSON, without the app's code.
 */

const LICENCE_LINK = '<https://www.etalab.gouv.fr/licence-ouverte-open-licence/>; rel="license"';

const FORMATS = [
  { path: '/api/v1/decisions', type: /^application\/json/ },
  { path: '/api/v1/decisions.csv', type: /^text\/csv; charset=utf-8$/ },
  { path: '/api/v1/decisions.geojson', type: /^application\/geo\+json$/ },
  { path: '/api/v1/decisions.atom', type: /^application\/atom\+xml; charset=utf-8$/ },
  { path: '/api/v1/openapi.json', type: /^application\/json/ },
];

function expectOpenDataHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers['access-control-allow-origin']).toBe('*');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['link']).toContain(LICENCE_LINK);
  // The app's security headers hold here too.
  expect(headers['x-frame-options']).toBe('DENY');
}

test('every format answers without signing in, with its type, the licence, CORS and a validator that gives 304', async ({ request }) => {
  for (const { path, type } of FORMATS) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toMatch(type);
    expectOpenDataHeaders(response);
    expect(response.headers()['cache-control'], path).toBe('public, max-age=0, must-revalidate');
    const etag = response.headers()['etag'];
    expect(etag, path).toMatch(/^"[\w-]+"$/);
    const again = await request.get(path, { headers: { 'If-None-Match': etag! } });
    expect(again.status(), path).toBe(304);
    expect(again.headers()['etag']).toBe(etag);
  }
  // The CSV downloads as a file, and starts with the byte order mark spreadsheets need.
  const csv = await request.get('/api/v1/decisions.csv');
  expect(csv.headers()['content-disposition']).toBe('attachment; filename="registre-des-avis.csv"');
  expect([...(await csv.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
});

test('a CORS preflight is answered, and a page of another origin can read the data', async ({ request, page, baseURL }) => {
  const preflight = await request.fetch('/api/v1/decisions', {
    method: 'OPTIONS',
    headers: { Origin: 'https://reutilisateur.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()['access-control-allow-origin']).toBe('*');
  expect(preflight.headers()['access-control-allow-methods']).toContain('GET');
  expect(preflight.headers()['access-control-allow-headers']).toContain('If-None-Match');

  // A browser page with another origin (here an opaque one) fetches it, If-None-Match included (a preflighted header).
  const url = new URL('/api/v1/decisions?limit=1', baseURL).toString();
  await page.setContent('<title>Réutilisateur</title><p>Ailleurs</p>');
  const result = await page.evaluate(async (address) => {
    const response = await fetch(address, { headers: { 'If-None-Match': '"not-this-one"' } });
    const body = (await response.json()) as { items: { reference: string }[] };
    return { status: response.status, etag: response.headers.get('ETag'), first: body.items[0]?.reference ?? null };
  }, url);
  expect(result.status).toBe(200);
  expect(result.etag).toMatch(/^"[\w-]+"$/);
  expect(result.first).toMatch(/^CE-\d{4}-\d{3,}$/);
});

test('each served entry rechecks with a standard JCS and SHA-256, and the server’s own check agrees', async ({ request }) => {
  const items: Record<string, unknown>[] = [];
  let next: string | null = '/api/v1/decisions?limit=2';
  while (next) {
    const page = (await (await request.get(next)).json()) as { items: Record<string, unknown>[]; links: { next: string | null }; licence: { id: string } };
    expect(page.licence.id).toBe('etalab-2.0');
    items.push(...page.items);
    next = page.links.next;
  }
  // The demo publishes three decisions; other journeys may have added more.
  expect(items.length).toBeGreaterThanOrEqual(3);
  const ascending = [...items].reverse();
  let previous = '0'.repeat(64);
  for (const item of ascending) {
    // The hash rule: every field but `hash` and the serve-time follow-up (authorisation, conditions), which is never sealed.
    const { hash, authorisation: _authorisation, landlordDecision: _landlord, cameras: _cameras, conditionsFollowUp: _conditions, ...rest } = item;
    expect(createHash('sha256').update(canonicalize(rest), 'utf8').digest('hex'), String(item.reference)).toBe(hash);
    expect(item.previousHash).toBe(previous);
    previous = hash as string;
  }
  const verify = await request.get('/api/v1/register/verify');
  expect(verify.status()).toBe(200);
  expect(verify.headers()['cache-control']).toBe('no-store');
  expectOpenDataHeaders(verify);
  expect(await verify.json()).toEqual({ ok: true, length: ascending.length, head: previous });

  // One entry by its reference; a bad parameter is a 400 in JSON, an unknown reference a 404.
  const reference = String(items[0]!.reference);
  const one = await request.get(`/api/v1/decisions/${reference}`);
  expect(one.status()).toBe(200);
  expect(await one.json()).toEqual(items[0]);
  const bad = await request.get('/api/v1/decisions?limit=1e9&cursor=NaN');
  expect(bad.status()).toBe(400);
  expect(bad.headers()['content-type']).toMatch(/^application\/json/);
  expect(((await bad.json()) as { error: { code: string; fieldErrors: Record<string, string> } }).error).toMatchObject({ code: 'invalid:query', fieldErrors: { limit: expect.any(String), cursor: expect.any(String) } });
  const missing = await request.get('/api/v1/decisions/CE-1999-001');
  expect(missing.status()).toBe(404);
  expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
});

test('the Atom feeds and the GeoJSON are well formed, and state the licence', async ({ request, page }) => {
  const atom = await (await request.get('/api/v1/decisions.atom')).text();
  await page.setContent('<title>Analyse</title>');
  // The browser's own XML parser: a parse error would show as <parsererror>.
  const parsed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const ns = 'http://www.w3.org/2005/Atom';
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      rights: doc.getElementsByTagNameNS(ns, 'rights')[0]?.textContent ?? '',
      links: [...doc.getElementsByTagNameNS(ns, 'entry')].map((e) => e.getElementsByTagNameNS(ns, 'link')[0]?.getAttribute('href') ?? ''),
    };
  }, atom);
  expect(parsed.error).toBe(false);
  expect(parsed.rights).toContain('Licence Ouverte / Open Licence version 2.0');
  expect(parsed.links.length).toBeGreaterThanOrEqual(3);
  for (const link of parsed.links) expect(new URL(link).pathname).toMatch(/^\/registre\/CE-\d{4}-\d{3,}$/);

  const geo = (await (await request.get('/api/v1/decisions.geojson')).json()) as {
    type: string;
    licence: { id: string };
    features: { type: string; geometry: { type: string; coordinates: number[] }; properties: { kind: 'site' | 'camera'; camerasAuthorised?: number; feed?: string; man_made?: string } }[];
  };
  expect(geo.type).toBe('FeatureCollection');
  expect(geo.licence.id).toBe('etalab-2.0');
  expect(geo.features.length).toBeGreaterThanOrEqual(1);
  for (const f of geo.features) {
    expect(f.geometry.type).toBe('Point');
    // Only camera points carry OpenStreetMap's camera tags; a site point is not a camera.
    expect(f.properties.man_made === 'surveillance').toBe(f.properties.kind === 'camera');
    if (f.properties.kind !== 'site') continue;
    // Each site's own feed answers too.
    const site = await request.get(new URL(f.properties.feed!).pathname);
    expect(site.status()).toBe(200);
    expect(site.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  }
});
