import { expect, test, type Page } from '@playwright/test';
import { alertBox, DEMO, expectAccessible, signIn } from './support';

// "Nom *" must not also match "Nombre de logements *".
const NAME_LABEL = /^Nom\b/;

async function fillSite(page: Page, site: Record<'name' | 'address' | 'landlord' | 'dwellings' | 'latitude' | 'longitude', string>) {
  await page.getByLabel(NAME_LABEL).fill(site.name);
  await page.getByLabel('Adresse').fill(site.address);
  await page.getByLabel('Bailleur social').fill(site.landlord);
  await page.getByLabel('Nombre de logements').fill(site.dwellings);
  await page.getByLabel('Latitude').fill(site.latitude);
  await page.getByLabel('Longitude').fill(site.longitude);
}

test('the admin registers a site, corrects a mistake, edits it and archives it', async ({ page, context }) => {
  await signIn(page, DEMO.admin);
  await page.getByRole('navigation', { name: 'Navigation de l’espace agents' }).getByRole('link', { name: 'Résidences' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Résidences de logement social' })).toBeVisible();
  const table = page.getByRole('table', { name: /^Résidences du registre \(\d+\)$/ });
  await expect(table).toContainText('Résidence des Bergères');
  await expect(table).toContainText('Seine-Ouest Logement');
  await expect(page.getByRole('link', { name: 'Gérer la résidence Cité Lorilleux' })).toBeVisible();
  await expectAccessible(page);

  // The browser checks the form with the server's schema: a latitude out of range is caught before sending.
  await fillSite(page, {
    name: 'Allée des Tilleuls',
    address: '2 allée des Tilleuls, 92800 Puteaux',
    landlord: 'Seine-Ouest Logement',
    dwellings: '84',
    latitude: '123',
    longitude: '2,2411',
  });
  await page.getByRole('button', { name: 'Ajouter la résidence' }).click();
  const latitude = page.getByLabel('Latitude');
  await expect(page.locator('.field .error-text', { hasText: 'La latitude doit être comprise entre -90 et 90 degrés.' })).toBeVisible();
  await expect(latitude).toHaveAttribute('aria-invalid', 'true');
  await expect(latitude).toHaveAccessibleDescription(/ex\. 48,8846.*La latitude doit être comprise entre -90 et 90 degrés\./);
  await expectAccessible(page);

  // A French decimal comma is fine.
  await latitude.fill('48,8852');
  await page.getByRole('button', { name: 'Ajouter la résidence' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Allée des Tilleuls' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'La résidence « Allée des Tilleuls » a été ajoutée au registre.' })).toBeVisible();
  await expect(page.getByLabel('Latitude')).toHaveValue('48,8852');
  await expect(page.getByLabel('Nombre de logements')).toHaveValue('84');
  await expectAccessible(page);
  const siteUrl = page.url().split('?')[0]!;

  // A second tab opens the same site before the edit below: it will be out of date.
  const other = await context.newPage();
  await other.goto(siteUrl);
  await expect(other.getByRole('heading', { level: 1, name: 'Allée des Tilleuls' })).toBeVisible();

  await page.getByLabel('Bailleur social').fill('Puteaux Habitat (OPH)');
  await page.getByLabel('Nombre de logements').fill('90');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Les modifications ont été enregistrées.' })).toBeVisible();
  await expect(page.getByLabel('Nombre de logements')).toHaveValue('90');
  await expect(page.getByLabel('Bailleur social')).toHaveValue('Puteaux Habitat (OPH)');
  await expectAccessible(page);

  // The stale tab's save is refused rather than silently overwriting the edit above.
  await other.getByLabel(NAME_LABEL).fill('Allée des Tilleuls (bâtiment B)');
  await other.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(alertBox(other)).toHaveText(
    'Ces informations ont été modifiées par quelqu’un d’autre depuis que vous avez ouvert la page. Rechargez la page pour voir la version à jour.',
  );
  await expectAccessible(other);
  await other.goto(siteUrl);
  await expect(other.getByLabel(NAME_LABEL)).toHaveValue('Allée des Tilleuls');
  await expect(other.getByLabel('Bailleur social')).toHaveValue('Puteaux Habitat (OPH)');
  await other.close();

  await page.getByRole('button', { name: 'Archiver la résidence' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'La résidence a été archivée' })).toBeVisible();
  await expect(page.getByText(/Cette résidence est archivée depuis le/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rétablir la résidence' })).toBeVisible();
  const history = page.getByRole('list').filter({ hasText: 'Résidence ajoutée au registre' });
  await expect(history).toContainText('Résidence archivée');
  await expect(history).toContainText('Résidence modifiée : bailleur social et nombre de logements');
  await expect(history).toContainText('par Sophie Lefèvre');
  await expectAccessible(page);

  // Back in the register the site is marked archived and listed after the active ones,
  // although its name comes first alphabetically.
  await page.getByRole('link', { name: 'Retour au registre des résidences' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Résidences de logement social' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Allée des Tilleuls/ })).toContainText('Archivée');
  const rows = await page.getByRole('table').getByRole('row').allInnerTexts();
  const archivedAt = rows.findIndex((r) => r.includes('Allée des Tilleuls'));
  for (const active of ['Cité Lorilleux', 'Résidence des Bergères', 'Résidence Voltaire']) {
    expect(archivedAt).toBeGreaterThan(rows.findIndex((r) => r.includes(active)));
  }
  await expectAccessible(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  // No axe check here: axe runs as a script in the page, which this test turns off.
  test('the admin registers and archives a site through the server alone', async ({ page }) => {
    await signIn(page, DEMO.admin);
    await page.goto('/espace/admin/sites');
    await fillSite(page, {
      name: 'Square Jean-Moulin',
      address: '1 square Jean-Moulin, 92800 Puteaux',
      landlord: 'Hauts-de-Seine Habitat',
      dwellings: '40',
      latitude: 'nord',
      longitude: '2,2366',
    });
    await page.getByRole('button', { name: 'Ajouter la résidence' }).click();
    // The server refuses, explains, and gives back what was typed.
    // Without JavaScript too, the answer opens with the error summary linking to the field.
    await expect(page.locator('.error-summary').getByRole('heading')).toHaveText(/^Le formulaire contient \d+ erreurs?$/);
    await expect(page.locator('.error-summary').getByRole('link', { name: /Saisissez un nombre en chiffres/ })).toHaveAttribute('href', '#new-site-latitude');
    await expect(page.getByLabel('Latitude')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('.field .error-text', { hasText: 'Saisissez un nombre en chiffres (par exemple 84 ou 48,8846).' })).toBeVisible();
    await expect(page.getByLabel(NAME_LABEL)).toHaveValue('Square Jean-Moulin');
    await expect(page.getByLabel('Longitude')).toHaveValue('2,2366');

    await page.getByLabel('Latitude').fill('48,8779');
    await page.getByRole('button', { name: 'Ajouter la résidence' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Square Jean-Moulin' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'La résidence « Square Jean-Moulin » a été ajoutée au registre.' })).toBeVisible();
    await expect(page.getByLabel('Latitude')).toHaveValue('48,8779');

    await page.getByRole('button', { name: 'Archiver la résidence' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'La résidence a été archivée' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Rétablir la résidence' })).toBeVisible();
  });
});
