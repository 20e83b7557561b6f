import { expect, test, type Browser, type Page } from '@playwright/test';
import { alertBox, DEMO, expectAccessible, fillDiagnostic, signIn, tabTo } from './support';

const FILE = 'Cour de la résidence Voltaire';

/**
 * Issue 7: the committee at work. The chair plans a session, puts a file on its agenda,
 * convenes it late with a reason and holds it; members declare conflicts and vote; the
 * chair closes the vote, signs the reasoned opinion, closes the session and signs the
 * minutes. The two tests share a file of their own ("Cour de la résidence Voltaire",
 * made here so that the demo's files stay as other journeys expect them): the first puts
 * it under review and leaves it carried over, the second decides it.
 */
test.describe.configure({ mode: 'serial' });

const MEMBERS = {
  chair: 'Hélène Marchand',
  membre1: 'Jean-Pierre Roussel',
  membre2: 'Aminata Diallo',
  membre3: 'Thomas Garnier',
  membre4: 'Nadia Belkacem',
  membre5: 'Marc Olivier',
};

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  // No internet in tests: answer map tiles with nothing instead of letting them fail.
  await context.route('https://tile.openstreetmap.org/**', (route) => route.fulfill({ status: 204 }));
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}


/** A proposal submitted by the technician and diagnosed by the officer: the address of its file. */
async function diagnosedFile(browser: Browser): Promise<string> {
  const technician = await as(browser, DEMO.technician);
  await technician.goto('/espace/propositions/nouvelle');
  await technician.getByLabel('Titre').fill(FILE);
  await technician.getByLabel('Résidence').selectOption({ label: 'Résidence Voltaire – 3 boulevard Richard-Wallace, 92800 Puteaux' });
  await technician.getByRole('button', { name: 'Créer le brouillon' }).click();
  await expect(technician.getByRole('status').filter({ hasText: 'Le brouillon a été créé' })).toBeVisible();
  await technician.getByRole('button', { name: 'Ajouter une caméra' }).click();
  await technician.getByLabel('Latitude').fill('48.8762');
  await technician.getByLabel('Longitude').fill('2.2388');
  await technician.getByLabel('Emplacement').selectOption('outdoor');
  await technician.getByLabel('Type de caméra').selectOption('fixed');
  await technician.getByLabel('Fixation').fill('Mât, 4 m');
  await technician.getByLabel('Orientation (degrés)').fill('90');
  await technician.getByLabel('Angle de vue (degrés)').fill('60');
  await technician.getByRole('radio', { name: /c’est un lieu ouvert au public/ }).check();
  await technician.getByRole('checkbox', { name: /Prévention des atteintes aux personnes/ }).check();
  await technician.getByLabel('Durée de conservation (jours)').fill('10');
  await technician.getByLabel('Personnes habilitées à visionner les images').fill('Opérateurs du centre de supervision urbain');
  await technician.getByLabel('Responsable du traitement').fill('Ville de Puteaux');
  await technician.getByLabel('Finalités affichées').fill('Prévention des atteintes aux biens');
  await technician.getByLabel('Droits des personnes').fill('Droit d’accès aux images');
  await technician.getByLabel('Contact pour exercer ses droits').fill('dpo@demo.vigie.test');
  await technician.getByLabel('Durée de conservation affichée').fill('10 jours');
  await technician.getByRole('checkbox', { name: /pictogramme/ }).check();
  await technician.getByLabel('Téléphone du responsable').fill('01 23 45 67 89');
  await technician.getByLabel(/Droit de réclamation auprès de la CNIL/).fill('CNIL, 3 place de Fontenoy, 75007 Paris, www.cnil.fr/plaintes');
  await technician.getByLabel('Investissement estimé (€)').fill('8000');
  await technician.getByLabel('Coût annuel de fonctionnement (€)').fill('900');
  await technician.getByLabel('Justification : problème constaté sur la résidence').fill('Rodéos de deux-roues dans la cour chaque soir.');
  await technician.getByRole('button', { name: 'Déposer la proposition' }).click();
  await expect(technician.getByRole('status').filter({ hasText: 'La proposition a été déposée' })).toBeVisible();
  const fileUrl = technician.url().replace(/\/modifier.*$/, '').replace(/\?.*$/, '');
  await technician.context().close();

  const officer = await as(browser, DEMO.diagnostician);
  await officer.goto(fileUrl);
  await officer.getByRole('button', { name: 'Commencer le diagnostic' }).click();
  await expect(officer.getByRole('status').filter({ hasText: 'Le diagnostic est commencé.' })).toBeVisible();
  await fillDiagnostic(officer, {
    facts: '17',
    site: 'Cour intérieure ouverte sur le boulevard.',
    landlord: 'Hauts-de-Seine Habitat, réunion du 3 mars.',
    tenants: 'Amicale consultée le 10 mars.',
    police: 'Avis du référent sûreté du 12 mars.',
    lighting: 'Renforcé en 2025.',
    mediation: 'Médiateurs le vendredi soir.',
    nightCorrespondents: 'Absents du secteur.',
    accessControl: 'Portail posé, laissé ouvert.',
    layout: 'Plots posés en 2024.',
    proportionality: 'Une caméra, champ limité à la cour.',
    privacyRisks: 'Aucune fenêtre dans le champ.',
    expectedEffect: 'Moins de rodéos.',
    cost: '8 000 € puis 900 € par an.',
  });
  await officer.getByLabel('Résumé public').fill('Une caméra sur la cour de la résidence Voltaire.');
  await officer.getByRole('checkbox', { name: 'Je confirme conclure et signer ce diagnostic en mon nom.' }).check();
  await officer.getByRole('button', { name: 'Conclure et signer le diagnostic' }).click();
  await expect(officer.getByRole('status').filter({ hasText: 'Le diagnostic est conclu et signé' })).toBeVisible();
  await officer.context().close();
  return fileUrl;
}

