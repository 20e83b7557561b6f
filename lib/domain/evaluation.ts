import { FACT_TYPES, type FactType } from './vocabulary';

/**
 * The evaluation of a site with cameras against the delinquency observatory (issue 10,
 * item 5): the facts recorded per type in the three years before and the three years
 * after the cameras went in service, beside the same years' figures for the sites without
 * cameras. Pure.
 *
 * Windows are calendar years, counted from the year of the first camera's commissioning
 * (its Paris date): before = Y-3, Y-2, Y-1; after = Y+1, Y+2, Y+3. The commissioning year
 * itself belongs to neither (the cameras were in service for part of it only). A year
 * after the last complete year (the current one and later) has not elapsed yet; a year
 * for which the observatory holds no figure for the site is "missing". Totals and yearly
 * averages are taken over the years that have figures, and the text always says which
 * years those are: the evaluation says what was recorded, never why ("évolution
 * constatée", not "grâce aux caméras").
 */

export const WINDOW_YEARS = 3;

export interface FigureRow {
  year: number;
  factType: FactType;
  count: number;
}

export interface WindowFigures {
  /** The window's years that have figures. */
  years: number[];
  /** The window's elapsed years without any figure. */
  missing: number[];
  /** The window's years not elapsed yet. */
  notYet: number[];
  /** Per type: the sum over `years` (0 when the type has no row in a year with figures). */
  byType: Record<FactType, number>;
  total: number;
}

export interface SiteEvaluation {
  commissionedYear: number;
  beforeYears: number[];
  afterYears: number[];
  site: { before: WindowFigures; after: WindowFigures };
  /** The sites without cameras, summed; a year counts as having figures when any of them has one. */
  comparison: { before: WindowFigures; after: WindowFigures; siteCount: number };
  /** Both windows complete for the site (three years of figures each side). */
  complete: boolean;
}

export function windows(commissionedYear: number): { before: number[]; after: number[] } {
  const before = Array.from({ length: WINDOW_YEARS }, (_, i) => commissionedYear - WINDOW_YEARS + i);
  const after = Array.from({ length: WINDOW_YEARS }, (_, i) => commissionedYear + 1 + i);
  return { before, after };
}

/** The calendar year of a `YYYY-MM-DD` date (already a Paris day). */
export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

function emptyByType(): Record<FactType, number> {
  return Object.fromEntries(FACT_TYPES.map((t) => [t, 0])) as Record<FactType, number>;
}

export function windowFigures(years: number[], rows: readonly FigureRow[], lastCompleteYear: number): WindowFigures {
  const withFigures = new Set(rows.map((r) => r.year));
  const notYet = years.filter((y) => y > lastCompleteYear);
  const elapsed = years.filter((y) => y <= lastCompleteYear);
  const present = elapsed.filter((y) => withFigures.has(y));
  const missing = elapsed.filter((y) => !withFigures.has(y));
  const byType = emptyByType();
  for (const r of rows) if (present.includes(r.year)) byType[r.factType] += r.count;
  const total = FACT_TYPES.reduce((sum, t) => sum + byType[t], 0);
  return { years: present, missing, notYet, byType, total };
}

export function evaluateSite(input: {
  commissionedOn: string;
  /** The last year whose figures can be complete: the year before the current Paris year. */
  lastCompleteYear: number;
  site: readonly FigureRow[];
  /** The figures of the sites without cameras (all of them, per row). */
  comparison: readonly FigureRow[];
  comparisonSiteCount: number;
}): SiteEvaluation {
  const commissionedYear = yearOf(input.commissionedOn);
  const { before, after } = windows(commissionedYear);
  const site = { before: windowFigures(before, input.site, input.lastCompleteYear), after: windowFigures(after, input.site, input.lastCompleteYear) };
  const comparison = {
    before: windowFigures(before, input.comparison, input.lastCompleteYear),
    after: windowFigures(after, input.comparison, input.lastCompleteYear),
    siteCount: input.comparisonSiteCount,
  };
  return {
    commissionedYear,
    beforeYears: before,
    afterYears: after,
    site,
    comparison,
    complete: site.before.years.length === WINDOW_YEARS && site.after.years.length === WINDOW_YEARS,
  };
}

/**
 * The observed change between two windows, as a percentage of the yearly average before
 * (so that windows with a different number of years with figures compare): null when a
 * window has no year of figures or the "before" average is 0.
 */
export function observedChange(before: { total: number; years: readonly number[] }, after: { total: number; years: readonly number[] }): number | null {
  if (before.years.length === 0 || after.years.length === 0) return null;
  const a = before.total / before.years.length;
  const b = after.total / after.years.length;
  if (a === 0) return null;
  return ((b - a) / a) * 100;
}
