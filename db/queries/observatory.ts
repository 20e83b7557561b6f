import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { observatoryFigures, observatoryImports, sites, users } from '@/db/schema';
import { evaluateSite, type FigureRow, type SiteEvaluation } from '@/lib/domain/evaluation';
import { parisDate } from '@/lib/domain/paris-time';
import { FACT_TYPES, type FactType } from '@/lib/domain/vocabulary';

/**
 * Read models of the delinquency observatory (issue 10, item 5). The staff reads show
 * figures per site; the public read (`publicObservatory`) returns aggregates over sites
 * only, before any masking (lib/domain/small-counts.ts is applied by the component).
 */

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const currentYear = () => Number(parisDate(new Date()).slice(0, 4));
/** The last year whose figures can be complete: the one before the current Paris year. */
export const lastCompleteYear = () => currentYear() - 1;

export async function observatorySites(db: DbOrTx) {
  const rows = await db.select({ id: sites.id, name: sites.name, archivedAt: sites.archivedAt }).from(sites);
  return rows.sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null) || collator.compare(a.name, b.name));
}

export interface FiguresLine {
  siteId: string;
  siteName: string;
  year: number;
  counts: Partial<Record<FactType, number>>;
  /** Imported (the file's name) or typed by hand (null). */
  source: string | null;
}

/** Every figure, one line per site and year (newest year first, sites by name). */
export async function figuresTable(db: DbOrTx): Promise<FiguresLine[]> {
  const rows = await db
    .select({ siteId: observatoryFigures.siteId, siteName: sites.name, year: observatoryFigures.year, type: observatoryFigures.factType, count: observatoryFigures.count, fileName: observatoryImports.fileName })
    .from(observatoryFigures)
    .innerJoin(sites, eq(sites.id, observatoryFigures.siteId))
    .leftJoin(observatoryImports, eq(observatoryImports.id, observatoryFigures.importId));
  const lines = new Map<string, FiguresLine>();
  for (const r of rows) {
    const key = `${r.siteId}|${r.year}`;
    const line = lines.get(key) ?? { siteId: r.siteId, siteName: r.siteName, year: r.year, counts: {}, source: r.fileName };
    line.counts[r.type] = r.count;
    // A line mixing imported and typed figures is shown as typed by hand.
    if (r.fileName === null) line.source = null;
    lines.set(key, line);
  }
  return [...lines.values()].sort((a, b) => b.year - a.year || collator.compare(a.siteName, b.siteName));
}

/** One site's figures for one year, for the entry form. */
export async function siteYearCounts(db: DbOrTx, siteId: string, year: number): Promise<Partial<Record<FactType, number>>> {
  const rows = await db
    .select({ type: observatoryFigures.factType, count: observatoryFigures.count })
    .from(observatoryFigures)
    .where(sql`${observatoryFigures.siteId} = ${siteId} AND ${observatoryFigures.year} = ${year}`);
  return Object.fromEntries(rows.map((r) => [r.type, r.count]));
}

export async function importHistory(db: DbOrTx, limit = 50) {
  return db
    .select({ id: observatoryImports.id, fileName: observatoryImports.fileName, rowCount: observatoryImports.rowCount, summary: observatoryImports.summary, createdAt: observatoryImports.createdAt, importedBy: users.name })
    .from(observatoryImports)
    .innerJoin(users, eq(users.id, observatoryImports.importedBy))
    .orderBy(desc(observatoryImports.createdAt))
    .limit(limit);
}

/**
 * Sites with cameras in service: a camera commissioned on a proposal whose favourable
 * decision was published and not revoked. The site's date is its first camera's.
 */
async function sitesWithCameras(db: DbOrTx): Promise<Map<string, string>> {
  const result = await db.execute<{ site_id: string; commissioned_on: string }>(sql`
    SELECT p.site_id, min(c.commissioned_on)::text AS commissioned_on
    FROM cameras c JOIN proposals p ON p.id = c.proposal_id
    WHERE c.commissioned_on IS NOT NULL
      AND EXISTS (
        SELECT 1 FROM decisions d JOIN register_entries r ON r.decision_id = d.id
        WHERE d.proposal_id = p.id AND r.kind = 'decision' AND r.outcome IN ('favourable', 'favourable_with_conditions')
          AND NOT EXISTS (SELECT 1 FROM register_entries v WHERE v.decision_id = d.id AND v.kind = 'revocation'))
    GROUP BY p.site_id`);
  return new Map(result.rows.map((r) => [r.site_id, r.commissioned_on]));
}

