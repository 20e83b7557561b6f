import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findServerCodeInClientChunks, leafletOutsideMapPages, pagesShippingLeaflet } from '@/scripts/check-client-bundle';
import { tempTrees } from './support/temp-tree';

describe('the browser-chunk check', () => {
  const staticDir = tempTrees('vigie-static-');

  it('finds drizzle and server-only code in any chunk, however deep', () => {
    const dir = staticDir({
      'chunks/app.js': 'console.log(1)',
      'chunks/deep/form.js': 'const k=Symbol.for("drizzle:entityKind");',
      'chunks/guard.js': 'throw Error("This module cannot be imported from a Client Component module. It should only be used from a Server Component.")',
    });
    expect(findServerCodeInClientChunks(dir).sort((a, b) => a.file.localeCompare(b.file))).toEqual([
      { file: path.join('chunks', 'deep', 'form.js'), name: 'drizzle-orm' },
      { file: path.join('chunks', 'guard.js'), name: 'server-only' },
    ]);
  });

  it('passes clean chunks and refuses to pass an empty or missing build', () => {
    expect(findServerCodeInClientChunks(staticDir({ 'a.js': 'export{}', 'b.css': 'drizzle:entityKind' }))).toEqual([]);
    expect(() => findServerCodeInClientChunks(staticDir({ 'a.css': '' }))).toThrow(/no JavaScript/);
    expect(() => findServerCodeInClientChunks('/nonexistent/vigie')).toThrow(/npm run build/);
  });
});

describe('the Leaflet-only-where-a-map-is check', () => {
  const tree = tempTrees('vigie-next-');

  /** A fake build folder: each page's client-reference manifest (as Next writes it) and the browser files. */
  const build = (pages: Record<string, unknown>, files: Record<string, string>) => {
    const manifests = Object.fromEntries(
      Object.entries(pages).map(([page, manifest]) => [
        path.join('server', 'app', ...page.split('/').filter(Boolean), 'page_client-reference-manifest.js'),
        `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(`${page}/page`)}] = ${JSON.stringify(manifest)};`,
      ]),
    );
    return tree({ ...manifests, ...files });
  };
  const manifest = (js: string[], css: string[] = []) => ({
    clientModules: { '[project]/app/x.tsx': { id: 1, name: '*', chunks: js.map((f) => `/_next/${f}`), async: false } },
    entryCSSFiles: { '[project]/app/layout': css.map((f) => ({ path: f, inlined: false })) },
    entryJSFiles: {},
  });

  it('follows chunks loaded on demand, however deep, and finds Leaflet JavaScript and CSS', () => {
    const dir = build(
      {
        '/(public)/carte': manifest(['static/chunks/map.js'], ['static/chunks/leaflet.css']),
        '/(public)': manifest(['static/chunks/home.js'], ['static/chunks/site.css']),
        '/(public)/rapport/[annee]': manifest(['static/chunks/report.js']),
      },
      {
        'static/chunks/map.js': 'e.l("static/chunks/leaflet.js")',
        'static/chunks/leaflet.js': 'throw new Error("Map container is already initialized.")',
        'static/chunks/leaflet.css': '.leaflet-pane{z-index:400}',
        'static/chunks/home.js': 'console.log("home")',
        'static/chunks/site.css': 'body{margin:0}',
        // The report loads a chunk that loads Leaflet: a stray map library.
        'static/chunks/report.js': 'e.l("static/chunks/helper.js")',
        'static/chunks/helper.js': 'e.l("static/chunks/leaflet.js")',
      },
    );
    expect(pagesShippingLeaflet(dir)).toEqual([
      { page: '/(public)/carte', file: 'static/chunks/leaflet.css' },
      { page: '/(public)/carte', file: 'static/chunks/leaflet.js' },
      { page: '/(public)/rapport/[annee]', file: 'static/chunks/leaflet.js' },
    ]);
    expect(leafletOutsideMapPages(dir)).toEqual([{ page: '/(public)/rapport/[annee]', file: 'static/chunks/leaflet.js' }]);
    expect(leafletOutsideMapPages(dir, ['/(public)/carte', '/(public)/rapport/[annee]'])).toEqual([]);
  });

  it('refuses to pass a missing build', () => {
    expect(() => pagesShippingLeaflet('/nonexistent/vigie')).toThrow(/npm run build/);
  });
});
