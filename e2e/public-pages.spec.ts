import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, tabTo } from './support';

/**
 * The map of the sites, the annual report and the legal pages, as a resident reads them:
 * with and without JavaScript, by keyboard, at 320 px, printed. Counts come from the demo
 * and the journeys before this one, so the tests compare the page with itself (chart with
 * table, summary with detail) rather than with fixed numbers.
 */

const thisYear = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));

/** The e2e machines have no internet; make sure of it for the map's tiles, whatever the machine. */
async function blockTiles(page: Page) {
  await page.route('https://tile.openstreetmap.org/**', (route) => route.abort('internetdisconnected'));
}

async function expectNoSideScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const viewport = page.viewportSize()!.width;
  expect(width, `${page.url()} is ${width} px wide`).toBeLessThanOrEqual(viewport);
}

/** What a number cell shows, as a number ("12 500 €" → 12500). */
const numberIn = (text: string) => Number(text.replace(/[^\d]/g, ''));

test.describe('the map of the sites', () => {
  test('lists every site with its latest decision, and says plainly that the background map did not load', async ({ page }) => {
    await blockTiles(page);
    await page.goto('/carte');
    await expect(page.getByRole('heading', { level: 1, name: 'Carte des sites examinés' })).toBeVisible();
    const list = page.getByRole('region', { name: 'Liste des sites' });
    const items = list.getByRole('listitem');
    expect(await items.count()).toBeGreaterThanOrEqual(3);
    const bergeres = items.filter({ has: page.getByRole('heading', { name: 'Résidence des Bergères' }) });
    await expect(bergeres).toContainText('12 rue des Bergères');
    await expect(bergeres).toContainText(/Avis (favorable|défavorable)/);
    const siteLink = bergeres.getByRole('link', { name: 'Historique de Résidence des Bergères' });
    await expect(siteLink).toHaveAttribute('href', /^\/registre\/sites\/[0-9a-f-]{36}$/);

    // The map comes after the list, says the tiles failed, and keeps its points.
    await expect(page.getByRole('status').filter({ hasText: 'Le fond de carte (OpenStreetMap) n’a pas pu être chargé' })).toBeVisible();
    const map = page.getByRole('group', { name: 'Carte des sites examinés par le comité' });
    await expect(map.getByRole('button', { name: 'Résidence des Bergères' })).toBeVisible();
    expect(await map.locator('.leaflet-marker-icon').count()).toBe(await items.count());
    await expectAccessible(page);
  });

  test('by keyboard: Tab reaches a point, Enter opens its bubble with the same link as the list, Escape gives the focus back', async ({ page }) => {
    await blockTiles(page);
    await page.goto('/carte');
    const listLink = await page.getByRole('link', { name: 'Historique de Résidence des Bergères' }).getAttribute('href');
    const point = page.getByRole('group', { name: 'Carte des sites examinés par le comité' }).getByRole('button', { name: 'Résidence des Bergères' });
    await tabTo(page, point, 80);
    await page.keyboard.press('Enter');
    const bubbleLink = page.locator('.leaflet-popup').getByRole('link', { name: 'Historique de Résidence des Bergères' });
    await expect(bubbleLink).toBeFocused();
    await expect(bubbleLink).toHaveAttribute('href', listLink!);
    await expect(page.locator('.leaflet-popup')).toContainText(/Dernière décision\s*:\s*Avis/);
    await expect(page.getByRole('button', { name: 'Fermer la bulle' })).toBeVisible();
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect(page.locator('.leaflet-popup')).toHaveCount(0);
    await expect(point).toBeFocused();
    // Nothing traps the focus: Tab moves on past the map.
    await page.keyboard.press('Tab');
    await expect(point).not.toBeFocused();
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the list is all there, and the map area points to it', async ({ page }) => {
      await page.goto('/carte');
      const items = page.getByRole('region', { name: 'Liste des sites' }).getByRole('listitem');
      expect(await items.count()).toBeGreaterThanOrEqual(3);
      await expect(page.getByRole('link', { name: 'Historique de Résidence des Bergères' })).toBeVisible();
      await expect(page.getByText('La carte a besoin de JavaScript pour s’afficher.')).toBeVisible();
      await expect(page.getByRole('link', { name: 'liste des sites' })).toHaveAttribute('href', '#liste-sites');
      await expect(page.locator('.leaflet-container')).toHaveCount(0);
    });
  });
});

