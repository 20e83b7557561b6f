import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, expectAccessible, signIn } from './support';

/** A signed-in page of its own for one person. */
async function as(browser: Browser, email: string, { javaScriptEnabled = true } = {}): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', javaScriptEnabled });
  // No internet in tests: answer map tiles with nothing instead of letting them fail.
  await context.route('https://tile.openstreetmap.org/**', (route) => route.fulfill({ status: 204 }));
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

const staffNav = (page: Page) => page.getByRole('navigation', { name: 'Navigation de l’espace agents' });

/** The technician files a complete proposal, typing the camera's position instead of using the map. */
async function submitProposal(technician: Page, title: string) {
  await technician.goto('/espace/propositions/nouvelle');
  await technician.getByLabel('Résidence').selectOption({ label: 'Résidence des Bergères – 12 rue des Bergères, 92800 Puteaux' });
  await technician.getByLabel('Titre').fill(title);
  await technician.getByRole('button', { name: 'Créer le brouillon' }).click();
  await expect(technician.getByRole('status').filter({ hasText: 'Le brouillon a été créé' })).toBeVisible();
  await technician.getByRole('button', { name: 'Ajouter une caméra' }).click();
  await technician.getByLabel('Latitude').fill('48,8796');
  await technician.getByLabel('Longitude').fill('2,2311');
  await technician.getByLabel('Emplacement').selectOption('indoor');
  await technician.getByLabel('Type de caméra').selectOption('fixed');
  await technician.getByLabel('Fixation').fill('Plafond du local');
  await technician.getByLabel('Orientation (degrés)').fill('90');
  await technician.getByLabel('Angle de vue (degrés)').fill('70');
  await technician.getByRole('radio', { name: /c’est un lieu ouvert au public/ }).check();
  await technician.getByRole('checkbox', { name: /Prévention des atteintes aux personnes/ }).check();
  await technician.getByLabel('Durée de conservation (jours)').fill('10');
  await technician.getByLabel('Personnes habilitées à visionner les images').fill('Opérateurs du centre de supervision urbain');
  await technician.getByLabel('Responsable du traitement').fill('Ville de Puteaux');
  await technician.getByLabel('Finalités affichées').fill('Prévention des vols');
  await technician.getByLabel('Droits des personnes').fill('Droit d’accès aux images');
  await technician.getByLabel('Contact pour exercer ses droits').fill('dpo@demo.vigie.test');
  await technician.getByLabel('Durée de conservation affichée').fill('10 jours');
  await technician.getByRole('checkbox', { name: /pictogramme/ }).check();
  await technician.getByLabel('Téléphone du responsable').fill('01 23 45 67 89');
  await technician.getByLabel(/Droit de réclamation auprès de la CNIL/).fill('CNIL, 3 place de Fontenoy, 75007 Paris, www.cnil.fr/plaintes');
  await technician.getByLabel('Investissement estimé (€)').fill('3000');
  await technician.getByLabel('Coût annuel de fonctionnement (€)').fill('400');
  await technician.getByLabel('Justification : problème constaté sur la résidence').fill('Vols de vélos répétés dans le local.');
  await technician.getByRole('button', { name: 'Déposer la proposition' }).click();
  await expect(technician.getByRole('status').filter({ hasText: 'La proposition a été déposée' })).toBeVisible();
}

test('a submitted file reaches the prevention officer as an unread notification, read when they say so', async ({ browser }) => {
  test.setTimeout(120_000);
  const title = 'Local vélos du bâtiment D';
  const officer = await as(browser, DEMO.diagnostician);
  // The demo officer has notices left unread (at least the file still waiting for its
  // diagnostic; journeys run before this one may have submitted more): count them first.
  const unread = async () => {
    const name = await staffNav(officer).getByRole('link', { name: /^Notifications/ }).textContent();
    return Number(/\((\d+) non lues?\)/.exec(name ?? '')?.[1] ?? 0);
  };
  const before = await unread();
  expect(before).toBeGreaterThanOrEqual(1);
  const counted = (n: number) => (n === 0 ? 'Notifications' : n === 1 ? 'Notifications (1 non lue)' : `Notifications (${n} non lues)`);

  const technician = await as(browser, DEMO.technician);
  await submitProposal(technician, title);

  // The officer's menu counts it, in the link's accessible name.
  await officer.goto('/espace');
  await staffNav(officer).getByRole('link', { name: counted(before + 1), exact: true }).click();
  await expect(officer.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const list = officer.getByRole('list', { name: 'Vos notifications, les plus récentes d’abord' });
  const newest = list.getByRole('listitem').first();
  await expect(newest).toContainText('Non lue');
  await expect(newest.getByRole('link', { name: new RegExp(`^Diagnostic préalable à mener sur le dossier VIG-\\d{4} : ${title}$`) })).toBeVisible();
  await expectAccessible(officer);

  // At 320 CSS pixels the page reflows: nothing scrolls sideways.
  await officer.setViewportSize({ width: 320, height: 800 });
  expect(await officer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await officer.setViewportSize({ width: 1280, height: 800 });

  // Following it leads to the file; neither that nor the list marked it read.
  await newest.getByRole('link').click();
  await expect(officer.getByRole('heading', { level: 1 })).toContainText(title);
  await officer.goto('/espace/avis');
  await expect(list.getByRole('listitem').first()).toContainText('Non lue');
  await expect(staffNav(officer).getByRole('link', { name: counted(before + 1), exact: true })).toBeVisible();

  // Marking it read works with the server alone (no JavaScript).
  const noScript = await as(browser, DEMO.diagnostician, { javaScriptEnabled: false });
  await noScript.goto('/espace/avis');
  const item = noScript.getByRole('listitem').filter({ hasText: title });
  await item.getByRole('button', { name: 'Marquer comme lue' }).click();
  await expect(noScript.getByRole('status').filter({ hasText: 'La notification est marquée comme lue.' })).toBeVisible();
  await expect(noScript.getByRole('listitem').filter({ hasText: title })).toContainText(/Lue le/);
  await expect(staffNav(noScript).getByRole('link', { name: counted(before), exact: true })).toBeVisible();

  // Then everything at once, in the scripted page.
  await officer.goto('/espace/avis');
  await officer.getByRole('button', { name: 'Tout marquer comme lu' }).click();
  await expect(officer.getByRole('status').filter({ hasText: 'Vos notifications sont marquées comme lues.' })).toBeVisible();
  await expect(staffNav(officer).getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
  await expect(officer.getByRole('button', { name: 'Marquer comme lue' })).toHaveCount(0);
  await expectAccessible(officer);
});
