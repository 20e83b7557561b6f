import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { DEMO, expectAccessible, labelled, signIn } from './support';

/**
 * Issue 10, item 2: cameras in service. The prevention officer records the day the
 * cameras of an authorised file were put in service (refused before the prefect's
 * grant), takes one out of service with a public reason, and residents read the new
 * register entry; the technician proposes a change, which opens a new, linked draft.
 *
 * The prefect's authorisation is recorded by the follow-up commands (another part of
 * the issue); this journey writes a granted one straight into the database, so it runs
 * where the database can be reached from the test: on PostgreSQL (E2E_DATABASE_URL).
 */

const DAY = 86_400_000;
const parisDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

async function expectReflows(page: Page) {
  await page.setViewportSize({ width: 320, height: 800 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width} px wide`).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('cameras put in service after the grant, one taken out and published, a change proposed', async ({ page }) => {
  test.setTimeout(180_000);
  const url = process.env.E2E_DATABASE_URL;
  test.skip(!url, 'needs E2E_DATABASE_URL (PostgreSQL) to record the prefect’s authorisation behind the app');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let file: { decision_id: string; proposal_id: string; author_email: string };
  const grantedOn = parisDay(-60);
  try {
    // A published favourable decision, not revoked, whose authorisation nobody has recorded yet.
    const { rows } = await client.query<{ decision_id: string; proposal_id: string; author_email: string }>(`
      SELECT d.id AS decision_id, p.id AS proposal_id, u.email AS author_email
      FROM register_entries r
      JOIN decisions d ON d.id = r.decision_id
      JOIN proposals p ON p.id = d.proposal_id
      JOIN users u ON u.id = p.author_id
      WHERE r.kind = 'decision' AND r.outcome IN ('favourable', 'favourable_with_conditions')
        AND NOT EXISTS (SELECT 1 FROM register_entries x WHERE x.decision_id = d.id AND x.kind = 'revocation')
        AND NOT EXISTS (SELECT 1 FROM authorisations a WHERE a.decision_id = d.id)
        AND EXISTS (SELECT 1 FROM cameras c WHERE c.proposal_id = p.id)
        -- The prefect authorises the street and places open to the public, never a landlord's common area.
        AND NOT EXISTS (SELECT 1 FROM cameras c WHERE c.proposal_id = p.id AND c.regime = 'private_common_area')
      ORDER BY r.sequence DESC LIMIT 1`);
    expect(rows, 'a published favourable decision without an authorisation').toHaveLength(1);
    file = rows[0]!;
    await client.query(
      `INSERT INTO authorisations (decision_id, filed_on, prefecture_reference, prefect_decision, prefect_decided_on, order_reference)
       VALUES ($1, $2, 'PREF-92-E2E', 'granted', $3, 'AP-E2E-001')`,
      [file.decision_id, parisDay(-150), grantedOn],
    );
  } finally {
    await client.end();
  }

  // The prevention officer opens the file: the authorisation, the cameras, the form.
  await signIn(page, DEMO.diagnostician);
  await page.goto(`/espace/propositions/${file.proposal_id}`);
  const section = page.getByRole('region', { name: 'Caméras en service' });
  await expect(section).toContainText('Autorisation préfectorale accordée le');
  await expectAccessible(page);
  await expectReflows(page);

  // A day before the grant is refused, with the grant day named; nothing recorded.
  await labelled(page, 'Jour de mise en service de la caméra 1').fill(parisDay(-61));
  await page.getByRole('button', { name: 'Enregistrer les mises en service' }).click();
  // The error summary links to the field, which carries the message too.
  await expect(page.getByRole('link', { name: /Ce jour précède l’autorisation du préfet/ })).toBeVisible();
  await expect(section).toContainText(`Ce jour précède l’autorisation du préfet, accordée le ${grantedOn}.`);
  await expectAccessible(page);

  // The day after the grant: recorded.
  await labelled(page, 'Jour de mise en service de la caméra 1').fill(parisDay(-59));
  await page.getByRole('button', { name: 'Enregistrer les mises en service' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Les mises en service ont été enregistrées.' })).toBeVisible();
  const row = page.getByRole('region', { name: /^Jours de mise en service/ }).getByRole('row', { name: /Caméra 1/ });
  await expect(row).toContainText('En service');

  // Taken out of service, with a public reason: a new register entry.
  const reason = 'Caméra déposée : le hall a été réaménagé et mieux éclairé.';
  await labelled(page, 'Caméra').selectOption({ label: 'Caméra 1' });
  await labelled(page, 'Jour de mise hors service').fill(parisDay(-1));
  await labelled(page, 'Motif (public)').fill(reason);
  await page.getByLabel(/Je confirme la mise hors service/).check();
  await page.getByRole('button', { name: 'Mettre hors service et publier' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'La caméra a été mise hors service' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Jours de mise en service/ }).getByRole('row', { name: /Caméra 1/ })).toContainText(reason);
  await expectAccessible(page);

  // The file names the latest version of its entry: the decommissioning, public.
  const latest = page.locator('.publication-notice').getByRole('link', { name: /^CE-/ }).last();
  const reference = (await latest.textContent())!.trim();
  await page.goto(`/registre/${reference}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Mise hors service ${reference}`);
  await expect(page.getByText(/Mise hors service de 1 caméra/)).toBeVisible();
  await expect(page.getByText(`Motif : ${reason}`).first()).toBeVisible();
  await expectAccessible(page);
  await expectReflows(page);
  // The register still verifies with the new entry.
  expect(await (await page.request.get('/api/v1/register/verify')).json()).toMatchObject({ ok: true });

  // The technician who wrote the file proposes a change: a new draft, pre-filled and linked.
  // (Off the page first: a prefetch in flight could bring the previous session's cookie back.)
  await page.goto('about:blank');
  await page.context().clearCookies();
  await signIn(page, file.author_email);
  await page.goto(`/espace/propositions/${file.proposal_id}`);
  await page.getByRole('button', { name: 'Proposer une modification' }).click();
  await expect(page).toHaveURL(/\/espace\/propositions\/[0-9a-f-]+\/modifier/);
  await expect(page.getByText(/Modification du dossier VIG-\d{4}/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: /Voir le dossier VIG-/ }).click();
  await expect(page.getByRole('region', { name: 'Dossiers ouverts depuis celui-ci' })).toContainText('Modification');
});