test.describe('the annual report', () => {
  test('/rapport opens a year with data; a year that is not one is a 404', async ({ page }) => {
    await page.goto('/rapport');
    await expect(page).toHaveURL(/\/rapport\/\d{4}$/);
    await expect(page.getByRole('heading', { level: 1, name: /^Rapport annuel \d{4}$/ })).toBeVisible();
    for (const bad of ['/rapport/abc', '/rapport/1800', `/rapport/${thisYear + 1}`, '/rapport/2026.5']) {
      const response = await page.goto(bad);
      expect(response?.status(), bad).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
    }
  });

  test(`shows this year's numbers, each chart with its text alternative and its table`, async ({ page }) => {
    await page.goto(`/rapport/${thisYear}`);
    await expect(page.getByRole('heading', { level: 1, name: `Rapport annuel ${thisYear}` })).toBeVisible();
    const figures = page.getByRole('region', { name: 'L’année en chiffres' }).getByRole('table');
    await expect(figures.getByRole('row')).toHaveCount(10);
    const figure = async (name: string | RegExp) => numberIn(await figures.getByRole('row', { name }).getByRole('cell').innerText());
    expect(await figure('Dossiers reçus (propositions déposées)')).toBeGreaterThan(0);

    // Find a year with charts (this one, unless it has only just begun).
    let charts = page.getByRole('main').getByRole('img');
    if ((await charts.count()) === 0) {
      for (const link of await page.getByRole('navigation', { name: 'Rapports par année' }).getByRole('link').all()) {
        await link.click();
        charts = page.getByRole('main').getByRole('img');
        if (await charts.count()) break;
      }
    }
    expect(await charts.count()).toBeGreaterThan(0);

    const decisions = page.getByRole('table', { name: /^Avis rendus en \d{4}, par sens$/ });
    const chart = page.getByRole('img', { name: /^Avis rendus en \d{4}, par sens\./ });
    await expect(chart).toBeVisible();
    const alternative = (await chart.getAttribute('aria-labelledby'))!;
    const text = await page.locator(`[id="${alternative}"]`).textContent();
    let total = 0;
    for (const row of await decisions.locator('tbody tr').all()) {
      const outcome = (await row.getByRole('rowheader').innerText()).trim();
      const count = numberIn(await row.getByRole('cell').first().innerText());
      total += count;
      expect(text).toMatch(new RegExp(`${outcome}\\s*:\\s*${count}\\b`));
    }
    expect(numberIn(await decisions.locator('tfoot td').first().innerText())).toBe(total);
    // Every chart of the page is named by its text alternative, which gives its numbers.
    for (const img of await charts.all()) await expect(img).toHaveAccessibleName(/\d/);
    await expectAccessible(page);
  });

  test('the key figures agree with the detail', async ({ page }) => {
    await page.goto(`/rapport/${thisYear}`);
    const figures = page.getByRole('region', { name: 'L’année en chiffres' }).getByRole('table');
    const figure = async (name: string) => numberIn(await figures.getByRole('row', { name }).getByRole('cell').innerText());
    const decisions = page.getByRole('table', { name: /^Avis rendus en/ });
    const decided = await figure('Avis rendus');
    if (decided > 0) expect(numberIn(await decisions.locator('tfoot td').first().innerText())).toBe(decided);
    // A favourable opinion is not an authorisation: two figures, each with its detail.
    const favourable = await figure('Caméras couvertes par un avis favorable');
    const [opinions, cameras] = await page.locator('.report-authorised').all();
    expect(numberIn(await opinions!.locator('dd').first().innerText())).toBe(favourable);
    expect(numberIn(await cameras!.locator('dd').first().innerText())).toBe(await figure('Caméras autorisées au'));
    expect(numberIn(await cameras!.locator('dd').nth(1).innerText())).toBe(await figure('Caméras en service au'));
  });

  test('prints without the navigation, the footer or the hint, with its address written out', async ({ page }) => {
    await page.goto(`/rapport/${thisYear}`);
    const printed = page.getByText(/Ce rapport en ligne\s*:\s*http:\/\/localhost:/);
    await expect(printed).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Rapports par année' })).toBeHidden();
    await expect(page.getByRole('contentinfo')).toBeHidden();
    await expect(page.getByText('Pour imprimer ce rapport')).toBeHidden();
    await expect(printed).toBeVisible();
    await expect(printed).toContainText(`/rapport/${thisYear}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'L’année en chiffres' }).getByRole('table')).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
  });

  test('reads in English', async ({ page }) => {
    await page.goto(`/rapport/${thisYear}`);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Annual report ${thisYear}` })).toBeVisible();
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility: not compliant' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Français' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Rapport annuel ${thisYear}` })).toBeVisible();
  });
});

test.describe('the legal pages', () => {
  test('the accessibility statement opens from the footer, in the order of the RGAA model', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: /^Accessibilité\s*:\s*non conforme$/ }).click();
    await expect(page).toHaveURL(/\/accessibilite$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Déclaration d’accessibilité' })).toBeVisible();
    const sections = await page.getByRole('main').getByRole('heading', { level: 2 }).allInnerTexts();
    expect(sections).toEqual([
      'État de conformité',
      'Résultats des tests',
      'Contenus non accessibles',
      'Établissement de cette déclaration d’accessibilité',
      'Retour d’information et contact',
      'Voies de recours',
    ]);
    await expect(page.getByRole('main')).toContainText('Aucun audit de conformité n’a encore été réalisé');
    await expect(page.getByRole('link', { name: 'accessibilite@mairie-puteaux.example' })).toHaveAttribute('href', 'mailto:accessibilite@mairie-puteaux.example');
    await expect(page.getByRole('link', { name: 'formulaire en ligne' })).toHaveAttribute('href', 'https://formulaire.defenseurdesdroits.fr/');
    await expect(page.getByRole('main')).toContainText('Libre réponse 71120, 75342 Paris CEDEX 07');
    await expectAccessible(page);
  });

  test('the personal-data page opens from the footer: who is responsible, what is kept, residents’ rights', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Données personnelles' }).click();
    await expect(page).toHaveURL(/\/donnees-personnelles$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Données personnelles' })).toBeVisible();
    for (const heading of [/^Qui est responsable\s*\?$/, /^Vigie ne contient aucune image$/, /^Vos droits sur les images des caméras$/, /^À qui écrire\s*\?$/]) {
      await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    }
    await expect(page.getByRole('main')).toContainText('CSI, art. L253-5');
    await expect(page.getByRole('link', { name: 'dpo@mairie-puteaux.example' }).first()).toHaveAttribute('href', 'mailto:dpo@mairie-puteaux.example');
    await expect(page.getByRole('table', { name: 'Durées de conservation' }).getByRole('row')).toHaveCount(8);
    await expectAccessible(page);
  });

  test('the footer names the open data licence', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('contentinfo').getByRole('link', { name: /^Données ouvertes\s*:\s*Licence Ouverte 2\.0$/ })).toHaveAttribute('href', 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/');
  });
});

for (const width of [1280, 320]) {
  test(`every page of this journey reads at ${width} px without sideways scrolling, axe clean`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await blockTiles(page);
    for (const path of ['/carte', `/rapport/${thisYear}`, '/accessibilite', '/donnees-personnelles']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      // The map settles once its tiles have failed.
      if (path === '/carte') await expect(page.getByRole('status').filter({ hasText: 'OpenStreetMap' })).toBeVisible();
      await expectNoSideScroll(page);
      await expectAccessible(page);
    }
  });
}
