import { describe, expect, it } from 'vitest';
import { pageWindow, requestedPage } from '@/lib/pagination';

describe('pageWindow', () => {
  it('says where each page starts', () => {
    expect(pageWindow('2', 60, 25)).toEqual({ page: 2, pages: 3, offset: 25, limit: 25 });
    expect(pageWindow('3', 60, 25)).toEqual({ page: 3, pages: 3, offset: 50, limit: 25 });
  });

  it('reads any page value from the URL safely, and clamps past the end', () => {
    expect(requestedPage(undefined)).toBe(1);
    expect(requestedPage('abc')).toBe(1);
    expect(requestedPage('-4')).toBe(1);
    expect(requestedPage(['2'])).toBe(1);
    expect(pageWindow('99', 60, 25).page).toBe(3);
  });

  it('has one empty page for an empty list', () => {
    expect(pageWindow('1', 0, 25)).toEqual({ page: 1, pages: 1, offset: 0, limit: 25 });
  });
});
