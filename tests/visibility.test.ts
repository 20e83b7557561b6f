import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProposals } from '@/db/queries/proposals';
import { loadActor, type Actor } from '@/lib/auth/actor';
import { canViewDiagnostic, canViewProposal } from '@/lib/auth/visibility';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { completeDiagnostic, makeSite, makeUser, validProposal } from './support/fixtures';
import { ROLES } from '@/lib/domain/vocabulary';

const actor = (roles: Actor['roles'], id = 'someone-else'): Actor => ({ id, name: 'X', email: 'x@x.test', roles });
const file = (stage: 'draft' | 'submitted' | 'diagnosed') => ({
  authorId: 'author',
  submittedAt: stage === 'draft' ? null : new Date(),
  diagnosedAt: stage === 'diagnosed' ? new Date() : null,
});

describe('who sees which file', () => {
  it('keeps a draft to its author', () => {
    for (const role of ROLES) expect(canViewProposal(actor([role]), file('draft'))).toBe(false);
    expect(canViewProposal(actor(['technician'], 'author'), file('draft'))).toBe(true);
  });

  it('shows a submitted file to the prevention officer and the admin, not to the committee or other technicians', () => {
    const seen = ROLES.filter((r) => canViewProposal(actor([r]), file('submitted')));
    expect(seen).toEqual(['diagnostician', 'admin']);
  });

  it('shows a diagnosed file to the committee too', () => {
    const seen = ROLES.filter((r) => canViewProposal(actor([r]), file('diagnosed')));
    expect(seen).toEqual(['diagnostician', 'member', 'chair', 'admin']);
  });

  it('shows a diagnostic being written to prevention officers only', () => {
    const seen = ROLES.filter((r) => canViewDiagnostic(actor([r]), { state: 'draft' }));
    expect(seen).toEqual(['diagnostician']);
    for (const role of ROLES) expect(canViewDiagnostic(actor([role]), { state: 'concluded' })).toBe(true);
  });
});

describe.each(BACKENDS)('the lists on %s apply the same rule as the pages', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(() => t.close());

  it('lists exactly the files each role may open', async () => {
    const author = await makeUser(t.db, ['technician']);
    const officer = await makeUser(t.db, ['diagnostician']);
    const siteId = (await makeSite(t.db)).id;
    const create = async () => {
      const r = await runCommand(t.db, COMMANDS.createProposal, author.id, validProposal(siteId));
      if (!r.ok) throw new Error(r.code);
      return r.value.id;
    };
    await create(); // stays a draft
    const submitted = await create();
    await runCommand(t.db, COMMANDS.submitProposal, author.id, { ...validProposal(siteId), proposalId: submitted, revision: 1 });
    const diagnosed = await create();
    await runCommand(t.db, COMMANDS.submitProposal, author.id, { ...validProposal(siteId), proposalId: diagnosed, revision: 1 });
    const started = await runCommand(t.db, COMMANDS.startDiagnostic, officer.id, { proposalId: diagnosed });
    if (!started.ok) throw new Error(started.code);
    await runCommand(t.db, COMMANDS.concludeDiagnostic, officer.id, { ...completeDiagnostic(), diagnosticId: started.value.id, revision: 1, confirmed: true });

    const everything = await listProposals(t.db, (await loadActor(t.db, author.id))!);
    expect(everything.items).toHaveLength(3);
    for (const roles of [...ROLES.map((r) => [r]), ['member', 'chair'], []] as Actor['roles'][]) {
      const reader = await loadActor(t.db, (await makeUser(t.db, roles)).id);
      const listed = (await listProposals(t.db, reader!)).items.map((p) => p.id).sort();
      const rows = await t.db.query.proposals.findMany();
      const allowed = rows.filter((p) => canViewProposal(reader!, p)).map((p) => p.id).sort();
      expect(listed, `roles ${roles.join(',')}`).toEqual(allowed);
    }
  });
});
