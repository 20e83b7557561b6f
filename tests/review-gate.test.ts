import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnostics, proposals } from '@/db/schema';
import { diagnosticEditRefusal, draftEditRefusal, isConcludedAndSigned } from '@/lib/domain/proposal-rules';
import { PROPOSAL_STATES } from '@/lib/domain/vocabulary';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { makeSite, makeUser } from './support/fixtures';

/** Every history of one to three diagnostic versions, each a draft or concluded. */
const HISTORIES: ('draft' | 'concluded')[][] = [];
for (let length = 1; length <= 3; length++) {
  for (let bits = 0; bits < 2 ** length; bits++) {
    HISTORIES.push(Array.from({ length }, (_, i) => ((bits >> i) & 1 ? 'concluded' : 'draft')));
  }
}

describe.each(BACKENDS)('the review gate and its SQL twin on %s', (backend) => {
  let t: TestDatabase;
  let officer: { id: string };
  let technician: { id: string };
  let siteId: string;

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    officer = await makeUser(t.db, ['diagnostician']);
    technician = await makeUser(t.db, ['technician']);
    siteId = (await makeSite(t.db)).id;
  });
  afterAll(() => t.close());

  it.each(HISTORIES.map((h) => [h.join(' → '), h] as const))('agree for the history %s', async (_, history) => {
    const [{ id }] = (await t.db
      .insert(proposals)
      .values({ siteId, authorId: technician.id, title: 'Gate', state: 'in_diagnostic' })
      .returning({ id: proposals.id })) as [{ id: string }];
    for (const [index, state] of history.entries()) {
      const signed = state === 'concluded' ? { conclusion: 'opportune' as const, dpiaStatus: 'not_required' as const, signedBy: officer.id, signedAt: new Date() } : {};
      await t.db.insert(diagnostics).values({ proposalId: id, version: index + 1, state, startedBy: officer.id, ...signed });
    }
    const [latest] = await t.db.select().from(diagnostics).where(eq(diagnostics.proposalId, id)).orderBy(desc(diagnostics.version)).limit(1);
    const expected = isConcludedAndSigned(latest);
    expect(expected).toBe(history.at(-1) === 'concluded');

    const moved = await t.db
      .transaction((tx) => tx.update(proposals).set({ state: 'diagnosed' }).where(eq(proposals.id, id)))
      .then(() => true)
      .catch((err: { cause?: { code?: string } }) => {
        expect(err.cause?.code).toBe('23514');
        return false;
      });
    expect(moved).toBe(expected);
  });
});

describe('editability rules', () => {
  it('lets only the author edit, and only a draft', () => {
    for (const state of PROPOSAL_STATES) {
      expect(draftEditRefusal({ state, authorId: 'a' }, 'a')).toBe(state === 'draft' ? null : 'lifecycle.not_allowed_from_state');
      expect(draftEditRefusal({ state, authorId: 'a' }, 'b')).toBe('lifecycle.not_author');
    }
  });

  it('lets a diagnostic be written only as a draft of a file in diagnostic', () => {
    for (const state of PROPOSAL_STATES) {
      expect(diagnosticEditRefusal(state, { state: 'draft' })).toBe(state === 'in_diagnostic' ? null : 'lifecycle.diagnostic_read_only');
      expect(diagnosticEditRefusal(state, { state: 'concluded' })).toBe('lifecycle.diagnostic_read_only');
    }
  });
});
