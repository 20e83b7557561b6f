import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateSite, observedChange, windows, type FigureRow } from '@/lib/domain/evaluation';
import { publicChange, publicCount, publicPair, publicParts } from '@/lib/domain/small-counts';

const rows = (years: number[], count = 10, factType: FigureRow['factType'] = 'vandalism'): FigureRow[] => years.map((year) => ({ year, factType, count }));

describe('the evaluation windows', () => {
  it('are the three calendar years before and after the commissioning year, which is left out', () => {
    expect(windows(2021)).toEqual({ before: [2018, 2019, 2020], after: [2022, 2023, 2024] });
  });

  it('go by the commissioning date’s calendar year: 31 December and 1 January fall in different years', () => {
    expect(evaluateSite({ commissionedOn: '2020-12-31', lastCompleteYear: 2025, site: [], comparison: [], comparisonSiteCount: 0 }).afterYears).toEqual([2021, 2022, 2023]);
    expect(evaluateSite({ commissionedOn: '2021-01-01', lastCompleteYear: 2025, site: [], comparison: [], comparisonSiteCount: 0 }).afterYears).toEqual([2022, 2023, 2024]);
    // A leap day is just a day of its year.
    expect(evaluateSite({ commissionedOn: '2020-02-29', lastCompleteYear: 2025, site: [], comparison: [], comparisonSiteCount: 0 }).beforeYears).toEqual([2017, 2018, 2019]);
  });

  it('sums per type over the years with figures, and never counts the commissioning year', () => {
    const site = [...rows([2018, 2019, 2020], 10), ...rows([2021], 1000), ...rows([2022, 2023, 2024], 4), { year: 2019, factType: 'theft' as const, count: 2 }];
    const e = evaluateSite({ commissionedOn: '2021-06-15', lastCompleteYear: 2025, site, comparison: rows([2018, 2019, 2020, 2022, 2023, 2024], 5), comparisonSiteCount: 3 });
    expect(e.site.before).toMatchObject({ years: [2018, 2019, 2020], missing: [], notYet: [], total: 32 });
    expect(e.site.before.byType.vandalism).toBe(30);
    expect(e.site.before.byType.theft).toBe(2);
    expect(e.site.after.total).toBe(12);
    expect(e.comparison.before.total).toBe(15);
    expect(e.complete).toBe(true);
  });

  it('says which years are missing and which have not elapsed yet', () => {
    const e = evaluateSite({ commissionedOn: '2023-03-01', lastCompleteYear: 2025, site: rows([2020, 2022, 2024]), comparison: [], comparisonSiteCount: 0 });
    expect(e.site.before).toMatchObject({ years: [2020, 2022], missing: [2021], notYet: [] });
    expect(e.site.after).toMatchObject({ years: [2024], missing: [2025], notYet: [2026] });
    expect(e.complete).toBe(false);
    expect(e.comparison.before).toMatchObject({ years: [], missing: [2020, 2021, 2022] });
  });

  it('gives the observed change of the yearly average, or null when it cannot be computed', () => {
    expect(observedChange({ total: 30, years: [1, 2, 3] }, { total: 15, years: [1, 2, 3] })).toBe(-50);
    // Two years after, one before: averages compare.
    expect(observedChange({ total: 10, years: [1] }, { total: 30, years: [1, 2] })).toBe(50);
    expect(observedChange({ total: 0, years: [1] }, { total: 3, years: [1] })).toBeNull();
    expect(observedChange({ total: 3, years: [] }, { total: 3, years: [1] })).toBeNull();
  });
});

describe('small counts on public pages', () => {
  it('shows counts below 5 as masked and 5 and above as numbers', () => {
    expect([0, 1, 4, 5, 6].map(publicCount)).toEqual([{ masked: true }, { masked: true }, { masked: true }, { masked: false, value: 5 }, { masked: false, value: 6 }]);
  });

  it('masks a total as soon as one of its parts is masked, so it cannot be subtracted back', () => {
    expect(publicParts([10, 3, 7]).total).toEqual({ masked: true });
    expect(publicParts([10, 5, 7]).total).toEqual({ masked: false, value: 22 });
    expect(publicParts([2, 2, 2]).total).toEqual({ masked: true });
  });

  it('masks both halves of a split when either is small', () => {
    expect(publicPair(40, 3)).toEqual([{ masked: true }, { masked: true }]);
    expect(publicPair(40, 8)).toEqual([{ masked: false, value: 40 }, { masked: false, value: 8 }]);
  });

  it('property: no masked part can be worked back from what is shown', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(30), { minLength: 1, maxLength: 8 }), (parts) => {
        const shown = publicParts(parts);
        shown.parts.forEach((p, i) => expect(p.masked).toBe(parts[i]! < 5));
        // If any part is hidden, the total is hidden: the hidden ones cannot be derived.
        if (shown.parts.some((p) => p.masked)) expect(shown.total.masked).toBe(true);
        else expect(shown.total).toEqual({ masked: false, value: parts.reduce((a, b) => a + b, 0) });
      }),
    );
  });

  it('rounds public percentages to 5 points and withholds them on small windows', () => {
    expect(publicChange(-12.4, [40, 35])).toBe(-10);
    expect(publicChange(-12.6, [40, 35])).toBe(-15);
    expect(publicChange(-12.6, [40, 19])).toBeNull();
    expect(publicChange(null, [40, 40])).toBeNull();
  });
});
