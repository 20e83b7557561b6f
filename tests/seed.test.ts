import { and, count, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '@/db/seed';
import { DEMO_DECOMMISSION_REASON } from '@/db/seed-parts/cameras';
import { seedJobs } from '@/db/seed-parts/jobs';
import {
  agendaItems,
  auditEvents,
  authorisations,
  landlordDecisions,
  cameras,
  conditionFollowUps,
  decisions,
  diagnostics,
  notices,
  observatoryFigures,
  observatoryImports,
  proposals,
  registerEntries,
  residentQuestions,
  scheduledJobs,
  sessions,
  sites,
  users,
} from '@/db/schema';
import { deriveAuthorisation } from '@/lib/domain/authorisation';
import { authorisationFacts } from '@/lib/domain/follow-up';
import { parisDate } from '@/lib/domain/paris-time';
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
      // Two re-reviews opened by the seed's run of the scheduled jobs (renewal due, and expired).
      ['diagnosed', 'draft', 'in_diagnostic', 'submitted', 'submitted', 'submitted', ...Array(3 + 13).fill('published'), 'under_review', 'under_review', 'voting'].sort(),
    );
    const [concluded] = await t.db.select().from(diagnostics).where(eq(diagnostics.state, 'concluded'));
    expect(concluded?.signedAt).toBeInstanceOf(Date);
    expect((await t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.entityType, 'proposal')))[0]!.n).toBeGreaterThan(5);
  });

  it('shows the committee at work: a closed session with each outcome, one held with a vote open, one convened', async () => {
    const held = await t.db.select({ state: sessions.state }).from(sessions);
    // Eight past sessions behind the register's history, then last month's, today's and the coming one.
    expect(held.map((r) => r.state).sort()).toEqual([...Array(8 + 1).fill('closed'), 'convened', 'held']);
    const outcomes = await t.db.select({ outcome: decisions.outcome, signedAt: decisions.signedAt }).from(decisions);
    expect(new Set(outcomes.map((d) => d.outcome))).toEqual(new Set(['adjourned', 'favourable', 'favourable_with_conditions', 'unfavourable']));
    expect(outcomes.filter((d) => d.signedAt).length).toBe(3 + 13);
    expect((await t.db.select({ state: agendaItems.state }).from(agendaItems)).filter((i) => i.state === 'voting')).toHaveLength(1);
  });

  it('fills a register of more than a year, every outcome, one correction and one decommissioning, that verifies', async () => {
    const entries = (await t.db.select().from(registerEntries).orderBy(registerEntries.sequence)).map((r) => r.entry);
    expect(entries).toHaveLength(13 + 1 + 3 + 1);
    expect(verifyChain(entries)).toMatchObject({ ok: true, length: 18 });
    expect(new Set(entries.map((e) => e.outcome))).toEqual(new Set(['favourable', 'favourable_with_conditions', 'unfavourable']));
    expect(entries.filter((e) => e.kind === 'correction')).toHaveLength(1);
    expect(entries.filter((e) => e.kind === 'decommissioning')).toEqual([expect.objectContaining({ note: DEMO_DECOMMISSION_REASON })]);
    const published = entries.map((e) => Date.parse(e.publishedAt));
    expect(published).toEqual([...published].sort((a, b) => a - b));
    expect(published[published.length - 1]! - published[0]!).toBeGreaterThan(365 * 86_400_000);
    expect(new Set(entries.map((e) => e.site.id)).size).toBeGreaterThanOrEqual(6);
    expect(entries.some((e) => e.votes.recused > 0)).toBe(true);
  });

  it('tells the after-the-vote story: an authorisation in every status, one up for renewal, conditions met and overdue', async () => {
    const { overdueConditions } = await import('@/db/queries/follow-up');
    const { listRegister } = await import('@/db/queries/register');
    const { items } = await listRegister(t.db, {}, 100);
    const decisionsOnly = items.filter((i) => i.entry.kind !== 'revocation');
    const statuses = decisionsOnly.map((i) => i.followUp.authorisation?.status).filter(Boolean);
    expect(new Set(statuses)).toEqual(new Set(['not_filed', 'filed', 'granted', 'refused', 'refused_by_silence', 'expired']));
    expect(statuses.filter((s) => s === 'granted').length).toBeGreaterThanOrEqual(2);
    // Cameras of all three regimes; common-area files have the landlord's decision instead of the prefect's, one with the police convention.
    const regimes = new Set(items.flatMap((i) => i.followUp.cameras.map((c) => c.regime)));
    expect(regimes).toEqual(new Set(['public_road', 'open_to_public', 'private_common_area']));
    const landlord = decisionsOnly.filter((i) => i.followUp.landlordDecision?.decidedOn);
    expect(new Set(landlord.map((i) => i.entry.site.name)).size).toBeGreaterThanOrEqual(2);
    expect(landlord.some((i) => i.followUp.landlordDecision!.policeTransmission)).toBe(true);
    for (const i of landlord) expect(i.followUp.authorisation).toBeNull();
    // One granted about 4 years 9 months ago: it expires within four months, its renewal is due.
    const { deriveAuthorisation } = await import('@/lib/domain/authorisation');
    const { parisDate } = await import('@/lib/domain/paris-time');
    const { addMonths } = await import('@/lib/domain/register');
    const today = parisDate(new Date());
    const rows = await t.db.select().from(authorisations);
    const renewals = rows.map((r) => deriveAuthorisation(authorisationFacts(r), today)).filter((a) => a.renewalDue);
    expect(renewals).toHaveLength(1);
    expect(renewals[0]!.expiresAt! > today && renewals[0]!.expiresAt! <= addMonths(today, 4)).toBe(true);
    // Conditions: some met with a note, some overdue.
    const checks = await t.db.select().from(conditionFollowUps);
    expect(checks.filter((c) => c.status === 'met').every((c) => c.note.length > 0)).toBe(true);
    expect(checks.filter((c) => c.status === 'met').length).toBeGreaterThanOrEqual(2);
    expect((await overdueConditions(t.db)).length).toBeGreaterThanOrEqual(2);
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

  it('puts the cameras of authorised files in service after the order or the landlord’s decision, never in the future, and took one out', async () => {
    const today = parisDate(new Date());
    const byPrefect = await t.db
      .select({ proposalId: decisions.proposalId, grantedOn: authorisations.prefectDecidedOn })
      .from(authorisations)
      .innerJoin(decisions, eq(decisions.id, authorisations.decisionId))
      .where(eq(authorisations.prefectDecision, 'granted'));
    const byLandlord = await t.db
      .select({ proposalId: decisions.proposalId, grantedOn: landlordDecisions.boardDecidedOn })
      .from(landlordDecisions)
      .innerJoin(decisions, eq(decisions.id, landlordDecisions.decisionId));
    const granted = [...byPrefect, ...byLandlord];
    expect(byPrefect.length).toBeGreaterThanOrEqual(3);
    expect(byLandlord.length).toBeGreaterThanOrEqual(2);
    for (const { proposalId, grantedOn } of granted) {
      const rows = await t.db.select().from(cameras).where(eq(cameras.proposalId, proposalId));
      expect(rows.length).toBeGreaterThan(0);
      for (const c of rows) expect(c.commissionedOn! >= grantedOn! && c.commissionedOn! <= today).toBe(true);
    }
    const inService = await t.db.select({ proposalId: cameras.proposalId }).from(cameras).where(isNotNull(cameras.commissionedOn));
    expect(inService.every((c) => granted.some((g) => g.proposalId === c.proposalId))).toBe(true);
    const out = await t.db.select().from(cameras).where(isNotNull(cameras.decommissionedOn));
    expect(out.map((c) => c.decommissionReason)).toEqual([DEMO_DECOMMISSION_REASON]);
  });

  it('counts a refused and a refused-by-silence request nowhere as authorised or in force: map, GeoJSON, CSV, annual report', async () => {
    (globalThis as { vigieDb?: unknown }).vigieDb = { db: t.db, pool: t.pool };
    try {
      const { listRegister } = await import('@/db/queries/register');
      const { siteCameraCounts } = await import('@/db/queries/public-cameras');
      const { annualReport } = await import('@/db/queries/annual-report');
      const geojson = await import('@/app/api/v1/decisions.geojson/route');
      const csv = await import('@/app/api/v1/decisions.csv/route');
      const { items } = await listRegister(t.db, {}, 100);
      const refusedOnes = items.filter((i) => i.followUp.authorisation && ['refused', 'refused_by_silence'].includes(i.followUp.authorisation.status));
      // The Quai's bike racks (refused) and the Terrasses' car-park entrance (refused by silence).
      expect(refusedOnes.map((i) => i.followUp.authorisation!.status).sort()).toEqual(['refused', 'refused_by_silence']);
      const refused = new Set(refusedOnes.map((i) => i.entry.reference));
      const refusedSites = new Set(refusedOnes.map((i) => i.entry.site.id));
      for (const i of refusedOnes) {
        expect(i.entry.outcome).not.toBe('unfavourable');
        expect(i.followUp.cameras.length).toBeGreaterThan(0);
        expect(i.followUp.cameras.every((c) => !c.authorised && !c.inService)).toBe(true);
      }
      // The map (/carte and the site pages read these counts): nothing authorised, nothing in service on those sites.
      const counts = await siteCameraCounts(t.db);
      for (const site of refusedSites) expect(counts.get(site) ?? { authorised: 0, inService: 0 }).toEqual({ authorised: 0, inService: 0 });
      // The GeoJSON: their entries count no camera, their sites none, and no camera point comes from them.
      const request = (path: string) => geojson.GET(new Request(`http://vigie.test${path}`), { params: Promise.resolve({}) } as never);
      const collection = await (await request('/api/v1/decisions.geojson')).json();
      for (const feature of collection.features) {
        if (feature.properties.kind === 'camera') {
          expect(refused.has(feature.properties.decision)).toBe(false);
          continue;
        }
        if (refusedSites.has(feature.id)) expect(feature.properties).toMatchObject({ camerasAuthorised: 0, camerasInService: 0 });
        for (const e of feature.properties.entries) if (refused.has(e.reference)) expect(e).toMatchObject({ camerasAuthorised: 0, camerasInService: 0 });
      }
      // The CSV: their rows say the refusal and count no camera.
      const text = (await (await csv.GET(new Request('http://vigie.test/api/v1/decisions.csv'), { params: Promise.resolve({}) } as never)).text()).replace(/^\uFEFF/, '');
      const Papa = (await import('papaparse')).default;
      const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data.filter((r) => refused.has(r.reference!));
      expect(rows.map((r) => [r.authorisation_status, r.cameras_authorised, r.cameras_in_service]).sort()).toEqual([
        ['refused', '0', '0'],
        ['refused_by_silence', '0', '0'],
      ]);
      // The annual report: the map's count, which leaves them out. Authorised today: the Bergères' car park (2),
      // the Lorilleux fly-tipping camera (1), the Arago car park (3, one taken down) and the Jean-Jaurès hall (1).
      const report = await annualReport(t.db, Number(parisDate(new Date()).slice(0, 4)));
      expect(report.cameras.authorised).toBe(6);
      expect(report.cameras.authorised).toBe([...counts.values()].reduce((sum, c) => sum + c.authorised, 0));
      expect(collection.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'camera').length).toBe(report.cameras.inService);
    } finally {
      (globalThis as { vigieDb?: unknown }).vigieDb = undefined;
    }
  });

  it('ran the scheduled jobs once: the re-review of the authorisation up for renewal opened by itself, the officer told', async () => {
    const [job] = await t.db.select().from(scheduledJobs).where(eq(scheduledJobs.name, 'reminders'));
    expect(job).toMatchObject({ lastError: null, lockedBy: null, lockedUntil: null });
    expect(job!.nextRunAt.getTime()).toBeGreaterThan(job!.lastRunAt!.getTime());
    const today = parisDate(new Date());
    const due = (await t.db.select().from(authorisations)).filter((r) => deriveAuthorisation(authorisationFacts(r), today).renewalDue);
    expect(due).toHaveLength(1);
    const reReviews = () => t.db.select().from(proposals).where(and(eq(proposals.sourceDecisionId, due[0]!.decisionId), eq(proposals.kind, 're_review')));
    const opened = await reReviews();
    expect(opened.map((p) => p.state)).toEqual(['submitted']);
    const [officer] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, 'prevention@demo.vigie.test'));
    const told = await t.db.select().from(notices).where(and(eq(notices.kind, 're_review_opened'), eq(notices.recipientId, officer!.id)));
    expect(told.map((n) => n.proposalId)).toContain(opened[0]!.id);
    expect(await t.db.select().from(notices).where(eq(notices.kind, 'renewal_due'))).not.toHaveLength(0);
    // Run again (another instance, a restart): nothing opens twice.
    await seedJobs(t.db);
    expect(await reReviews()).toHaveLength(1);
  });

  it('fills the observatory: every site over nine years through one import, some counts below 5, one line typed by hand', async () => {
    const figures = await t.db.select().from(observatoryFigures);
    const siteCount = (await t.db.select({ n: count() }).from(sites))[0]!.n;
    expect(figures).toHaveLength(siteCount * OBSERVATORY_SEED_YEARS * FACT_TYPES.length);
    expect(new Set(figures.map((f) => f.year)).size).toBe(OBSERVATORY_SEED_YEARS);
    expect(figures.some((f) => f.count < 5)).toBe(true);
    expect(figures.filter((f) => f.importId === null)).toHaveLength(FACT_TYPES.length);
    expect(await t.db.select().from(observatoryImports)).toHaveLength(1);
    // Cameras in service long enough for a full evaluation: three years of figures each side.
    const { siteEvaluations } = await import('@/db/queries/observatory');
    const evaluations = await siteEvaluations(t.db);
    expect(evaluations.filter((e) => e.complete).map((e) => e.siteName)).toContain('Résidence des Bergères');
    expect(evaluations.every((e) => e.comparison.siteCount > 0)).toBe(true);
  });

  it('does nothing on a database that already has accounts', async () => {
    expect(await seedDemo(t.db)).toBe(false);
    expect((await t.db.select({ n: count() }).from(users))[0]!.n).toBe(DEMO_USERS.length);
  });
});
