import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { startJobLoop } from '@/lib/jobs/loop';

/** The in-process loop: once per process, on its interval, and nothing it meets brings the server down. */
describe('the job loop in the app’s process', () => {
  afterEach(() => vi.useRealTimers());

  it('runs after its first delay then every interval, survives a database it cannot reach, starts once, and stops', async () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    let calls = 0;
    const db = () => {
      calls += 1;
      throw new Error('DATABASE_URL is not set');
    };
    const loop = startJobLoop({ db: db as unknown as () => Database, intervalSeconds: 60, firstDelaySeconds: 5, log: (l) => lines.push(l) });
    // A second start (a development reload) is the same loop.
    expect(startJobLoop({ db: db as unknown as () => Database, intervalSeconds: 60, log: () => {} })).toBe(loop);
    expect(lines).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(calls).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(1);
    expect(lines.at(-1)).toMatch(/^\[jobs\] run failed: DATABASE_URL is not set/);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(2);
    loop.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(calls).toBe(2);
  });
});
