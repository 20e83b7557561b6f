import { describe, expect, it } from 'vitest';
import { inQueue, queuesFor } from '@/lib/auth/queues';

describe('what waits for whom', () => {
  it('gives each role its own queue, the chair and members the same one', () => {
    expect(queuesFor(['technician']).map((q) => q.key)).toEqual(['technician']);
    expect(queuesFor(['chair', 'member']).map((q) => q.key)).toEqual(['committee', 'review']);
    expect(queuesFor(['admin'])).toEqual([]);
  });

  it("puts only a technician's own drafts in their queue, and any submitted file in the officer's", () => {
    const [technician] = queuesFor(['technician']);
    const [officer] = queuesFor(['diagnostician']);
    expect(inQueue(technician!, { state: 'draft', authorId: 'me' }, 'me')).toBe(true);
    expect(inQueue(technician!, { state: 'draft', authorId: 'colleague' }, 'me')).toBe(false);
    expect(inQueue(technician!, { state: 'submitted', authorId: 'me' }, 'me')).toBe(false);
    expect(inQueue(officer!, { state: 'submitted', authorId: 'someone' }, 'me')).toBe(true);
    expect(inQueue(officer!, { state: 'diagnosed', authorId: 'someone' }, 'me')).toBe(false);
  });

  it('lists a file under review under "under review", never under "ready for the committee"', () => {
    const [ready, review] = queuesFor(['member']);
    expect(inQueue(ready!, { state: 'diagnosed', authorId: 'x' }, 'me')).toBe(true);
    expect(inQueue(ready!, { state: 'under_review', authorId: 'x' }, 'me')).toBe(false);
    expect(inQueue(review!, { state: 'under_review', authorId: 'x' }, 'me')).toBe(true);
    expect(inQueue(review!, { state: 'diagnosed', authorId: 'x' }, 'me')).toBe(false);
  });
});
