/**
 * The year in /rapport/<year>: four digits, from the first year the app could hold data
 * to the current year (a report of a year to come would be empty and misleading). Anything
 * else is not a page: the caller answers 404.
 */
export const FIRST_REPORT_YEAR = 2000;

export function parseReportYear(value: string, currentYear: number): number | null {
  if (!/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= FIRST_REPORT_YEAR && year <= currentYear ? year : null;
}
