import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * Import boundaries of ARCHITECTURE.md, checked by `npm run lint`:
 * - lib/domain is pure: nothing of the app (db, workflow, auth, app) and no I/O;
 * - a 'use client' file ships to the browser: no db/*, no drizzle or pg, nothing marked
 *   `import 'server-only'` (checked by reading the imported file).
 */
const SERVER_ONLY_MARK = /^\s*import\s+['"]server-only['"]/m;
const BROWSER_FORBIDDEN = /^(@\/db(\/|$)|drizzle-orm|pg$|pg\/|server-only$|next\/headers$|node:)/;

function resolveAlias(source) {
  if (!source.startsWith('@/')) return null;
  const base = path.resolve(import.meta.dirname, source.slice(2));
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  return candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile()) ?? null;
}

function resolveRelative(fromFile, source) {
  if (!source.startsWith('.')) return resolveAlias(source);
  return resolveAlias(`@/${path.relative(import.meta.dirname, path.resolve(path.dirname(fromFile), source))}`);
}

const clientBoundary = {
  meta: {
    type: 'problem',
    docs: { description: "'use client' files import no server code" },
    messages: {
      forbidden: "'{{source}}' is server code and must not be imported by a 'use client' file (it would ship to the browser).",
      serverOnly: "'{{source}}' is marked server-only and must not be imported by a 'use client' file.",
    },
    schema: [],
  },
  create(context) {
    const body = context.sourceCode.ast.body;
    const isClient = body.some((node) => node.type === 'ExpressionStatement' && node.directive === 'use client');
    if (!isClient) return {};
    const check = (node) => {
      if (!node.source || node.source.type !== 'Literal') return;
      const source = String(node.source.value);
      if (BROWSER_FORBIDDEN.test(source)) {
        context.report({ node, messageId: 'forbidden', data: { source } });
        return;
      }
      const file = resolveRelative(context.filename, source);
      if (file && SERVER_ONLY_MARK.test(fs.readFileSync(file, 'utf8'))) context.report({ node, messageId: 'serverOnly', data: { source } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ['**/*.{ts,tsx,js,jsx,mjs}'],
    plugins: { vigie: { rules: { 'client-boundary': clientBoundary } } },
    rules: {
      'vigie/client-boundary': 'error',
      // Leaving a key out with a rest pattern (`const { confirmed, ...values } = input`) is how a field is dropped.
      '@typescript-eslint/no-unused-vars': ['warn', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['lib/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(@/(db|app|lib/(workflow|auth|i18n))(/|$)|\\.\\./|server-only$|next(/|$)|drizzle-orm|pg$|node:)',
              message: 'lib/domain is pure: it imports nothing of the app (db, workflow, auth, i18n, app) and no I/O.',
            },
          ],
        },
      ],
    },
  },
  globalIgnores(['.next/**', 'node_modules/**', '.data/**', '.data-e2e/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts']),
]);
