/**
 * Checks the browser chunks of a production build (.next/static):
 * - they carry no server code: drizzle (its `drizzle:entityKind` symbol is in every drizzle
 *   module) or the `server-only` guard;
 * - Leaflet (the map library, JavaScript and stylesheet) ships only with the pages allowed
 *   to show a map: a page's files are those its client-reference manifest lists, plus the
 *   chunks they load on demand (`import('leaflet')` becomes such a chunk), followed through.
 * Run after `npm run build`: `tsx scripts/check-client-bundle.ts`. The end-to-end suite
 * runs it on the build it tests (e2e/client-bundle.spec.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

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

/** Leaflet's own code: an error its Map class throws, and a rule of its stylesheet. */
export const LEAFLET_MARKERS = { js: 'Map container is already initialized.', css: '.leaflet-pane' } as const;

/**
 * The pages that may ship Leaflet, as their build names them: the public map, and the staff
 * form where a technician places cameras on a map.
 */
export const LEAFLET_PAGES = ['/(public)/carte', '/espace/propositions/[id]/modifier'] as const;

/** Browser files named in a chunk or manifest, relative to the build folder ("static/chunks/x.js"). */
const CHUNK_REFERENCE = /static\/chunks\/[\w.~-]+\.(?:js|css)/g;

function* manifests(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* manifests(full);
    else if (entry.name === 'page_client-reference-manifest.js') yield full;
  }
}

/**
 * Every app page of the build in `nextDir` (a `.next` folder), with every browser file it
 * may load: the JavaScript and CSS its manifest lists, and what those chunks load on demand.
 */
export function pageBundles(nextDir: string): Map<string, Set<string>> {
  const appDir = path.join(nextDir, 'server', 'app');
  if (!fs.existsSync(appDir)) throw new Error(`${appDir} does not exist: run \`npm run build\` first`);
  const references = new Map<string, string[]>();
  const referencedBy = (file: string): string[] => {
    let found = references.get(file);
    if (!found) {
      const full = path.join(nextDir, file);
      found = file.endsWith('.js') && fs.existsSync(full) ? [...new Set(fs.readFileSync(full, 'utf8').match(CHUNK_REFERENCE) ?? [])] : [];
      references.set(file, found);
    }
    return found;
  };
  const pages = new Map<string, Set<string>>();
  for (const file of manifests(appDir)) {
    // The manifest is a script that assigns globalThis.__RSC_MANIFEST[<page>]: run it in an empty context.
    const sandbox: { __RSC_MANIFEST?: Record<string, unknown> } = {};
    vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox);
    for (const [name, manifest] of Object.entries(sandbox.__RSC_MANIFEST ?? {})) {
      const files = new Set(JSON.stringify(manifest).match(CHUNK_REFERENCE) ?? []);
      // Follow what the chunks load on demand, and what those load.
      const queue = [...files];
      while (queue.length) {
        for (const next of referencedBy(queue.pop()!)) {
          if (files.has(next)) continue;
          files.add(next);
          queue.push(next);
        }
      }
      pages.set(name.replace(/\/page$/, '') || '/', files);
    }
  }
  if (pages.size === 0) throw new Error(`no page manifest under ${appDir}`);
  return pages;
}

export interface LeafletUse {
  page: string;
  file: string;
}

/** Every page of the build whose browser files hold Leaflet, with the file that does. */
export function pagesShippingLeaflet(nextDir: string): LeafletUse[] {
  const holdsLeaflet = new Map<string, boolean>();
  const uses: LeafletUse[] = [];
  for (const [page, files] of pageBundles(nextDir)) {
    for (const file of files) {
      if (!holdsLeaflet.has(file)) {
        const full = path.join(nextDir, file);
        const text = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : '';
        holdsLeaflet.set(file, text.includes(file.endsWith('.css') ? LEAFLET_MARKERS.css : LEAFLET_MARKERS.js));
      }
      if (holdsLeaflet.get(file)) uses.push({ page, file });
    }
  }
  return uses.sort((a, b) => a.page.localeCompare(b.page) || a.file.localeCompare(b.file));
}

/** Leaflet on a page not allowed to show a map. */
export function leafletOutsideMapPages(nextDir: string, allowed: readonly string[] = LEAFLET_PAGES): LeafletUse[] {
  return pagesShippingLeaflet(nextDir).filter((use) => !allowed.includes(use.page));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const leaks = findServerCodeInClientChunks(path.resolve('.next/static'));
  for (const leak of leaks) console.error(`server code in a browser chunk: ${leak.name} in ${leak.file}`);
  console.log(leaks.length ? `${leaks.length} leak(s)` : 'browser chunks: no server code');
  const strayMaps = leafletOutsideMapPages(path.resolve('.next'));
  for (const use of strayMaps) console.error(`Leaflet shipped by ${use.page} in ${use.file}`);
  console.log(strayMaps.length ? `${strayMaps.length} page file(s) with Leaflet outside ${LEAFLET_PAGES.join(', ')}` : `Leaflet: only on ${LEAFLET_PAGES.join(', ')}`);
  process.exit(leaks.length || strayMaps.length ? 1 : 0);
}
