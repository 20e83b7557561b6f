export const PAGE_SIZE = 25;

export interface Page<T> {
  items: T[];
  /** 1-based, clamped to the pages that exist. */
  page: number;
  pages: number;
  total: number;
}

/** Reads a page number from the URL safely: anything but a positive integer is page 1. */
export function requestedPage(requested: unknown): number {
  const asked = typeof requested === 'string' ? Number.parseInt(requested, 10) : Number.NaN;
  return Number.isFinite(asked) && asked > 0 ? asked : 1;
}

/** Where a page starts, given the total the database counted: a page past the end is the last one. */
export function pageWindow(requested: unknown, total: number, size = PAGE_SIZE): { page: number; pages: number; offset: number; limit: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(requestedPage(requested), pages);
  return { page, pages, offset: (page - 1) * size, limit: size };
}
