import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateToParisLocal, parisLocalToDate } from '@/lib/domain/paris-time';

describe('Paris wall-clock times', () => {
  it('reads winter and summer times with their offsets', () => {
    expect(parisLocalToDate('2026-12-03T18:30')?.toISOString()).toBe('2026-12-03T17:30:00.000Z');
    expect(parisLocalToDate('2026-07-01T09:00')?.toISOString()).toBe('2026-07-01T07:00:00.000Z');
  });

  it('refuses what is not a local date-time, or a time the spring change skips', () => {
    for (const bad of ['', '2026-12-03', '2026-12-03 18:30', '18:30', '2026-13-03T18:30x']) expect(parisLocalToDate(bad)).toBeNull();
    expect(parisLocalToDate('2026-03-29T02:30')).toBeNull();
  });

  it('round-trips every minute of two years, the daylight-saving changes included', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2026, 0, 1) / 60_000, max: Date.UTC(2028, 0, 1) / 60_000 }), (minute) => {
        const instant = new Date(minute * 60_000);
        const local = dateToParisLocal(instant);
        const back = parisLocalToDate(local);
        // The autumn change repeats an hour: both instants read back as the same wall time.
        expect(back && dateToParisLocal(back)).toBe(local);
      }),
      { numRuns: 3000 },
    );
  });
});
