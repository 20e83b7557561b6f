import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, signIn } from './support';

/**
 * Hostile input over HTTP (issue 9, part 4): every public page and endpoint, with
 * malformed percent-encoding in the path and the query, NUL, huge query strings,
 * right-to-left and zero-width characters, script, SQL, negative / NaN numbers and
 * impossible dates; then the staff forms, posted as a browser without JavaScript posts
 * them (multipart, the action's hidden fields, the app's own Origin), with hostile bodies.
 * Every answer is a 4xx or a normal page; never a 5xx, never the script echoed unescaped.
 */

const tally = { requests: 0, serverErrors: [] as string[], changes: 0 };

/** Percent-encoded as sent on the wire: most of them are not valid UTF-8 once decoded. */
/** Percent-encodings that decode to nothing (a stray "%", a cut or overlong UTF-8 sequence). */
const MALFORMED = ['%', '%E0%A4%A', '%ZZ', '%C0%AF', '%FF%FE'];
const HOSTILE_SEGMENTS = [
  ...MALFORMED,
  '%00',
  '..%2F..%2Fetc%2Fpasswd',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  "'%20OR%201%3D1--",
  '%E2%80%AEtxt.exe',
  '%E2%80%8B',
  '-1',
  'NaN',
  'Infinity',
  '1e308',
  '99999',
  '0000',
  '2026-02-30',
  'CE-2026-000%00',
  'x'.repeat(4000),
];
const HOSTILE_VALUES = [...HOSTILE_SEGMENTS, '', '%2500', '48.8846%2C2.2385', '-0', '0x1F', '2026-13-01'];
/** Every query parameter a public page or endpoint reads, and a few it does not. */
const QUERY_KEYS = ['q', 'site', 'outcome', 'year', 'landlord', 'cursor', 'limit', 'page', 'retour', 'erreur', 'ok', 'format', 'lang', 'callbackUrl'];

const PAGES = ['/', '/accessibilite', '/carte', '/donnees-personnelles', '/etat', '/rapport', '/registre', '/connexion'];
const ENDPOINTS = [
  '/api/health',
  '/api/v1/decisions',
  '/api/v1/decisions.atom',
  '/api/v1/decisions.csv',
  '/api/v1/decisions.geojson',
  '/api/v1/openapi.json',
  '/api/v1/register/verify',
];
/** Routes with a segment of their own: the segment is the hostile part. */
const DYNAMIC = ['/rapport/{}', '/registre/{}', '/registre/{}/question', '/registre/sites/{}', '/api/v1/decisions/{}', '/api/v1/sites/{}/decisions.atom', '/api/v1/{}', '/{}'];
/**
 * Staff and next-auth addresses: Next (and next-auth) fail on an undecodable one with a
 * 500, so proxy.ts answers them first (404 page, or a 400 for /api).
 */
const STAFF_AND_AUTH = ['/espace/{}', '/espace/propositions/{}', '/api/auth/{}', '/api/auth/signin/{}'];

async function check(request: APIRequestContext, url: string, init?: Parameters<APIRequestContext['fetch']>[1]): Promise<APIResponse> {
  tally.requests += 1;
  const response = await request.fetch(url, { maxRedirects: 0, failOnStatusCode: false, ...init });
  if (response.status() >= 500) tally.serverErrors.push(`${init?.method ?? 'GET'} ${url.slice(0, 200)} → ${response.status()}`);
  const type = response.headers()['content-type'] ?? '';
  if (/html|xml|json|csv/.test(type)) {
    const body = await response.text();
    // Echoed, the script must come back escaped (React, the feed and the JSON writers escape it).
    expect(body, `${url.slice(0, 200)} echoes a script`).not.toContain('<script>alert(1)</script>');
  }
  return response;
}

function query(value: string): string {
  return QUERY_KEYS.map((k) => `${k}=${value}`).join('&');
}

