/**
 * The observatory's limits, on their own so that a browser form can read them without
 * shipping the CSV parser (lib/domain/observatory-csv.ts re-exports them).
 */
/** Rows in one file at most (8 types × 50 sites × 10 years is 4 000). */
export const MAX_CSV_ROWS = 20_000;
/** Bytes in one file at most: under the proxy's 1 MB limit on a posted form. */
export const MAX_CSV_BYTES = 900_000;
/** Problems reported one by one at most; the rest are counted. */
export const MAX_REPORTED_PROBLEMS = 100;
export const MIN_FIGURE_YEAR = 1990;
export const MAX_FIGURE_COUNT = 1_000_000;
