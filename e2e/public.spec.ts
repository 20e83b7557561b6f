import { expect, test } from '@playwright/test';
import { expectAccessible } from './support';

test('the home page says what the committee is, with landmarks and a skip link', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Vigie/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Comité d’éthique de la vidéoprotection' })).toBeVisible();
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Aller au contenu' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expectAccessible(page);
});

test('the language switch turns the site to English, keeps the page, and the choice persists', async ({ page }) => {
  await page.goto('/connexion');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/connexion$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to the staff area' })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Video-surveillance ethics committee' })).toBeVisible();
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Comité d’éthique de la vidéoprotection' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('public pages render and the language switch works', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comité d’éthique de la vidéoprotection');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Video-surveillance ethics committee');
    await page.getByRole('button', { name: 'Français' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comité d’éthique de la vidéoprotection');
  });
});

test('the health check answers ok', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});

test('the footer leads to the service status in words, and reads "Language:" in English', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'État du service' }).click();
  await expect(page).toHaveURL(/\/etat$/);
  await expect(page.getByRole('heading', { level: 1, name: 'État du service' })).toBeVisible();
  await expect(page.getByText('Le service fonctionne normalement')).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole('contentinfo')).toContainText('Langue\u00a0:');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('contentinfo')).toContainText('Language:');
  await expect(page.getByRole('contentinfo')).not.toContainText('Language :');
  await page.getByRole('button', { name: 'Français' }).click();
});

test('an unknown page gets a translated 404', async ({ page }) => {
  const response = await page.goto('/nulle-part');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  await expectAccessible(page);
});