test.afterAll(() => {
  console.log(`[http] ${tally.requests} hostile inputs, ${tally.serverErrors.length} server errors, ${tally.changes} changes`);
});

test('public pages and endpoints answer hostile query strings with a 4xx or a normal page', async ({ request }) => {
  test.setTimeout(600_000);
  const before = tally.serverErrors.length;
  for (const path of [...PAGES, ...ENDPOINTS]) {
    for (const value of HOSTILE_VALUES) await check(request, `${path}?${query(value)}`);
    // A parameter given twice, a key that is itself hostile, a huge query string.
    await check(request, `${path}?year=2025&year=%00&%E0%A4%A=1&%00=%00`);
    await check(request, `${path}?q=${'%F0%9F%92%A9'.repeat(1500)}`);
    const huge = await check(request, `${path}?q=${'a'.repeat(40_000)}`);
    expect(huge.status(), `${path} with a 40 kB query`).toBeLessThan(500);
  }
  expect(tally.serverErrors.slice(before)).toEqual([]);
});

test('public routes answer hostile path segments with a 4xx or a normal page', async ({ request }) => {
  test.setTimeout(600_000);
  const before = tally.serverErrors.length;
  for (const route of DYNAMIC) {
    for (const segment of HOSTILE_SEGMENTS) {
      await check(request, route.replace('{}', segment));
    }
  }
  expect(tally.serverErrors.slice(before)).toEqual([]);
});

