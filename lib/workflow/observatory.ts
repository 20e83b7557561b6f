import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { observatoryFigures, observatoryImports, sites } from '@/db/schema';
import { checkObservatoryCsv, MAX_REPORTED_PROBLEMS, type CsvProblem } from '@/lib/domain/observatory-csv';
import { parisDate } from '@/lib/domain/paris-time';
import { FACT_TYPES, type FactType } from '@/lib/domain/vocabulary';
import { AppError, type FieldErrors } from '@/lib/errors';
import frDiagnostics from '@/lib/i18n/messages/fr/diagnostics';
import { enterFiguresSchema, importObservatorySchema } from '@/lib/validation/observatory';
import { recordEvent } from './audit';
import { defineCommand } from './command';

/** The fact types' French labels, as the CSV may name them (the catalog is the one source). */
export const FACT_TYPE_LABELS: Record<FactType, string> = frDiagnostics.diagnostic.factTypes;

export const currentParisYear = () => Number(parisDate(new Date()).slice(0, 4));

/**
 * A refused file's report as field errors, in line order: `csv.<n>` → the problem's
 * message with its line. Every one points at the file field; past MAX_REPORTED_PROBLEMS
 * the rest are counted in one last message.
 */
export function problemsToFieldErrors(problems: readonly CsvProblem[]): FieldErrors {
  const errors: FieldErrors = {};
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  sorted.slice(0, MAX_REPORTED_PROBLEMS).forEach((p, i) => {
    errors[`csv.${i}`] = { key: `observatory.csv.${p.code}`, params: { line: p.line, ...p.params } };
  });
  if (sorted.length > MAX_REPORTED_PROBLEMS) errors['csv.more'] = { key: 'observatory.csv.more', params: { count: sorted.length - MAX_REPORTED_PROBLEMS } };
  return errors;
}

async function upsertFigures(tx: Tx, rows: { siteId: string; year: number; factType: FactType; count: number }[], by: { actorId: string; importId: string | null }) {
  // In slices: one statement's parameters stay well under PostgreSQL's limit of 65 535.
  for (let i = 0; i < rows.length; i += 1000) {
    await tx
      .insert(observatoryFigures)
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r, importId: by.importId, updatedBy: by.actorId })))
      .onConflictDoUpdate({
        target: [observatoryFigures.siteId, observatoryFigures.year, observatoryFigures.factType],
        set: { count: sql`excluded.count`, importId: sql`excluded.import_id`, updatedBy: sql`excluded.updated_by`, updatedAt: sql`now()` },
      });
  }
}

/**
 * Imports a CSV file of yearly figures: all or nothing. A file with one wrong row is
 * refused whole with every problem named (nothing written, no history line); a clean file
 * replaces the figures it names (site, year, type) and is recorded in the history.
 */
export const importObservatoryFigures = defineCommand({
  name: 'importObservatoryFigures',
  permission: 'observatory.manage',
  schema: importObservatorySchema,
  async run(tx, actor, { fileName, text }) {
    // Sites are read in the transaction: a site archived meanwhile is still known (its history stays).
    const known = await tx.select({ id: sites.id, name: sites.name }).from(sites);
    const checked = checkObservatoryCsv(text, { sites: known, typeLabels: FACT_TYPE_LABELS, currentYear: currentParisYear() });
    if (!checked.ok) throw new AppError('invalid', problemsToFieldErrors(checked.problems));
    const years = checked.rows.map((r) => r.year);
    const siteIds = [...new Set(checked.rows.map((r) => r.siteId))];
    const existing = await tx
      .select({ siteId: observatoryFigures.siteId, year: observatoryFigures.year, factType: observatoryFigures.factType })
      .from(observatoryFigures)
      .where(and(inArray(observatoryFigures.siteId, siteIds), inArray(observatoryFigures.year, [...new Set(years)])));
    const had = new Set(existing.map((e) => `${e.siteId}|${e.year}|${e.factType}`));
    const replaced = checked.rows.filter((r) => had.has(`${r.siteId}|${r.year}|${r.factType}`)).length;
    const summary = { yearFrom: Math.min(...years), yearTo: Math.max(...years), sites: siteIds.length, added: checked.rows.length - replaced, replaced };
    const [created] = await tx.insert(observatoryImports).values({ importedBy: actor.id, fileName, rowCount: checked.rows.length, summary }).returning({ id: observatoryImports.id });
    await upsertFigures(tx, checked.rows, { actorId: actor.id, importId: created!.id });
    await recordEvent(tx, { actorId: actor.id, action: 'figures.imported', entityId: created!.id, details: { fileName, rows: checked.rows.length, ...summary } });
    return { importId: created!.id, rows: checked.rows.length };
  },
});

/**
 * The hand entry of one site's figures for one year, every type at once: a number sets
 * the figure, a blank removes it (no figure recorded for that type that year).
 */
export const enterObservatoryFigures = defineCommand({
  name: 'enterObservatoryFigures',
  permission: 'observatory.manage',
  schema: enterFiguresSchema,
  async run(tx, actor, { siteId, year, counts }) {
    const max = currentParisYear();
    if (year! > max) throw new AppError('invalid', { year: { key: 'validation.between', params: { min: '1990', max: String(max) } } });
    const [site] = await tx.select({ id: sites.id }).from(sites).where(eq(sites.id, siteId)).for('update');
    if (!site) throw new AppError('not_found');
    const set = FACT_TYPES.filter((t) => counts[t] !== null).map((t) => ({ siteId, year: year!, factType: t, count: counts[t]! }));
    const cleared = FACT_TYPES.filter((t) => counts[t] === null);
    if (set.length) await upsertFigures(tx, set, { actorId: actor.id, importId: null });
    const removed = cleared.length
      ? await tx
          .delete(observatoryFigures)
          .where(and(eq(observatoryFigures.siteId, siteId), eq(observatoryFigures.year, year!), inArray(observatoryFigures.factType, cleared)))
          .returning({ t: observatoryFigures.factType })
      : [];
    await recordEvent(tx, { actorId: actor.id, action: 'figures.entered', entityId: siteId, details: { year: year!, set: set.length, removed: removed.length } });
    return { set: set.length, removed: removed.length };
  },
});