async function allFigures(db: DbOrTx) {
  return db.select({ siteId: observatoryFigures.siteId, year: observatoryFigures.year, factType: observatoryFigures.factType, count: observatoryFigures.count }).from(observatoryFigures);
}

export interface SiteEvaluationView extends SiteEvaluation {
  siteId: string;
  siteName: string;
  commissionedOn: string;
}

/** The evaluation of every site with cameras in service (or of one site), against every site without. */
export async function siteEvaluations(db: DbOrTx, onlySiteId?: string): Promise<SiteEvaluationView[]> {
  const [withCameras, figures, siteRows] = await Promise.all([sitesWithCameras(db), allFigures(db), db.select({ id: sites.id, name: sites.name }).from(sites)]);
  const comparisonSites = siteRows.filter((s) => !withCameras.has(s.id));
  const comparisonIds = new Set(comparisonSites.map((s) => s.id));
  const comparison: FigureRow[] = figures.filter((f) => comparisonIds.has(f.siteId));
  const names = new Map(siteRows.map((s) => [s.id, s.name]));
  return [...withCameras.entries()]
    .filter(([siteId]) => !onlySiteId || siteId === onlySiteId)
    .map(([siteId, commissionedOn]) => ({
      siteId,
      siteName: names.get(siteId) ?? '',
      commissionedOn,
      ...evaluateSite({ commissionedOn, lastCompleteYear: lastCompleteYear(), site: figures.filter((f) => f.siteId === siteId), comparison, comparisonSiteCount: comparisonSites.length }),
    }))
    .sort((a, b) => collator.compare(a.siteName, b.siteName));
}

export interface PublicObservatory {
  years: number[];
  /** Per year and type, all sites together. */
  byYear: { year: number; byType: Record<FactType, number>; withCameras: number; withoutCameras: number; hasFigures: boolean }[];
  /** The evaluations summed over the sites with cameras (each on its own windows). */
  evaluation: { sites: number; siteBefore: { total: number; years: number[] }; siteAfter: { total: number; years: number[] }; comparisonBefore: { total: number; years: number[] }; comparisonAfter: { total: number; years: number[] } } | null;
}

/**
 * The observatory as the public sees it: sums over sites only, never a site's own
 * figures. `lastYear`: the newest year shown (the annual report's year); five years up to it.
 */
export async function publicObservatory(db: DbOrTx, lastYear: number): Promise<PublicObservatory> {
  const years = Array.from({ length: 5 }, (_, i) => lastYear - 4 + i);
  const [withCameras, figures, evaluations] = await Promise.all([sitesWithCameras(db), allFigures(db), siteEvaluations(db)]);
  const byYear = years.map((year) => {
    const ofYear = figures.filter((f) => f.year === year);
    const byType = Object.fromEntries(FACT_TYPES.map((t) => [t, ofYear.filter((f) => f.factType === t).reduce((s, f) => s + f.count, 0)])) as Record<FactType, number>;
    const withC = ofYear.filter((f) => withCameras.has(f.siteId)).reduce((s, f) => s + f.count, 0);
    const total = ofYear.reduce((s, f) => s + f.count, 0);
    return { year, byType, withCameras: withC, withoutCameras: total - withC, hasFigures: ofYear.length > 0 };
  });
  // Each site's windows, summed; the comparison per site's windows, summed the same way.
  const evaluation = evaluations.length
    ? evaluations.reduce(
        (acc, e) => {
          const add = (a: { total: number; years: number[] }, w: { total: number; years: number[] }) => ({ total: a.total + w.total, years: [...a.years, ...w.years] });
          return {
            sites: acc.sites + 1,
            siteBefore: add(acc.siteBefore, e.site.before),
            siteAfter: add(acc.siteAfter, e.site.after),
            comparisonBefore: add(acc.comparisonBefore, e.comparison.before),
            comparisonAfter: add(acc.comparisonAfter, e.comparison.after),
          };
        },
        { sites: 0, siteBefore: { total: 0, years: [] as number[] }, siteAfter: { total: 0, years: [] as number[] }, comparisonBefore: { total: 0, years: [] as number[] }, comparisonAfter: { total: 0, years: [] as number[] } },
      )
    : null;
  return { years, byYear, evaluation };
}
