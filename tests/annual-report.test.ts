import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualReport, parisYearRange, reportYears } from '@/db/queries/annual-report';
import { authorisations, cameras, proposals, registerEntries } from '@/db/schema';
import { addMonths } from '@/lib/domain/register';
import { parisDate } from '@/lib/domain/paris-time';
import { parseReportYear } from '@/lib/validation/annual-report';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { committeePeople, completeDiagnostic, makeSite, ok, signedDecision, validProposal } from './support/fixtures';

type Id = { id: string };

describe('the report year in the address', () => {
  it('is four digits from 2000 to the current year, nothing else', () => {
    expect(parseReportYear('2026', 2026)).toBe(2026);
    expect(parseReportYear('2000', 2026)).toBe(2000);
    for (const bad of ['abc', '1800', '1999', '2027', '20260', '026', ' 2026', '2026 ', '2e3', '+2026', '２０２６', '']) expect(parseReportYear(bad, 2026), bad).toBeNull();
  });

  it('is a calendar year in Paris time', () => {
    const { start, end } = parisYearRange(2026);
    expect(start.toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(end.toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });
});

describe.each(BACKENDS)('the annual report on %s', (backend) => {
  let t: TestDatabase;
  let people: { technician: Id; officer: Id; chair: Id; members: Id[] };
  // The fixtures act now: "this year" is the current year in Paris.
  const year = Number(parisDate(new Date()).slice(0, 4));
  /** The year after which the decisions of this test are due for re-review (they are all decided today). */
  let reReviewYear: number;

  const publish = (decisionId: string) => ok(runCommand(t.db, COMMANDS.publishDecision, people.chair.id, { decisionId }));
  const correct = (input: object) => ok(runCommand(t.db, COMMANDS.correctRegisterEntry, people.chair.id, input));

  /** A file submitted, its diagnostic concluded `conclusion`; returns its id. */
  async function diagnosedAs(siteId: string, conclusion: 'opportune' | 'not_opportune') {
    const { technician, officer } = people;
    const { id } = await ok(runCommand(t.db, COMMANDS.createProposal, technician.id, validProposal(siteId)));
    await ok(runCommand(t.db, COMMANDS.submitProposal, technician.id, { ...validProposal(siteId), proposalId: id, revision: 1 }));
    const started = await ok(runCommand(t.db, COMMANDS.startDiagnostic, officer.id, { proposalId: id }));
    await ok(runCommand(t.db, COMMANDS.concludeDiagnostic, officer.id, { ...completeDiagnostic(), conclusion, conditions: '', diagnosticId: started.id, revision: 1, confirmed: true }));
    return id;
  }

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    people = await committeePeople(t.db);
    const siteA = (await makeSite(t.db, { name: 'Résidence des Bergères' })).id;
    const siteB = (await makeSite(t.db, { name: 'Cité Lorilleux' })).id;

    // Four decisions, each from a file submitted and diagnosed (opportune with conditions) this year.
    const favourable = await signedDecision(t.db, people, siteA);
    const withConditions = await signedDecision(t.db, people, siteA, { conditions: [{ kind: 'masking', text: 'Masquer les fenêtres.', dueDate: null }] });
    const unfavourable = await signedDecision(t.db, people, siteB, { choice: 'against' });
    const revokedLater = await signedDecision(t.db, people, siteB);
    // The file with conditions states no investment and a different yearly cost.
    await t.db.update(proposals).set({ investmentEuros: null, yearlyCostEuros: 2500 }).where(eq(proposals.id, withConditions.proposalId));
    for (const d of [favourable, withConditions, unfavourable, revokedLater]) await publish(d.decisionId);
    const ref = async (decisionId: string) =>
      (await t.db.select({ reference: registerEntries.reference }).from(registerEntries).where(eq(registerEntries.decisionId, decisionId)))[0]!.reference;
    // A correction (the decision still counts once) and a revocation (it counts, as revoked, and authorises nothing).
    await correct({ kind: 'correction', reference: await ref(withConditions.decisionId), note: 'Coquille.', reasons: 'Motifs corrigés.', publicSummary: 'Résumé corrigé.' });
    await correct({ kind: 'revocation', reference: await ref(revokedLater.decisionId), note: 'Le bailleur a renoncé.' });
    // The favourable one is authorised by the prefect, its camera put in service, then taken out: one decommissioning entry.
    const today = parisDate(new Date());
    await t.db.insert(authorisations).values({ decisionId: favourable.decisionId, filedOn: today, prefectureReference: 'PREF-92-0001', prefectDecision: 'granted', prefectDecidedOn: today, orderReference: 'AP-0001' });
    const [camera] = await t.db.select({ id: cameras.id }).from(cameras).where(eq(cameras.proposalId, favourable.proposalId));
    await ok(runCommand(t.db, COMMANDS.commissionCameras, people.officer.id, { proposalId: favourable.proposalId, cameras: [{ cameraId: camera!.id, commissionedOn: today }] }));
    await ok(runCommand(t.db, COMMANDS.decommissionCamera, people.officer.id, { cameraId: camera!.id, decommissionedOn: today, reason: 'Caméra déposée après le réaménagement du hall.' }));

    // Diagnostics: one file concluded "not opportune"; another first "not opportune", then revised and concluded "opportune": it counts once, as opportune.
    await diagnosedAs(siteA, 'not_opportune');
    const revised = await diagnosedAs(siteB, 'not_opportune');
    const v2 = await ok(runCommand(t.db, COMMANDS.reviseDiagnostic, people.officer.id, { proposalId: revised }));
    await ok(runCommand(t.db, COMMANDS.concludeDiagnostic, people.officer.id, { ...completeDiagnostic(), conclusion: 'opportune', conditions: '', diagnosticId: v2.id, revision: 1, confirmed: true }));

    // A file only submitted this year, and one whose submission we move to last December 31st, 23:30 in Paris.
    const submit = async () => {
      const { id } = await ok(runCommand(t.db, COMMANDS.createProposal, people.technician.id, validProposal(siteA)));
      await ok(runCommand(t.db, COMMANDS.submitProposal, people.technician.id, { ...validProposal(siteA), proposalId: id, revision: 1 }));
      return id;
    };
    await submit();
    const lastYears = await submit();
    await t.db.update(proposals).set({ submittedAt: new Date(parisYearRange(year).start.getTime() - 30 * 60_000) }).where(eq(proposals.id, lastYears));
    // A draft never submitted is not a file received.
    await ok(runCommand(t.db, COMMANDS.createProposal, people.technician.id, { siteId: siteA, title: 'Brouillon' }));

    // The revoked decision had its order too: a revoked decision is never re-reviewed.
    await t.db.insert(authorisations).values({ decisionId: revokedLater.decisionId, filedOn: today, prefectureReference: 'PREF-92-0002', prefectDecision: 'granted', prefectDecidedOn: today, orderReference: 'AP-0002' });
    // Renewal: the order + 5 years (CSI L252-4) less the committee's lead time (4 months by default).
    reReviewYear = Number(addMonths(addMonths(today, 60), -4).slice(0, 4));
  }, 240_000);
  afterAll(() => t.close());

  it('counts this year: files, diagnostics, decisions once each, revocations said, what was authorised', async () => {
    expect(await annualReport(t.db, year)).toEqual({
      year,
      // 4 decided files + 2 diagnosed + 1 only submitted; the one moved to last year and the draft are not counted.
      filesReceived: 7,
      diagnostics: { opportune: 1, opportune_with_conditions: 4, not_opportune: 1 },
      decisions: [
        { outcome: 'favourable', count: 2, revoked: 1 },
        { outcome: 'favourable_with_conditions', count: 1, revoked: 0 },
        { outcome: 'unfavourable', count: 1, revoked: 0 },
      ],
      decisionsTotal: 4,
      revokedTotal: 1,
      correctionsPublished: 1,
      revocationsPublished: 1,
      decommissioningsPublished: 1,
      // The favourable one and the one with conditions; not the revoked one. One camera each.
      favourable: { decisions: 2, cameras: 2, investmentEuros: 12_000, yearlyCostEuros: 1500 + 2500, withoutInvestment: 1, withoutYearlyCost: 0 },
      // Favourable opinions are not authorisations: the one with conditions was never filed; the
      // authorised one's camera was taken down; the revoked decision's order no longer counts.
      cameras: { countedOn: parisDate(new Date()), authorised: 0, inService: 0 },
      reReviewsDueNextYear: 0,
    });
  });

  it('puts a file submitted on December 31st at 23:30 in Paris in that year', async () => {
    const last = await annualReport(t.db, year - 1);
    expect(last.filesReceived).toBe(1);
    expect(last.decisionsTotal).toBe(0);
    expect(last.decommissioningsPublished).toBe(0);
    expect(Object.values(last.diagnostics)).toEqual([0, 0, 0]);
  });

  it('announces the re-reviews due the following year from the prefect’s orders, except for revoked decisions and files never authorised', async () => {
    expect(reReviewYear).toBeGreaterThanOrEqual(year + 4);
    const before = await annualReport(t.db, reReviewYear - 1);
    expect(before.reReviewsDueNextYear).toBe(1);
    expect(before.decisionsTotal).toBe(0);
    expect((await annualReport(t.db, reReviewYear)).reReviewsDueNextYear).toBe(0);
  });

  it('lists the years with data, newest first', async () => {
    expect(await reportYears(t.db)).toEqual([year, year - 1]);
  });

  it('reads no personal data: only counts and sums come back', async () => {
    const text = JSON.stringify(await annualReport(t.db, year));
    for (const word of ['Bergères', 'Lorilleux', 'Person', '@', 'Motifs', 'Masquer']) expect(text).not.toContain(word);
  });

  it('is empty, not failing, for a year without data', async () => {
    const empty = await annualReport(t.db, 2001);
    expect(empty).toMatchObject({ filesReceived: 0, decisionsTotal: 0, revokedTotal: 0, decommissioningsPublished: 0, reReviewsDueNextYear: 0, favourable: { cameras: 0, investmentEuros: 0 }, cameras: { countedOn: '2001-12-31', authorised: 0, inService: 0 } });
  });
});