test('a malformed filter gets a clear, translated message, on the page and in the API', async ({ request }) => {
  const page = await check(request, '/registre?year=NaN');
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain('L’année doit être un nombre entre 2000 et 2100.');
  const english = await check(request, '/registre?limit=-1', { headers: { 'Accept-Language': 'en', Cookie: 'NEXT_LOCALE=en' } });
  expect(english.status()).toBeLessThan(500);
  const api = await check(request, '/api/v1/decisions?year=2026-02-30');
  expect(api.status()).toBe(400);
  const body = (await api.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('invalid:query');
  expect(body.error.message.length).toBeGreaterThan(10);
  const search = await check(request, `/registre?q=${encodeURIComponent("'; DROP TABLE register_entries; --")}`);
  expect(search.status()).toBe(200);
  const nul = await check(request, '/api/v1/decisions?q=a%00b&landlord=%00');
  expect(nul.status()).toBe(200);
  // The register still verifies: nothing above changed it.
  const verify = await check(request, '/api/v1/register/verify');
  expect(verify.status()).toBe(200);
  const report = await check(request, '/rapport/99999');
  expect(report.status()).toBe(404);
  expect(await report.text()).toContain('Page introuvable');
});

test('the language switch takes hostile locales and referers without an error', async ({ request, baseURL }) => {
  for (const locale of ['%00', 'xx', '<script>', 'fr'.repeat(5000), '']) {
    for (const referer of [`${baseURL}/registre?q=%E0%A4%A`, `${baseURL}/%`, 'not a url', `${baseURL}/registre?retour=%C3%A9`]) {
      const response = await check(request, '/langue', { method: 'POST', form: { locale }, headers: { Origin: baseURL!, Referer: referer } });
      expect(response.status()).toBe(303);
      expect(response.headers().location ?? '').toMatch(/^\//);
    }
  }
  const notForm = await check(request, '/langue', { method: 'POST', data: Buffer.from([0xff, 0xfe, 0x00]), headers: { Origin: baseURL!, 'Content-Type': 'multipart/form-data; boundary=x' } });
  expect(notForm.status()).toBeLessThan(500);
});

/** The hidden inputs of the form holding `field`: the server action's id and state, as React rendered them. */
function actionFields(html: string, field: string): Record<string, string> {
  const forms = html.match(/<form[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((f) => f.includes(`name="${field}"`));
  expect(form, `a form with a ${field} field`).toBeTruthy();
  const out: Record<string, string> = {};
  for (const input of form!.match(/<input[^>]*>/g) ?? []) {
    const name = /name="([^"]*)"/.exec(input)?.[1];
    if (!name?.startsWith('$ACTION')) continue;
    out[decode(name)] = decode(/value="([^"]*)"/.exec(input)?.[1] ?? '');
  }
  expect(Object.keys(out).length, 'the action fields').toBeGreaterThan(0);
  return out;
}

function decode(html: string): string {
  return html.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const SITE_BODIES: Record<string, string>[] = [
  { name: 'Résidence\u0000NUL', address: '1 rue du Test', landlord: 'Bailleur', dwellings: '10', latitude: '48.88', longitude: '2.23' },
  { name: 'Résidence', address: '1 rue du Test', landlord: 'Bailleur', dwellings: 'NaN', latitude: '91', longitude: 'Infinity' },
  { name: 'Résidence', address: '1 rue du Test', landlord: 'Bailleur\u0001', dwellings: '-1', latitude: '1e308', longitude: '-181' },
  { name: 'x'.repeat(900_000), address: '<script>alert(1)</script>', landlord: "'; DROP TABLE sites; --", dwellings: '1e3', latitude: '0x1F', longitude: '' },
  { name: '', address: '', landlord: '', dwellings: '', latitude: '', longitude: '' },
];

test('the staff forms, posted without JavaScript with hostile bodies, show the error summary and change nothing', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  await signIn(page, DEMO.admin);
  const sitesBefore = await (await page.request.get('/api/v1/decisions.geojson')).text();
  const html = await (await page.request.get('/espace/admin/sites')).text();
  const countBefore = (html.match(/\/espace\/admin\/sites\/[0-9a-f-]{36}/g) ?? []).length;
  const action = actionFields(html, 'dwellings');
  const before = tally.serverErrors.length;
  for (const body of SITE_BODIES) {
    const response = await check(page.request, '/espace/admin/sites', { method: 'POST', multipart: { ...action, ...body }, headers: { Origin: baseURL! } });
    expect(response.status(), JSON.stringify(body).slice(0, 120)).toBeLessThan(500);
    const answer = await response.text();
    expect(answer).toMatch(/Le formulaire contient \d+ erreurs?/);
  }
  // A field of the wrong shape: a file where text is due, a field given twice.
  const file = { name: 'x.txt', mimeType: 'text/plain', buffer: Buffer.from('\u0000\u0001') };
  const odd = await check(page.request, '/espace/admin/sites', { method: 'POST', multipart: { ...action, ...SITE_BODIES[0], name: file }, headers: { Origin: baseURL! } });
  expect(odd.status()).toBeLessThan(500);

  // Changing one's password: a NUL, a mismatch, 1 MB.
  const account = await (await page.request.get('/espace/compte')).text();
  const passwordAction = actionFields(account, 'newPassword');
  for (const body of [
    { currentPassword: 'demo-vigie-2026', newPassword: 'abc\u0000defghijklmnop', confirmPassword: 'autre chose encore' },
    { currentPassword: '\u0000', newPassword: 'x'.repeat(900_000), confirmPassword: 'x' },
  ]) {
    const response = await check(page.request, '/espace/compte', { method: 'POST', multipart: { ...passwordAction, ...body }, headers: { Origin: baseURL! } });
    expect(response.status()).toBeLessThan(500);
    expect(await response.text()).toMatch(/Le formulaire contient \d+ erreurs?/);
  }

  // A one-button step with a hostile id: back to the list with a message, never a crash.
  const list = await (await page.request.get('/espace/admin/sites')).text();
  const archiveForm = (list.match(/<form[\s\S]*?<\/form>/g) ?? []).find((f) => f.includes('name="siteId"'));
  if (archiveForm) {
    const archive = actionFields(archiveForm, 'siteId');
    for (const siteId of ['%00', "' OR 1=1 --", '00000000-0000-0000-0000-000000000000', 'x'.repeat(100_000)]) {
      const response = await check(page.request, '/espace/admin/sites', { method: 'POST', multipart: { ...archive, siteId }, headers: { Origin: baseURL! } });
      expect(response.status()).toBeLessThan(500);
    }
  }

  // Nothing was created or changed.
  const after = await (await page.request.get('/espace/admin/sites')).text();
  const countAfter = (after.match(/\/espace\/admin\/sites\/[0-9a-f-]{36}/g) ?? []).length;
  const sitesAfter = await (await page.request.get('/api/v1/decisions.geojson')).text();
  tally.changes += Number(countAfter !== countBefore) + Number(sitesAfter !== sitesBefore);
  expect(countAfter).toBe(countBefore);
  expect(sitesAfter).toBe(sitesBefore);
  expect(tally.serverErrors.slice(before)).toEqual([]);
});

test('undecodable URLs, non-ASCII return paths, oversized and cross-origin form posts: 4xx, never a 500', async ({ request, page, baseURL }) => {
  test.setTimeout(300_000);
  const before = tally.serverErrors.length;
  const requestsBefore = tally.requests;
  // Signed in: an undecodable staff URL, then a sign-in whose return path is not ASCII.
  await signIn(page, DEMO.admin);
  for (const segment of MALFORMED) await check(page.request, `/espace/${segment}`);
  for (const segment of MALFORMED) await check(page.request, `/espace/admin/sites/${segment}`);
  // Signed in, the sign-in page sends one on to the return path: here one that is not ASCII.
  for (const back of ['%2Fespace%2F%C3%A9t%C3%A9', '%C3%A9', '%E0%A4%A']) await check(page.request, `/connexion?retour=${back}`);
  // A form body over the server actions' 1 MB limit (Next alone answers 500 "Body exceeded
  // 1 MB limit": the proxy answers 413), and a cross-origin post of a staff form (Next alone
  // answers 500 "Invalid Server Actions request": the proxy answers 403).
  const html = await (await page.request.get('/espace/admin/sites')).text();
  const action = actionFields(html, 'dwellings');
  const oversized = await check(page.request, '/espace/admin/sites', { method: 'POST', multipart: { ...action, name: 'x'.repeat(1_100_000) }, headers: { Origin: baseURL! } });
  expect(oversized.status()).toBe(413);
  const crossOrigin = await check(page.request, '/espace/admin/sites', { method: 'POST', multipart: { ...action, ...SITE_BODIES[1] }, headers: { Origin: 'https://evil.example' } });
  // Leave the staff page first: its link prefetches still in flight would bring a renewed
  // session cookie back after the clearing (seen once in CI: signed in again on arrival).
  await page.goto('about:blank');
  await page.context().clearCookies();
  const statuses: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 500) statuses.push(`${r.request().method()} ${r.url()} → ${r.status()}`);
  });
  await page.goto('/connexion?retour=%2Fespace%2F%C3%A9t%C3%A9');
  await page.getByLabel('Adresse électronique').fill(DEMO.admin);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await page.waitForLoadState('networkidle');
  tally.requests += 1;
  tally.serverErrors.push(...statuses);
  for (const route of STAFF_AND_AUTH) {
    for (const segment of HOSTILE_SEGMENTS) await check(request, route.replace('{}', segment));
  }
  for (const back of ['%C3%A9', '/espace/%C3%A9t%C3%A9', '%E0%A4%A', '/espace?x=%', '%00', '//evil.example', '/\\evil.example']) await check(request, `/connexion?retour=${back}`);
  console.log(`[http, addresses and posts] ${tally.requests - requestsBefore} hostile inputs, ${tally.serverErrors.length - before} server errors`);
  expect(tally.serverErrors.slice(before)).toEqual([]);
  // Refused as forbidden, like any other cross-site request.
  expect(crossOrigin.status()).toBe(403);
});