/** A datetime-local value in Paris time ("2026-11-26T14:05"), as the chair types it. */
function parisLocal(date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

async function expectNoSideScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width} px wide`).toBeLessThanOrEqual(320);
}

const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

/** Plans a session one hour ago (so it can be held today), adds the file, convenes it late with a reason. */
async function planAndConvene(chair: Page, rapporteur?: string): Promise<string> {
  await chair.getByRole('navigation', { name: 'Navigation de l’espace agents' }).getByRole('link', { name: 'Séances' }).click();
  await expect(chair.getByRole('heading', { level: 1, name: 'Séances du comité' })).toBeVisible();
  await expectAccessible(chair);
  await chair.getByLabel('Date et heure de la séance').fill(parisLocal(new Date(Date.now() - 3_600_000)));
  await chair.getByLabel('Lieu', { exact: true }).fill('Salle du conseil, hôtel de ville');
  await chair.getByRole('button', { name: 'Prévoir la séance' }).click();
  await expect(status(chair, 'La séance est prévue.')).toBeVisible();
  const sessionUrl = chair.url().replace(/\?.*$/, '');

  const file = chair.getByLabel('Dossier en examen');
  const value = await file.locator('option', { hasText: FILE }).getAttribute('value');
  await file.selectOption(value!);
  if (rapporteur) await chair.getByLabel('Rapporteur ou rapporteuse', { exact: true }).selectOption({ label: rapporteur });
  await chair.getByRole('button', { name: 'Inscrire le dossier' }).click();
  await expect(status(chair, 'Le dossier est inscrit à l’ordre du jour.')).toBeVisible();
  await expect(chair.getByRole('region', { name: 'Ordre du jour', exact: true })).toContainText(FILE);

  // The session is in an hour: within the notice period, so the reason is required; the server says so.
  await chair.getByRole('button', { name: 'Convoquer la séance' }).click();
  await expect(alertBox(chair)).toContainText('indiquez pourquoi elle est convoquée si tard');
  await expectAccessible(chair);
  await chair.getByLabel('Motif de la convocation tardive').fill('Avis attendu par la préfecture avant la fin du mois.');
  await chair.getByRole('button', { name: 'Convoquer la séance' }).click();
  await expect(status(chair, 'La séance est convoquée.')).toBeVisible();
  return sessionUrl;
}

/** Records attendance: everyone present except those listed. */
async function hold(chair: Page, away: Record<string, 'Absent·e' | 'Excusé·e'>) {
  for (const [name, choice] of Object.entries(away)) {
    await chair.getByRole('group', { name, exact: true }).getByLabel(choice).check();
  }
  await expectAccessible(chair);
  await chair.getByRole('button', { name: 'Enregistrer les présences et ouvrir la séance' }).click();
  await expect(status(chair, 'Les présences sont enregistrées')).toBeVisible();
}

test('a vote cannot open without quorum, and the message says how many are present and required', async ({ browser }) => {
  test.setTimeout(120_000);
  const chair = await as(browser, DEMO.chair);
  // A file of its own goes under review first (the chair's step on the file page).
  await chair.goto(await diagnosedFile(browser));
  await chair.getByRole('checkbox', { name: /Je confirme l’inscription/ }).check();
  await chair.getByRole('button', { name: 'Inscrire à l’examen du comité' }).click();
  await expect(status(chair, 'Le dossier est inscrit à l’examen du comité.')).toBeVisible();

  await planAndConvene(chair);
  await hold(chair, { [MEMBERS.membre2]: 'Absent·e', [MEMBERS.membre3]: 'Absent·e', [MEMBERS.membre4]: 'Excusé·e', [MEMBERS.membre5]: 'Absent·e' });
  const item = chair.getByRole('region', { name: new RegExp(`Dossier 1 : .* – ${FILE}`) });
  await expect(item).toContainText('non atteint : 2 membres présents pouvant voter, 4 requis.');
  await item.getByRole('button', { name: 'Ouvrir le vote' }).click();
  await expect(alertBox(chair)).toContainText('Le quorum n’est pas atteint : 2 membres présents pouvant voter, 4 requis.');
  await expectAccessible(chair);

  // Closing the session carries the file over to a later one.
  await chair.getByRole('checkbox', { name: 'Je confirme la clôture de la séance.' }).check();
  await chair.getByRole('button', { name: 'Clore la séance' }).click();
  await expect(status(chair, 'La séance est close.')).toBeVisible();
  await expect(chair.getByRole('region', { name: 'Ordre du jour', exact: true })).toContainText('Reporté à une prochaine séance');
});

test('the committee holds a session, votes on a file and signs its opinion and the minutes', async ({ browser }) => {
  test.setTimeout(240_000);
  const chair = await as(browser, DEMO.chair);
  const sessionUrl = await planAndConvene(chair, MEMBERS.membre3);
  await hold(chair, { [MEMBERS.membre4]: 'Excusé·e', [MEMBERS.membre5]: 'Absent·e' });
  const item = (page: Page) => page.getByRole('region', { name: new RegExp(`Dossier 1 : .* – ${FILE}`) });
  await expect(item(chair)).toContainText('atteint : 4 membres présents pouvant voter, 4 requis.');

  // A member declares a conflict of interest on the file page, before the vote: recused from then on.
  const member1 = await as(browser, DEMO.member);
  await member1.goto(sessionUrl);
  await item(member1).getByRole('link', { name: /Ouvrir le dossier/ }).click();
  const conflict = member1.getByRole('region', { name: 'Conflit d’intérêts' });
  await conflict.getByRole('button', { name: 'Déclarer un conflit d’intérêts' }).click();
  await expect(member1.locator('.error-summary')).toBeFocused();
  await expectAccessible(member1);
  await conflict.getByLabel('Nature du conflit d’intérêts').fill('Je siège au conseil d’administration du bailleur.');
  await conflict.getByRole('button', { name: 'Déclarer un conflit d’intérêts' }).click();
  await expect(member1.getByText('Vous êtes déporté·e sur ce dossier').first()).toBeVisible();

  // The rapporteur proposes two conditions.
  const member3 = await as(browser, 'membre3@demo.vigie.test');
  await member3.goto(sessionUrl);
  const conditions = item(member3).getByRole('group', { name: 'Condition 1' });
  await conditions.getByLabel('Type de condition').selectOption({ label: 'Masquage' });
  await conditions.getByLabel('Texte de la condition').fill('Masquer les fenêtres du rez-de-chaussée et la porte du hall.');
  const second = item(member3).getByRole('group', { name: 'Condition 2' });
  await second.getByLabel('Type de condition').selectOption({ label: 'Réexamen' });
  await second.getByLabel('Texte de la condition').fill('Bilan contradictoire avec l’amicale des locataires après un an.');
  await second.getByLabel('Échéance').fill('2027-12-31');
  await item(member3).getByRole('button', { name: 'Enregistrer les conditions' }).click();
  await expect(status(member3, 'Les conditions sont enregistrées.')).toBeVisible();

  // The chair opens the vote: the quorum counts the members who may vote, without the recused one.
  await chair.reload();
  await expect(item(chair)).toContainText('Jean-Pierre Roussel (conflit d’intérêts déclaré)');
  await expect(item(chair)).toContainText('atteint : 3 membres présents pouvant voter, 3 requis.');
  await item(chair).getByRole('button', { name: 'Ouvrir le vote' }).click();
  await expect(status(chair, 'Le vote est ouvert.')).toBeVisible();
  await expectAccessible(chair);

  // The recused member reads the file but has no vote form.
  await member1.goto(sessionUrl);
  await expect(item(member1)).toContainText('Vous êtes déporté·e sur ce dossier');
  await expect(item(member1).getByRole('group', { name: /Votre vote/ })).toHaveCount(0);
  await expect(item(member1).getByRole('button', { name: 'Voter', exact: true })).toHaveCount(0);
  await expectAccessible(member1);

  // Three members vote; one changes their vote; one votes with the keyboard only.
  await item(chair).getByRole('group', { name: /Votre vote/ }).getByLabel('Pour').check();
  await item(chair).getByRole('button', { name: 'Voter', exact: true }).click();
  await expect(status(chair, 'Votre vote est enregistré.')).toBeVisible();
  await expect(item(chair)).toContainText('Votre vote actuel : Pour.');

  const member2 = await as(browser, 'membre2@demo.vigie.test');
  await member2.goto(sessionUrl);
  await item(member2).getByRole('group', { name: /Votre vote/ }).getByLabel('Contre').check();
  // With script the vote goes to the vote route, in JSON, and the page is not loaded again.
  const sent = member2.waitForResponse((r) => r.url().endsWith('/espace/seances/vote') && r.request().method() === 'POST');
  await item(member2).getByRole('button', { name: 'Voter', exact: true }).click();
  expect((await sent).status()).toBe(200);
  await expect(item(member2)).toContainText('Votre vote actuel : Contre.');
  await expect(status(member2, 'Votre vote est enregistré.')).toBeVisible();
  await expect(member2).not.toHaveURL(/ok=voted/);
  await expect(item(member2).getByRole('radio', { name: 'Contre' })).toBeChecked();
  // When the route gives no JSON (here, no answer at all), the form falls back to the action and the page comes back.
  await member2.route('**/espace/seances/vote', (route) => route.abort());
  await item(member2).getByRole('group', { name: /Votre vote/ }).getByLabel('Pour').check();
  await item(member2).getByRole('button', { name: 'Changer mon vote' }).click();
  await expect(member2).toHaveURL(/ok=voted/);
  await expect(item(member2)).toContainText('Votre vote actuel : Pour.');
  await member2.unroute('**/espace/seances/vote');
  // Nobody sees the others' votes nor the count while the vote is open.
  await expect(item(member2).locator('.tally')).toHaveCount(0);
  await expect(member2.getByRole('region', { name: 'Ordre du jour', exact: true })).not.toContainText(' pour, ');

  await member3.reload();
  const keyboardChoice = item(member3).getByRole('radio', { name: 'Pour' });
  await tabTo(member3, keyboardChoice, 120);
  await member3.keyboard.press('Space');
  await expect(keyboardChoice).toBeChecked();
  await tabTo(member3, item(member3).getByRole('button', { name: 'Voter', exact: true }));
  await member3.keyboard.press('Enter');
  await expect(status(member3, 'Votre vote est enregistré.')).toBeVisible();
  await expect(item(member3)).toContainText('Votre vote actuel : Pour.');

  // The chair closes the vote (confirmed), and the server counts.
  await chair.reload();
  await item(chair).getByRole('button', { name: 'Clore le vote' }).click();
  await expect(chair.locator('.error-summary')).toContainText('Cochez la case pour confirmer la clôture du vote.');
  await item(chair).getByRole('checkbox', { name: 'Je confirme la clôture du vote.' }).check();
  await item(chair).getByRole('button', { name: 'Clore le vote' }).click();
  await expect(status(chair, 'Le vote est clos.')).toBeVisible();
  await expect(item(chair)).toContainText('Avis favorable avec conditions');
  // A member whose page still shows the vote is told, in their language, and nothing changes.
  await item(member3).getByRole('radio', { name: 'Contre' }).check();
  await item(member3).getByRole('button', { name: 'Changer mon vote' }).click();
  await expect(item(member3).getByRole('alert').filter({ hasText: 'Le vote sur ce dossier n’est pas ouvert.' })).toBeVisible();
  await expect(item(member3)).toContainText('Votre vote actuel : Pour.');
  await expect(chair.getByRole('region', { name: 'Ordre du jour', exact: true })).toContainText('3 pour, 0 contre, 0 abst.');

  // The reasoned opinion: its two conditions come from the vote; reasons and summary are required.
  const decision = item(chair);
  await expect(decision.getByRole('group', { name: 'Condition 2' }).getByLabel('Texte de la condition')).toHaveValue('Bilan contradictoire avec l’amicale des locataires après un an.');
  await decision.getByRole('button', { name: 'Signer l’avis' }).click();
  await expect(chair.locator('.error-summary')).toBeFocused();
  await expect(chair.locator('.error-summary')).toContainText('Motifs');
  await expectAccessible(chair);
  await decision.getByLabel('Motifs').fill('Diagnostic probant ; alternatives essayées sans effet suffisant ; masquage prévu.');
  await decision.getByLabel('Résumé public').fill('Avis favorable à une caméra sur la cour de la résidence Voltaire, fenêtres masquées, bilan à un an.');
  await decision.getByRole('checkbox', { name: 'Je confirme signer cet avis au nom du comité.' }).check();
  await decision.getByRole('button', { name: 'Signer l’avis' }).click();
  await expect(status(chair, 'L’avis est signé.')).toBeVisible();
  await expect(item(chair)).toContainText(`Signé par ${MEMBERS.chair} le`);
  await expect(item(chair).getByRole('button', { name: 'Signer l’avis' })).toHaveCount(0);

  // The session page reflows at 320 px.
  await chair.setViewportSize({ width: 320, height: 800 });
  await expectNoSideScroll(chair);
  await chair.setViewportSize({ width: 1280, height: 800 });

  await chair.getByRole('checkbox', { name: 'Je confirme la clôture de la séance.' }).check();
  await chair.getByRole('button', { name: 'Clore la séance' }).click();
  await expect(status(chair, 'La séance est close.')).toBeVisible();

  // The minutes, generated from the record, then signed by the chair.
  await chair.getByRole('link', { name: 'Procès-verbal de la séance' }).click();
  await expect(chair.getByRole('heading', { level: 1, name: /Procès-verbal de la séance SE-/ })).toBeVisible();
  const main = chair.locator('main');
  await expect(main).toContainText('Avis attendu par la préfecture avant la fin du mois.');
  await expect(main).toContainText(`${MEMBERS.membre4}`);
  await expect(main).toContainText('Jean-Pierre Roussel (conflit d’intérêts déclaré)');
  await expect(main).toContainText('3 pour, 0 contre, aucune abstention, 1 membre déporté');
  await expect(main).toContainText('Masquer les fenêtres du rez-de-chaussée et la porte du hall.');
  await expect(main).toContainText('Diagnostic probant');
  await expect(main).toContainText('Imprimer');
  await expectAccessible(chair);
  await chair.getByRole('checkbox', { name: 'Je confirme signer ce procès-verbal.' }).check();
  await chair.getByRole('button', { name: 'Signer le procès-verbal' }).click();
  await expect(status(chair, 'Le procès-verbal est signé.')).toBeVisible();
  await expect(main).toContainText(`Signé par ${MEMBERS.chair} le`);
  await expect(chair.getByRole('button', { name: 'Signer le procès-verbal' })).toHaveCount(0);
  await chair.setViewportSize({ width: 320, height: 800 });
  await expectNoSideScroll(chair);
  await expectAccessible(chair);

  // A member reads the same minutes, without the chair's steps.
  await member2.goto(chair.url().replace(/\?.*$/, ''));
  await expect(member2.locator('main')).toContainText(`Signé par ${MEMBERS.chair} le`);

  // The members were convened and told the vote was open; the technician learns the decision on their file.
  await member2.goto('/espace/avis');
  const memberNotices = member2.getByRole('list', { name: 'Vos notifications, les plus récentes d’abord' });
  await expect(memberNotices.getByRole('link', { name: new RegExp(`^Vote ouvert sur le dossier VIG-\\d{4} : ${FILE}$`) })).toBeVisible();
  await expect(memberNotices.getByRole('link', { name: /^Convocation à la séance n°\d+ du comité/ }).first()).toBeVisible();
  const technician = await as(browser, DEMO.technician);
  await technician.goto('/espace/avis');
  const decided = technician.getByRole('link', { name: new RegExp(`^Décision rendue sur votre dossier VIG-\\d{4} : ${FILE}$`) });
  await expect(decided).toBeVisible();
  await expectAccessible(technician);
  await decided.click();
  await expect(technician.getByRole('heading', { level: 1 })).toContainText(FILE);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  // No axe check here: axe runs as a script in the page, which this test turns off.
  test('the chair plans a session through the server alone; a refusal comes back with what was typed', async ({ page }) => {
    await signIn(page, DEMO.chair);
    await page.goto('/espace/seances');
    await page.getByLabel('Date et heure de la séance').fill('2030-03-14T18:30');
    await page.getByLabel('Lien de visioconférence').fill('http://visio.example.test/comite');
    await page.getByRole('button', { name: 'Prévoir la séance' }).click();
    await expect(page.locator('.error-summary').getByRole('link')).toHaveAttribute('href', '#plan-videoLink');
    await expect(page.getByLabel('Lien de visioconférence')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Date et heure de la séance')).toHaveValue('2030-03-14T18:30');
    await page.getByLabel('Lien de visioconférence').fill('https://visio.example.test/comite');
    await page.getByRole('button', { name: 'Prévoir la séance' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'La séance est prévue.' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('14 mars 2030');
    await expect(page.locator('main')).toContainText('En visioconférence');
  });
});

test('the vote route answers a malformed, unknown or unauthorised vote with a translated refusal', async ({ browser }) => {
  const member = await as(browser, 'membre2@demo.vigie.test');
  const origin = new URL(member.url()).origin;
  const post = (page: Page, data: string, contentType: string) => page.request.post('/espace/seances/vote', { headers: { Origin: origin, 'Content-Type': contentType }, data });
  const form = 'application/x-www-form-urlencoded';

  const malformed: [body: string, type: string][] = [
    ['garbage', 'multipart/form-data; boundary=xx'],
    ['{"itemId":"x","choice":"for"}', 'application/json'],
    ['itemId=nope&choice=peut-etre', form],
  ];
  for (const [data, type] of malformed) {
    const answer = await post(member, data, type);
    expect(answer.status()).toBe(422);
    expect(await answer.json()).toMatchObject({ ok: false, message: 'Certaines informations sont invalides. Corrigez les champs signalés.', fieldErrors: { choice: 'Choisissez pour, contre ou abstention.' } });
  }
  const unknown = await post(member, 'itemId=00000000-0000-4000-8000-000000000000&choice=for', form);
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ ok: false, message: 'Élément introuvable.' });

  await member.context().addCookies([{ name: 'vigie_locale', value: 'en', url: origin }]);
  const english = await post(member, 'itemId=nope&choice=for', form);
  expect(english.status()).toBe(422);
  expect(await english.json()).toMatchObject({ message: 'Some information is invalid. Please correct the fields shown.', fieldErrors: { itemId: 'Invalid value.' } });

  const technician = await as(browser, DEMO.technician);
  const refused = await post(technician, 'itemId=00000000-0000-4000-8000-000000000000&choice=for', form);
  expect(refused.status()).toBe(403);
});
