/**
 * Checks that the browser chunks of a production build (.next/static) carry no server
 * code: drizzle (its `drizzle:entityKind` symbol is in every drizzle module) or the
 * `server-only` guard. Run after `npm run build`: `tsx scripts/check-client-bundle.ts`.
 * The end-to-end suite runs it on the build it tests (e2e/client-bundle.spec.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const SERVER_MARKERS = [
  { name: 'drizzle-orm', marker: 'drizzle:entityKind' },
  { name: 'node-postgres', marker: 'pg-connection-string' },
  { name: 'server-only', marker: 'This module cannot be imported from a Client Component module' },
] as const;

export interface Leak {
  file: string;
  name: string;
}

function* jsFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* jsFiles(full);
    else if (entry.name.endsWith('.js')) yield full;
  }
}

/** Every browser chunk under `staticDir` that holds a server marker; throws if there is no chunk at all. */
export function findServerCodeInClientChunks(staticDir: string): Leak[] {
  if (!fs.existsSync(staticDir)) throw new Error(`${staticDir} does not exist: run \`npm run build\` first`);
  const leaks: Leak[] = [];
  let scanned = 0;
  for (const file of jsFiles(staticDir)) {
    scanned++;
    const text = fs.readFileSync(file, 'utf8');
    for (const { name, marker } of SERVER_MARKERS) if (text.includes(marker)) leaks.push({ file: path.relative(staticDir, file), name });
  }
  if (scanned === 0) throw new Error(`no JavaScript chunk under ${staticDir}`);
  return leaks;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const leaks = findServerCodeInClientChunks(path.resolve('.next/static'));
  for (const leak of leaks) console.error(`server code in a browser chunk: ${leak.name} in ${leak.file}`);
  console.log(leaks.length ? `${leaks.length} leak(s)` : 'browser chunks: no server code');
  process.exit(leaks.length ? 1 : 0);
}
