import { z } from 'zod';
import { FACT_TYPES, type FactType } from '@/lib/domain/vocabulary';
import { MAX_CSV_BYTES, MAX_FIGURE_COUNT, MIN_FIGURE_YEAR } from '@/lib/domain/observatory-csv';
import { formNumber, requiredText, revision, uuid } from './fields';

/**
 * The observatory's forms (issue 10, item 5). The import takes the file's text (decoded by
 * the server action, lib/domain/observatory-csv.ts `decodeCsv`) and its name; the rows are
 * checked by the command, which needs the sites. The hand entry takes all the types of one
 * site and year at once: a blank field means "no figure recorded" (an existing one is removed).
 */

export const importObservatorySchema = z.object({
  fileName: requiredText(200),
  // The file's content is checked row by row by the command, never stored as such.
  text: z.string({ error: 'validation.required' }).max(MAX_CSV_BYTES, { error: 'validation.csv_too_big' }),
});

const count = formNumber(0, MAX_FIGURE_COUNT, { integer: true });

export const enterFiguresSchema = z.object({
  siteId: uuid,
  year: formNumber(MIN_FIGURE_YEAR, 2100, { integer: true }).refine((v) => v !== null, { error: 'validation.required' }),
  counts: z.object(Object.fromEntries(FACT_TYPES.map((t) => [t, count])) as Record<FactType, typeof count>),
});
export type EnterFiguresInput = z.input<typeof enterFiguresSchema>;

/** "Reprendre les chiffres de l'observatoire" on a draft diagnostic. */
export const factsFromObservatorySchema = z.object({ diagnosticId: uuid, revision });
