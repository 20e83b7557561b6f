import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalize as otherCanonicalize } from 'json-canonicalize';
import { describe, expect, it } from 'vitest';
import { addMonths, entryHash, GENESIS_HASH, registerEntrySchema, registerReference, seal, verifyChain, type RegisterEntry, type UnsealedEntry } from '@/lib/domain/register';

const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** Arbitrary register contents (numbers of every kind JCS must write the same way). */
const unsealed = fc.record({
  reference: fc.integer({ min: 1, max: 999 }).map((n) => registerReference(2026, n)),
  sequence: fc.constant(1),
  kind: fc.constantFrom('decision' as const, 'correction' as const, 'revocation' as const),
  corrects: fc.option(fc.constant('CE-2026-001'), { nil: null }),
  note: fc.option(text, { nil: null }),
  publishedAt: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
  decidedAt: day,
  site: fc.record({
    id: fc.uuid(),
    name: text,
    address: text,
    landlord: text,
    lat: fc.double({ min: -90, max: 90, noNaN: true, noDefaultInfinity: true }),
    lon: fc.double({ min: -180, max: 180, noNaN: true, noDefaultInfinity: true }),
  }),
  cameraCount: fc.nat(50),
  purposes: fc.array(fc.constantFrom('fly_tipping', 'rescue_fire'), { maxLength: 2 }),
  retentionDays: fc.integer({ min: 1, max: 30 }),
  privacyMasking: fc.boolean(),
  maskedCameraCount: fc.nat(50),
  investmentEuros: fc.option(fc.nat(), { nil: null }),
  yearlyCostEuros: fc.option(fc.nat(), { nil: null }),
  diagnosticConclusion: fc.constantFrom('opportune' as const, 'not_opportune' as const),
  diagnosticSummary: text,
  outcome: fc.constantFrom('favourable' as const, 'unfavourable' as const),
  conditions: fc.array(fc.record({ kind: fc.constantFrom('masking' as const, 'other' as const), text, dueDate: fc.option(day, { nil: null }) }), { maxLength: 3 }),
  reasons: text,
  publicSummary: text,
  votes: fc.record({ for: fc.nat(20), against: fc.nat(20), abstain: fc.nat(20), recused: fc.nat(20) }),
  previousHash: fc.constant(GENESIS_HASH),
}) satisfies fc.Arbitrary<UnsealedEntry>;

function chainOf(contents: UnsealedEntry[]): RegisterEntry[] {
  const chain: RegisterEntry[] = [];
  for (const [i, c] of contents.entries()) chain.push(seal({ ...c, sequence: i + 1, previousHash: chain[i - 1]?.hash ?? GENESIS_HASH }));
  return chain;
}

describe('the hash rule', () => {
  it('is SHA-256 of the RFC 8785 form: any JCS implementation and any SHA-256 give the same hash', () => {
    fc.assert(
      fc.property(unsealed, (entry) => {
        const independent = createHash('sha256').update(otherCanonicalize(entry), 'utf8').digest('hex');
        expect(entryHash(entry)).toBe(independent);
      }),
    );
  });

  it('does not depend on the order of the fields, and leaves the hash field out', () => {
    fc.assert(
      fc.property(unsealed, (entry) => {
        const reversed = Object.fromEntries(Object.entries(entry).reverse()) as UnsealedEntry;
        expect(entryHash(reversed)).toBe(entryHash(entry));
        const sealed = seal(entry);
        expect(entryHash(sealed)).toBe(sealed.hash);
      }),
    );
  });
});

describe('chain verification', () => {
  it('accepts a well-formed chain and reports its length and head', () => {
    fc.assert(
      fc.property(fc.array(unsealed, { minLength: 1, maxLength: 6 }), (contents) => {
        const chain = chainOf(contents);
        expect(verifyChain(chain)).toEqual({ ok: true, length: chain.length, head: chain[chain.length - 1]!.hash });
      }),
    );
    expect(verifyChain([])).toEqual({ ok: true, length: 0, head: GENESIS_HASH });
  });

  it('names the first entry whose words, place or link were changed', () => {
    fc.assert(
      fc.property(fc.array(unsealed, { minLength: 2, maxLength: 6 }), fc.nat(), fc.constantFrom('words', 'sequence', 'link'), (contents, at, how) => {
        const chain = chainOf(contents);
        const i = at % chain.length;
        const altered = { ...chain[i]! };
        if (how === 'words') altered.reasons += ' (modifié)';
        if (how === 'sequence') altered.sequence += 1;
        if (how === 'link') altered.previousHash = 'a'.repeat(64);
        chain[i] = altered;
        expect(verifyChain(chain)).toEqual({ ok: false, length: i, firstInvalidSequence: i + 1, reason: { words: 'hash', sequence: 'sequence', link: 'previous_hash' }[how] });
      }),
    );
  });

  it('refuses an entry removed from the middle', () => {
    fc.assert(
      fc.property(fc.array(unsealed, { minLength: 3, maxLength: 6 }), fc.nat(), (contents, at) => {
        const chain = chainOf(contents);
        const i = 1 + (at % (chain.length - 2));
        chain.splice(i, 1);
        expect(verifyChain(chain)).toMatchObject({ ok: false, firstInvalidSequence: i + 1 });
      }),
    );
  });
});

describe('dates and references', () => {
  it('keeps the day when adding months, or the last day of a shorter month', () => {
    expect(addMonths('2026-03-15', 60)).toBe('2031-03-15');
    expect(addMonths('2028-02-29', 60)).toBe('2033-02-28');
    expect(addMonths('2031-08-31', -4)).toBe('2031-04-30');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('seals no validity date: the five years run from the prefect’s order (CSI L252-4), which comes after publication', () => {
    expect(Object.keys(registerEntrySchema.shape)).not.toContain('expiresAt');
    expect(Object.keys(registerEntrySchema.shape)).not.toContain('reReviewAt');
  });

  it('writes references as CE-<year>-<number>, three digits at least', () => {
    expect(registerReference(2026, 14)).toBe('CE-2026-014');
    expect(registerReference(2027, 1234)).toBe('CE-2027-1234');
  });
});
