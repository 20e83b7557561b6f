import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import pg from 'pg';
import { DEMO, expectAccessible, signIn, tabTo } from './support';

/**
 * The public register: the chair publishes a signed opinion from the session page, and
 * at once residents find it in the register (searched without accents), read its page
 * (also without JavaScript), follow its site's history; the chair then corrects it and
 * the register says so. Runs after the committee journey, which leaves its opinion on
 * "Cour de la résidence Voltaire" signed and unpublished; run alone, it signs the demo's
 * open vote first.
 */

const context = (browser: Browser, options: { javaScriptEnabled?: boolean } = {}) => browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', ...options });

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await context(browser)).newPage();
  await signIn(page, email);
  return page;
}

const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
const REFERENCE = /^CE-\d{4}-\d{3,}$/;

/** The text of the description that follows the term `term` in `scope`. */
const described = (scope: Locator, term: string) => scope.locator('dt', { hasText: new RegExp(`^${term}$`) }).first().locator('xpath=following-sibling::dd[1]');

async function expectNoSideScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width} px wide`).toBeLessThanOrEqual(320);
}

/** Accessible at desktop width, then readable at 320 px without scrolling sideways and still accessible. */
async function expectAccessibleAtBothWidths(page: Page) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoSideScroll(page);
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The agenda item (a region of a session page) where the chair may publish a signed opinion, visiting the sessions in the list's order. */
async function itemToPublish(chair: Page): Promise<Locator | null> {
  await chair.goto('/espace/seances');
  const sessions = await chair.locator('tbody a[href^="/espace/seances/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  for (const session of sessions) {
    await chair.goto(session);
    const item = chair.getByRole('region').filter({ has: chair.getByRole('button', { name: 'Publier au registre public' }) });
    if (await item.count()) return item.first();
  }
  return null;
}

/** Run alone (without the committee journey): the chair votes on the demo's open vote, closes it and signs the opinion. */
async function signTheDemoOpenVote(chair: Page) {
  await chair.goto('/espace/seances');
  const sessions = await chair.locator('tbody a[href^="/espace/seances/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  for (const session of sessions) {
    await chair.goto(session);
    const voting = chair.getByRole('region').filter({ has: chair.getByRole('button', { name: 'Clore le vote' }) });
    if (!(await voting.count())) continue;
    // Known by its heading from now on: the close button goes away with the vote.
    const item = chair.getByRole('region', { name: (await voting.first().getByRole('heading', { level: 2 }).textContent())!.trim(), exact: true });
    await item.getByRole('group', { name: /Votre vote/ }).getByLabel('Pour').check();
    await item.getByRole('button', { name: 'Voter', exact: true }).click();
    await expect(status(chair, 'Votre vote est enregistré.')).toBeVisible();
    await item.getByRole('checkbox', { name: 'Je confirme la clôture du vote.' }).check();
    await item.getByRole('button', { name: 'Clore le vote' }).click();
    await expect(status(chair, 'Le vote est clos.')).toBeVisible();
    await item.getByLabel('Motifs').fill('Éclairage et médiation essayés sans effet durable ; une caméra limitée au hall, fenêtres masquées.');
    await item.getByLabel('Résumé public').fill('Avis favorable à une caméra dans le hall, fenêtres masquées.');
    await item.getByRole('checkbox', { name: 'Je confirme signer cet avis au nom du comité.' }).check();
    await item.getByRole('button', { name: 'Signer l’avis' }).click();
    await expect(status(chair, 'L’avis est signé.')).toBeVisible();
    return;
  }
  throw new Error('no signed opinion to publish and no open vote to decide');
}

/** A word of `text` that carries an accent, written without it ("essayées" → "essayees"). */
function unaccentedWord(text: string): { word: string; typed: string } {
  const word = text.split(/[^\p{L}]+/u).find((w) => w.length >= 5 && /[^\x00-\x7f]/.test(w));
  if (!word) throw new Error(`no accented word in: ${text}`);
  return { word, typed: word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() };
}

test.describe('publishing and correcting a decision', () => {
  test.describe.configure({ mode: 'serial' });

  let reference = '';
  let reasons = '';
  let sessionUrl = '';

  test('the chair publishes a signed opinion; residents find it at once, search it without accents, and read it without JavaScript', async ({ browser }) => {
    test.setTimeout(240_000);
    const chair = await as(browser, DEMO.chair);
    let item = await itemToPublish(chair);
    if (!item) {
      await signTheDemoOpenVote(chair);
      item = await itemToPublish(chair);
    }
    expect(item, 'a signed opinion to publish').not.toBeNull();
    const toPublish = item!;
    sessionUrl = chair.url().replace(/[?#].*$/, '');
    reasons = (await described(toPublish, 'Motifs').textContent())!.trim();
    // The item is known by its heading: the publish button that found it goes away once it is used.
    const itemTitle = (await toPublish.getByRole('heading', { level: 2 }).textContent())!.trim();
    await expect(toPublish.getByRole('heading', { name: 'Publier au registre public' })).toBeVisible();
    await expectAccessible(chair);

    // The step is confirmed: without the box, the server refuses and says why.
    await toPublish.getByRole('button', { name: 'Publier au registre public' }).click();
    await expect(chair.locator('.error-summary')).toContainText('Cochez la case pour confirmer la publication de cet avis au registre public');
    await expect(chair.locator('.error-summary')).toBeFocused();

    // A resident's browser is ready before the chair publishes: the register must show the entry within a second.
    const resident = await (await context(browser)).newPage();
    await resident.goto('/');
    await toPublish.getByRole('checkbox', { name: 'Je confirme publier cet avis au registre public.' }).check();
    await toPublish.getByRole('button', { name: 'Publier au registre public' }).click();
    await expect(status(chair, 'L’avis est publié au registre public.')).toBeVisible();
    const published = chair.getByRole('region', { name: itemTitle, exact: true });
    await expect(published).toContainText('Publié au registre sous la référence');
    const link = published.getByRole('link', { name: REFERENCE });
    reference = (await link.textContent())!.trim();
    await expect(link).toHaveAttribute('href', `/registre/${reference}`);
    await expect(published.getByRole('button', { name: 'Publier au registre public' })).toHaveCount(0);
    await expectAccessible(chair);

    // Within one second, the newest entry of the register is this one.
    const started = Date.now();
    await expect(async () => {
      await resident.goto('/registre');
      await expect(resident.getByRole('list').getByRole('link', { name: reference, exact: true }).first()).toBeVisible({ timeout: 250 });
    }).toPass({ timeout: 1000, intervals: [50, 100, 200] });
    expect(Date.now() - started).toBeLessThan(1000);
    const card = resident.getByRole('listitem').filter({ has: resident.getByRole('link', { name: reference, exact: true }) });
    await expect(card).toContainText(/Avis (favorable|défavorable)/);
    await expect(card).toContainText(/\d+ caméras?/);

    // Anyone on the session page sees it published, with the link, but only the chair may correct it.
    const member = await as(browser, 'membre2@demo.vigie.test');
    await member.goto(sessionUrl);
    const seen = member.getByRole('region').filter({ hasText: `Publié au registre sous la référence ${reference}` });
    await expect(seen.getByRole('link', { name: reference, exact: true })).toBeVisible();
    await expect(seen.getByRole('link', { name: /Corriger ou révoquer/ })).toHaveCount(0);
    await member.context().close();

    // Searched with a word of its reasons typed without its accents.
    const { word, typed } = unaccentedWord(reasons);
    await resident.getByLabel('Mots recherchés').fill(typed);
    await resident.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await expect(resident).toHaveURL(new RegExp(`[?&]q=${typed}`));
    await expect(resident.getByRole('link', { name: reference, exact: true })).toBeVisible();
    await expect(resident.locator('.register-count')).toContainText(/\d+ décisions? affichées?/);
    expect(word).not.toBe(typed);

    // Its page, and the register's search, without JavaScript.
    const noScript = await (await context(browser, { javaScriptEnabled: false })).newPage();
    await noScript.goto('/registre');
    await noScript.getByLabel('Mots recherchés').fill(typed);
    await noScript.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await noScript.getByRole('link', { name: reference, exact: true }).click();
    await expect(noScript.getByRole('heading', { level: 1 })).toHaveText(`Décision ${reference}`);
    await expect(noScript).toHaveTitle(new RegExp(`Décision ${reference} – `));
    const main = noScript.getByRole('main');
    await expect(main).toContainText(reasons);
    for (const text of ['Pour\u00a0:', 'Contre\u00a0:', 'Abstentions\u00a0:', 'Déportés\u00a0:', 'Durée de conservation des images', 'Finalités', 'Conclusion sur l’opportunité', 'Empreinte (hash)']) await expect(main).toContainText(text);
    await expect(described(main, 'Empreinte \\(hash\\)')).toHaveText(/^[0-9a-f]{64}$/);
    await expect(main.getByRole('link', { name: 'Cette inscription au format JSON' })).toHaveAttribute('href', `/api/v1/decisions/${reference}`);
    await noScript.context().close();
    await resident.context().close();
    await chair.context().close();
  });

  test('the published entry is in all four exports, and the chain verifies, or names the entry changed behind its back', async ({ request }) => {
    const json = await request.get('/api/v1/decisions?limit=500');
    const items = ((await json.json()) as { items: { reference: string; site: { id: string } }[] }).items;
    const entry = items.find((i) => i.reference === reference);
    expect(entry, `${reference} in /api/v1/decisions`).toBeTruthy();
    expect(await (await request.get('/api/v1/decisions.csv')).text()).toContain(reference);
    expect(await (await request.get('/api/v1/decisions.atom')).text()).toContain(reference);
    expect(await (await request.get('/api/v1/decisions.geojson')).text()).toContain(reference);
    const verify = async () => (await (await request.get('/api/v1/register/verify')).json()) as { ok: boolean; length: number; firstInvalidSequence?: number };
    const before = await verify();
    expect(before).toMatchObject({ ok: true });
    expect(before.length).toBeGreaterThanOrEqual(items.length);

    // Tampering needs a second connection to the database: the embedded one serves only
    // the app's, so this part runs where CI runs it, on PostgreSQL (E2E_DATABASE_URL).
    const url = process.env.E2E_DATABASE_URL;
    test.skip(!url, 'needs E2E_DATABASE_URL (PostgreSQL) to alter a row behind the app');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const sequence = 2;
    const { rows } = await client.query<{ entry: string }>('SELECT entry::text AS entry FROM register_entries WHERE sequence = $1', [sequence]);
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE register_entries DISABLE TRIGGER register_append_only');
      await client.query(`UPDATE register_entries SET entry = jsonb_set(entry::jsonb, '{reasons}', to_jsonb('Motifs réécrits en douce.'::text))::json WHERE sequence = $1`, [sequence]);
      await client.query('ALTER TABLE register_entries ENABLE TRIGGER register_append_only');
      await client.query('COMMIT');
      // The check reads the register itself, never a cached copy.
      expect(await verify()).toMatchObject({ ok: false, firstInvalidSequence: sequence, length: sequence - 1 });
    } finally {
      // Put the published text back as it was, so the journeys after this one find an intact register.
      await client.query('BEGIN');
      await client.query('ALTER TABLE register_entries DISABLE TRIGGER register_append_only');
      await client.query('UPDATE register_entries SET entry = $1::json WHERE sequence = $2', [rows[0]!.entry, sequence]);
      await client.query('ALTER TABLE register_entries ENABLE TRIGGER register_append_only');
      await client.query('COMMIT');
      await client.end();
    }
    expect(await verify()).toMatchObject({ ok: true });
  });

  test('the register, a decision and a site page are accessible at desktop width and at 320 px', async ({ page }) => {
    await page.goto('/registre');
    await expect(page.getByRole('heading', { level: 1, name: 'Registre des décisions' })).toBeVisible();
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', /\/api\/v1\/decisions\.atom$/);
    await expectAccessibleAtBothWidths(page);

    await page.goto(`/registre/${reference}`);
    await expectAccessibleAtBothWidths(page);
    await page.getByRole('link', { name: 'Toutes les décisions sur cette résidence' }).click();
    await expect(page).toHaveURL(/\/registre\/sites\/[0-9a-f-]{36}$/);
    const siteId = page.url().split('/').pop();
    await expect(page.getByRole('link', { name: reference, exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: /fil Atom/ })).toHaveAttribute('href', `/api/v1/sites/${siteId}/decisions.atom`);
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', new RegExp(`/api/v1/sites/${siteId}/decisions\\.atom$`));
    await expectAccessibleAtBothWidths(page);
  });

  test('the chair corrects the entry: a new entry names it, and its page and the list say so', async ({ browser }) => {
    test.setTimeout(120_000);
    const chair = await as(browser, DEMO.chair);
    await chair.goto(sessionUrl);
    await chair.getByRole('link', { name: `Corriger ou révoquer l’inscription ${reference}` }).click();
    await expect(chair.getByRole('heading', { level: 1, name: `Corriger ou révoquer l’inscription ${reference}` })).toBeVisible();
    await expect(chair.getByLabel('Motifs (version corrigée)')).toHaveValue(reasons);
    await expect(chair.getByRole('radio', { name: /^Correction/ })).toBeChecked();

    // The note and the confirmation are required.
    await chair.getByRole('button', { name: 'Publier la nouvelle inscription' }).click();
    const summary = chair.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Motif de la correction ou de la révocation');
    await expect(summary).toContainText('Cochez la case pour confirmer la publication de cette nouvelle inscription');
    await expectAccessibleAtBothWidths(chair);

    await chair.getByLabel('Motif de la correction ou de la révocation').fill('Précision sur les alternatives essayées.');
    await chair.getByLabel('Motifs (version corrigée)').fill(`${reasons} Alternatives réévaluées après un an.`);
    await chair.getByRole('checkbox', { name: 'Je confirme publier cette nouvelle inscription au registre public.' }).check();
    await chair.getByRole('button', { name: 'Publier la nouvelle inscription' }).click();
    await expect(status(chair, 'La nouvelle inscription est publiée au registre public.')).toBeVisible();
    const register = chair.getByRole('region', { name: 'Registre public' });
    await expect(register).toContainText(`Publié au registre sous la référence ${reference}.`);
    const latest = register.getByRole('link', { name: REFERENCE }).nth(1);
    const correction = (await latest.textContent())!.trim();
    await expect(register).toContainText(`Version la plus récente : ${correction} (Correction).`);
    await chair.context().close();

    // The corrected entry says, first, that it was corrected and by which entry; the correction says what it corrects and why.
    const resident = await (await context(browser)).newPage();
    await resident.goto(`/registre/${reference}`);
    await expect(resident.getByRole('note')).toContainText(`Cette décision a été corrigée par ${correction} le`);
    await expect(resident.getByRole('note')).toContainText('Motif : Précision sur les alternatives essayées.');
    await resident.getByRole('note').getByRole('link', { name: correction }).click();
    await expect(resident.getByRole('heading', { level: 1 })).toHaveText(`Correction ${correction}`);
    await expect(resident.getByRole('main')).toContainText(`Cette inscription corrige ${reference}.`);
    await expect(resident.getByRole('main')).toContainText('Alternatives réévaluées après un an.');
    await expect(resident.getByRole('region', { name: 'Historique de cette décision' }).getByRole('listitem')).toHaveCount(2);
    await expectAccessible(resident);

    // In the list, both wear their badge.
    await resident.goto('/registre');
    await expect(resident.locator('.badge', { hasText: `Corrigée par ${correction}` })).toBeVisible();
    await expect(resident.locator('.badge', { hasText: `Correction de ${reference}` })).toBeVisible();
    await resident.context().close();
  });
});

test('the search works from the keyboard alone, from the home page to a decision', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  const links = { 'Registre des décisions': '/registre', Carte: '/carte', 'Rapport annuel': '/rapport' };
  for (const [name, href] of Object.entries(links)) await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);

  // The home page's box lands on the register's search.
  const box = page.getByRole('searchbox', { name: 'Rechercher dans le registre' });
  await tabTo(page, box);
  await page.keyboard.type('parking');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/registre\?q=parking$/);
  await expect(page.getByRole('searchbox', { name: 'Mots recherchés' })).toHaveValue('parking');

  // On the register: a new search, then the older page if any, then a decision, all by keyboard.
  const search = page.getByRole('searchbox', { name: 'Mots recherchés' });
  await tabTo(page, search);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await tabTo(page, page.getByRole('combobox', { name: 'Sens de l’avis' }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('combobox', { name: 'Sens de l’avis' })).toHaveValue('favourable');
  await tabTo(page, page.getByRole('button', { name: 'Rechercher', exact: true }));
  await page.keyboard.press('Enter');
  // A GET form sends its empty fields too: they mean "no filter".
  await expect(page).toHaveURL(/\/registre\?q=&.*outcome=favourable(&|$)/);
  // The newest entry may be a correction ("Correction CE-…"): its heading says the same.
  const first = page.getByRole('region', { name: 'Décisions', exact: true }).getByRole('link', { name: /CE-\d{4}-\d{3,}$/ }).first();
  const name = (await first.textContent())!.trim();
  await tabTo(page, first, 120);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name.startsWith('CE-') ? `Décision ${name}` : name);
  await expect(page.getByRole('main')).toContainText('Avis favorable');
});

test('bad filters and hostile addresses get a translated error summary or the public 404, never a server error', async ({ page }) => {
  const response = await page.goto('/registre?year=abc&site=xyz&cursor=-1&outcome=adjourned');
  expect(response?.status()).toBe(200);
  const summary = page.locator('.error-summary');
  await expect(summary.getByRole('heading')).toHaveText('Le formulaire contient 4 erreurs');
  for (const text of ['L’année doit être un nombre entre 2000 et 2100.', 'Ce site n’existe pas : choisissez-en un dans la liste.', 'Ce sens d’avis n’existe pas', 'Ce lien de page n’est pas valide']) await expect(summary).toContainText(text);
  await expect(summary.getByRole('link', { name: /L’année doit être/ })).toHaveAttribute('href', '#register-year');
  await expect(page.getByRole('combobox', { name: 'Année de la décision' })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('link', { name: 'Revenir aux décisions les plus récentes' })).toBeVisible();
  await expectAccessible(page);

  // A well-formed id of a site the register does not name is refused too, rather than an empty list.
  await page.goto('/registre?site=00000000-0000-4000-8000-000000000000');
  await expect(summary).toContainText('Ce site n’existe pas');

  // Text: NUL bytes are spaces, a stray "%" is a character, a very long one is refused with its limit.
  for (const query of ['q=%00%00parking%00', 'q=%25E0%25A4%25A', 'q=%', `q=${'a'.repeat(8000)}`, 'landlord=%00', 'q=%27%29%3B%20DROP%20TABLE%20register_entries%3B--']) {
    const r = await page.goto(`/registre?${query}`);
    expect(r?.status(), query).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Registre des décisions' })).toBeVisible();
  }
  await expect(page.locator('.error-summary')).toHaveCount(0);
  await page.goto(`/registre?q=${'a'.repeat(8000)}`);
  await expect(summary).toContainText('200 caractères au maximum');

  // An unknown or malformed reference or site is the public 404 page.
  for (const path of ['/registre/CE-1999-999', '/registre/pas-une-reference', '/registre/%E0%A4%A', '/registre/%', '/registre/sites/pas-un-id', '/registre/sites/%ZZ', '/registre/sites/00000000-0000-4000-8000-000000000000']) {
    const r = await page.goto(path);
    expect(r?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  }
  await expectAccessible(page);
});

test('residents get the register from the page cache; signed-in staff and client navigations never do', async ({ request, page }) => {
  const html = { headers: { accept: 'text/html' } };
  const first = await request.get('/registre/sites/00000000-0000-4000-8000-000000000000', html);
  expect(first.status()).toBe(404);
  await request.get('/registre', html);
  const again = await request.get('/registre', html);
  expect(again.headers()['x-vigie-cache']).toBe('HIT');
  expect(again.headers()['set-cookie']).toBeUndefined();
  expect(again.headers()['x-frame-options']).toBe('DENY');
  // A client-side navigation asks for the RSC payload (not for HTML): rendered, not the cached page.
  const rsc = await request.get('/registre', { headers: { rsc: '1', accept: '*/*' } });
  expect(rsc.headers()['x-vigie-cache']).toBeUndefined();
  expect(rsc.headers()['content-type']).toContain('text/x-component');
  // Signed in, the header names the person: never from the cache.
  await signIn(page, DEMO.chair);
  const staff = await page.goto('/registre');
  expect(staff!.headers()['x-vigie-cache']).toBeUndefined();
  await expect(page.getByRole('banner')).toContainText('Hélène Marchand');
});
