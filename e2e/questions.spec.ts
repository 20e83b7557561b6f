import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectAccessible, signIn } from './support';

/**
 * Issue 10, item 6: a resident asks a question about a published decision WITHOUT
 * JavaScript, from the form on the decision page itself (a page served from the page
 * cache: each reader gets a freshly signed fill-time stamp); it stays hidden until the secretariat approves it; the chair designates a
 * member, who answers; the decision page then shows the question with its answer. The
 * anti-spam traps: a form sent too fast is refused with a message (the text is kept), a
 * filled honeypot is answered like a success and stores nothing. Each page visited is
 * scanned with axe and read at 320 px.
 */
test.describe.configure({ mode: 'serial' });

const stamp = Date.now();
const ASKED = `Les images du hall sont-elles visionnées en direct ? (e2e ${stamp}) Je suis Jean Exemple, 3e étage.`;
const PUBLISHED = `Les images du hall sont-elles visionnées en direct ? (e2e ${stamp})`;
const SPAM = `Achetez des montres pas chères (e2e ${stamp})`;
const ANSWER = `Non : les images ne sont regardées qu’après un signalement, par deux agents habilités. (e2e ${stamp})`;
let decisionPath = '';
const STAMP_FORMAT = /^\d{13}\.[A-Za-z0-9_-]{43}$/;

