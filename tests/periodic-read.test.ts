import { describe, expect, it } from 'vitest';
import { PeriodicRead } from '@/lib/periodic-read';

/** A read that waits for `release()` and counts its calls. */
function gatedRead() {
  let reads = 0;
  let release: (value: number) => void = () => {};
  const read = () => {
    reads += 1;
    return new Promise<number>((resolve) => (release = resolve));
  };
  return { read, release: (value: number) => release(value), reads: () => reads };
}

describe('a value read at most once per window', () => {
  it('shares one read between the callers of a window, and reads again after it', async () => {
    let window = 60_000;
    const gate = gatedRead();
    const kept: [number, number | null][] = [];
    const stamp = new PeriodicRead(gate.read, () => window, (value, previous) => kept.push([value, previous]));
    const waiting = [stamp.get(), stamp.get()];
    gate.release(1);
    expect(await Promise.all(waiting)).toEqual([1, 1]);
    expect(await stamp.get()).toBe(1);
    expect(gate.reads()).toBe(1);
    window = 0;
    const next = stamp.get();
    gate.release(2);
    expect(await next).toBe(2);
    expect(gate.reads()).toBe(2);
    expect(kept).toEqual([
      [1, null],
      [2, 1],
    ]);
  });

  it('answers the callers of a read started before an invalidation, but does not keep it', async () => {
    const gate = gatedRead();
    const stamp = new PeriodicRead(gate.read, () => 60_000);
    const before = stamp.get();
    stamp.invalidate();
    gate.release(1);
    expect(await before).toBe(1);
    const after = stamp.get();
    expect(gate.reads()).toBe(2);
    gate.release(2);
    expect(await after).toBe(2);
    expect(await stamp.get()).toBe(2);
    expect(gate.reads()).toBe(2);
  });
});
