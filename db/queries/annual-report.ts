import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { authorisations, committeeSettings } from '@/db/schema';
import { parisDate, parisLocalToDate } from '@/lib/domain/paris-time';
import { addMonths, AUTHORISATION_YEARS, DEFAULT_RENEWAL_LEAD_MONTHS } from '@/lib/domain/register';
import { eq } from 'drizzle-orm';
import { publicCameras } from './public-cameras';
import { DIAGNOSTIC_CONCLUSIONS, PUBLISHED_OUTCOMES, type DiagnosticConclusion, type PublishedOutcome } from '@/lib/domain/vocabulary';

/**
 * The committee's annual report: a public read model of aggregates only. No actor, no
 * name, no text: the staff tables (proposals, diagnostics) are only ever counted here, and
 * everything else comes from the public register.
 *
 * How each figure is counted (the report page says the same in words):
 * - a year is a calendar year in Paris time;
 * - files received: proposals submitted that year (a file withdrawn later still counts);
 * - diagnostics: the latest version concluded that year of each file, by conclusion;
 * - decisions: register entries of kind `decision` decided that year, by outcome; a
 *   decision counts once however many corrections follow it, and one revoked since still
 *   counts in its year, in the `revoked` column;
 * - favourable opinions (cameras, investment, yearly cost): the favourable decisions of
 *   the year (with or without conditions) that are not revoked; a missing amount counts
 *   as nothing and is reported in `withoutInvestment` / `withoutYearlyCost`. A favourable
 *   opinion is not an authorisation: these cameras are "covered by a favourable opinion";
 * - cameras authorised and in service (lib/domain/camera-status.ts), counted on the last
 *   day of the year, or today for the year under way, over every decision of any year: a
 *   refused or refused-by-silence request, an expired order, a revoked decision count in
 *   neither;
 * - cameras taken out of service: register entries of kind `decommissioning` published
 *   that year (one per camera, whatever the year of its decision);
 * - re-reviews due next year: prefect's orders (of any year, decision not revoked) whose
 *   renewal date, the order + 5 years (CSI L252-4) less the committee's renewal lead time
 *   (prefecture practice), falls in the following year.
 *
 * Not cached by the register cache: files and diagnostics change without the register's
 * head moving, and these few aggregate queries are cheap.
 */

/** Favourable opinions, with or without conditions: the ones that let a system run. */
export const FAVOURABLE_OUTCOMES = ['favourable', 'favourable_with_conditions'] as const satisfies readonly PublishedOutcome[];

export interface AnnualReport {
  year: number;
  filesReceived: number;
  /** Files whose diagnostic was concluded that year, by conclusion (every conclusion present, 0 when none). */
  diagnostics: Record<DiagnosticConclusion, number>;
  /** Decisions decided that year, by outcome (every outcome present, in vocabulary order). */
  decisions: { outcome: PublishedOutcome; count: number; revoked: number }[];
  decisionsTotal: number;
  revokedTotal: number;
  /** Corrections and revocations published that year, whatever the year of the decision they change. */
  correctionsPublished: number;
  revocationsPublished: number;
  /** Cameras taken out of service and entered in the register that year (one entry each). */
  decommissioningsPublished: number;
  /** Over the favourable decisions of the year that still hold: opinions, not authorisations. */
  favourable: {
    decisions: number;
    cameras: number;
    investmentEuros: number;
    yearlyCostEuros: number;
    withoutInvestment: number;
    withoutYearlyCost: number;
  };
  /** Cameras authorised and in service on `countedOn` (any year's decisions). */
  cameras: { countedOn: string; authorised: number; inService: number };
  reReviewsDueNextYear: number;
}

/** [start, end) of a calendar year in Paris, as instants. */
export function parisYearRange(year: number): { start: Date; end: Date } {
  return { start: parisLocalToDate(`${year}-01-01T00:00`)!, end: parisLocalToDate(`${year + 1}-01-01T00:00`)! };
}

const int = (value: unknown) => Number(value ?? 0);

