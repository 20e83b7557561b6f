/**
 * Small counts on public pages (issue 10, item 5): a count below 5 on one building can
 * identify people, so it is shown as "moins de 5", never as the number. Pure.
 *
 * Masking one cell is not enough when a total is printed beside it: total minus the
 * other cells gives it back. The rule here: a total is shown only when every part it
 * adds up is shown; and when a quantity is split in two (sites with cameras / without),
 * masking one half masks the other (the whole may be printed elsewhere). Public
 * before/after figures are only percentages, rounded, and only from windows large enough
 * (see PUBLIC_CHANGE_MIN_TOTAL).
 */

export const SMALL_COUNT_THRESHOLD = 5;

/** A count ready to show publicly: the number, or `masked` (shown as "moins de 5"). */
export type PublicCount = { masked: false; value: number } | { masked: true };

export function publicCount(n: number): PublicCount {
  return n < SMALL_COUNT_THRESHOLD ? { masked: true } : { masked: false, value: n };
}

/** Parts and their total: the total is masked as soon as one part is. */
export function publicParts(parts: readonly number[]): { parts: PublicCount[]; total: PublicCount } {
  const shown = parts.map(publicCount);
  const total = parts.reduce((a, b) => a + b, 0);
  return { parts: shown, total: shown.some((p) => p.masked) ? { masked: true } : publicCount(total) };
}

/** A quantity split in two complementary halves: either both are shown or neither. */
export function publicPair(a: number, b: number): [PublicCount, PublicCount] {
  const [pa, pb] = [publicCount(a), publicCount(b)];
  return pa.masked || pb.masked ? [{ masked: true }, { masked: true }] : [pa, pb];
}

/** Windows must add up to at least this many facts before a public percentage is given. */
export const PUBLIC_CHANGE_MIN_TOTAL = 20;

/** A public percentage: rounded to 5 points, so that it cannot be worked back to an exact small count. */
export function publicChange(change: number | null, totals: readonly number[]): number | null {
  if (change === null || totals.some((t) => t < PUBLIC_CHANGE_MIN_TOTAL)) return null;
  return Math.round(change / 5) * 5;
}
