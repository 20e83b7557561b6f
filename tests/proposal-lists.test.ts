import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnostics, proposals } from '@/db/schema';
import { countProposals, listProposals, type ProposalView } from '@/db/queries/proposals';
import { loadActor, type Actor } from '@/lib/auth/actor';
import { inQueue, queuesFor } from '@/lib/auth/queues';
import { canViewProposal } from '@/lib/auth/visibility';
import type { ProposalState } from '@/lib/domain/vocabulary';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { makeSite, makeUser } from './support/fixtures';

const STATES: ProposalState[] = ['draft', 'submitted', 'in_diagnostic', 'diagnosed', 'under_review', 'withdrawn'];
const REACHED_BY_DIAGNOSTIC = new Set<ProposalState>(['diagnosed', 'under_review']);

describe.each(BACKENDS)('proposal lists, filtered, counted and paged in SQL on %s', (backend) => {
  let t: TestDatabase;
  let readers: Actor[];
  let rows: (typeof proposals.$inferSelect)[];

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    const technicians = [await makeUser(t.db, ['technician']), await makeUser(t.db, ['technician', 'member'])];
    const officer = await makeUser(t.db, ['diagnostician']);
    const siteId = (await makeSite(t.db)).id;
    // 48 files: every state, two authors, distinct update times (some equal, to test the tie-break).
    for (let i = 0; i < 48; i++) {
      const state = STATES[i % STATES.length]!;
      const author = technicians[i % 2]!;
      const base = new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 2)));
      const submittedAt = state === 'draft' ? null : base;
      const diagnosedAt = REACHED_BY_DIAGNOSTIC.has(state) ? base : null;
      const [row] = await t.db
        .insert(proposals)
        .values({ siteId, authorId: author.id, title: `Dossier ${i}`, state: REACHED_BY_DIAGNOSTIC.has(state) ? 'in_diagnostic' : state, submittedAt, diagnosedAt, updatedAt: base })
        .returning();
      if (REACHED_BY_DIAGNOSTIC.has(state)) {
        await t.db.insert(diagnostics).values({ proposalId: row!.id, version: 1, state: 'concluded', conclusion: 'opportune', dpiaStatus: 'planned', startedBy: officer.id, signedBy: officer.id, signedAt: base });
        await t.db.update(proposals).set({ state }).where(eq(proposals.id, row!.id));
      }
    }
    rows = await t.db.select().from(proposals);
    const people = [...technicians, officer, await makeUser(t.db, ['chair', 'member']), await makeUser(t.db, ['admin']), await makeUser(t.db, [])];
    readers = await Promise.all(people.map(async (p) => (await loadActor(t.db, p.id))!));
  });
  afterAll(() => t.close());

  /** The same list computed in TypeScript from every row, with the rules' TypeScript twins. */
  function expected(actor: Actor, view: ProposalView) {
    const queues = queuesFor(actor.roles);
    return rows
      .filter((p) => canViewProposal(actor, p))
      .filter((p) => (view === 'all' ? true : view === 'mine' ? p.authorId === actor.id : queues.some((q) => inQueue(q, p, actor.id))))
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((p) => p.id);
  }

  it('pages through exactly the files the rules give, in order, for every reader and view', async () => {
    for (const actor of readers) {
      const counts = await countProposals(t.db, actor, ['todo', 'mine', 'all']);
      for (const view of ['todo', 'mine', 'all'] as const) {
        const want = expected(actor, view);
        expect(counts[view], `${actor.roles.join('+')} ${view}`).toBe(want.length);
        const seen: string[] = [];
        const first = await listProposals(t.db, actor, view, 1, 7);
        for (let page = 1; page <= first.pages; page++) {
          const got = await listProposals(t.db, actor, view, page, 7);
          expect(got).toMatchObject({ page, pages: Math.max(1, Math.ceil(want.length / 7)), total: want.length });
          expect(got.items.length).toBeLessThanOrEqual(7);
          seen.push(...got.items.map((p) => p.id));
        }
        expect(seen, `${actor.roles.join('+')} ${view}`).toEqual(want);
      }
    }
  });

  it('reads a page past the end as the last page, and a bad page as the first', async () => {
    const chair = readers[3]!;
    const all = await listProposals(t.db, chair, 'all', 1, 7);
    expect((await listProposals(t.db, chair, 'all', '999', 7)).page).toBe(all.pages);
    expect((await listProposals(t.db, chair, 'all', 'abc', 7)).page).toBe(1);
  });
});
