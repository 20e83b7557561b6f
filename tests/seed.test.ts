import { count, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '@/db/seed';
import { agendaItems, auditEvents, decisions, diagnostics, observatoryFigures, observatoryImports, proposals, registerEntries, residentQuestions, sessions, sites, users } from '@/db/schema';
import { OBSERVATORY_SEED_YEARS } from '@/db/seed-parts/observatory';
import { FACT_TYPES } from '@/lib/domain/vocabulary';
import { verifyChain } from '@/lib/domain/register';
import { loadActor } from '@/lib/auth/actor';
import { authenticate } from '@/lib/auth/sign-in';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';

describe.each(BACKENDS)('demo seed on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(() => t.close());

  it('refuses to run in production', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    await expect(seedDemo(t.db)).rejects.toThrow(/refused/);
    vi.unstubAllEnvs();
    expect((await t.db.select({ n: count() }).from(users))[0]!.n).toBe(0);
  });

  it('creates one account per role plus five members, all with the demo password, and sites', async () => {
    expect(await seedDemo(t.db)).toBe(true);
    const emails = DEMO_USERS.map((u) => u.email);
    expect(emails).toEqual(
      expect.arrayContaining(['technicien@demo.vigie.test', 'prevention@demo.vigie.test', 'presidence@demo.vigie.test', 'admin@demo.vigie.test', ...[1, 2, 3, 4, 5].map((i) => `membre${i}@demo.vigie.test`)]),
    );
    for (const demo of DEMO_USERS) {
      const outcome = await authenticate(t.db, { email: demo.email, password: DEMO_PASSWORD }, `seed-${demo.email}`);
      expect(outcome.ok).toBe(true);
      const actor = await loadActor(t.db, outcome.ok ? outcome.userId : null);
      expect(actor?.roles).toEqual([...demo.roles].sort());
    }
    const chair = DEMO_USERS.find((u) => u.email === 'presidence@demo.vigie.test');
    expect(chair?.roles).toEqual(expect.arrayContaining(['chair', 'member']));
    expect((await t.db.select({ n: count() }).from(sites))[0]!.n).toBeGreaterThanOrEqual(3);
  });

  it('creates proposals in draft, submitted, in diagnostic and diagnosed, through the real commands', async () => {
    const rows = await t.db.select({ state: proposals.state }).from(proposals);
    expect(rows.map((r) => r.state).sort()).toEqual(
      ['diagnosed', 'draft', 'in_diagnostic', 'submitted', ...Array(3 + 11).fill('published'), 'under_review', 'under_review', 'voting'].sort(),
    );
    const [concluded] = await t.db.select().from(diagnostics).where(eq(diagnostics.state, 'concluded'));
    expect(concluded?.signedAt).toBeInstanceOf(Date);
    expect((await t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.entityType, 'proposal')))[0]!.n).toBeGreaterThan(5);
  });

  it('shows the committee at work: a closed session with each outcome, one held with a vote open, one convened', async () => {
    const held = await t.db.select({ state: sessions.state }).from(sessions);
    // Six past sessions behind the register's history, then last month's, today's and the coming one.
    expect(held.map((r) => r.state).sort()).toEqual([...Array(6 + 1).fill('closed'), 'convened', 'held']);
    const outcomes = await t.db.select({ outcome: decisions.outcome, signedAt: decisions.signedAt }).from(decisions);
    expect(new Set(outcomes.map((d) => d.outcome))).toEqual(new Set(['adjourned', 'favourable', 'favourable_with_conditions', 'unfavourable']));
    expect(outcomes.filter((d) => d.signedAt).length).toBe(3 + 11);
    expect((await t.db.select({ state: agendaItems.state }).from(agendaItems)).filter((i) => i.state === 'voting')).toHaveLength(1);
  });

  it('fills a register of more than a year, every outcome and one correction, that verifies', async () => {
    const entries = (await t.db.select().from(registerEntries).orderBy(registerEntries.sequence)).map((r) => r.entry);
    expect(entries).toHaveLength(11 + 1 + 3);
    expect(verifyChain(entries)).toMatchObject({ ok: true, length: 15 });
    expect(new Set(entries.map((e) => e.outcome))).toEqual(new Set(['favourable', 'favourable_with_conditions', 'unfavourable']));
    expect(entries.filter((e) => e.kind === 'correction')).toHaveLength(1);
    const published = entries.map((e) => Date.parse(e.publishedAt));
    expect(published).toEqual([...published].sort((a, b) => a - b));
    expect(published[published.length - 1]! - published[0]!).toBeGreaterThan(365 * 86_400_000);
    expect(new Set(entries.map((e) => e.site.id)).size).toBeGreaterThanOrEqual(6);
    expect(entries.some((e) => e.votes.recused > 0)).toBe(true);
  });

  it('leaves the read-only guards of signed records on after dating its history', async () => {
    const [old] = await t.db.select().from(diagnostics).where(eq(diagnostics.state, 'concluded')).orderBy(diagnostics.signedAt).limit(1);
    expect(Date.now() - old!.signedAt!.getTime()).toBeGreaterThan(365 * 86_400_000);
    await expect(t.db.update(diagnostics).set({ publicSummary: 'changé' }).where(eq(diagnostics.id, old!.id))).rejects.toMatchObject({ cause: { code: '23514' } });
    const [decision] = await t.db.select().from(decisions).where(isNotNull(decisions.signedAt)).limit(1);
    await expect(t.db.update(decisions).set({ reasons: 'changé' }).where(eq(decisions.id, decision!.id))).rejects.toMatchObject({ cause: { code: '23514' } });
  });

  it('adds residents’ questions: answered (one by a designated member), approved and waiting, pending, rejected', async () => {
    const rows = await t.db.select().from(residentQuestions);
    const answered = rows.filter((r) => r.answer !== null);
    expect(answered.length).toBeGreaterThanOrEqual(2);
    expect(answered.some((r) => r.assignedTo !== null && r.answeredBy === r.assignedTo)).toBe(true);
    expect(rows.some((r) => r.state === 'approved' && r.answer === null)).toBe(true);
    expect(rows.some((r) => r.state === 'pending')).toBe(true);
    expect(rows.some((r) => r.state === 'rejected' && r.rejectionReason)).toBe(true);
    for (const r of rows) {
      const [entry] = await t.db.select({ publishedAt: registerEntries.publishedAt }).from(registerEntries).where(eq(registerEntries.reference, r.registerReference));
      expect(r.createdAt.getTime()).toBeGreaterThanOrEqual(entry!.publishedAt.getTime());
      if (r.answeredAt) expect(r.answeredAt.getTime()).toBeGreaterThan(r.createdAt.getTime());
    }
  });

  it('fills the observatory: every site over nine years through one import, some counts below 5, one line typed by hand', async () => {
    const figures = await t.db.select().from(observatoryFigures);
    const siteCount = (await t.db.select({ n: count() }).from(sites))[0]!.n;
    expect(figures).toHaveLength(siteCount * OBSERVATORY_SEED_YEARS * FACT_TYPES.length);
    expect(new Set(figures.map((f) => f.year)).size).toBe(OBSERVATORY_SEED_YEARS);
    expect(figures.some((f) => f.count < 5)).toBe(true);
    expect(figures.filter((f) => f.importId === null)).toHaveLength(FACT_TYPES.length);
    expect(await t.db.select().from(observatoryImports)).toHaveLength(1);
  });

  it('does nothing on a database that already has accounts', async () => {
    expect(await seedDemo(t.db)).toBe(false);
    expect((await t.db.select({ n: count() }).from(users))[0]!.n).toBe(DEMO_USERS.length);
  });
});
