import { describe, expect, it } from 'vitest';
import { paginate } from '@/lib/pagination';

describe('paginate', () => {
  const items = Array.from({ length: 60 }, (_, i) => i);

  it('cuts a list into pages of the given size', () => {
    expect(paginate(items, '2', 25)).toEqual({ items: items.slice(25, 50), page: 2, pages: 3, total: 60 });
    expect(paginate(items, '3', 25).items).toEqual(items.slice(50));
  });

  it('reads any page value from the URL safely', () => {
    expect(paginate(items, undefined, 25).page).toBe(1);
    expect(paginate(items, 'abc', 25).page).toBe(1);
    expect(paginate(items, '-4', 25).page).toBe(1);
    expect(paginate(items, '99', 25).page).toBe(3);
    expect(paginate(items, ['2'], 25).page).toBe(1);
  });

  it('has one empty page for an empty list', () => {
    expect(paginate([], '1', 25)).toEqual({ items: [], page: 1, pages: 1, total: 0 });
  });
});
