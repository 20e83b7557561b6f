import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committeeHome, markProposalRead } from '@/db/queries/committee-home';
import { seedDemo } from '@/db/seed';
import { users } from '@/db/schema';
import { loadActor, type Actor } from '@/lib/auth/actor';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';

describe.each(BACKENDS)('the committee on the staff home on %s', (backend) => {
  let t: TestDatabase;
  let member: Actor;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await seedDemo(t.db);
    const [row] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, 'membre1@demo.vigie.test'));
    member = (await loadActor(t.db, row!.id))!;
    // The whole demo seed (its after-the-vote part included): as long as the other seeded tests allow.
  }, 120_000);
  afterAll(() => t.close());

  it('lists the open vote to cast and the coming sessions with the files not read yet', async () => {
    const home = await committeeHome(t.db, member);
    expect(home.openVotes).toHaveLength(1);
    expect(home.openVotes[0]).toMatchObject({ voted: false, recused: false, unread: true, title: 'Entrée rue Lorilleux' });
    expect(home.sessions.map((s) => [s.state, s.items.length])).toEqual([
      ['held', 1],
      ['convened', 2],
    ]);
  });

  it('marks a file read once opened, and a vote as cast', async () => {
    const [vote] = (await committeeHome(t.db, member)).openVotes;
    await markProposalRead(t.db, member.id, vote!.proposalId);
    await markProposalRead(t.db, member.id, vote!.proposalId);
    expect(await runCommand(t.db, COMMANDS.castVote, member.id, { itemId: vote!.itemId, choice: 'for' })).toMatchObject({ ok: true });
    const after = await committeeHome(t.db, member);
    expect(after.openVotes[0]).toMatchObject({ voted: true, unread: false });
  });
});