/** Axe clean, and no sideways scrolling at 320 CSS px. */
async function checkPage(page: Page) {
  await expectAccessible(page);
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width} px wide at 320 px`).toBeLessThanOrEqual(320);
  if (size) await page.setViewportSize(size);
}

test.describe('a resident, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('asks a question from the form on a decision page; too fast is refused with the text kept; a spam trap stores nothing', async ({ page }) => {
    await page.goto('/registre');
    decisionPath = (await page.locator('.register-list a').first().getAttribute('href'))!;
    expect(decisionPath).toMatch(/^\/registre\/CE-\d{4}-\d{3,}$/);

    // The decision page is kept in the page cache, yet each reader gets a stamp of their own, never the placeholder.
    const stamps: string[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await page.goto(decisionPath);
      expect(response?.headers()['x-vigie-cache'], 'the decision page comes from the page cache').toMatch(/^(HIT|MISS)$/);
      expect(await response!.text()).not.toContain('vigie-form-stamp-placeholder');
      stamps.push((await page.locator('input[name="stamp"]').getAttribute('value'))!);
      await page.waitForTimeout(20);
    }
    expect(stamps[0]).toMatch(STAMP_FORMAT);
    expect(stamps[1]).toMatch(STAMP_FORMAT);
    expect(stamps[0]).not.toBe(stamps[1]);

    const section = page.getByRole('region', { name: 'Questions des habitant·es' });
    await expect(section).toBeVisible();
    await expect(section.getByRole('heading', { level: 3, name: 'Poser une question ou signaler un problème' })).toBeVisible();
    // Requests for one's own images go to the data controller, not the committee.
    await expect(section.getByRole('link', { name: 'voir la page « Données personnelles »' })).toHaveAttribute('href', '/donnees-personnelles');

    // Sent at once from the decision page: a person has not had time to write; the question
    // page shows the refusal with the text, to be sent again.
    await section.getByLabel('Votre question ou votre signalement').fill(ASKED);
    await section.getByLabel('Votre adresse électronique (facultative)').fill('resident@example.test');
    await section.getByRole('button', { name: 'Envoyer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Poser une question sur la décision/ })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe(`${decisionPath}/question`);
    await expect(page.locator('.error-summary')).toContainText('très vite');
    await expect(page.getByLabel('Votre question ou votre signalement')).toHaveValue(ASKED);
    await expect(page.getByLabel('Votre adresse électronique (facultative)')).toHaveValue('resident@example.test');

    // A wrong email: the field says so, nothing typed is lost.
    await page.getByLabel('Votre adresse électronique (facultative)').fill('pas-une-adresse');
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await expect(page.locator('.error-summary')).toContainText('Votre adresse électronique (facultative)');
    await expect(page.getByLabel('Votre question ou votre signalement')).toHaveValue(ASKED);

    await page.getByLabel('Votre adresse électronique (facultative)').fill('');
    await page.waitForTimeout(3200);
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await expect(page.getByRole('status')).toContainText('Merci, votre message est bien reçu.');
    expect(new URL(page.url()).pathname).toBe(`${decisionPath}/question`);

    // Not shown before moderation.
    await page.goto(decisionPath);
    await expect(page.getByText(`(e2e ${stamp})`)).toHaveCount(0);

    // A robot fills the hidden field on the decision page: answered like a success, stored nowhere (checked by the secretariat below).
    await page.goto(decisionPath);
    await page.waitForTimeout(3200);
    await page.getByLabel('Votre question ou votre signalement').fill(SPAM);
    await page.locator('#website').fill('http://spam.example', { force: true });
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await expect(page.getByRole('status')).toContainText('Merci, votre message est bien reçu.');
    expect(new URL(page.url()).pathname).toBe(`${decisionPath}/question`);
  });
});

test('the decision page with its form and the question page are accessible and reflow, the error summary included', async ({ page }) => {
  // With JavaScript the decision page's form answers in place.
  await page.goto(decisionPath);
  await checkPage(page);
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.getByText('Ce champ est obligatoire').first()).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(decisionPath);
  await checkPage(page);

  await page.goto(`${decisionPath}/question`);
  await checkPage(page);
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.getByText('Ce champ est obligatoire').first()).toBeVisible();
  await checkPage(page);
});

test('the secretariat approves it with personal data removed; the spam never arrived', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.getByRole('navigation', { name: 'Navigation de l’espace agents' }).getByRole('link', { name: 'Questions à modérer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Questions des habitant·es à modérer' })).toBeVisible();
  await expect(page.getByText(SPAM)).toHaveCount(0);
  const card = page.getByRole('listitem').filter({ hasText: ASKED });
  await expect(card).toHaveCount(1);
  await checkPage(page);
  // A refusal (here, a text over 2,000 characters) comes back to the form with the text as typed.
  const tooLong = `${PUBLISHED} ${'x'.repeat(2000)}`;
  await card.getByLabel('Texte publié').fill(tooLong);
  await card.getByRole('button', { name: 'Accepter et publier' }).click();
  await expect(card.locator('.error-summary')).toBeFocused();
  await expect(card.locator('.error-summary')).toContainText(/2\s000 caractères au maximum/);
  await expect(card.getByLabel('Texte publié')).toHaveValue(tooLong);
  await checkPage(page);
  await card.getByLabel('Texte publié').fill(PUBLISHED);
  await card.getByRole('button', { name: 'Accepter et publier' }).click();
  await expect(page.getByRole('status')).toContainText('La question est acceptée et publiée');
  await expect(page.getByText(ASKED)).toHaveCount(0);
});

test('the chair designates a member to answer', async ({ page }) => {
  await signIn(page, DEMO.chair);
  await page.goto('/espace/questions/reponses');
  const card = page.getByRole('listitem').filter({ hasText: PUBLISHED });
  await expect(card).toHaveCount(1);
  await checkPage(page);
  await card.getByLabel('Membre désigné pour répondre').selectOption({ label: 'Jean-Pierre Roussel' });
  await card.getByRole('button', { name: 'Désigner' }).click();
  await expect(page.getByRole('status')).toContainText('La désignation est enregistrée.');
  await expect(page.getByRole('listitem').filter({ hasText: PUBLISHED })).toContainText('Confiée à : Jean-Pierre Roussel');
});

test('the designated member answers; the decision page shows the question with its answer, never the asker', async ({ page }) => {
  await signIn(page, DEMO.member);
  await page.goto('/espace/questions/reponses');
  const card = page.getByRole('listitem').filter({ hasText: PUBLISHED });
  await expect(card).toHaveCount(1);
  await card.getByLabel('Réponse du comité').fill(ANSWER);
  await card.getByRole('button', { name: 'Publier la réponse' }).click();
  await expect(page.getByRole('status')).toContainText('La réponse est publiée');

  // As a resident (a fresh context: anonymous, served through the page cache).
  const resident = await page.context().browser()!.newContext({ locale: 'fr-FR' });
  const publicPage = await resident.newPage();
  await publicPage.goto(`${page.url().split('/espace')[0]}${decisionPath}`);
  const section = publicPage.getByRole('region', { name: 'Questions des habitant·es' });
  const item = section.getByRole('listitem').filter({ hasText: PUBLISHED });
  await expect(item).toContainText(ANSWER);
  await expect(section).not.toContainText('Jean Exemple');
  await expect(section).not.toContainText('resident@example.test');
  await checkPage(publicPage);
  await resident.close();
});
