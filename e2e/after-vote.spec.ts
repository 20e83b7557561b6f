import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectAccessible, labelled, signIn } from './support';

/**
 * Issue 10, items 1 and 3: after the vote. A favourable decision of the demo, published
 * through the committee's real steps (Les Pavillons, "Allée piétonne": favourable with two
 * conditions, filed at the prefecture ten days ago, both conditions overdue) gets the
 * CDVP's opinion and the prefect's grant; its conditions are checked and met; the public
 * page shows both. Forms posted by keyboard too, axe clean, 320 px.
 */

/** A Paris day, "YYYY-MM-DD", `days` from today. */
function parisDay(days = 0): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The page reads at 320 CSS px without scrolling sideways. */
async function fits320(page: Page) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width} px wide at 320`).toBeLessThanOrEqual(320);
  if (size) await page.setViewportSize(size);
}

test('a favourable decision is authorised by the prefect and its conditions are met; the public page shows both', async ({ browser }) => {
  // Three people, two forms each way, axe and reflow on four pages: a long journey.
  test.setTimeout(240_000);
  // The chair finds the file in the queue of overdue conditions.
  const chairContext = await browser.newContext();
  const chair = await chairContext.newPage();
  await signIn(chair, DEMO.chair);
  const queue = chair.getByRole('region', { name: /conditions? en retard/ });
  const overdue = queue.getByRole('link', { name: /Allée piétonne – condition n° 1/ });
  await expect(overdue).toBeVisible();
  await expectAccessible(chair);
  const fileUrl = (await overdue.getAttribute('href'))!.split('#')[0]!;
  await chairContext.close();

  // The prevention officer records the next steps on the file page.
  const officerContext = await browser.newContext();
  const page = await officerContext.newPage();
  await signIn(page, DEMO.diagnostician);
  await page.goto(fileUrl);
  const authorisation = page.getByRole('region', { name: 'Autorisation préfectorale' });
  await expect(authorisation.locator('.tag').first()).toHaveText('Demande déposée, en attente');
  await expect(authorisation).toContainText('silence vaut refus à compter du');
  // No acknowledgement of receipt recorded: the page says the four months are counted from the filing.
  await expect(authorisation).toContainText('Délai compté à partir du dépôt, l’accusé de réception n’étant pas enregistré');
  await expectAccessible(page);
  await fits320(page);

  // An opinion dated before the filing is refused, with the reason on the field.
  await labelled(page, 'Date de l’avis').fill(parisDay(-30));
  await labelled(page, 'Avis').selectOption({ label: 'favorable' });
  await page.getByRole('button', { name: 'Enregistrer l’avis' }).click();
  await expect(page.getByRole('link', { name: 'L’avis de la CDVP ne peut pas précéder le dépôt de la demande.' })).toBeVisible();
  await expectAccessible(page);
  await labelled(page, 'Date de l’avis').fill(parisDay(-1));
  await page.getByRole('button', { name: 'Enregistrer l’avis' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Avis de la CDVP enregistré.' })).toBeVisible();

  // The prefect's decision, sent from the keyboard.
  await labelled(page, 'Décision').selectOption({ label: 'Autorisation accordée' });
  await labelled(page, 'Date de la décision').fill(parisDay(0));
  // The order sets the retention (CSI L252-5).
  await labelled(page, 'Durée de conservation des images fixée par l’arrêté (jours)').fill('15');
  const order = labelled(page, 'Référence de l’arrêté préfectoral');
  await order.fill('AP 2026-VP-0999');
  await order.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Décision du préfet enregistrée.' })).toBeVisible();
  await expect(authorisation.locator('.tag').first()).toHaveText('Autorisée');
  await expect(authorisation).toContainText('arrêté AP 2026-VP-0999');
  await expect(authorisation).toContainText('Valable jusqu’au');

  // Both conditions checked: met.
  const conditions = page.getByRole('region', { name: 'Suivi des conditions' });
  for (const n of [1, 2]) {
    const condition = conditions.locator(`#condition-${n}`);
    await condition.getByText(`Vérifier la condition n° ${n}`).click();
    await condition.getByLabel('Résultat').selectOption({ label: 'Remplie' });
    await condition.getByLabel('Note').fill(n === 1 ? 'Fenêtres masquées, vérifié sur l’écran du centre de supervision.' : 'Caméras posées aux deux extrémités de l’allée, constaté sur place.');
    await condition.getByRole('button', { name: 'Enregistrer la vérification' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Vérification de la condition enregistrée.' })).toBeVisible();
    await expect(conditions.locator(`#condition-${n}`).locator('.tag')).toHaveText(['Remplie']);
  }
  await expectAccessible(page);
  await fits320(page);
  const reference = (await page.getByRole('link', { name: /^CE-\d{4}-\d{3,}$/ }).first().textContent())!.trim();
  await officerContext.close();

  // A resident sees the authorisation and the kept promises (served live, outside the sealed entry).
  const residentContext = await browser.newContext();
  const resident = await residentContext.newPage();
  await resident.goto(`/registre/${reference}`);
  const publicAuthorisation = resident.getByRole('region', { name: 'Autorisation préfectorale' });
  await expect(publicAuthorisation).toContainText('autorisée');
  const [y, m, d] = parisDay(0).split('-').map(Number) as [number, number, number];
  const expiry = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y + 5, m - 1, Math.min(d, new Date(Date.UTC(y + 5, m, 0)).getUTCDate()))));
  await expect(publicAuthorisation).toContainText(expiry);
  await expect(publicAuthorisation).toContainText('AP 2026-VP-0999');
  await expect(resident.getByText('condition remplie')).toHaveCount(2);
  await expectAccessible(resident);
  await fits320(resident);
  // The open data says the same, beside the sealed entry.
  const served = await (await resident.request.get(`/api/v1/decisions/${reference}`)).json();
  expect(served.authorisation).toMatchObject({ status: 'granted', grantedAt: parisDay(0), reference: 'AP 2026-VP-0999' });
  expect(served.conditionsFollowUp.map((c: { state: string }) => c.state)).toEqual(['met', 'met']);
  await residentContext.close();
});
