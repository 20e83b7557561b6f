/**
 * A value read from the database at most once per `window()` milliseconds, shared by every
 * caller of that window (one read in flight at a time). `invalidate()` forgets it: a read
 * already in flight may have read the database before the change, so it still answers the
 * callers waiting for it but is not kept, and the next caller reads again. The register's
 * head (lib/register-cache.ts) and the residents' questions stamp
 * (lib/resident-questions/public-stamp.ts) are both read this way.
 */
export class PeriodicRead<T> {
  private value: T | null = null;
  private checkedAt = 0;
  private pending: Promise<T> | null = null;
  /** Moved on by each invalidation: a read started before it is never kept after it. */
  private generation = 0;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly window: () => number,
    /** Told of each value kept, with the one it replaces (null after an invalidation). */
    private readonly onKept?: (value: T, previous: T | null) => void,
  ) {}

  get(): Promise<T> {
    if (this.value !== null && Date.now() - this.checkedAt < this.window()) return Promise.resolve(this.value);
    if (this.pending) return this.pending;
    const generation = this.generation;
    const pending = this.read()
      .then((value) => {
        if (this.generation === generation) {
          this.onKept?.(value, this.value);
          this.value = value;
          this.checkedAt = Date.now();
        }
        return value;
      })
      .finally(() => {
        if (this.pending === pending) this.pending = null;
      });
    this.pending = pending;
    return pending;
  }

  invalidate(): void {
    this.value = null;
    this.pending = null;
    this.generation += 1;
  }
}
