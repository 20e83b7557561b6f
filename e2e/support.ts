import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-vigie-2026';
export const DEMO = {
  technician: 'technicien@demo.vigie.test',
  diagnostician: 'prevention@demo.vigie.test',
  chair: 'presidence@demo.vigie.test',
  admin: 'admin@demo.vigie.test',
  member: 'membre1@demo.vigie.test',
} as const;

/** No serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** Fills in and sends the sign-in form, whatever the outcome. */
export async function attemptSignIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
}

/** Signs in and waits to land in the staff area. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await attemptSignIn(page, email, password);
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
}

/** The page's own alert (Next.js adds an empty route announcer with the same role). */
export function alertBox(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('status')).toContainText('Vous êtes déconnecté·e.');
}

/** Presses Tab until the element has focus, as a keyboard user would (fails if never reached). */
export async function tabTo(page: Page, target: Locator, maxPresses = 60) {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** The field with exactly this label (a required field's label ends with " *"). */
export function labelled(page: Page, label: string) {
  return page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`));
}

/** What a prevention officer writes in each section of a diagnostic (DOMAIN.md rule 5). */
export interface DiagnosticText {
  facts: string;
  site: string;
  landlord: string;
  tenants: string;
  police: string;
  lighting: string;
  mediation: string;
  nightCorrespondents: string;
  accessControl: string;
  layout: string;
  proportionality: string;
  privacyRisks: string;
  expectedEffect: string;
  cost: string;
}

/** Fills every section of a started diagnostic (vandalism facts in 2025), concluded "opportune"; the public summary and the signature are left to the test. */
export async function fillDiagnostic(page: Page, d: DiagnosticText) {
  await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
  await page.getByLabel('Type de faits').selectOption('vandalism');
  await page.getByLabel('Année').fill('2025');
  await page.getByLabel('Nombre de faits').fill(d.facts);
  await page.getByLabel('Description du site').fill(d.site);
  await page.getByLabel('Bailleur social').fill(d.landlord);
  await page.getByLabel('Amicale ou association de locataires').fill(d.tenants);
  await page.getByLabel('Police ou gendarmerie (référent sûreté)').fill(d.police);
  await labelled(page, 'Éclairage').fill(d.lighting);
  await labelled(page, 'Médiation').fill(d.mediation);
  await page.getByLabel('Correspondants de nuit').fill(d.nightCorrespondents);
  await page.getByLabel('Contrôle d’accès').fill(d.accessControl);
  await labelled(page, 'Aménagements').fill(d.layout);
  await labelled(page, 'Proportionnalité').fill(d.proportionality);
  await page.getByLabel('Risques pour la vie privée').fill(d.privacyRisks);
  await page.getByLabel('Effet attendu').fill(d.expectedEffect);
  await labelled(page, 'Coût').fill(d.cost);
  await page.getByLabel('Analyse d’impact (AIPD)').selectOption('not_required');
  await page.getByLabel('Pourquoi aucune analyse d’impact n’est requise').fill('Une caméra au champ masqué : pas de risque élevé selon le délégué à la protection des données.');
  await labelled(page, 'Conclusion').selectOption('opportune');
}
