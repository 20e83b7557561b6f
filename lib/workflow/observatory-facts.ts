import { and, desc, eq, gte, lte } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { observatoryFigures } from '@/db/schema';
import { FACT_TYPES, type DelinquencyFact } from '@/lib/domain/vocabulary';
import { currentParisYear } from './observatory';

/** How many of the site's most recent years with figures a diagnostic takes. */
export const DIAGNOSTIC_YEARS = 5;

/**
 * The observatory's figures for one site as a diagnostic's facts: its last
 * DIAGNOSTIC_YEARS years with figures (up to the current year), every type recorded,
 * newest year first, types in the diagnostic's order.
 */
export async function siteFactsForDiagnostic(db: DbOrTx, siteId: string): Promise<DelinquencyFact[]> {
  const rows = await db
    .select({ year: observatoryFigures.year, type: observatoryFigures.factType, count: observatoryFigures.count })
    .from(observatoryFigures)
    .where(and(eq(observatoryFigures.siteId, siteId), lte(observatoryFigures.year, currentParisYear()), gte(observatoryFigures.year, 1990)))
    .orderBy(desc(observatoryFigures.year));
  const years = [...new Set(rows.map((r) => r.year))].slice(0, DIAGNOSTIC_YEARS);
  return rows
    .filter((r) => years.includes(r.year))
    .sort((a, b) => b.year - a.year || FACT_TYPES.indexOf(a.type) - FACT_TYPES.indexOf(b.type))
    .map((r) => ({ type: r.type, year: r.year, count: r.count }));
}
