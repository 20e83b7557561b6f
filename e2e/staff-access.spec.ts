import { expect, test } from '@playwright/test';
import { alertBox, attemptSignIn, DEMO, expectAccessible, signIn, signOut, tabTo } from './support';

test('an anonymous visit to the staff area is sent to the sign-in page', async ({ page }) => {
  await page.goto('/espace/admin/comptes');
  await expect(page).toHaveURL(/\/connexion\?retour=%2Fespace%2Fadmin%2Fcomptes/);
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion à l’espace agents' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Se connecter avec le compte de la ville (Puteaux Connect)' })).toBeVisible();
  await expectAccessible(page);
});

test('a wrong password gets one generic message, the same as an unknown email', async ({ page }) => {
  await attemptSignIn(page, DEMO.member, 'not-the-password');
  await expect(alertBox(page)).toHaveText('Adresse électronique ou mot de passe incorrect.');
  await expect(page).toHaveURL(/\/connexion/);
  await expectAccessible(page);
  await attemptSignIn(page, 'personne@demo.vigie.test', 'not-the-password');
  await expect(alertBox(page)).toHaveText('Adresse électronique ou mot de passe incorrect.');
});

const ROLE_VIEWS = [
  { email: DEMO.technician, role: 'Technicien·ne de la ville', admin: false },
  { email: DEMO.diagnostician, role: 'Chargé·e de mission prévention-sécurité', admin: false },
  { email: DEMO.member, role: 'Membre du comité d’éthique', admin: false },
  { email: DEMO.chair, role: 'Président·e du comité', admin: false },
  { email: DEMO.admin, role: 'Administrateur·rice', admin: true },
];

for (const view of ROLE_VIEWS) {
  test(`${view.email} signs in and sees the navigation of their role`, async ({ page }) => {
    await signIn(page, view.email);
    await expect(page).toHaveURL(/\/espace$/);
    await expect(page.getByRole('main').getByText(view.role, { exact: true })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Navigation de l’espace agents' });
    await expect(nav.getByRole('link', { name: 'Tableau de bord' })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: 'Mon compte' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Comptes et rôles' })).toHaveCount(view.admin ? 1 : 0);
    await expectAccessible(page);
    await signOut(page);
    await page.goto('/espace');
    await expect(page).toHaveURL(/\/connexion/);
  });
}

test('a session cookie copied before sign-out no longer opens the staff area', async ({ page, browser }) => {
  await signIn(page, DEMO.technician);
  const session = (await page.context().cookies()).find((c) => c.name.endsWith('authjs.session-token'));
  // What the browser got: unreadable by scripts, not sent on cross-site POSTs, HTTPS only (production build).
  expect(session).toMatchObject({ name: '__Secure-authjs.session-token', httpOnly: true, sameSite: 'Lax', secure: true });

  // The copy works while the session is open…
  const thief = await browser.newContext();
  await thief.addCookies([session!]);
  const stolen = await thief.newPage();
  await stolen.goto('/espace');
  await expect(stolen.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

  // …and no longer once its owner signed out.
  await signOut(page);
  await stolen.goto('/espace');
  await expect(stolen).toHaveURL(/\/connexion/);
  await expect(stolen.getByRole('heading', { level: 1, name: 'Connexion à l’espace agents' })).toBeVisible();
  await thief.close();
});

test('the chair is also a member', async ({ page }) => {
  await signIn(page, DEMO.chair);
  await expect(page.getByRole('main').getByText('Membre du comité d’éthique', { exact: true })).toBeVisible();
});

test('a technician is refused the admin pages with a 403 page, not a crash', async ({ page }) => {
  await signIn(page, DEMO.technician);
  await expect(page).toHaveURL(/\/espace$/);
  const response = await page.goto('/espace/admin/comptes');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
  await expectAccessible(page);
});

test('a signed-in person is sent back where they were going', async ({ page }) => {
  await page.goto('/espace/compte');
  await expect(page).toHaveURL(/retour=%2Fespace%2Fcompte/);
  await page.getByLabel('Adresse électronique').fill(DEMO.member);
  await page.getByLabel('Mot de passe').fill('demo-vigie-2026');
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await expect(page).toHaveURL(/\/espace\/compte$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mon compte' })).toBeVisible();
  await expectAccessible(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('signing in and out still works', async ({ page }) => {
    await signIn(page, DEMO.diagnostician);
    await signOut(page);
  });
});

test('keyboard only: sign in, reach a file from the staff menu, and sign out', async ({ page }) => {
  await page.goto('/');
  await tabTo(page, page.getByRole('link', { name: 'Connexion' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('Adresse électronique'));
  await page.keyboard.type(DEMO.diagnostician);
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo-vigie-2026');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

  await tabTo(page, page.getByRole('navigation', { name: 'Navigation de l’espace agents' }).getByRole('link', { name: 'Propositions' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Propositions' })).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: /Local des poubelles/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Local des poubelles');

  await tabTo(page, page.getByRole('button', { name: 'Se déconnecter' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Vous êtes déconnecté·e.');
});

test('a missing page in the staff area leads back to the dashboard, not the public home', async ({ page }) => {
  await signIn(page, DEMO.member);
  const response = await page.goto('/espace/nulle-part');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Retour au tableau de bord' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
});
