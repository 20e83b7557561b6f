export const PAGE_SIZE = 25;

export interface Page<T> {
  items: T[];
  /** 1-based, clamped to the pages that exist. */
  page: number;
  pages: number;
  total: number;
}

/** One page of a list; any `page` value (from the URL) is read safely. */
export function paginate<T>(items: T[], requested: unknown, size = PAGE_SIZE): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const asked = typeof requested === 'string' ? Number.parseInt(requested, 10) : Number.NaN;
  const page = Number.isFinite(asked) ? Math.min(Math.max(1, asked), pages) : 1;
  return { items: items.slice((page - 1) * size, page * size), page, pages, total: items.length };
}