export async function annualReport(db: Database, year: number): Promise<AnnualReport> {
  const { start, end } = parisYearRange(year);
  const nextYearStart = `${year + 1}-01-01`;
  const followingYearStart = `${year + 2}-01-01`;

  const today = parisDate(new Date());
  const countedOn = `${year}-12-31` < today ? `${year}-12-31` : today;
  const [files, diagnostics, decisions, changes, authorised, orders, settings, camerasOf] = await Promise.all([
    db.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM proposals
      WHERE submitted_at >= ${start.toISOString()}::timestamptz AND submitted_at < ${end.toISOString()}::timestamptz`),
    // A file whose diagnostic was revised counts once, with the conclusion of its latest version of the year.
    db.execute<{ conclusion: DiagnosticConclusion; n: number }>(sql`
      SELECT conclusion, count(*)::int AS n FROM (
        SELECT DISTINCT ON (proposal_id) conclusion FROM diagnostics
        WHERE state = 'concluded' AND signed_at >= ${start.toISOString()}::timestamptz AND signed_at < ${end.toISOString()}::timestamptz
        ORDER BY proposal_id, version DESC
      ) latest
      GROUP BY conclusion`),
    db.execute<{ outcome: PublishedOutcome; n: number; revoked: number }>(sql`
      SELECT d.outcome, count(*)::int AS n,
        (count(*) FILTER (WHERE EXISTS (SELECT 1 FROM register_entries r WHERE r.decision_id = d.decision_id AND r.kind = 'revocation')))::int AS revoked
      FROM register_entries d
      WHERE d.kind = 'decision' AND d.decided_year = ${year}
      GROUP BY d.outcome`),
    db.execute<{ kind: 'correction' | 'revocation' | 'decommissioning'; n: number }>(sql`
      SELECT kind, count(*)::int AS n FROM register_entries
      WHERE kind <> 'decision' AND published_at >= ${start.toISOString()}::timestamptz AND published_at < ${end.toISOString()}::timestamptz
      GROUP BY kind`),
    db.execute<{ decisions: number; cameras: number; investment: number; yearly: number; without_investment: number; without_yearly: number }>(sql`
      SELECT count(*)::int AS decisions,
        coalesce(sum((d.entry->>'cameraCount')::int), 0)::int AS cameras,
        coalesce(sum((d.entry->>'investmentEuros')::bigint), 0)::bigint AS investment,
        coalesce(sum((d.entry->>'yearlyCostEuros')::bigint), 0)::bigint AS yearly,
        (count(*) FILTER (WHERE d.entry->>'investmentEuros' IS NULL))::int AS without_investment,
        (count(*) FILTER (WHERE d.entry->>'yearlyCostEuros' IS NULL))::int AS without_yearly
      FROM register_entries d
      WHERE d.kind = 'decision' AND d.decided_year = ${year}
        AND d.outcome IN ('favourable', 'favourable_with_conditions')
        AND NOT EXISTS (SELECT 1 FROM register_entries r WHERE r.decision_id = d.decision_id AND r.kind = 'revocation')`),
    // Orders granted, on decisions not revoked: their renewal date is computed below.
    db
      .select({ grantedOn: authorisations.prefectDecidedOn })
      .from(authorisations)
      .where(
        sql`${authorisations.prefectDecision} = 'granted' AND NOT EXISTS (SELECT 1 FROM register_entries r WHERE r.decision_id = ${authorisations.decisionId} AND r.kind = 'revocation')`,
      ),
    db.select({ lead: committeeSettings.renewalLeadMonths }).from(committeeSettings).where(eq(committeeSettings.id, 1)),
    publicCameras(db, countedOn),
  ]);
  const lead = settings[0]?.lead ?? DEFAULT_RENEWAL_LEAD_MONTHS;
  const reReviewsDueNextYear = orders.filter(({ grantedOn }) => {
    if (!grantedOn) return false;
    const renewal = addMonths(addMonths(grantedOn, AUTHORISATION_YEARS * 12), -lead);
    return renewal >= nextYearStart && renewal < followingYearStart;
  }).length;
  const allCameras = [...camerasOf.values()].flat();

  const byConclusion = new Map(diagnostics.rows.map((r) => [r.conclusion, int(r.n)]));
  const byOutcome = new Map(decisions.rows.map((r) => [r.outcome, { count: int(r.n), revoked: int(r.revoked) }]));
  const byKind = new Map(changes.rows.map((r) => [r.kind, int(r.n)]));
  const a = authorised.rows[0];
  const decisionRows = PUBLISHED_OUTCOMES.map((outcome) => ({ outcome, count: byOutcome.get(outcome)?.count ?? 0, revoked: byOutcome.get(outcome)?.revoked ?? 0 }));

  return {
    year,
    filesReceived: int(files.rows[0]?.n),
    diagnostics: Object.fromEntries(DIAGNOSTIC_CONCLUSIONS.map((c) => [c, byConclusion.get(c) ?? 0])) as Record<DiagnosticConclusion, number>,
    decisions: decisionRows,
    decisionsTotal: decisionRows.reduce((sum, r) => sum + r.count, 0),
    revokedTotal: decisionRows.reduce((sum, r) => sum + r.revoked, 0),
    correctionsPublished: byKind.get('correction') ?? 0,
    revocationsPublished: byKind.get('revocation') ?? 0,
    decommissioningsPublished: byKind.get('decommissioning') ?? 0,
    favourable: {
      decisions: int(a?.decisions),
      cameras: int(a?.cameras),
      investmentEuros: int(a?.investment),
      yearlyCostEuros: int(a?.yearly),
      withoutInvestment: int(a?.without_investment),
      withoutYearlyCost: int(a?.without_yearly),
    },
    cameras: { countedOn, authorised: allCameras.filter((c) => c.authorised).length, inService: allCameras.filter((c) => c.inService).length },
    reReviewsDueNextYear,
  };
}

/** The years (Paris time) in which a file was received, a diagnostic concluded or a decision taken: newest first. */
export async function reportYears(db: Database): Promise<number[]> {
  const result = await db.execute<{ year: number }>(sql`
    SELECT DISTINCT year FROM (
      SELECT extract(year FROM submitted_at AT TIME ZONE 'Europe/Paris')::int AS year FROM proposals WHERE submitted_at IS NOT NULL
      UNION SELECT extract(year FROM signed_at AT TIME ZONE 'Europe/Paris')::int FROM diagnostics WHERE state = 'concluded'
      UNION SELECT decided_year FROM register_entries WHERE kind = 'decision'
    ) years
    ORDER BY year DESC`);
  return result.rows.map((r) => int(r.year));
}
