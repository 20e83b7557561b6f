import { expect, test } from '@playwright/test';
import { alertBox, attemptSignIn, DEMO, expectAccessible, signIn } from './support';

test('the admin creates an account, grants and revokes a role, resets its password and deactivates it', async ({ page, browser }) => {
  await signIn(page, DEMO.admin);
  await page.getByRole('navigation', { name: 'Navigation de l’espace agents' }).getByRole('link', { name: 'Comptes et rôles' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Comptes et rôles' })).toBeVisible();
  await expect(page.getByRole('table')).toContainText('technicien@demo.vigie.test');
  await expectAccessible(page);

  // The browser checks the form with the server's schema before sending anything.
  await page.getByLabel('Nom').fill('Inès Moreau');
  await page.getByLabel('Adresse électronique').fill('pas-une-adresse');
  await page.getByLabel('Mot de passe initial').fill('court');
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  // Each message on its field, and listed in the focused error summary.
  await expect(page.locator('.field .error-text', { hasText: 'Saisissez une adresse électronique valide' })).toBeVisible();
  await expect(page.locator('.field .error-text', { hasText: 'Le mot de passe doit contenir au moins 12 caractères.' })).toBeVisible();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('.error-summary').getByRole('link')).toHaveText([/^Adresse électronique – Saisissez/, /^Mot de passe initial – Le mot de passe/]);
  await expect(page.getByLabel('Adresse électronique')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  // The server refuses what the browser cannot know: an email already in use.
  await page.getByLabel('Adresse électronique').fill('technicien@demo.vigie.test');
  await page.getByLabel('Mot de passe initial').fill('mot-de-passe-initial-2026');
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  await expect(page.locator('.error-summary')).toContainText('Un compte utilise déjà cette adresse électronique.');

  await page.getByLabel('Adresse électronique').fill('ines.moreau@demo.vigie.test');
  await page.getByRole('checkbox', { name: 'Membre du comité d’éthique' }).check();
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compte de Inès Moreau' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Le compte de Inès Moreau a été créé.' })).toBeVisible();
  await expectAccessible(page);
  const accountUrl = page.url();

  // The new person signs in, in a browser of their own.
  const theirs = await browser.newContext();
  const them = await theirs.newPage();
  await signIn(them, 'ines.moreau@demo.vigie.test', 'mot-de-passe-initial-2026');
  await expect(them.getByRole('main').getByText('Membre du comité d’éthique', { exact: true })).toBeVisible();

  // A role granted or revoked shows on their next request.
  await page.getByRole('button', { name: 'Attribuer le rôle « Président·e du comité »' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Rôle attribué.' })).toBeVisible();
  await them.reload();
  await expect(them.getByRole('main').getByText('Président·e du comité', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Retirer le rôle « Président·e du comité »' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Rôle retiré.' })).toBeVisible();
  await them.reload();
  await expect(them.getByRole('main').getByText('Président·e du comité', { exact: true })).toHaveCount(0);

  await page.getByLabel('Nouveau mot de passe').fill('un-autre-mot-de-passe');
  await page.getByRole('button', { name: 'Réinitialiser' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Le mot de passe a été réinitialisé.' })).toBeVisible();

  // Deactivation ends the session in progress and refuses the next sign-in.
  await page.getByRole('button', { name: 'Désactiver le compte' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Le compte a été désactivé' })).toBeVisible();
  await them.goto('/espace');
  await expect(them).toHaveURL(/\/connexion/);
  await attemptSignIn(them, 'ines.moreau@demo.vigie.test', 'un-autre-mot-de-passe');
  await expect(alertBox(them)).toHaveText('Adresse électronique ou mot de passe incorrect.');
  await theirs.close();

  await page.goto(accountUrl);
  const history = page.getByRole('list').filter({ hasText: 'Compte créé' });
  await expect(history).toContainText('Compte désactivé');
  await expect(history).toContainText('Rôle attribué : Président·e du comité');
  await expect(history).toContainText('par Sophie Lefèvre');
});

test('the admin cannot lock themself out', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto('/espace/admin/comptes');
  await page.getByRole('link', { name: 'Gérer Sophie Lefèvre' }).click();
  await page.getByRole('button', { name: 'Retirer le rôle « Administrateur·rice »' }).click();
  await expect(alertBox(page)).toContainText('Vous ne pouvez pas retirer votre propre rôle d’administrateur');
  await expect(page.getByRole('button', { name: 'Retirer le rôle « Administrateur·rice »' })).toBeVisible();
});

test('a person changes their own password from their account page, by keyboard', async ({ page }) => {
  await signIn(page, 'membre5@demo.vigie.test');
  await page.goto('/espace/compte');
  await page.getByLabel('Mot de passe actuel').focus();
  await page.keyboard.type('demo-vigie-2026');
  await page.keyboard.press('Tab');
  await page.keyboard.type('nouveau-mot-de-passe-5');
  await page.keyboard.press('Tab');
  await page.keyboard.type('nouveau-mot-de-passe-5');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Votre mot de passe a été changé.' })).toBeVisible();
  await expectAccessible(page);
});
