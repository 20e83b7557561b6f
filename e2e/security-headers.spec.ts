import { expect, test, type APIResponse, type Page, type Response } from '@playwright/test';
import { DEMO, signIn } from './support';

const TILES = 'https://tile.openstreetmap.org';

/** The security headers every answer carries (the e2e app is a production build). */
function expectSecurityHeaders(response: APIResponse | Response, { tiles = false } = {}): string {
  const headers = response.headers();
  const policy = headers['content-security-policy'] ?? '';
  const nonce = policy.match(/script-src 'self' 'nonce-([0-9a-f]{32})' 'strict-dynamic';/)?.[1];
  expect(nonce, `a nonce in ${policy}`).toBeTruthy();
  expect(policy).not.toContain('unsafe-eval');
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "connect-src 'self'"]) expect(policy).toContain(directive);
  expect(policy).toMatch(/form-action 'self'[;\s]/);
  expect(policy.includes(`img-src 'self' data: ${TILES}`)).toBe(tiles);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['strict-transport-security']).toBe('max-age=31536000');
  return nonce!;
}

/** Every message the browser logs about the Content-Security-Policy on this page. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) seen.push(message.text());
  });
  return seen;
}

/** The page's inline scripts ran (Next's payload is pushed by them), so the nonce let them. */
async function expectScriptsRan(page: Page) {
  expect(await page.evaluate(() => Array.isArray(Reflect.get(window, '__next_f')))).toBe(true);
}

test('public pages, a 404, the open data and the map: headers, scripts allowed by the nonce, no violation', async ({ page }) => {
  const violations = cspViolations(page);
  for (const [path, status] of [['/', 200], ['/registre', 200], ['/rapport', 200], ['/page-qui-n-existe-pas', 404]] as const) {
    const response = (await page.goto(path))!;
    expect(response.status(), path).toBe(status);
    expectSecurityHeaders(response);
    await expectScriptsRan(page);
  }
  // The map's own page allows the tiles; the header's link to it loads the page anew.
  await page.goto('/');
  await Promise.all([page.waitForEvent('load'), page.getByRole('banner').getByRole('link', { name: 'Carte', exact: true }).click()]);
  expect(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).name)).toMatch(/\/carte$/);
  await expect(page.locator('.leaflet-container')).toBeVisible();
  const map = await page.request.get('/carte', { headers: { accept: 'text/html' } });
  expectSecurityHeaders(map, { tiles: true });

  const json = await page.request.get('/api/v1/decisions');
  expect(json.headers()['content-type']).toContain('application/json');
  expectSecurityHeaders(json);
  // Static files skip the proxy: next.config.mjs gives them the same headers, without a policy.
  const icon = await page.request.get('/icon.svg');
  expect(icon.headers()['x-content-type-options']).toBe('nosniff');
  expect(icon.headers()['strict-transport-security']).toBe('max-age=31536000');
  expect(violations).toEqual([]);
});

test('the page cache gives each reader its own nonce, on every script', async ({ request, page }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const response = await request.get('/registre', { headers: { accept: 'text/html' } });
    expect(response.status()).toBe(200);
    const nonce = expectSecurityHeaders(response);
    nonces.add(nonce);
    const html = await response.text();
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    // No other nonce left anywhere in the page.
    expect([...new Set(html.match(/nonce="[^"]*"/g))]).toEqual([`nonce="${nonce}"`]);
    if (i > 0) expect(response.headers()['x-vigie-cache']).toBe('HIT');
  }
  expect(nonces.size).toBe(3);
  // And a browser runs the cached page's scripts.
  const violations = cspViolations(page);
  const response = (await page.goto('/registre'))!;
  expect(response.headers()['x-vigie-cache']).toBe('HIT');
  await expectScriptsRan(page);
  expect(violations).toEqual([]);
});

test('the staff area and its camera map: headers, the tiles allowed, no violation', async ({ page }) => {
  const violations = cspViolations(page);
  await signIn(page, DEMO.technician);
  const response = (await page.goto('/espace'))!;
  expectSecurityHeaders(response, { tiles: true });
  await expectScriptsRan(page);
  // Creating a draft leads (a client-side navigation) to its editing page, with the map.
  await page.goto('/espace/propositions/nouvelle');
  await page.getByLabel('Titre').fill('Vérification de la politique de sécurité');
  await page.getByLabel('Résidence').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Créer le brouillon' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Le brouillon a été créé' })).toBeVisible();
  await expect(page).toHaveURL(/\/modifier/);
  await expect(page.locator('.leaflet-container')).toBeVisible();
  expect(violations).toEqual([]);
});

