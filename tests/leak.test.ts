import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameras, deliberationMessages, diagnostics, dissents, proposals, users } from '@/db/schema';
import { listRegister, registerEntry, registerFacets, registerSites, siteHistory, walkRegister } from '@/db/queries/register';
import { seedDemo } from '@/db/seed';
import type { RegisterEntry } from '@/lib/domain/register';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';

/**
 * Nothing internal leaks into the public read side (DOMAIN.md rule 7): on the fully
 * populated demo, every public read is searched for every internal value the database
 * holds: staff names and emails, the deliberation, dissents, the detailed diagnostic,
 * the file's justification, and the names of internal fields (camera directions,
 * individual votes). The open-data routes and the pages are walked the same way by
 * tests/open-data*.test.ts and e2e/leak.spec.ts with the same list.
 */
export async function internalValues(t: TestDatabase): Promise<string[]> {
  const [people, messages, dissentTexts, diagnosticRows, proposalRows] = await Promise.all([
    t.db.select({ name: users.name, email: users.email }).from(users),
    t.db.select({ body: deliberationMessages.body }).from(deliberationMessages),
    t.db.select({ text: dissents.text }).from(dissents),
    t.db.select().from(diagnostics),
    t.db.select({ justification: proposals.justification, viewers: proposals.viewers }).from(proposals),
  ]);
  const values = [
    ...people.flatMap((p) => [p.name, p.email]),
    ...messages.map((m) => m.body),
    ...dissentTexts.map((d) => d.text),
    ...diagnosticRows.flatMap((d) => [d.siteDescription, d.proportionality, d.privacyRisks, d.expectedEffect, d.costAssessment, ...Object.values(d.actorsConsulted), ...Object.values(d.alternatives)]),
    ...proposalRows.flatMap((p) => [p.justification, p.viewers]),
  ];
  // Short strings would match by chance; every internal text of the demo is longer.
  return [...new Set(values.filter((v) => v.trim().length >= 12))];
}

export const INTERNAL_FIELD_NAMES = ['directionDegrees', 'direction_degrees', 'angleDegrees', 'memberId', 'member_id', 'castBy', 'choice', 'deliberation', 'dissent', 'signedBy', 'signed_by', 'proportionality', 'privacyRisks', 'justification', 'passwordHash', 'email'];

export function leaksIn(text: string, internal: readonly string[]): string[] {
  return [...internal, ...INTERNAL_FIELD_NAMES].filter((value) => text.includes(value));
}

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
    for (const e of entries) reads.push(await registerEntry(t.db, e.reference), await siteHistory(t.db, e.site.id));
    const text = JSON.stringify(reads);
    expect(text).toContain('CE-');
    expect(leaksIn(text, internal)).toEqual([]);
  });
});
