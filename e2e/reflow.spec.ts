import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectAccessible, signIn } from './support';

/**
 * WCAG 1.4.10 (reflow): every page reads at 320 CSS px wide without scrolling sideways.
 * Each demo role visits every staff page it can reach (the menu, a file, its diagnostic,
 * the edit form, the new-proposal form, the account page, an account, a site), plus the
 * public pages and the sign-in page; each is also scanned for accessibility.
 */
test.use({ viewport: { width: 320, height: 800 } });

async function expectReflows(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(320);
  await expectAccessible(page);
}

/** The address of the first link in the table of the page at `list` (optionally in the row that contains `rowText`). */
async function firstLinkIn(page: Page, list: string, rowText?: string): Promise<string | null> {
  await page.goto(list);
  const rows = page.locator('tbody tr', rowText ? { hasText: rowText } : {});
  if (!(await rows.count())) return null;
  return rows.first().locator('a').first().getAttribute('href');
}

test('public pages and the sign-in page reflow at 320 px', async ({ page }) => {
  for (const path of ['/', '/etat', '/connexion']) await expectReflows(page, path);
});

test('the register, a decision, a site’s history and a refused search reflow at 320 px', async ({ page }) => {
  await expectReflows(page, '/registre');
  const entry = await page.locator('.register-list a').first().getAttribute('href');
  await expectReflows(page, entry!);
  const site = await page.getByRole('link', { name: 'Toutes les décisions sur cette résidence' }).getAttribute('href');
  await expectReflows(page, site!);
  await expectReflows(page, '/registre?year=abc&q=%00');
});

for (const [role, email] of Object.entries(DEMO)) {
  test(`every staff page of the ${role} reflows at 320 px`, async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, email);
    const menu = await page
      .getByRole('navigation', { name: 'Navigation de l’espace agents' })
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    const pages = new Set<string>(menu);
    if (menu.includes('/espace/propositions')) {
      pages.add('/espace/propositions?vue=all');
      const file = await firstLinkIn(page, '/espace/propositions?vue=all');
      if (file) for (const p of [file, `${file}/diagnostic`]) pages.add(p);
      // A diagnostic being written: the form, for the officer; its read-only view for the others.
      const inDiagnostic = await firstLinkIn(page, '/espace/propositions?vue=all', 'Diagnostic en cours');
      if (inDiagnostic) pages.add(`${inDiagnostic}/diagnostic`);
    }
    if (role === 'technician') {
      pages.add('/espace/propositions/nouvelle');
      const draft = await firstLinkIn(page, '/espace/propositions?vue=mine', 'Brouillon');
      expect(draft, 'the technician has a draft to edit').toBeTruthy();
      pages.add(`${draft}/modifier`);
    }
    if (menu.includes('/espace/admin/comptes')) pages.add((await firstLinkIn(page, '/espace/admin/comptes'))!);
    if (menu.includes('/espace/admin/sites')) pages.add((await firstLinkIn(page, '/espace/admin/sites'))!);
    expect(pages.size).toBeGreaterThanOrEqual(3);
    for (const path of pages) await expectReflows(page, path);
  });
}

test('the proposal file at 320 px (screenshot for review)', async ({ page }) => {
  await signIn(page, DEMO.chair);
  const file = await firstLinkIn(page, '/espace/propositions?vue=all', 'Prête pour le comité');
  await expectReflows(page, file ?? (await firstLinkIn(page, '/espace/propositions?vue=all'))!);
  await page.screenshot({ path: 'test-results/reflow-proposal-file-320.png', fullPage: true });
});