test('the known 500s are now 4xx, with the headers', async ({ page, request }) => {
  // A malformed percent-encoding in the staff area, anonymous and signed in: the public 404.
  for (const who of ['anonymous', 'staff'] as const) {
    if (who === 'staff') await signIn(page, DEMO.admin);
    const response = await page.request.get('/espace/%E0%A4%A', { headers: { accept: 'text/html' }, maxRedirects: 0 });
    expect(response.status(), who).toBe(404);
    expectSecurityHeaders(response, { tiles: true });
    expect(await response.text()).toContain('Page introuvable');
  }
  // …and in next-auth's addresses: a 400.
  for (const path of ['/api/auth/callback/%ZZ', '/api/auth/signin?callbackUrl=%E0', '/api/auth/session?x=%']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
    expectSecurityHeaders(response);
  }
  // A non-ASCII return path: encoded in the redirect (a signed-in reader of the sign-in page)…
  const back = await page.request.get('/connexion?retour=/espace/%C3%A9t%C3%A9', { maxRedirects: 0 });
  expect(back.status()).toBe(307);
  expect(back.headers().location).toBe('/espace/%C3%A9t%C3%A9');
  expectSecurityHeaders(back, { tiles: true });
  // …and after signing in with it.
  const context = await page.context().browser()!.newContext();
  const fresh = await context.newPage();
  await fresh.goto('/connexion?retour=/espace/%C3%A9t%C3%A9');
  await fresh.getByLabel('Adresse électronique').fill(DEMO.admin);
  await fresh.getByLabel('Mot de passe').fill('demo-vigie-2026');
  await fresh.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await expect(fresh).toHaveURL(/\/espace\/%C3%A9t%C3%A9$/);
  await expect(fresh.getByRole('heading', { level: 1 })).toBeVisible();
  await context.close();
});

test('a cross-origin POST is refused and changes nothing; a same-origin one works', async ({ page, baseURL }) => {
  // A server action of the staff area posted from another site, with a real session (the
  // sign-in itself is a same-origin server action, which works).
  await signIn(page, DEMO.admin);
  const action = await page.request.post('/espace/compte', {
    headers: { origin: 'https://evil.test', 'next-action': '0'.repeat(42), 'content-type': 'text/plain;charset=UTF-8' },
    data: '[]',
    maxRedirects: 0,
  });
  expect(action.status()).toBe(403);
  expectSecurityHeaders(action, { tiles: true });

  // The one exemption: the SSO provider may answer with a form_post from its own origin.
  // next-auth then judges it (no state cookie here: back to the sign-in page with an
  // error), never the proxy's 403, and never a session.
  const formPost = await page.request.post('/api/auth/callback/ville', {
    form: { code: 'forged', state: 'forged' },
    headers: { origin: 'https://sso.example' },
    maxRedirects: 0,
  });
  expect(formPost.status()).toBe(302);
  expect(formPost.headers().location).toContain('/connexion?error=');
  expectSecurityHeaders(formPost);

  // The language switch (a route handler): refused from another site, by Origin or by Sec-Fetch-Site…
  const foreign = await page.request.post('/langue', { form: { locale: 'en' }, headers: { origin: 'https://evil.test', referer: 'https://evil.test/' }, maxRedirects: 0 });
  expect(foreign.status()).toBe(403);
  expect(foreign.headers()['set-cookie']).toBeUndefined();
  expectSecurityHeaders(foreign);
  expect(await foreign.text()).toContain('Requête refusée');
  const crossSite = await page.request.post('/langue', { form: { locale: 'en' }, headers: { 'sec-fetch-site': 'cross-site' }, maxRedirects: 0 });
  expect(crossSite.status()).toBe(403);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  // …and works from this site.
  const same = await page.request.post('/langue', { form: { locale: 'en' }, headers: { origin: baseURL!, referer: `${baseURL}/registre` }, maxRedirects: 0 });
  expect(same.status()).toBe(303);
  expect(same.headers()['set-cookie']).toContain('vigie_locale=en');
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the city SSO button still reaches the provider: the sign-in page’s form-action names it', async ({ page }) => {
    const violations = cspViolations(page);
    const response = (await page.goto('/connexion'))!;
    expect(response.headers()['content-security-policy']).toMatch(/form-action 'self' http:\/\/127\.0\.0\.1:\d+;/);
    await page.getByRole('button', { name: 'Se connecter avec le compte de la ville (Puteaux Connect)' }).click();
    await expect(page.locator('input[name="login"]')).toBeVisible();
    // A newcomer: an existing account holding roles would need an admin's leave to link (e2e/sso.spec.ts).
    await page.locator('input[name="login"]').fill('sans-javascript@demo.vigie.test');
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    const consent = page.getByRole('button', { name: 'Continue' });
    await expect(consent.or(page.locator('main h1'))).toBeVisible();
    if (await consent.isVisible()) await consent.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
    expect(violations).toEqual([]);
  });
});
