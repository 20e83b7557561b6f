import { expect, test, type Page } from '@playwright/test';
import { alertBox, DEMO, expectAccessible, signIn } from './support';

/** Through the city's SSO (the local test provider), as the person with this login. */
async function signInWithCity(page: Page, login: string) {
  await page.goto('/connexion');
  await page.getByRole('button', { name: 'Se connecter avec le compte de la ville (Puteaux Connect)' }).click();
  // The provider's own pages (development login and consent): not ours to test. A person
  // already signed in at the provider (a second try) skips its login form.
  const loginField = page.locator('input[name="login"]');
  // Left the sign-in page: for the provider, or straight back (signed in, or refused with ?error).
  await page.waitForURL((url) => url.pathname !== '/connexion' || url.searchParams.has('error'));
  await page.waitForLoadState();
  if (await loginField.isVisible()) {
    await loginField.fill(login);
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
  }
  // The provider asks for consent the first time a person uses the app.
  const consent = page.getByRole('button', { name: 'Continue' });
  // …or sends the person straight back to our pages (the provider's have no <main>).
  await expect(consent.or(page.locator('main h1'))).toBeVisible();
  if (await consent.isVisible()) await consent.click();
}

test('an existing account holding roles is linked to the city SSO only once an admin allows it, and keeps its roles', async ({ page, browser }) => {
  await signInWithCity(page, DEMO.chair);
  await expect(alertBox(page)).toContainText('un compte détenant déjà des rôles utilise cette adresse');
  await expect(page).toHaveURL(/\/connexion/);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto('/espace/admin/comptes');
  await admin.getByRole('link', { name: 'Gérer Hélène Marchand' }).click();
  await admin.getByRole('button', { name: 'Autoriser la liaison au compte de la ville à la prochaine connexion' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'La prochaine connexion de Hélène Marchand par le compte de la ville reliera ce compte.' })).toBeVisible();
  await expectAccessible(admin);

  await signInWithCity(page, DEMO.chair);
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await expect(page.getByRole('main').getByText('Président·e du comité', { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test('a newcomer gets an account with no role until an admin grants one', async ({ page, browser }) => {
  await signInWithCity(page, 'nouvelle.agente@demo.vigie.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await expect(page.getByText('Vous n’avez encore aucun rôle.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigation de l’espace agents' }).getByRole('link', { name: 'Propositions' })).toHaveCount(0);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto('/espace/admin/comptes');
  await admin.getByRole('link', { name: 'Gérer nouvelle.agente' }).click();
  await admin.getByRole('button', { name: 'Attribuer le rôle « Technicien·ne de la ville »' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Rôle attribué.' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('main').getByText('Technicien·ne de la ville', { exact: true })).toBeVisible();
});

test('a deactivated account is refused through the SSO too, with a message that says why', async ({ page, browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto('/espace/admin/comptes');
  await admin.getByRole('link', { name: 'Gérer Nadia Belkacem' }).click();
  await admin.getByRole('button', { name: 'Désactiver le compte' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Le compte a été désactivé' })).toBeVisible();

  await signInWithCity(page, 'membre4@demo.vigie.test');
  await expect(alertBox(page)).toContainText('ce compte est désactivé');
  await expect(page).toHaveURL(/\/connexion/);
  await expectAccessible(page);
});
