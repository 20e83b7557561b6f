import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, expectAccessible, signIn } from './support';

/**
 * The committee's review of a file (issue 7): the chair asks the technician a question,
 * the technician answers from the file page, members deliberate internally; and the
 * admin changes the committee's rules, each change in their history.
 */

async function as(browser: Browser, email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', ...(viewport ? { viewport } : {}) });
  await context.route('https://tile.openstreetmap.org/**', (route) => route.fulfill({ status: 204 }));
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** The address of a file under review: one already there, else the chair schedules a diagnosed one from its page. */
async function fileUnderReview(chair: Page): Promise<string> {
  await chair.goto('/espace/propositions?vue=all');
  const underReview = chair.locator('tbody tr', { hasText: 'En examen par le comité' });
  if (await underReview.count()) {
    await underReview.first().locator('a').first().click();
  } else {
    await chair.locator('tbody tr', { hasText: 'Prête pour le comité' }).first().locator('a').first().click();
    await chair.getByRole('checkbox', { name: /Je confirme l’inscription/ }).check();
    await chair.getByRole('button', { name: 'Inscrire à l’examen du comité' }).click();
    await expect(chair.getByRole('status').filter({ hasText: 'Le dossier est inscrit à l’examen du comité.' })).toBeVisible();
  }
  // On the file's own page (the list shows states too).
  await chair.waitForURL(/\/espace\/propositions\/[0-9a-f-]{36}(\?.*)?$/);
  await expect(chair.getByRole('paragraph').filter({ has: chair.getByText('En examen par le comité', { exact: true }) })).toBeVisible();
  return new URL(chair.url()).pathname;
}

const QUESTION = 'L’éclairage renforcé a-t-il été évalué sur une année entière ?';
const ANSWER = 'Oui : le bilan du bailleur montre un effet la nuit seulement.';
const MESSAGE = 'Le masquage des fenêtres me paraît suffisant ; attendons le bilan à un an.';

test('the chair asks a question, the technician answers, a member deliberates out of the technician’s sight', async ({ browser }) => {
  test.setTimeout(120_000);
  const chair = await as(browser, DEMO.chair);
  const fileUrl = await fileUnderReview(chair);
  const fileTitle = (await chair.getByRole('heading', { level: 1 }).textContent())!;

  // The chair asks; an empty question is refused with the error summary.
  const questions = chair.getByRole('region', { name: 'Questions du comité et réponses' });
  await expect(questions.getByText('Aucune question posée.')).toBeVisible();
  await questions.getByRole('button', { name: 'Envoyer la question' }).click();
  await expect(chair.locator('.error-summary')).toBeFocused();
  await expect(chair.getByLabel(/Question au technicien ou à la technicienne/)).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(chair);
  await chair.getByLabel(/Question au technicien ou à la technicienne/).fill(QUESTION);
  await chair.getByRole('button', { name: 'Envoyer la question' }).click();
  await expect(chair.getByRole('status').filter({ hasText: 'La question a été envoyée.' })).toBeVisible();
  await expect(chair.getByText('Complément demandé', { exact: true })).toBeVisible();
  await expect(chair.getByRole('region', { name: 'Questions du comité et réponses' })).toContainText(QUESTION);
  await expect(chair.getByRole('button', { name: 'Envoyer la question' })).toHaveCount(0);
  await expectAccessible(chair);

  // The technician answers from the file page; the committee's deliberation is not theirs to see.
  const technician = await as(browser, DEMO.technician);
  await technician.goto(fileUrl);
  await expect(technician.getByRole('heading', { level: 1 })).toHaveText(fileTitle);
  await expect(technician.getByText('Complément demandé', { exact: true })).toBeVisible();
  await expect(technician.getByRole('heading', { name: 'Délibération du comité (interne)' })).toHaveCount(0);
  await expectAccessible(technician);
  await technician.getByLabel(/Votre réponse/).fill(ANSWER);
  await technician.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await expect(technician.getByRole('status').filter({ hasText: 'Votre réponse a été envoyée.' })).toBeVisible();
  await expect(technician.getByText('En examen par le comité', { exact: true })).toBeVisible();
  const answered = technician.getByRole('region', { name: 'Questions du comité et réponses' });
  await expect(answered).toContainText(QUESTION);
  await expect(answered).toContainText(ANSWER);
  await expect(technician.getByRole('button', { name: 'Envoyer la réponse' })).toHaveCount(0);
  // Both are in the file's history, with their text.
  await expect(technician.getByRole('list').filter({ hasText: 'Questions posées au technicien' })).toContainText(QUESTION);
  await expect(technician.getByRole('list').filter({ hasText: 'Réponses apportées aux questions du comité' })).toContainText(ANSWER);
  await expectAccessible(technician);

  // A member reads the Q&A and deliberates; at 320 px the page reads without scrolling sideways.
  const member = await as(browser, DEMO.member, { width: 320, height: 800 });
  await member.goto(fileUrl);
  await expect(member.getByRole('region', { name: 'Questions du comité et réponses' })).toContainText(ANSWER);
  const deliberation = member.getByRole('region', { name: 'Délibération du comité (interne)' });
  await expect(deliberation.getByText('Aucun message pour l’instant.')).toBeVisible();
  await deliberation.getByLabel(/Votre message/).fill(MESSAGE);
  await deliberation.getByRole('button', { name: 'Ajouter à la délibération' }).click();
  await expect(member.getByRole('status').filter({ hasText: 'Votre message a été ajouté à la délibération.' })).toBeVisible();
  await expect(member.getByRole('list', { name: 'Messages de la délibération' }).getByRole('listitem')).toHaveCount(1);
  await expect(member.getByRole('list', { name: 'Messages de la délibération' })).toContainText(MESSAGE);
  expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectAccessible(member);

  // The chair reads it too; the technician still sees no trace of its text.
  await chair.reload();
  await expect(chair.getByRole('list', { name: 'Messages de la délibération' })).toContainText(MESSAGE);
  await technician.reload();
  await expect(technician.getByText(MESSAGE)).toHaveCount(0);
  await expect(technician.getByText('Message ajouté à la délibération interne du comité')).toHaveCount(0);
  await expect(chair.getByText('Message ajouté à la délibération interne du comité')).toHaveCount(1);
  await expect(technician.getByRole('heading', { name: 'Délibération du comité (interne)' })).toHaveCount(0);
});

test('the admin changes the notice period and sees the change in the rules’ history', async ({ browser }) => {
  const admin = await as(browser, DEMO.admin);
  await admin.getByRole('navigation', { name: 'Navigation de l’espace agents' }).getByRole('link', { name: 'Règles du comité' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Règles du comité' })).toBeVisible();
  // The defaults, explained.
  await expect(admin.getByRole('radio', { name: /La majorité des membres en fonction/ })).toBeChecked();
  await expect(admin.getByRole('radio', { name: /Plus de « pour » que de « contre »/ })).toBeChecked();
  await expect(admin.getByRole('checkbox', { name: /voix prépondérante/ })).toBeChecked();
  await expect(admin.getByRole('checkbox', { name: /procuration/ })).not.toBeChecked();
  await expect(admin.getByLabel(/Délai de convocation \(jours\)/)).toHaveValue('5');
  await expectAccessible(admin);

  // A fixed quorum needs its number: refused, with the summary and the values typed kept.
  await admin.getByRole('radio', { name: 'Un nombre fixe de membres présents' }).check();
  await admin.getByLabel(/Délai de convocation \(jours\)/).fill('7');
  await admin.getByRole('button', { name: 'Enregistrer les règles' }).click();
  await expect(admin.locator('.error-summary')).toBeFocused();
  await expect(admin.getByLabel('Nombre de membres présents requis')).toHaveAttribute('aria-invalid', 'true');
  await expect(admin.getByLabel(/Délai de convocation \(jours\)/)).toHaveValue('7');
  await expectAccessible(admin);

  await admin.getByRole('radio', { name: /La majorité des membres en fonction/ }).check();
  await admin.getByRole('button', { name: 'Enregistrer les règles' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Les règles du comité ont été enregistrées.' })).toBeVisible();
  await expect(admin.getByLabel(/Délai de convocation \(jours\)/)).toHaveValue('7');
  await expect(admin.locator('.timeline li').first()).toContainText('Règles du comité modifiées : délai de convocation : 5 → 7');
  await expect(admin.locator('.timeline li').first()).toContainText('par ');
  await expectAccessible(admin);

  // Back to the default, for the journeys that follow: a second line in the history.
  await admin.getByLabel(/Délai de convocation \(jours\)/).fill('5');
  await admin.getByRole('button', { name: 'Enregistrer les règles' }).click();
  await expect(admin.locator('.timeline li').first()).toContainText('délai de convocation : 7 → 5');
  await expect(admin.locator('.timeline li')).toHaveCount(2);
});
