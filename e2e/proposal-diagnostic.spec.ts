import { expect, test, type Browser, type Page } from '@playwright/test';
import { alertBox, DEMO, expectAccessible, fillDiagnostic, labelled, signIn } from './support';


/** A signed-in page of its own for one person. */
async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  // No internet in tests: answer map tiles with nothing instead of letting them fail.
  await context.route('https://tile.openstreetmap.org/**', (route) => route.fulfill({ status: 204 }));
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test('a proposal goes from draft to "ready for the committee", and each role sees what it should', async ({ browser }) => {
  test.setTimeout(180_000);
  const technician = await as(browser, DEMO.technician);

  // The technician starts a draft.
  await technician.getByRole('navigation', { name: 'Navigation de l’espace agents' }).getByRole('link', { name: 'Propositions' }).click();
  await expectAccessible(technician);
  await technician.getByRole('link', { name: 'Nouvelle proposition' }).click();
  // Sent without a site: the server's answer opens with the error summary, focused, saying what to do.
  await technician.getByRole('button', { name: 'Créer le brouillon' }).click();
  await expect(technician.getByRole('heading', { name: 'Le formulaire contient 2 erreurs' })).toBeVisible();
  await expect(technician.locator('.error-summary')).toBeFocused();
  await expect(technician.locator('.error-summary').getByRole('link', { name: /Choisissez une résidence\./ })).toHaveAttribute('href', '#siteId');
  await technician.getByLabel('Titre').fill('Parvis du bâtiment C');
  await technician.getByLabel('Résidence').selectOption({ label: 'Résidence des Bergères – 12 rue des Bergères, 92800 Puteaux' });
  await technician.getByLabel('Titre').fill('Parvis du bâtiment C');
  await expectAccessible(technician);
  await technician.getByRole('button', { name: 'Créer le brouillon' }).click();
  await expect(technician.getByRole('heading', { level: 1 })).toContainText('Parvis du bâtiment C');
  await expect(technician.getByRole('status').filter({ hasText: 'Le brouillon a été créé' })).toBeVisible();
  const fileUrl = technician.url().replace(/\/modifier.*$/, '');

  // Nobody else sees a draft, not even the prevention officer.
  const officer = await as(browser, DEMO.diagnostician);
  expect((await officer.goto(fileUrl))?.status()).toBe(404);

  // One camera, placed with the map, seeing a building entrance, without masking; 45 days.
  await technician.getByRole('button', { name: 'Ajouter une caméra' }).click();
  const map = technician.getByRole('group', { name: 'Carte de la résidence' });
  await map.click({ position: { x: 200, y: 120 } });
  await expect(technician.getByLabel('Latitude')).not.toHaveValue('');
  await expect(technician.getByLabel('Longitude')).not.toHaveValue('');
  await technician.getByLabel('Emplacement').selectOption('outdoor');
  await technician.getByLabel('Type de caméra').selectOption('dome');
  await technician.getByLabel('Fixation').fill('Façade, 3 m');
  await technician.getByLabel('Orientation (degrés)').fill('180');
  await technician.getByLabel('Angle de vue (degrés)').fill('90');
  await technician.getByRole('radio', { name: /c’est un lieu ouvert au public/ }).check();
  await expect(technician.getByText(/Lieu ouvert au public : autorisation du préfet/)).toBeVisible();
  await technician.getByRole('checkbox', { name: 'Entrées d’immeuble' }).check();
  await technician.getByRole('checkbox', { name: /Prévention des atteintes aux personnes/ }).check();
  await technician.getByLabel('Durée de conservation (jours)').fill('45');
  await technician.getByLabel('Personnes habilitées à visionner les images').fill('Opérateurs du centre de supervision urbain');
  await technician.getByLabel('Responsable du traitement').fill('Ville de Puteaux');
  await technician.getByLabel('Finalités affichées').fill('Prévention des atteintes aux biens');
  await technician.getByLabel('Droits des personnes').fill('Droit d’accès aux images');
  await technician.getByLabel('Contact pour exercer ses droits').fill('dpo@demo.vigie.test');
  await technician.getByLabel('Durée de conservation affichée').fill('15 jours');
  await technician.getByRole('checkbox', { name: /pictogramme/ }).check();
  await technician.getByLabel('Téléphone du responsable').fill('01 23 45 67 89');
  await technician.getByLabel(/Droit de réclamation auprès de la CNIL/).fill('CNIL, 3 place de Fontenoy, 75007 Paris, www.cnil.fr/plaintes');
  await technician.getByLabel('Investissement estimé (€)').fill('9000');
  await technician.getByLabel('Coût annuel de fonctionnement (€)').fill('1200');
  await technician.getByLabel('Justification : problème constaté sur la résidence').fill('Dégradations du parvis chaque week-end.');

  // A draft may be saved as it is.
  await technician.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(technician.getByRole('status').filter({ hasText: 'Brouillon enregistré.' })).toBeVisible();

  // Submitting shows both rules on their fields, all in one round, with a focused summary linking to each field.
  await technician.getByRole('button', { name: 'Déposer la proposition' }).click();
  const summary = technician.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading', { name: 'Le formulaire contient 3 erreurs' })).toBeVisible();
  await summary.getByRole('link', { name: /Durée de conservation \(jours\) – La durée de conservation doit être/ }).click();
  await expect(technician.getByLabel('Durée de conservation (jours)')).toBeFocused();
  await summary.getByRole('link', { name: /Caméra 1 – Masquage prévu – / }).click();
  await expect(technician.getByRole('checkbox', { name: 'Masquage prévu', exact: true })).toBeFocused();
  const fieldError = (text: string) => technician.locator('.field .error-text', { hasText: text });
  await expect(fieldError('La durée de conservation doit être un nombre entier de jours, entre 1 et 30.')).toBeVisible();
  await expect(fieldError('Au-delà de 15 jours, justifiez la durée de conservation.')).toBeVisible();
  await expect(fieldError('Cette caméra voit une partie des logements que son cadre légal interdit de filmer : un masquage est obligatoire.')).toBeVisible();
  await expect(technician.getByLabel('Durée de conservation (jours)')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(technician);

  // Fixed, it goes through.
  await technician.getByLabel('Durée de conservation (jours)').fill('15');
  await technician.getByRole('checkbox', { name: 'Masquage prévu', exact: true }).check();
  await technician.getByLabel('Masquage prévu (description)').fill('Masque dynamique sur la porte du hall C');
  await technician.getByRole('button', { name: 'Déposer la proposition' }).click();
  await expect(technician.getByRole('status').filter({ hasText: 'La proposition a été déposée' })).toBeVisible();
  await expect(technician.getByText('Déposée', { exact: true })).toBeVisible();
  await expect(technician.getByRole('link', { name: 'Modifier le brouillon' })).toHaveCount(0);
  await expectAccessible(technician);

  // A committee member cannot see a file that has not been diagnosed.
  const member = await as(browser, DEMO.member);
  expect((await member.goto(fileUrl))?.status()).toBe(404);

  // The prevention officer finds it in their queue and concludes the diagnostic.
  await officer.goto('/espace');
  const queue = officer.getByRole('region', { name: /Diagnostics à mener/ });
  await queue.getByRole('link', { name: /Parvis du bâtiment C/ }).click();
  await expect(officer.getByRole('heading', { level: 1 })).toContainText('Parvis du bâtiment C');
  await officer.getByRole('button', { name: 'Commencer le diagnostic' }).click();
  await expect(officer.getByRole('status').filter({ hasText: 'Le diagnostic est commencé.' })).toBeVisible();
  await expectAccessible(officer);

  await fillDiagnostic(officer, {
    facts: '23',
    site: 'Parvis ouvert entre deux bâtiments.',
    landlord: 'Puteaux Habitat, réunion du 2 mars.',
    tenants: 'Amicale consultée le 9 mars.',
    police: 'Avis du référent sûreté du 12 mars.',
    lighting: 'Renforcé en 2025, sans effet le week-end.',
    mediation: 'Médiateurs présents le vendredi.',
    nightCorrespondents: 'Absents du secteur.',
    accessControl: 'Sans objet : parvis ouvert.',
    layout: 'Jardinières posées en 2024.',
    proportionality: 'Une caméra, champ limité au parvis.',
    privacyRisks: 'Porte du hall masquée.',
    expectedEffect: 'Moins de dégradations.',
    cost: '9 000 € puis 1 200 € par an.',
  });

  // Concluding with the public summary missing and without confirming is refused on those fields.
  await officer.getByRole('button', { name: 'Conclure et signer le diagnostic' }).click();
  await expect(officer.getByLabel('Résumé public')).toHaveAttribute('aria-invalid', 'true');
  await expect(officer.locator('.error-summary')).toBeFocused();
  await expect(officer.locator('.error-summary')).toContainText('Cochez la case pour confirmer que vous signez ce diagnostic.');
  await expectAccessible(officer);
  await officer.getByLabel('Résumé public').fill('Une caméra sur le parvis du bâtiment C, porte du hall masquée.');
  await officer.getByRole('checkbox', { name: 'Je confirme conclure et signer ce diagnostic en mon nom.' }).check();
  await officer.getByRole('button', { name: 'Conclure et signer le diagnostic' }).click();
  await expect(officer.getByRole('status').filter({ hasText: 'Le diagnostic est conclu et signé' })).toBeVisible();
  await expect(officer.getByText('Prête pour le comité', { exact: true })).toBeVisible();

  // The signed diagnostic reads as such, and is no longer a form.
  await officer.getByRole('link', { name: 'Ouvrir le diagnostic' }).click();
  await expect(officer.getByText(/Conclu et signé le .* par Claire Dumoulin/)).toBeVisible();
  await expect(officer.getByRole('button', { name: 'Conclure et signer le diagnostic' })).toHaveCount(0);
  await expectAccessible(officer);

  // Now the committee sees it; only the chair may put it on the agenda.
  await member.goto('/espace');
  await member.getByRole('region', { name: /Dossiers prêts pour le comité/ }).getByRole('link', { name: /Parvis du bâtiment C/ }).click();
  await expect(member.getByRole('heading', { level: 1 })).toContainText('Parvis du bâtiment C');
  await expect(member.getByText('Prête pour le comité', { exact: true })).toBeVisible();
  await expect(member.getByRole('button', { name: 'Inscrire à l’examen du comité' })).toHaveCount(0);
  await expectAccessible(member);

  const chair = await as(browser, DEMO.chair);
  await chair.goto(fileUrl);
  // Not without confirming: it cannot be undone.
  await chair.getByRole('button', { name: 'Inscrire à l’examen du comité' }).click();
  await expect(chair.locator('.error-summary')).toBeFocused();
  await expect(chair.getByText('Cochez la case pour confirmer l’inscription à l’examen du comité.').first()).toBeVisible();
  await expect(chair.getByText('Prête pour le comité', { exact: true })).toBeVisible();
  await expectAccessible(chair);
  await chair.getByRole('checkbox', { name: /Je confirme l’inscription/ }).check();
  await chair.getByRole('button', { name: 'Inscrire à l’examen du comité' }).click();
  await expect(chair.getByRole('status').filter({ hasText: 'Le dossier est inscrit à l’examen du comité.' })).toBeVisible();
  await expect(chair.getByText('En examen par le comité', { exact: true })).toBeVisible();

  // On the committee's home, the file is now counted under review, not as ready.
  await member.goto('/espace');
  await expect(member.getByRole('region', { name: /Dossiers en examen par le comité/ }).getByRole('link', { name: /Parvis du bâtiment C/ })).toBeVisible();
  await expect(member.getByRole('region', { name: /Dossiers prêts pour le comité/ }).getByRole('link', { name: /Parvis du bâtiment C/ })).toHaveCount(0);

  // The whole way is in the history.
  await technician.goto(fileUrl);
  const history = technician.getByRole('list').filter({ hasText: 'Proposition créée' });
  for (const step of ['Proposition déposée', 'Diagnostic commencé', 'Diagnostic conclu et signé', 'Inscrite à l’examen du comité']) {
    await expect(history).toContainText(step);
  }
});

test('a technician withdraws a submitted proposal with a reason', async ({ browser }) => {
  const technician = await as(browser, DEMO.technician);
  await technician.goto('/espace/propositions?vue=mine');
  await technician.getByRole('link', { name: /Hall du bâtiment A/ }).click();
  await technician.getByRole('button', { name: 'Retirer la proposition' }).click();
  await expect(technician.getByLabel('Motif du retrait')).toHaveAttribute('aria-invalid', 'true');
  await expect(technician.locator('.error-summary')).toBeFocused();
  await expect(technician.locator('.error-summary').getByRole('heading')).toHaveText('Le formulaire contient 2 erreurs');
  await technician.getByLabel('Motif du retrait').fill('Le bailleur installe un contrôle d’accès.');
  // The reason alone is not enough: withdrawing cannot be undone. The refused form keeps the reason typed.
  await technician.getByRole('button', { name: 'Retirer la proposition' }).click();
  // Wait for this answer (one error left), not the first one still on screen, before ticking the box.
  await expect(technician.locator('.error-summary').getByRole('heading')).toHaveText('Le formulaire contient 1 erreur');
  await expect(technician.getByText('Cochez la case pour confirmer le retrait.').first()).toBeVisible();
  await expect(technician.getByLabel('Motif du retrait')).toHaveValue('Le bailleur installe un contrôle d’accès.');
  await technician.getByRole('checkbox', { name: /Je confirme le retrait/ }).check();
  await technician.getByRole('button', { name: 'Retirer la proposition' }).click();
  await expect(technician.getByRole('status').filter({ hasText: 'La proposition a été retirée.' })).toBeVisible();
  await expect(technician.getByText('Le bailleur installe un contrôle d’accès.').first()).toBeVisible();
  await expectAccessible(technician);
});

test('two tabs editing the same draft: the second save is refused instead of overwriting', async ({ browser }) => {
  const first = await as(browser, DEMO.technician);
  await first.goto('/espace/propositions?vue=mine');
  await first.getByRole('link', { name: /Accès au parking souterrain/ }).click();
  await first.getByRole('link', { name: 'Modifier le brouillon' }).click();
  await first.waitForURL(/\/modifier$/);
  const second = await first.context().newPage();
  await second.goto(first.url());

  await first.getByLabel('Titre').fill('Accès au parking souterrain (rampe)');
  await first.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(first.getByRole('status').filter({ hasText: 'Brouillon enregistré.' })).toBeVisible();

  await second.getByLabel('Titre').fill('Autre titre');
  await second.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(alertBox(second)).toContainText('modifiées par quelqu’un d’autre depuis que vous avez ouvert la page');
  await second.reload();
  await expect(second.getByLabel('Titre')).toHaveValue('Accès au parking souterrain (rampe)');
});

test('a signed diagnostic is revised through a new version; others keep reading the signed one', async ({ browser }) => {
  const officer = await as(browser, DEMO.diagnostician);
  await officer.goto('/espace/propositions?vue=all');
  await officer.getByRole('link', { name: /Entrée principale/ }).click();
  await expect(officer.getByRole('heading', { level: 1 })).toContainText('Entrée principale');
  await officer.getByRole('button', { name: 'Ouvrir une nouvelle version du diagnostic' }).click();
  await expect(officer.getByRole('status').filter({ hasText: 'Une nouvelle version du diagnostic est ouverte.' })).toBeVisible();
  await expect(officer.getByText('Version 2 – En cours de rédaction')).toBeVisible();
  // The new version starts from the signed one, without its conclusion.
  await expect(officer.getByLabel('Description du site')).toHaveValue(/Résidence de 58 logements/);
  await expect(labelled(officer, 'Conclusion')).toHaveValue('');
  const previous = officer.getByRole('region', { name: 'Versions précédentes' });
  await previous.locator('summary', { hasText: 'Version 1' }).click();
  await expect(previous.getByText(/Conclu et signé le .* par Claire Dumoulin/)).toBeVisible();
  await expectAccessible(officer);

  // A committee member reads the signed version only, not the draft being written.
  const member = await as(browser, DEMO.member);
  await member.goto(officer.url().replace(/\?.*$/, ''));
  await expect(member.getByText(/Version 1 – Conclu et signé/)).toBeVisible();
  await expect(member.getByText('Version 2')).toHaveCount(0);
  await expectAccessible(member);
});
