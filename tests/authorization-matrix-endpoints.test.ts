import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '@/lib/workflow';
import { commandNames, routeHandlers, staffPages } from '@/e2e/authorization-matrix/http';
import { tempTrees } from './support/temp-tree';

/**
 * The HTTP authorization matrix (e2e/authorization-matrix.spec.ts) fails on anything
 * missing from its table only if it finds everything: its readers of the code, checked
 * here against the registry itself and against every way of exporting a route method.
 */
describe('what the HTTP authorization matrix enumerates', () => {
  const appDir = tempTrees('vigie-app-');

  it('reads from lib/workflow/index.ts exactly the commands the registry holds', () => {
    expect(commandNames(fs.readFileSync('lib/workflow/index.ts', 'utf8'))).toEqual(Object.keys(COMMANDS));
  });

  it('refuses a registry entry it cannot read rather than skip it', () => {
    expect(() => commandNames('export const COMMANDS = {\n  createUser,\n  other: renamed,\n} as const;')).toThrow(/cannot read: other: renamed/);
    expect(() => commandNames('export const ALL = {};')).toThrow(/COMMANDS not found/);
  });

  it('finds every exported method, however it is exported, and leaves route groups out of the path', () => {
    const dir = appDir({
      'api/a/route.ts': 'export const dynamic = "force-dynamic";\nexport async function GET() {}\nexport const OPTIONS = preflight;',
      'api/auth/[...nextauth]/route.ts': 'export const { GET, POST } = handlers;',
      '(public)/b/route.ts': 'function handler() {}\nexport { handler as DELETE, other };\nexport function PATCH() {}',
      'c/page.tsx': 'export default function Page() {}',
    });
    expect(routeHandlers(dir).sort()).toEqual(['DELETE /b', 'GET /api/a', 'GET /api/auth/[...nextauth]', 'OPTIONS /api/a', 'PATCH /b', 'POST /api/auth/[...nextauth]']);
  });

  it('finds every staff page, the area’s own and its catch-all included', () => {
    const pages = staffPages('app/espace');
    expect(pages).toEqual(expect.arrayContaining(['/espace', '/espace/[...inconnu]', '/espace/propositions/[id]/modifier', '/espace/seances/[id]/proces-verbal']));
    expect(pages).toHaveLength(new Set(pages).size);
  });
});
