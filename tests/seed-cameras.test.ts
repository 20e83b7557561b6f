import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@/db/seed';
import { DEMO_DECOMMISSION_REASON, seedCameras } from '@/db/seed-parts/cameras';
import { authorisations, cameras, decisions, registerEntries } from '@/db/schema';
import { parisDate } from '@/lib/domain/paris-time';
import { addMonths, verifyChain } from '@/lib/domain/register';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';

/**
 * The demo seed's cameras part (db/seed-parts/cameras.ts). The authorisations it starts
 * from are seeded by another part (seedAuthorisations); this test inserts granted ones
 * itself, as that part does, then runs the cameras part.
 */
describe.each(BACKENDS)('demo seed, cameras in service, on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    expect(await seedDemo(t.db)).toBe(true);
  }, 300_000);
  afterAll(() => t.close());

  it('puts the cameras of granted files in service after the grant, and takes one out with a register entry', async () => {
    const today = parisDate(new Date());
    const favourable = await t.db
      .select({ decisionId: registerEntries.decisionId, proposalId: decisions.proposalId })
      .from(registerEntries)
      .innerJoin(decisions, eq(decisions.id, registerEntries.decisionId))
      .where(and(eq(registerEntries.kind, 'decision'), inArray(registerEntries.outcome, ['favourable', 'favourable_with_conditions'])))
      .orderBy(asc(registerEntries.sequence));
    const revoked = new Set((await t.db.select({ id: registerEntries.decisionId }).from(registerEntries).where(eq(registerEntries.kind, 'revocation'))).map((r) => r.id));
    const usable = favourable.filter((f) => !revoked.has(f.decisionId));
    expect(usable.length).toBeGreaterThanOrEqual(4);
    // As the authorisations part seeds them: granted ~75 months ago (expired), ~59 months ago, 3 months ago; one only filed.
    const grants = [addMonths(today, -75), addMonths(today, -59), addMonths(today, -3)];
    for (const [i, grantedOn] of grants.entries()) {
      await t.db.insert(authorisations).values({ decisionId: usable[i]!.decisionId, filedOn: addMonths(grantedOn, -3), prefectureReference: `PREF-${i}`, prefectDecision: 'granted', prefectDecidedOn: grantedOn, orderReference: `AP-${i}` });
    }
    await t.db.insert(authorisations).values({ decisionId: usable[3]!.decisionId, filedOn: addMonths(today, -1), prefectureReference: 'PREF-filed' });
    const entriesBefore = await t.db.select().from(registerEntries);

    await seedCameras(t.db);

    for (const [i, grantedOn] of grants.entries()) {
      const rows = await t.db.select().from(cameras).where(eq(cameras.proposalId, usable[i]!.proposalId));
      expect(rows.length).toBeGreaterThan(0);
      for (const c of rows) {
        expect(c.commissionedOn! >= grantedOn && c.commissionedOn! <= today).toBe(true);
      }
    }
    // Not granted: nothing in service.
    expect((await t.db.select().from(cameras).where(and(eq(cameras.proposalId, usable[3]!.proposalId), isNotNull(cameras.commissionedOn))))).toHaveLength(0);

    const out = await t.db.select().from(cameras).where(isNotNull(cameras.decommissionedOn));
    expect(out).toHaveLength(1);
    expect(out[0]!.decommissionReason).toBe(DEMO_DECOMMISSION_REASON);
    const entries = await t.db.select().from(registerEntries).orderBy(asc(registerEntries.sequence));
    expect(entries).toHaveLength(entriesBefore.length + 1);
    expect(entries.at(-1)!.entry).toMatchObject({ kind: 'decommissioning', note: DEMO_DECOMMISSION_REASON });
    expect(verifyChain(entries.map((e) => e.entry))).toMatchObject({ ok: true });
  });
});
