import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findServerCodeInClientChunks } from '@/scripts/check-client-bundle';

describe('the browser-chunk check', () => {
  const dirs: string[] = [];
  const staticDir = (files: Record<string, string>) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-static-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

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
