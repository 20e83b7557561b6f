import { expect, test, type APIRequestContext } from '@playwright/test';

/**
 * Nothing internal leaks to residents (DOMAIN.md rule 7): every public page reachable
 * from the home page, and every open-data response, on the fully populated demo (after
 * the committee journeys added their own deliberation, dissents and decisions), is
 * searched for what only staff may read. tests/leak.test.ts does the same on the read
 * models, on both databases, with the values read from the database itself.
 */

const INTERNAL = [
  // Staff beyond their function: names and emails.
  'Karim Benali',
  'Claire Dumoulin',
  'Hélène Marchand',
  'Sophie Lefèvre',
  'Jean-Pierre Roussel',
  'Aminata Diallo',
  'Thomas Garnier',
  'Nadia Belkacem',
  'Marc Olivier',
  '@demo.vigie.test',
  // The committee's deliberation and dissents (seeded, and written by the committee journey).
  'Délibération interne',
  'Opinion divergente interne',
  // The detailed diagnostic and the file's internals (seeded).
  'Résidence de 58 logements, une entrée principale',
  'réunion sur site le 4 février 2026',
  'Une seule caméra, orientée vers le parvis',
  'Éclairage renforcé en 2025 : effet constaté la nuit seulement.',
  'Opérateurs habilités du centre de supervision urbain',
  '31 plaintes en un an',
  // Written by the review and committee journeys: deliberation, question, justification.
  'Le masquage des fenêtres me paraît suffisant',
  'L’éclairage renforcé a-t-il été évalué sur une année entière ?',
  'Rodéos de deux-roues dans la cour chaque soir.',
  // Residents' questions (seeded): the asker's name and email, a text before moderation, a rejection reason.
  'Karine L.',
  'karine.l@example.test',
  'appartement de M. Martin',
  'vous êtes tous des incapables',
  'Propos injurieux, sans question ni signalement précis.',
  // Internal fields: camera aims, individual votes.
  'directionDegrees',
  'angleDegrees',
  'memberId',
  'castBy',
  'signedBy',
];

const START = ['/', '/registre', '/carte', '/rapport', '/accessibilite', '/donnees-personnelles'];
const OPEN_DATA = ['/api/v1/decisions?limit=500', '/api/v1/decisions.csv', '/api/v1/decisions.geojson', '/api/v1/decisions.atom', '/api/v1/register/verify', '/api/v1/openapi.json'];

/** Public links of a page: same-origin paths outside the staff area, the sign-in and the API. */
function publicLinks(html: string): string[] {
  const links = [...html.matchAll(/href="(\/[^"#]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
  return links.filter((l) => !/^\/(espace|connexion|_next|api\/auth)/.test(l) && !/\.(svg|png|ico|css|js)$/.test(l));
}

async function body(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path, { maxRedirects: 5 });
  expect(response.status(), path).toBeLessThan(400);
  return response.text();
}

test('no public page and no open-data response shows anything internal', async ({ request }) => {
  test.setTimeout(180_000);
  const seen = new Set<string>();
  const queue = [...START];
  const leaks: string[] = [];
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path) || seen.size > 400) continue;
    seen.add(path);
    const text = await body(request, path);
    for (const value of INTERNAL) if (text.includes(value)) leaks.push(`${path}: ${value}`);
    if (!path.startsWith('/api/')) queue.push(...publicLinks(text).filter((l) => !seen.has(l)));
  }
  // Every decision page, site page and open-data format was reached.
  expect([...seen].filter((p) => /^\/registre\/CE-\d{4}-\d{3,}$/.test(p)).length).toBeGreaterThan(10);
  expect([...seen].some((p) => p.startsWith('/registre/sites/'))).toBe(true);
  for (const path of OPEN_DATA) {
    const text = await body(request, path);
    for (const value of INTERNAL) if (text.includes(value)) leaks.push(`${path}: ${value}`);
  }
  const list = JSON.parse(await body(request, '/api/v1/decisions?limit=500')) as { items: { site: { id: string } }[] };
  for (const id of new Set(list.items.map((i) => i.site.id))) {
    const text = await body(request, `/api/v1/sites/${id}/decisions.atom`);
    for (const value of INTERNAL) if (text.includes(value)) leaks.push(`site feed ${id}: ${value}`);
  }
  expect(leaks).toEqual([]);
});
