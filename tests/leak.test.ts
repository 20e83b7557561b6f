import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameras } from '@/db/schema';
import { listRegister, registerEntry, registerFacets, registerSites, siteHistory, walkRegister } from '@/db/queries/register';
import { publicQuestions } from '@/db/queries/resident-questions';
import { seedDemo } from '@/db/seed';
import type { RegisterEntry } from '@/lib/domain/register';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { internalValues, leaksIn } from './support/leak';

/**
 * Nothing internal leaks into the public read side (DOMAIN.md rule 7): on the fully
 * populated demo, every public read is searched for every internal value the database
 * holds: staff names and emails, the deliberation, dissents, the detailed diagnostic,
 * the file's justification, and the names of internal fields (camera directions,
 * individual votes). The open-data routes and the pages are walked the same way by
 * tests/open-data*.test.ts and e2e/leak.spec.ts with the same list.
 */
describe.each(BACKENDS)('nothing internal in the public read side on %s', (backend) => {
  let t: TestDatabase;
  let internal: string[];
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await seedDemo(t.db);
    internal = await internalValues(t);
  }, 120_000);
  afterAll(() => t.close());

  it('knows what to look for', async () => {
    // The demo holds staff, deliberation, dissents and detailed diagnostics: a search for nothing would pass.
    expect(internal.length).toBeGreaterThan(30);
    expect(internal.some((v) => v.startsWith('Délibération interne'))).toBe(true);
    expect(internal.some((v) => v.startsWith('Opinion divergente interne'))).toBe(true);
    expect((await t.db.select().from(cameras)).some((c) => c.directionDegrees !== null)).toBe(true);
  });

  it('finds no internal value in any public read', async () => {
    const reads: unknown[] = [];
    const entries: RegisterEntry[] = [];
    for await (const e of walkRegister(t.db)) entries.push(e);
    reads.push(entries, await registerFacets(t.db), await registerSites(t.db), await listRegister(t.db, {}), await listRegister(t.db, { q: 'caméra' }));
    for (const e of entries) reads.push(await registerEntry(t.db, e.reference), await siteHistory(t.db, e.site.id), await publicQuestions(t.db, e.reference));
    const text = JSON.stringify(reads);
    expect(text).toContain('CE-');
    // The seed's answered questions are among the reads: the search covers them.
    expect(text).toContain('Combien de temps les images sont-elles gardées');
    expect(leaksIn(text, internal)).toEqual([]);
  });
});
